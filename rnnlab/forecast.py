"""Forecasts in original units from a trained window model: one step ahead, or recursive.

One step ahead: each test month is predicted from the true values before it.
Recursive (multi-step): from the forecast origin (the first test month), each prediction is fed back
as an input for the next, ``horizon`` months ahead, as a real forecast would have to.
"""

import numpy as np
import torch

from .data.airline import PERIOD, Windows
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


def one_step(model: SeqModel, w: Windows, y: np.ndarray) -> np.ndarray:
    """Predictions (in original units) for every window's target month ``w.t``."""
    return w.transform.inverse(_predict_z(model, w.x), w.t, y)


def recursive(model: SeqModel, w: Windows, y: np.ndarray, origin: int, horizon: int) -> np.ndarray:
    """``horizon`` months from ``origin`` (an index into y), each prediction fed back as an input."""
    window = w.x.shape[1]
    series = np.asarray(y[:origin], dtype=float).copy()
    out = []
    for _ in range(horizon):
        z = w.transform.forward(np.r_[series, series[-1]])[-window - 1 : -1]  # transform needs the next slot
        t = len(series)
        value = float(
            w.transform.inverse(_predict_z(model, z[None])[:1], np.array([t]), np.r_[series, 0.0])[0]
        )
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
