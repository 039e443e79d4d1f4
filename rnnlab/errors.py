"""The one exception type the engine raises for bad input, the notes it gives, and their catalog.

Every message a visitor can cause has a key. Its text lives in ``messages/<lang>.toml`` and in
``messages/<area>.<lang>.toml``: ``[err]`` for :class:`RNNLabError` (the work stops), ``[note]`` for
:class:`Note` (a warning; the work goes on). The code names the key and the values the text quotes::

    check(len(vals) >= need, "few_values", need=need, got=len(vals))

``str(err)`` is the English text (what the CLI prints); ``say(err, "ko")`` is the Korean one (what a
page shows). An unknown key is a ``KeyError`` (a bug, caught by tests/test_messages.py), and a key
written in two files of one language is an error too. Anything else that escapes is a bug.
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
                flat = {f"{section}.{k}": v for k, v in table.items()}
                twice = sorted(set(flat) & set(out))
                if twice:
                    raise KeyError(f"{path.name} repeats keys written elsewhere: {', '.join(twice[:5])}")
                out.update(flat)
    return out


def _text(section: str, key: str, values: dict, lang: str = "en") -> str:
    full = f"{section}.{key}"
    table = catalog(lang)
    if full not in table:
        raise KeyError(f"no message {full!r} in rnnlab/messages/*.{lang}.toml")
    return table[full].format(**values)


class RNNLabError(ValueError):
    """Input the engine cannot use, with a message that says what was wrong and how to fix it."""

    section = "err"

    def __init__(self, key: str, **values):
        super().__init__(_text(self.section, key, values))
        self.key = key  # names the message in the catalog (err.<key>)
        self.values = values  # the numbers and names it quotes

    @classmethod
    def from_note(cls, note: "Note") -> "RNNLabError":
        """A note that must stop the work here (the CLI stops on a NaN loss a page only reports)."""
        err = cls.__new__(cls)
        ValueError.__init__(err, str(note))
        err.key, err.values, err.section = note.key, note.values, note.section
        return err


class Note(str):
    """A warning that still lets the work go on (an unknown token, a cut sentence): its English text,
    with a key and values so a page can say it in the visitor's language."""

    section = "note"

    def __new__(cls, key: str, **values):
        note = super().__new__(cls, _text(cls.section, key, values))
        note.key, note.values = key, values
        return note

    def __reduce__(self):  # copy and pickle by key (pandas deep-copies a table's attrs)
        return (_note, (self.key, self.values))


def _note(key: str, values: dict) -> "Note":
    return Note(key, **values)


def check(condition: bool, key: str, **values) -> None:
    """Raise :class:`RNNLabError` for ``key`` (with ``values``) unless ``condition`` holds."""
    if not condition:
        raise RNNLabError(key, **values)


def say(message: Exception | str, lang: str = "en") -> str:
    """An engine error or note in ``lang`` (English for an unknown language); other text as it is."""
    key = getattr(message, "key", None)
    if not key:
        return str(message)
    values = getattr(message, "values", {})
    values = {k: say(v, lang) if getattr(v, "key", None) else v for k, v in values.items()}  # a reason inside
    return _text(getattr(message, "section", "err"), key, values, lang if lang in LANGS else "en")
