"""The shipped public-domain texts (assets/texts, sources and licences in SOURCES.md)."""

from functools import cache
from pathlib import Path

DIR = Path(__file__).resolve().parents[2] / "assets" / "texts"
SHIPPED = {"en": "sonnets-en.txt", "ko": "poems-ko.txt"}  # language -> file


@cache
def shipped(lang: str) -> str:
    return (DIR / SHIPPED[lang]).read_text(encoding="utf-8")
