"""Labelled texts from several files, one class per file: the fake-news tutorial's ``True.csv`` and
``Fake.csv`` (columns title, text, subject, date; 51 and 63 MB as downloaded), or any set of tables whose
rows share a class.

The class of a row is its file's name without the extension (``True.csv`` -> ``True``). Each file is
read as a stream (:func:`rnnlab.data.table_stream.read_drawn`: UTF-8 with or without a BOM, CP949, a
mixed file refused by line), never held whole as text: a file of more than ``MAX_FILE_ROWS`` rows gives a
seeded random draw of that many, in file order, and every cell is cut as it is read to the
``ARTICLE_CHARS`` characters a text keeps, so ten thousand long articles take about 11 MB however long
the file. The text of a row is its chosen columns joined (title, text, or both), cut to its first
``ARTICLE_CHARS`` characters. Checks, each a keyed message that names the file: at least two files, at
most ``MAX_FILES``; at most ``MAX_FILE_MB`` a file and ``MAX_TOTAL_MB`` together; no empty file; two
files may not name the same class; every chosen column in every file; a file with no text left is
refused, empty rows are skipped with a note.
"""

import io
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

import pandas as pd

from ..errors import Note, RNNLabError, check
from . import table_stream
from .corpus import MAX_TEXT, TextSet, from_pairs

MAX_FILES = 10  # one file per class
MAX_FILE_MB = 100  # a file's size (the tutorial's Fake.csv is 63 MB); = server.maxUploadSize (.streamlit)
MAX_TOTAL_MB = 150  # all files together (the tutorial's two: 114 MB)
MAX_FILE_ROWS = 10_000  # rows used of one file (a seeded random draw beyond that)
MAX_READ_ROWS = 200_000  # rows a file may hold at all
ARTICLE_CHARS = MAX_TEXT  # characters kept of one text (title and text joined)
JOIN = "\n"  # between the chosen columns of one row


@dataclass
class ClassFile:
    name: str  # the file's name as uploaded ("True.csv")
    label: str  # its class: the name without the extension ("True")
    table: pd.DataFrame  # its drawn rows, every cell text ("" when empty), stripped and cut (see _cells)
    rows: int  # rows in the file (``table`` holds at most MAX_FILE_ROWS of them)


def class_name(filename: str) -> str:
    """ "True.csv" -> "True"; "fake news.tsv" -> "fake news"; a name without a stem stays as it is."""
    stem = Path(filename).stem.strip()
    return stem or filename.strip()


def _size(source: bytes | BinaryIO) -> int:
    if isinstance(source, bytes):
        return len(source)
    source.seek(0, io.SEEK_END)
    size = source.tell()
    source.seek(0)
    return size


def read_class_files(files: list[tuple[str, bytes | BinaryIO]], seed: int = 0) -> list[ClassFile]:
    """``(file name, bytes or a binary file such as Streamlit's upload)`` of each file -> one
    :class:`ClassFile` per class, in the given order. Every problem is a keyed error that names the file
    (``in_file``) or the files."""
    check(len(files) >= 2, "files_one", name=files[0][0] if files else "-")
    check(len(files) <= MAX_FILES, "files_many", n=len(files), max=MAX_FILES)
    total = sum(_size(source) for _, source in files) / 2**20
    check(total <= MAX_TOTAL_MB, "files_big", mb=total, max_mb=MAX_TOTAL_MB)
    seen: dict[str, str] = {}
    for name, _ in files:  # before any file is read
        label = class_name(name)
        other = seen.get(label.casefold())
        check(other is None, "files_same_class", a=other, b=name, label=label)
        seen[label.casefold()] = name
    out = []
    for name, source in files:
        stream = io.BytesIO(source) if isinstance(source, bytes) else source  # shares the bytes, no copy
        try:
            drawn = table_stream.read_drawn(
                stream, MAX_FILE_ROWS, MAX_READ_ROWS, ARTICLE_CHARS, seed=seed, max_mb=MAX_FILE_MB
            )
        except RNNLabError as err:
            raise RNNLabError("in_file", file=name, reason=err) from None
        df = pd.DataFrame(drawn.rows, columns=[c.strip() for c in drawn.columns], dtype=str)
        out.append(ClassFile(name, class_name(name), df, drawn.total))
    return out


def shared_columns(files: list[ClassFile]) -> list[str]:
    """The columns every file has, in the first file's order; none shared is a keyed error."""
    cols = [c for c in files[0].table.columns if all(c in f.table.columns for f in files[1:])]
    detail = "; ".join(f"{f.name}: {', '.join(map(str, f.table.columns[:8]))}" for f in files)
    check(len(cols) > 0, "files_no_shared", detail=detail)
    return cols


def text_columns(files: list[ClassFile]) -> list[str]:
    """The shared columns a chooser should start with: ``title`` (short, fast), else ``text``, else the
    shared column with the longest cells."""
    cols = shared_columns(files)
    for name in ("title", "text"):
        if name in cols:
            return [name]
    lengths = {c: sum(f.table[c].str.len().mean() for f in files) for c in cols}
    return [max(cols, key=lambda c: lengths[c])]


def joined(f: ClassFile, columns: list[str]) -> list[str]:
    """One text per drawn row of ``f``: its ``columns`` (present in ``f``) joined, not yet cut."""
    parts = [f.table[c].astype(str).str.strip() for c in columns]
    return [JOIN.join(p for p in row if p) for row in zip(*parts)]


def cut_count(f: ClassFile, columns: list[str]) -> int:
    """How many of ``f``'s texts in ``columns`` are longer than ``ARTICLE_CHARS`` (and will be cut)."""
    return sum(len(t) > ARTICLE_CHARS for t in joined(f, [c for c in columns if c in f.table.columns]))


def to_text_set(files: list[ClassFile], columns: list[str]) -> TextSet:
    """One text per row (its ``columns`` joined, in that order) labelled with its file's class. Rows with
    no text are skipped (a note per file), a file with none is an error; long texts are cut (a note)."""
    check(len(columns) > 0, "files_no_columns")
    pairs, notes, cut = [], [], 0
    for f in files:
        for c in columns:
            check(
                c in f.table.columns,
                "files_no_column",
                file=f.name,
                column=c,
                columns=", ".join(f.table.columns),
            )
        kept = [t for t in joined(f, columns) if t.strip()]
        check(len(kept) > 0, "files_no_texts", file=f.name, columns=", ".join(columns))
        if len(kept) < len(f.table):
            notes.append(Note("files_empty_texts", file=f.name, n=len(f.table) - len(kept)))
        if f.rows > len(f.table):
            notes.append(Note("files_sampled", file=f.name, n=f.rows, max=len(f.table)))
        cut += sum(len(t) > ARTICLE_CHARS for t in kept)
        pairs += [(t[:ARTICLE_CHARS], f.label) for t in kept]
    if cut:
        notes.append(Note("files_cut", n=cut, max=ARTICLE_CHARS))
    return from_pairs(pairs, notes)
