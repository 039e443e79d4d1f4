"""Average K models: the same network trained from K seeds, and its forecast with the members' spread.

Member k (k = 0..K-1) is the run's model with seed ``seed + k``: member 0 *is* the single model, so an
ensemble of one is exactly the model alone. Every member forecasts in original units (passengers), and

    y_ens[t]  = (1/K) sum_k y_k[t]                      the ensemble's forecast
    band[t]   = [min_k y_k[t], max_k y_k[t]]            its spread: every member lies inside

Averaging in original units, after each member's own inverse preprocessing, keeps one rule for one-step
and recursive forecasts (each member feeds back its own predictions) and for the CLI's test metrics.
Averaging cancels part of what depends on the seed (the initial weights and the shuffling), which is
why it helps most on tiny data such as 91 training months.

Classifiers (the CLI's ``--ensemble K``, the Sentence lab's "average K models": ``vote``) average the
members' class probabilities:

    p_ens[n] = (1/K) sum_k p_k[n]       label[n] = argmax_c p_ens[n, c]   (two classes: p_ens[n, 1] >= 0.5)
"""

import os
from concurrent.futures import ThreadPoolExecutor
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


def train_all(trainers: list, threads: int | None = None) -> None:
    """Train every member to its end, ``threads`` at a time (default: one per CPU core, at most K).

    Each member draws from its own generators (``rnnlab.init_params``, the trainer's shuffling and dropout
    generators), so training them side by side gives exactly the numbers of training them one after another
    (tests/test_ensemble.py). Measured here (2 cores, one torch thread per member): two movie-review
    GRU(64) members, one epoch each, 6.6 s one after another, 3.5 s side by side (1.85x); the three members
    of the ``best`` preset train about 1.8x faster. A member's exception reaches the caller."""
    threads = max(1, min(len(trainers), threads or os.cpu_count() or 1))
    if threads == 1:
        for t in trainers:
            t.run()
        return
    with ThreadPoolExecutor(threads) as pool:
        for done in [pool.submit(t.run) for t in trainers]:
            done.result()


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
    mean = _mean_probs(members)
    return mean, float((labels_of(mean) == np.asarray(y)).mean())


def _mean_probs(members) -> np.ndarray:
    p = np.asarray(members, dtype=float)
    if p.ndim == 2:  # binary: P(class 1) -> both classes
        p = np.stack([1 - p, p], axis=-1)  # (K, N, 2)
    check(p.ndim == 3 and p.shape[0] >= 1, "ensemble_shape", got=str(p.shape))
    return p.mean(axis=0)  # (N, C)


def labels_of(probs: np.ndarray) -> np.ndarray:
    """Class probabilities (N, C) -> labels (N,) by ``rnnlab.predict``'s rule (two classes: P(last) >= 0.5)."""
    from .predict import THRESHOLD

    return (probs[:, 1] >= THRESHOLD).astype(int) if probs.shape[1] == 2 else probs.argmax(-1)


@dataclass
class Vote:
    probs: np.ndarray  # (N, C) the ensemble's class probabilities: the members' mean
    pred: np.ndarray  # (N,) the ensemble's labels
    accuracy: float  # of ``pred`` against the true labels
    members: list[float]  # each member's own accuracy, member 1 first


def vote(trainers, data) -> Vote:
    """Trained classifiers (``Trainer``s, member 1 first) on ``data`` (a ``SeqData``) -> the ensemble's
    vote, the one rule of the CLI's ``--ensemble K`` and the Sentence lab. One member is the model alone,
    exactly: its labels and accuracy are ``Trainer.evaluate``'s (the logit's sign), not re-derived."""
    scored = [t.evaluate(data) for t in trainers]  # (loss, accuracy, outputs (N,) or (N, C))
    probs = [t.model.predict(out).cpu().numpy() for t, (_, _, out) in zip(trainers, scored)]
    accs = [acc for _, acc, _ in scored]
    mean = _mean_probs(probs)
    if len(trainers) == 1:
        out = scored[0][2]
        pred = ((out > 0).long() if out.dim() == 1 else out.argmax(-1)).cpu().numpy()
        return Vote(mean, pred, accs[0], accs)
    pred = labels_of(mean)
    return Vote(mean, pred, float((pred == data.y.cpu().numpy()).mean()), accs)


def spread(members) -> Spread:
    """Members' forecasts (K, M) in original units -> their mean and the band between min and max."""
    p = np.asarray(members, dtype=float)
    check(p.ndim == 2 and p.shape[0] >= 1, "ensemble_shape", got=str(p.shape))
    return Spread(p.mean(axis=0), p.min(axis=0), p.max(axis=0), p)
