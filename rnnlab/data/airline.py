"""Monthly series (airline passengers 1949-1960, or the user's own): windows, preprocessing, split.

The split is chronological and fixed by the *target months*: the last ``n_test`` months (28 by
default, the classic tutorial's test part) are predicted one step ahead whatever the window, so
results compare across window sizes. Every preprocessing is fitted on the training months only,
except ``leaky-standardize``, the tutorial's habit of using the whole series' mean and std.
"""

from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from ..errors import RNNLabError, check
from . import table

ASSET = Path(__file__).resolve().parents[2] / "assets" / "airline-passengers.csv"
TEST_MONTHS = 28
PERIOD = 12
PREPROCESS = ("none", "standardize", "log", "seasonal-diff", "leaky-standardize")
MAX_ROWS = 100_000
MIN_TRAIN_WINDOWS = 3


def load_csv(
    source, value_col: str | None = None, date_col: str | None = None
) -> tuple[list[str], np.ndarray]:
    """Dates (as text) and float values from a CSV path or file object; clear errors for bad files."""
    return series_from(read_csv(source), value_col, date_col)


def read_csv(source) -> pd.DataFrame:
    """A CSV path, file object, text or bytes -> a table with at least one row and at most ``MAX_ROWS``
    (rnnlab.data.table: the one reader of both uploads)."""
    return table.read_table(source, MAX_ROWS, text_cells=False)


def series_from(
    df: pd.DataFrame, value_col: str | None = None, date_col: str | None = None
) -> tuple[list[str], np.ndarray]:
    """Dates (as text) and float values from a table: the value column must hold numbers (gaps allowed)."""
    value_col = value_col or df.columns[-1]
    check(value_col in df.columns, "no_column", column=value_col, columns=", ".join(map(str, df.columns)))
    values = pd.to_numeric(df[value_col], errors="coerce")
    bad = df.index[values.isna() & df[value_col].notna()].tolist()
    if bad:
        sample = ", ".join(f"row {i + 2} ({df[value_col][i]!r})" for i in bad[:3])
        more = f" (+{len(bad) - 3})" if len(bad) > 3 else ""
        raise RNNLabError("not_numeric", column=value_col, sample=sample + more)
    dates = df[date_col].astype(str).tolist() if date_col else [str(i) for i in range(len(df))]
    if date_col is None and len(df.columns) > 1:
        dates = df[df.columns[0]].astype(str).tolist()
    return dates, values.to_numpy(dtype=float)


def fill_missing(values: np.ndarray, how: str = "interpolate") -> tuple[np.ndarray, int]:
    """Missing values (NaN) dropped or linearly interpolated; returns the series and how many there were."""
    check(how in ("drop", "interpolate"), "missing_how", got=how)
    v = np.asarray(values, dtype=float)
    missing = int(np.isnan(v).sum())
    if missing == 0:
        return v, 0
    check(missing < len(v), "all_missing")
    if how == "drop":
        return v[~np.isnan(v)], missing
    idx = np.arange(len(v))
    ok = ~np.isnan(v)
    return np.interp(idx, idx[ok], v[ok]), missing


def load_airline() -> tuple[list[str], np.ndarray]:
    """The 144 monthly totals of international airline passengers (thousands), 1949-01 to 1960-12."""
    return load_csv(ASSET, "Passengers", "Month")


@dataclass
class Transform:
    kind: str  # one of PREPROCESS
    mean: float = 0.0  # of the transformed training values (standardize, log, seasonal-diff)
    std: float = 1.0
    period: int = PERIOD  # seasonal-diff lag

    @classmethod
    def fit(cls, kind: str, y: np.ndarray, split: int) -> "Transform":
        check(kind in PREPROCESS, "choice", name="prep", choices=", ".join(PREPROCESS), got=kind)
        if kind in ("log", "seasonal-diff"):
            check(bool(np.all(y > 0)), "prep_positive", kind=kind)
        t = cls(kind)
        if kind == "none":
            return t
        z = t._raw(y)
        part = z if kind == "leaky-standardize" else z[:split]
        part = part[~np.isnan(part)]
        t.mean, t.std = float(part.mean()), float(part.std()) or 1.0
        return t

    def _raw(self, y: np.ndarray) -> np.ndarray:
        if self.kind == "log":
            return np.log(y)
        if self.kind == "seasonal-diff":
            z = np.full(len(y), np.nan)
            z[self.period :] = np.log(y[self.period :]) - np.log(y[: -self.period])
            return z
        return y.astype(float)

    def forward(self, y: np.ndarray) -> np.ndarray:
        """Series -> model units (NaN where undefined: the first ``period`` steps of seasonal-diff)."""
        return (self._raw(y) - self.mean) / self.std

    def inverse(self, z: np.ndarray, t: np.ndarray, y: np.ndarray) -> np.ndarray:
        """Model units at target indices ``t`` -> original units; ``y`` supplies y[t - period]."""
        raw = np.asarray(z, dtype=float) * self.std + self.mean
        if self.kind == "log":
            return np.exp(raw)
        if self.kind == "seasonal-diff":
            return np.exp(raw + np.log(y[np.asarray(t) - self.period]))
        return raw

    @property
    def first_valid(self) -> int:
        return self.period if self.kind == "seasonal-diff" else 0


@dataclass
class Windows:
    x: np.ndarray  # (n, window) inputs in model units
    y: np.ndarray  # (n,) targets in model units
    t: np.ndarray  # (n,) index of each target in the series
    n_train: int  # the first n_train windows train; the rest are the test months
    transform: Transform


def max_window(n_values: int, n_test: int = TEST_MONTHS, preprocess: str = "standardize") -> int:
    first = PERIOD if preprocess == "seasonal-diff" else 0
    return n_values - n_test - first - MIN_TRAIN_WINDOWS


def make_windows(
    y: np.ndarray, window: int, preprocess: str = "standardize", n_test: int = TEST_MONTHS
) -> Windows:
    """Sliding windows over the series; targets of the last ``n_test`` months form the test part."""
    y = np.asarray(y, dtype=float)
    check(not np.isnan(y).any(), "series_missing")
    check(1 <= n_test < len(y), "test_range", hi=len(y) - 1, got=n_test)
    limit = max_window(len(y), n_test, preprocess)
    check(
        isinstance(window, (int, np.integer)) and window >= 1,
        "whole_range",
        name="window",
        lo=1,
        hi=max(limit, 1),
        got=window,
    )
    check(window <= limit, "window_long", window=window, n=len(y), n_test=n_test, hi=max(limit, 0))
    split = len(y) - n_test
    tf = Transform.fit(preprocess, y, split)
    z = tf.forward(y)
    t = np.arange(tf.first_valid + window, len(y))
    x = np.stack([z[i - window : i] for i in t]).astype(np.float32)  # (n, window)
    return Windows(x, z[t].astype(np.float32), t, int((t < split).sum()), tf)


def baselines(y: np.ndarray, t: np.ndarray, period: int = PERIOD) -> dict[str, np.ndarray]:
    """One-step-ahead forecasts of y[t]: naive (last value) and seasonal naive (a period before)."""
    out = {"naive": y[t - 1]}
    if np.all(t >= period):
        out["seasonal naive"] = y[t - period]
    return out
