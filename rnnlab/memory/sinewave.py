"""Deep RNNs on the noisy two-sine series, with two baselines and the tutorial's leak.

Honest task: the model reads x_1..x_W and predicts x_{W+1} (never an input). The classic Keras
tutorial's recipe puts the target inside its own window ("leak"): the model reads x_2..x_{W+1} and
predicts x_{W+1}, so copying the last input is already perfect. Baselines, scored on the same test
windows as the models:

    last value:         y_hat = x_W
    linear regression:  y_hat = w . x + b,  (w, b) = argmin sum_n (w . x_n + b - y_n)^2 on the training windows

The noise 0.1 (U - 0.5) has variance 0.01 / 12, so no model's test MSE goes below ~0.00083 (RMSE 0.0289).
"""

import numpy as np

from ..data import sine
from ..data.seqdata import from_features
from ..errors import check
from ..taskdata import TaskData

NOISE_MSE = 0.01 / 12  # variance of the noise 0.1 (U - 0.5): the floor of any model's test MSE


def windows(n: int, window: int, seed: int, leak: bool) -> tuple[np.ndarray, np.ndarray]:
    """X (n, window) and y (n,); with ``leak`` the window ends at the target (the tutorial's recipe)."""
    x, y = sine.generate(n, window, seed=seed)
    if leak:
        x = np.concatenate([x[:, 1:], y[:, None]], axis=1)  # (n, window): the last input is y
    return x, y


def linear_fit(x: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, float]:
    """Least squares (w, b) of y ~ x @ w + b."""
    a = np.c_[x, np.ones(len(x))].astype(np.float64)  # (N, W+1)
    coef, *_ = np.linalg.lstsq(a, y.astype(np.float64), rcond=None)
    return coef[:-1], float(coef[-1])


def build_sine(window: int = 50, n: int = 10_000, seed: int = 2022, leak: bool = False) -> TaskData:
    """80% of the series train, 20% test; baselines "last value" and "linear regression" on the test part."""
    check(2 <= window <= 200, "memory_window", got=window)
    x, y = windows(n, window, seed, leak)
    n_train = int(n * 0.8)
    w, b = linear_fit(x[:n_train], y[:n_train])
    x_te = x[n_train:]
    return TaskData(
        from_features(x[:n_train], y[:n_train]),
        from_features(x_te, y[n_train:]),
        {"input_kind": "features", "input_size": 1, "head": "regression"},
        to_units=lambda z: np.asarray(z),
        truth=y[n_train:],
        baselines={"last value": x_te[:, -1], "linear regression": x_te @ w + b},
    )


def mse(pred: np.ndarray, truth: np.ndarray) -> float:
    return float(np.mean((np.asarray(pred, float) - np.asarray(truth, float)) ** 2))
