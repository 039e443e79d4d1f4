"""The one exception type the engine raises for bad input.

Pages show the message in the page; the command line prints it on one line and exits 2. An error may
carry a ``key`` and its ``values``: a page then says it in the visitor's language when the locale has
``err.<key>`` (``rnnlab.i18n.explain``), else in the English of the message. Warnings that do not stop
the work are :class:`Note` strings, translated the same way from ``note.<key>``. Anything else that
escapes is a bug, not a user error.
"""


class RNNLabError(ValueError):
    """Input the engine cannot use, with a message that says what was wrong and how to fix it."""

    section = "err"  # its translations live in the locales' [err]

    def __init__(self, message: str, key: str | None = None, **values):
        super().__init__(message)
        self.key = key  # names the message in the locales (err.<key>), or None
        self.values = values  # the numbers and names it quotes


class Note(str):
    """A warning that still lets the work go on (an unknown token, a cut sentence): its English text,
    with a key and values so a page can say it in the visitor's language (the locales' [note])."""

    section = "note"

    def __new__(cls, message: str, key: str, **values):
        note = super().__new__(cls, message)
        note.key, note.values = key, values
        return note


def check(condition: bool, message: str, key: str | None = None, **values) -> None:
    """Raise :class:`RNNLabError` with ``message`` (and ``key``/``values``) unless ``condition`` holds."""
    if not condition:
        raise RNNLabError(message, key, **values)
