"""The one reader of uploaded tables (the Sentence lab's labelled texts, the Forecast lab's series).

Bytes are decoded by :func:`files.read_upload` (UTF-8 with or without a byte-order mark, CP949 as a
fallback); the separator is sniffed from the first line: a tab, a comma or a semicolon, whichever it
holds most (a comma wins ties). A semicolon table (as a spreadsheet set to a European locale saves it)
is read as such and says so in a keyed note, so a visitor knows why the columns came out as they did.
Notes ride on the table: ``df.attrs["notes"]``.
"""

import csv
import io
from pathlib import Path

import pandas as pd

from ..errors import Note, RNNLabError, check
from .files import read_upload

SEPARATORS = {",": "comma", "\t": "tab", ";": "semicolon"}


def sniff_separator(text: str) -> str:
    """The separator the first line uses most: tab, comma or semicolon (comma on a tie or none)."""
    first = text.split("\n", 1)[0]
    counts = {sep: first.count(sep) for sep in SEPARATORS}
    best = max(counts, key=lambda s: (counts[s], s == ","))
    return best if counts[best] > 0 else ","


def read_table(
    source, max_rows: int, min_columns: int = 1, text_cells: bool = True, max_mb: float = 5
) -> pd.DataFrame:
    """A table from bytes, text, a path or a file object. ``text_cells`` keeps every cell as text, empty
    cells as ""; otherwise pandas infers numbers and an empty cell is missing (NaN)."""
    if (
        isinstance(source, (str, Path))
        and Path(str(source)).suffix in (".csv", ".tsv", ".txt")
        and "\n" not in str(source)
    ):
        source = Path(source).read_bytes()
    elif hasattr(source, "read"):
        source = source.read()
    text = read_upload(source, max_mb) if isinstance(source, bytes) else source
    sep = sniff_separator(text)
    options = {"dtype": str, "keep_default_na": False} if text_cells else {}
    try:
        df = pd.read_csv(io.StringIO(text), sep=sep, quoting=csv.QUOTE_MINIMAL, **options)
    except (pd.errors.ParserError, pd.errors.EmptyDataError) as err:
        raise RNNLabError("table_unreadable", detail=str(err).splitlines()[0]) from None
    check(len(df.columns) >= 1 and len(df) >= 1, "no_rows")
    check(len(df.columns) >= min_columns, "two_columns")
    check(len(df) <= max_rows, "many_rows", n=len(df), max=max_rows)
    df.attrs["notes"] = [Note("semicolon_sep")] if sep == ";" else []
    return df
