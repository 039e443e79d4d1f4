"""Average K models: the same network trained from K seeds, and its forecast with the members' spread.

Member k (k = 0..K-1) is the run's model with seed ``seed + k``: member 0 *is* the single model, so an
ensemble of one is exactly the model alone. Every member forecasts in original units (passengers), and

    y_ens[t]  = (1/K) sum_k y_k[t]                      the ensemble's forecast
    band[t]   = [min_k y_k[t], max_k y_k[t]]            its spread: every member lies inside

Averaging in original units, after each member's own inverse preprocessing, keeps one rule for one-step
and recursive forecasts (each member feeds back its own predictions) and for the CLI's test metrics.
Averaging cancels part of what depends on the seed (the initial weights and the shuffling), which is
why it helps most on tiny data such as 91 training months.

Classifiers (the CLI's ``--ensemble K`` on text tasks) average the members' class probabilities:

    p_ens[n] = (1/K) sum_k p_k[n]       label[n] = argmax_c p_ens[n, c]   (two classes: p_ens[n, 1] >= 0.5)
"""

from dataclasses import dataclass, replace

import numpy as np

from .config import TrainConfig
from .errors import check

MAX_MEMBERS = 10  # the knob's upper bound (rnnlab.knobs): K runs cost K times one run


def member_seeds(seed: int, k: int) -> list[int]:
    """Seeds of the K members: ``seed``, ``seed + 1``, ... (the first is the single model's)."""
    check(isinstance(k, int) and 1 <= k <= MAX_MEMBERS, "ensemble_range", hi=MAX_MEMBERS, got=k)
    check(seed + k - 1 <= 2**31 - 1, "ensemble_seed", seed=seed, k=k)
    return [seed + i for i in range(k)]


def member_configs(tc: TrainConfig) -> list[TrainConfig]:
    """One training config per member: the run's, with the member's seed (and ``ensemble`` kept)."""
    return [replace(tc, seed=s) for s in member_seeds(tc.seed, tc.ensemble)]


def member_name(base: str, k: int) -> str:
    """How a page names member k: the first keeps the model's own name ("GRU"), then "GRU #2", ..."""
    return base if k == 0 else f"{base} #{k + 1}"


@dataclass
class Spread:
    mean: np.ndarray  # (M,) the ensemble's forecast: the members' mean
    low: np.ndarray  # (M,) the lowest member at each step
    high: np.ndarray  # (M,) the highest member at each step
    members: np.ndarray  # (K, M) every member's forecast


def class_vote(members, y) -> tuple[np.ndarray, float]:
    """Members' probabilities, (K, N) of the last class for a binary head or (K, N, C), and the labels
    (N,) -> the mean probabilities (N, C) and the accuracy of their labels."""
    from .predict import THRESHOLD

    p = np.asarray(members, dtype=float)
    if p.ndim == 2:  # binary: P(class 1) -> both classes
        p = np.stack([1 - p, p], axis=-1)  # (K, N, 2)
    check(p.ndim == 3 and p.shape[0] >= 1, "ensemble_shape", got=str(p.shape))
    mean = p.mean(axis=0)  # (N, C)
    label = (mean[:, 1] >= THRESHOLD).astype(int) if mean.shape[1] == 2 else mean.argmax(-1)
    return mean, float((label == np.asarray(y)).mean())


def spread(members) -> Spread:
    """Members' forecasts (K, M) in original units -> their mean and the band between min and max."""
    p = np.asarray(members, dtype=float)
    check(p.ndim == 2 and p.shape[0] >= 1, "ensemble_shape", got=str(p.shape))
    return Spread(p.mean(axis=0), p.min(axis=0), p.max(axis=0), p)
