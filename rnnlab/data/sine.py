"""Noisy two-sine series (the classic deep-RNN tutorial data): predict the next value of a window.

Each series: 0.5*sin((t-o1)*(f1*10+10)) + 0.1*sin((t-o2)*(f2*10+10)) + 0.1*(U-0.5), t in
linspace(0, 1, window+1); the model reads the first ``window`` values and predicts the last one.
(The Keras tutorial fed the target inside its input window; here the target is never an input.)
"""

import numpy as np

from ..errors import check


def generate(n: int, window: int = 50, seed: int = 2022) -> tuple[np.ndarray, np.ndarray]:
    """X (n, window) and y (n,), float32, reproducible from ``seed``."""
    check(1 <= n <= 200_000, "count_range", hi=200_000, got=n)
    check(2 <= window <= 1_000, "length_range", hi=1_000, got=window)
    rng = np.random.default_rng(seed)
    f1, f2, o1, o2 = rng.random((4, n, 1))
    t = np.linspace(0, 1, window + 1)
    series = 0.5 * np.sin((t - o1) * (f1 * 10 + 10)) + 0.1 * np.sin((t - o2) * (f2 * 10 + 10))
    series += 0.1 * (rng.random((n, window + 1)) - 0.5)
    series = series.astype(np.float32)
    return series[:, :window], series[:, window]
