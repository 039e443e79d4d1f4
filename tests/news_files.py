"""Synthetic files in the shape of the fake-news tutorial's True.csv and Fake.csv (columns title, text,
subject, date; long articles with commas, quotes and newlines inside quoted fields), for the tests (a few
MB) and bench/upload_memory.py (the real sizes: 21,417 rows in 51 MB, 23,481 rows in 63 MB). Never
committed as files: written to a temporary folder when needed."""

import csv
import io

import numpy as np

WORDS = (
    "the council said on Tuesday that a new plan would cut costs, officials told reporters "
    'while "sources" close to the matter disagreed; critics called it a shocking cover-up and '
    "the president's office declined to comment on the report about taxes, trade and jobs"
).split()


def news_csv(rows: int, mean_chars: int, seed: int = 0) -> bytes:
    """``rows`` articles of about ``mean_chars`` characters each (paragraphs split by newlines, some
    with quotes and commas), as UTF-8 CSV bytes the way the tutorial's files are written."""
    rng = np.random.default_rng(seed)
    out = io.StringIO()
    w = csv.writer(out, lineterminator="\n")
    w.writerow(["title", "text", "subject", "date"])
    words = np.array(WORDS)
    for i in range(rows):
        n = max(5, int(rng.exponential(mean_chars / 6.2)))  # words; long-tailed as real articles
        body = words[rng.integers(0, len(words), n)]
        paras = [" ".join(p) for p in np.array_split(body, max(1, n // 60))]
        title = f"Story {i}: " + " ".join(words[rng.integers(0, len(words), 10)])
        w.writerow([title, "\n\n".join(paras), "politicsNews", f"March {i % 28 + 1}, 2017 "])
    return out.getvalue().encode()
