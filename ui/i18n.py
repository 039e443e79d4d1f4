"""Every label, help text and explanation of the site, in English and Korean, in one place.

Strings live in ``locales/<lang>.toml`` and in one file per area, ``locales/<area>.<lang>.toml``
(a lab's own strings), tables flattened to dotted keys (``[emoji] title`` is ``emoji.title``). A key
written in two files is an error, not a silent override.
``t`` falls back to English, then to the key itself, so a missing string shows as
its key instead of breaking a page; a test checks that both languages have every key.
"""

import tomllib
from functools import cache
from pathlib import Path

from rnnlab.errors import say

LANGS = {"en": "English", "ko": "한국어"}
_DIR = Path(__file__).with_name("locales")


def _flatten(table: dict, prefix: str = "") -> dict[str, str]:
    out = {}
    for k, v in table.items():
        key = f"{prefix}{k}"
        out.update(_flatten(v, key + ".") if isinstance(v, dict) else {key: v})
    return out


@cache
def strings(lang: str) -> dict[str, str]:
    """Every string of ``lang``: ``<lang>.toml`` and each ``<area>.<lang>.toml``, flattened."""
    out: dict[str, str] = {}
    for path in sorted(_DIR.glob("*.toml")):
        if path.name == f"{lang}.toml" or path.name.endswith(f".{lang}.toml"):
            table = _flatten(tomllib.loads(path.read_text(encoding="utf-8")))
            twice = sorted(set(table) & set(out))
            if twice:
                raise KeyError(f"{path.name} repeats keys written elsewhere: {', '.join(twice[:5])}")
            out.update(table)
    return out


def t(key: str, lang: str = "en", **values) -> str:
    s = strings(lang).get(key) if lang in LANGS else None
    s = s if s is not None else strings("en").get(key, key)
    return s.format(**values) if values else s


def pick_language(query: str | None, locale: str | None) -> str:
    """The URL's ``lang`` if valid, else the browser's language (``ko-KR`` -> ko), else English."""
    if query in LANGS:
        return query
    if locale and locale.split("-")[0].lower() in LANGS:
        return locale.split("-")[0].lower()
    return "en"


def explain(err: Exception, lang: str = "en") -> str:
    """An engine error or note in ``lang`` (the engine's catalog, ``rnnlab/messages``)."""
    return say(err, lang)
