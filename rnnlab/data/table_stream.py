"""A large uploaded table read as a stream: a seeded draw of its rows, each cell cut short, never the whole
file as text (the fake-news tutorial's True.csv and Fake.csv are 51 and 63 MB of long articles).

The file is read three times from its bytes, a chunk at a time: the encoding (:func:`files.stream_encoding`,
with ``read_upload``'s checks and messages), then the rows counted, then the drawn rows kept. The rows read
as :func:`table.read_table` reads them (pandas): the separator sniffed from the first line, the first
non-blank row the header (an empty name becomes ``Unnamed: i``, a repeated one ``name.1``), blank lines
skipped, a short row padded with "", quotes around fields with separators, quotes or newlines inside. A
row longer than the header is refused (pandas would quietly take the first column for an index) unless
only empty fields trail (separators some exports add at line ends). A file of more than ``keep`` rows
gives the draw ``read_table`` + ``numpy`` gave: ``keep`` row numbers drawn without replacement by
``default_rng(seed)``, kept in file order.
"""

import csv
import io
from dataclasses import dataclass
from itertools import chain
from typing import BinaryIO

import numpy as np

from ..errors import RNNLabError, check
from .files import stream_encoding
from .table import sniff_separator

FIELD_CHARS = 1 << 20  # longest cell read (csv's default is 131,072); a longer one is a quote left open
CUT_MARK = "…"  # ends a cell that was cut: one character past the kept length, so the cut is still seen


@dataclass
class StreamedTable:
    columns: list[str]  # the header's names
    rows: list[list[str]]  # the kept rows in file order, each cell stripped and cut
    total: int  # data rows in the file


def _rows(stream: BinaryIO, encoding: str):
    """(separator, csv reader) over the stream decoded as text; the stream is not closed after."""
    text = io.TextIOWrapper(stream, encoding=encoding, newline="")
    first = text.readline()
    sep = sniff_separator(first)
    csv.field_size_limit(max(csv.field_size_limit(), FIELD_CHARS))  # process-wide: only ever raised
    reader = csv.reader(chain([first], text), delimiter=sep, quotechar='"', doublequote=True)
    return text, (row for row in reader if row)  # a blank line is no row, as in pandas


def _header(row: list[str] | None) -> list[str]:
    check(
        row is not None and any(c.strip() for c in row),
        "table_unreadable",
        detail="No columns to parse from file",
    )
    seen: dict[str, int] = {}
    out = []
    for i, name in enumerate(row):
        name = name or f"Unnamed: {i}"
        n = seen.get(name, 0)
        seen[name] = n + 1
        out.append(f"{name}.{n}" if n else name)
    return out


def _cut(cell: str, chars: int) -> str:
    cell = cell.strip()
    return cell if len(cell) <= chars else cell[:chars] + CUT_MARK


def _scan(stream: BinaryIO, encoding: str, keep_row=None, chars: int = 0) -> tuple[list[str], list, int]:
    """One pass: the header, the rows ``keep_row(i)`` picks (cells cut to ``chars``), the data rows."""
    stream.seek(0)
    text, rows = _rows(stream, encoding)
    kept, n = [], 0
    try:
        header = _header(next(rows, None))
        width = len(header)
        for n, row in enumerate(rows, 1):
            if len(row) > width and not any(c.strip() for c in row[width:]):
                row = row[:width]  # trailing separators (as some exports write): nothing lost
            if len(row) > width:
                raise RNNLabError(
                    "table_unreadable", detail=f"expected {width} fields in row {n + 1}, saw {len(row)}"
                )
            if keep_row is not None and keep_row(n - 1):
                kept.append([_cut(c, chars) for c in row] + [""] * (width - len(row)))
    except csv.Error as err:
        raise RNNLabError("table_unreadable", detail=str(err)) from None
    except UnicodeDecodeError:
        raise RNNLabError("file_encoding") from None
    finally:
        text.detach()  # the wrapper would close the upload with it
        stream.seek(0)
    return header, kept, n


def read_drawn(
    stream: BinaryIO, keep: int, max_rows: int, chars: int, seed: int = 0, max_mb: float = 5
) -> StreamedTable:
    """At most ``keep`` rows of a table (a seeded draw in file order beyond that), every cell stripped and
    cut to ``chars`` characters plus :data:`CUT_MARK`; at most ``max_rows`` rows in the file at all."""
    encoding = stream_encoding(stream, max_mb)
    header, _, total = _scan(stream, encoding)
    check(total >= 1, "no_rows")
    check(total <= max_rows, "many_rows", n=total, max=max_rows)
    mask = np.ones(total, dtype=bool)  # (total,)
    if total > keep:  # the draw read_table + numpy made, so a file keeps giving the same rows
        mask[:] = False
        mask[np.random.default_rng(seed).choice(total, keep, replace=False)] = True
    _, rows, _ = _scan(stream, encoding, keep_row=mask.__getitem__, chars=chars)
    return StreamedTable(header, rows, total)
