"""The one exception type the engine raises for bad input.

Pages show ``str(err)`` in the page; the command line prints it on one line and exits 2.
Anything else that escapes is a bug, not a user error.
"""


class RNNLabError(ValueError):
    """Input the engine cannot use, with a message that says what was wrong and how to fix it."""


def check(condition: bool, message: str) -> None:
    """Raise :class:`RNNLabError` with ``message`` unless ``condition`` holds."""
    if not condition:
        raise RNNLabError(message)
