"""Counting sequences: [0.0, 0.1, 0.2, 0.3] -> 0.4, with random starts and steps."""

import numpy as np

from ..errors import check


def generate(n: int, length: int = 4, seed: int = 0) -> tuple[np.ndarray, np.ndarray]:
    """X (n, length) and y (n,): start in [0, 0.5], step in {0.05, 0.1, 0.15, 0.2}, rounded to 2 places."""
    check(1 <= n <= 100_000, "count_range", hi=100_000, got=n)
    check(2 <= length <= 100, "length_range", hi=100, got=length)
    rng = np.random.default_rng(seed)
    start = np.round(rng.integers(0, 11, n) * 0.05, 2)[:, None]
    step = rng.choice([0.05, 0.1, 0.15, 0.2], n)[:, None]
    seq = (start + step * np.arange(length + 1)).astype(np.float32)
    return seq[:, :length], seq[:, length]
