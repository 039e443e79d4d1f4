"""Forecasts in original units from a trained window model: one step ahead, or recursive.

One step ahead: each test month is predicted from the true values before it.
Recursive (multi-step): from the forecast origin (the first test month), each prediction is fed back
as an input for the next, ``horizon`` months ahead, as a real forecast would have to.

So that a class sees what training adds, the same forecasts come from two references:
the *preprocessing alone* (the naive forecast in model units, z_hat[t] = z[t-1], mapped back; for
``seasonal-diff`` that is y_hat[t] = y[t-12] * y[t-1] / y[t-13]; for ``none`` it is the naive forecast),
and the *untrained network* (the same model at its initial weights, same seed).
"""

from collections.abc import Callable

import numpy as np
import torch

from .data.airline import PERIOD, Windows, baselines
from .ensemble import Spread, spread
from .models import SeqModel


@torch.no_grad()
def _predict_z(model: SeqModel, x: np.ndarray) -> np.ndarray:
    """Windows (N, W) in model units -> predictions (N,) in model units."""
    device = next(model.parameters()).device
    was = model.training
    model.eval()
    out = model(torch.as_tensor(x, dtype=torch.float32, device=device)[..., None]).cpu().numpy()
    model.train(was)
    return out.reshape(-1)


Predictor = Callable[[np.ndarray], np.ndarray]  # windows (N, W) in model units -> (N,) in model units


def _as_predictor(model: "SeqModel | Predictor") -> Predictor:
    return (lambda x: _predict_z(model, x)) if isinstance(model, torch.nn.Module) else model


def last_value(x: np.ndarray) -> np.ndarray:
    """The preprocessing alone: the naive forecast in model units, z_hat[t] = z[t-1]. (N, W) -> (N,)"""
    return np.asarray(x, dtype=float)[:, -1]


def one_step(model: "SeqModel | Predictor", w: Windows, y: np.ndarray) -> np.ndarray:
    """Predictions (in original units) for every window's target month ``w.t``; ``model`` may be a
    network or a predictor on model units such as :func:`last_value`."""
    return w.transform.inverse(_as_predictor(model)(w.x), w.t, y)


def recursive(
    model: "SeqModel | Predictor", w: Windows, y: np.ndarray, origin: int, horizon: int
) -> np.ndarray:
    """``horizon`` months from ``origin`` (an index into y), each prediction fed back as an input."""
    predict = _as_predictor(model)
    window = w.x.shape[1]
    series = np.asarray(y[:origin], dtype=float).copy()
    out = []
    for _ in range(horizon):
        z = w.transform.forward(np.r_[series, series[-1]])[-window - 1 : -1]  # transform needs the next slot
        t = len(series)
        value = float(w.transform.inverse(predict(z[None])[:1], np.array([t]), np.r_[series, 0.0])[0])
        out.append(value)
        series = np.r_[series, value]
    return np.array(out)


def recursive_baselines(y: np.ndarray, origin: int, horizon: int) -> dict[str, np.ndarray]:
    """The same horizon for the baselines: the last known value, and the last known season repeated."""
    season = y[origin - PERIOD : origin]
    return {
        "naive": np.full(horizon, y[origin - 1]),
        "seasonal naive": np.array([season[k % PERIOD] for k in range(horizon)]),
    }


def untrained_like(model: SeqModel, seed: int) -> SeqModel:
    """The same network at its initial weights: ``seeded_model`` with the run's config and seed."""
    from .models import seeded_model

    return seeded_model(model.cfg, seed).to(next(model.parameters()).device)


def held_out_forecasts(
    model: SeqModel, untrained: SeqModel, w: Windows, y: np.ndarray, mode: str = "one-step", horizon: int = 1
) -> tuple[np.ndarray, dict[str, np.ndarray]]:
    """(months (M,), name -> forecasts (M,)) on the test part, in original units: the trained model,
    the untrained one, the preprocessing alone, naive and seasonal naive, one step ahead or recursive."""
    test = w.t[w.n_train :]
    origin = int(test[0])
    if mode == "recursive":
        h = min(horizon, len(test))
        months = np.arange(origin, origin + h)
        run = {k: recursive(m, w, y, origin, h) for k, m in _who(model, untrained).items()}
        return months, {**run, **recursive_baselines(y, origin, h)}
    run = {k: one_step(m, w, y)[w.n_train :] for k, m in _who(model, untrained).items()}
    return test, {**run, **baselines(y, test)}


def _who(model: SeqModel, untrained: SeqModel) -> dict:
    return {"model": model, "untrained": untrained, "preprocessing": last_value}


@torch.no_grad()
def window_states(model: SeqModel, w: Windows) -> list[np.ndarray]:
    """For each layer, the hidden state after reading each window: (N, D*H), one row per target month."""
    device = next(model.parameters()).device
    x = model.encode(torch.as_tensor(w.x, dtype=torch.float32, device=device)[..., None])
    _, state = model.rnn(x)
    h_n = state[0] if model.cfg.cell == "lstm" else state  # (layers*D, N, H)
    d = model.cfg.directions
    return [
        h_n[k * d : (k + 1) * d].permute(1, 0, 2).reshape(len(w.t), -1).cpu().numpy()
        for k in range(model.cfg.num_layers)
    ]


def window_gates(model: SeqModel, w: Windows, layer: int = 0) -> dict[str, np.ndarray]:
    """Each gate at the last step of every window: gate letter -> (N, D*H)."""
    from .replay import trace  # replay imports models only; kept local to keep this module's imports light

    rows: dict[str, list] = {}
    for x in w.x:
        tr = trace(model, torch.as_tensor(x, dtype=torch.float32)[:, None]).layers[layer]
        for g, a in tr.gates.items():
            rows.setdefault(g, []).append(a[-1])
    return {g: np.array(v) for g, v in rows.items()}


def ensemble_forecasts(
    members: list[SeqModel], w: Windows, y: np.ndarray, mode: str = "one-step", horizon: int = 1
) -> tuple[np.ndarray, Spread]:
    """(months (M,), the members' mean and band) on the test part: every member forecasts in original
    units as ``held_out_forecasts`` does for one model (recursive: each feeds back its own), then
    ``rnnlab.ensemble.spread`` averages them. One member: its mean is its own forecast, exactly."""
    test = w.t[w.n_train :]
    if mode == "recursive":
        origin, h = int(test[0]), min(horizon, len(test))
        return np.arange(origin, origin + h), spread([recursive(m, w, y, origin, h) for m in members])
    return test, spread([one_step(m, w, y)[w.n_train :] for m in members])
