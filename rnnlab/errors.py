"""The one exception type the engine raises for bad input, the notes it gives, and their catalog.

Every message a visitor can cause has a key. Its text lives in ``messages/<lang>.toml`` (and any
``messages/<area>.<lang>.toml``): ``[err]`` for :class:`RNNLabError` (the work stops), ``[note]`` for
:class:`Note` (a warning; the work goes on). The code names the key and the values the text quotes::

    check(len(vals) >= need, "few_values", need=need, got=len(vals))

``str(err)`` is the English text (what the CLI prints); ``say(err, "ko")`` is the Korean one (what a
page shows). Anything else that escapes is a bug, not a user error.

Transition: a call that passes English text instead of a known key still works (``key`` may name
its translation); tests/test_messages.py lists the sites left to convert.
"""

import tomllib
from functools import cache
from pathlib import Path

LANGS = ("en", "ko")
_DIR = Path(__file__).with_name("messages")


@cache
def catalog(lang: str) -> dict[str, str]:
    """``{"err.<key>": text, "note.<key>": text}`` from ``<lang>.toml`` and every ``<area>.<lang>.toml``."""
    out: dict[str, str] = {}
    for path in sorted(_DIR.glob("*.toml")):
        if path.name == f"{lang}.toml" or path.name.endswith(f".{lang}.toml"):
            for section, table in tomllib.loads(path.read_text(encoding="utf-8")).items():
                out.update({f"{section}.{k}": v for k, v in table.items()})
    return out


def _resolve(section: str, text: str, key: str | None, values: dict) -> tuple[str, str | None]:
    """(English text, key): ``text`` may itself be a key of the catalog."""
    if key is None and f"{section}.{text}" in catalog("en"):
        key = text
    if key is not None and f"{section}.{key}" in catalog("en"):
        text = catalog("en")[f"{section}.{key}"].format(**values)
    return text, key


class RNNLabError(ValueError):
    """Input the engine cannot use, with a message that says what was wrong and how to fix it."""

    section = "err"

    def __init__(self, key: str, legacy_key: str | None = None, **values):
        text, key = _resolve(self.section, key, legacy_key, values)
        super().__init__(text)
        self.key = key  # names the message in the catalog (err.<key>)
        self.values = values  # the numbers and names it quotes


class Note(str):
    """A warning that still lets the work go on (an unknown token, a cut sentence): its English text,
    with a key and values so a page can say it in the visitor's language."""

    section = "note"

    def __new__(cls, key: str, legacy_key: str | None = None, **values):
        text, key = _resolve(cls.section, key, legacy_key, values)
        note = super().__new__(cls, text)
        note.key, note.values = key, values
        return note


def check(condition: bool, key: str, legacy_key: str | None = None, **values) -> None:
    """Raise :class:`RNNLabError` for ``key`` (with ``values``) unless ``condition`` holds."""
    if not condition:
        raise RNNLabError(key, legacy_key, **values)


def say(message: Exception | str, lang: str = "en") -> str:
    """An engine error or note in ``lang`` (falling back to English, then to its own text)."""
    key = getattr(message, "key", None)
    if key:
        full = f"{getattr(message, 'section', 'err')}.{key}"
        for candidate in (lang, "en"):
            text = catalog(candidate).get(full) if candidate in LANGS else None
            if text is not None:
                return text.format(**getattr(message, "values", {}))
    return str(message)
