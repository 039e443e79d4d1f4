"""Labelled texts for the Sentence lab: built-in sets, pasted lines, uploaded tables, shipped corpora.

Every source becomes a :class:`TextSet`. Caps protect a shared server: ``MAX_ROWS`` pasted or uploaded
texts, ``MAX_CORPUS_ROWS`` from a downloaded corpus, and ``MAX_TEXT`` characters per text (longer texts
are cut, and the cut is reported).
"""

import gzip
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from ..errors import Note, RNNLabError, check
from . import table

ASSETS = Path(__file__).resolve().parents[2] / "assets"
MAX_ROWS = 20_000  # pasted lines or uploaded rows
MAX_CORPUS_ROWS = 65_000  # a corpus subset: 50,000 training texts and a quarter as many held out
MAX_TEXT = 1_000  # characters kept of one text
MAX_CLASSES = 50


@dataclass
class TextSet:
    texts: list[str]  # one text per example
    labels: list[int]  # class ids 0..C-1, one per text
    classes: list[str]  # class names, by id
    test_index: list[int] | None = None  # a fixed held-out part (corpora that define one), else None
    notes: list[str] = field(default_factory=list)  # what was dropped or cut while reading

    def __post_init__(self):
        n = len(self.texts)
        check(n == len(self.labels), "text_label_count", texts=n, labels=len(self.labels))
        check(n >= 4, "few_texts", n=n)
        check(n <= MAX_CORPUS_ROWS, "many_rows", n=n, max=MAX_CORPUS_ROWS)
        found = sorted(set(self.labels))
        check(len(found) >= 2, "one_class", label=self.classes[found[0]])
        check(len(self.classes) <= MAX_CLASSES, "many_classes", n=len(self.classes), max=MAX_CLASSES)

    def split(self, test_share: float = 0.2, seed: int = 0) -> tuple[np.ndarray, np.ndarray]:
        """(train, test) row indices: the corpus's fixed test part, else a seeded stratified draw."""
        n = len(self.texts)
        if self.test_index is not None:
            test = np.array(sorted(self.test_index))
            return np.setdiff1d(np.arange(n), test), test
        rng = np.random.default_rng(seed)
        labels = np.array(self.labels)
        test = []
        for c in np.unique(labels):
            rows = rng.permutation(np.flatnonzero(labels == c))
            test.extend(rows[: max(1, int(round(len(rows) * test_share)))] if len(rows) > 1 else [])
        test = np.array(sorted(test), dtype=int)
        return np.setdiff1d(np.arange(n), test), test


def from_pairs(pairs: list[tuple[str, object]], notes: list[str] | None = None) -> TextSet:
    """(text, label) pairs with labels of any kind; classes are numbered in sorted order."""
    notes = list(notes or [])
    cut = sum(len(t) > MAX_TEXT for t, _ in pairs)
    if cut:
        notes.append(Note("texts_cut", n=cut, max=MAX_TEXT))
    names = sorted(
        {str(l) for _, l in pairs},
        key=lambda s: (not s.lstrip("-").isdigit(), int(s) if s.lstrip("-").isdigit() else 0, s),
    )
    index = {n: i for i, n in enumerate(names)}
    return TextSet([t[:MAX_TEXT] for t, _ in pairs], [index[str(l)] for _, l in pairs], names, notes=notes)


def parse_pairs(text: str) -> TextSet:
    """Pasted lines "sentence<TAB>label" or "sentence,label" (the label after the last tab or comma);
    empty lines are skipped; a line without a label is an error that names its number."""
    pairs, bad, empty = [], [], 0
    for no, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            empty += 1
            continue
        sep = "\t" if "\t" in line else ","
        body, found, label = line.rpartition(sep)
        if not found or not body.strip() or not label.strip():
            bad.append(no)
            continue
        pairs.append((body.strip().strip('"'), label.strip()))
    check(len(pairs) <= MAX_ROWS, "many_rows", n=len(pairs), max=MAX_ROWS)
    if bad:
        lines = f"{', '.join(map(str, bad[:5]))}{' …' if len(bad) > 5 else ''}"
        raise RNNLabError("no_label", lines=lines)
    return from_pairs(pairs, [Note("empty_lines", n=empty)] if empty else [])


def read_table(text) -> pd.DataFrame:
    """CSV, TSV or semicolon text or bytes -> a table of strings (rnnlab.data.table: the one reader)."""
    return table.read_table(text, MAX_ROWS, min_columns=2)


def from_table(df: pd.DataFrame, text_col: str, label_col: str) -> TextSet:
    check(text_col != label_col, "same_column")
    rows = [(t, l) for t, l in zip(df[text_col], df[label_col])]
    kept = [(t, l) for t, l in rows if str(t).strip() and str(l).strip()]
    gone = len(rows) - len(kept)
    notes = [Note("empty_rows", n=gone)] if gone else []
    return from_pairs(kept, notes)


def movie_reviews(neutral: float = 0.0, test_every: int = 5) -> TextSet:
    """10,605 movie-review snippets rated -4..+4 by people (Hutto & Gilbert, ICWSM 2014, shipped with
    vaderSentiment 3.3.2, MIT). Label = sign of the rating; ``neutral`` drops |rating| below it; every
    ``test_every``-th snippet (by id) is the fixed test part."""
    with gzip.open(ASSETS / "movie-review-snippets.tsv.gz", "rt", encoding="utf-8") as f:
        rows = [line.rstrip("\n").split("\t") for line in f if line.strip()]
    kept = [(int(i), float(r), t) for i, r, t in rows if abs(float(r)) >= max(neutral, 1e-9)]
    texts = [t for _, _, t in kept]
    labels = [int(r > 0) for _, r, _ in kept]
    test = [k for k, (i, _, _) in enumerate(kept) if i % test_every == 0]
    return TextSet(
        texts,
        labels,
        ["negative", "positive"],
        test_index=test,
        notes=[Note("neutral_dropped" if neutral > 0 else "zero_rated_dropped", n=len(rows) - len(kept))]
        if len(kept) < len(rows)
        else [],
    )
