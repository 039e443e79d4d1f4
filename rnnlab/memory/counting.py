"""Counting and extrapolation on the ``next-value`` task ([0.0, 0.1, 0.2, 0.3] -> 0.4).

Training starts lie in [0, 0.5] with steps 0.05..0.2, so every target is below 1.5. Asked to continue
a count that starts further out, a tanh network's units saturate (tanh(a) -> 1 for large a), its
answer flattens and it stops counting; the view draws answer and truth against the starting value.
"""

import numpy as np
import torch

from ..data.numbers import _is_float, parse_numbers
from ..errors import check
from ..models import SeqModel

TRAIN_START_MAX = 0.5  # the largest start of a training sequence


def read_window(text: str, window: int) -> torch.Tensor:
    """Typed numbers -> features (L, 1); letters or a wrong count get a message that says so."""
    parts = str(text or "").replace(",", " ").split()
    check(len(parts) > 0, "memory_empty", need=window)
    bad = [p for p in parts if not _is_number(p)]
    check(not bad, "memory_not_number", bad=bad[0] if bad else "")
    vals = parse_numbers(text)
    check(len(vals) == window, "memory_window_count", need=window, got=len(vals))
    return torch.tensor(vals, dtype=torch.float32)[:, None]


@torch.no_grad()
def answer(model: SeqModel, x: torch.Tensor) -> float:
    """The model's next value for one window (L, 1)."""
    model.eval()
    return float(model(x[None].to(next(model.parameters()).device)).reshape(-1)[0])


@torch.no_grad()
def extrapolation(
    model: SeqModel, window: int, step: float = 0.1, starts: np.ndarray | None = None
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(starts, answers, truths) for the counts start, start+step, ... of ``window`` values."""
    starts = np.linspace(0.0, 5.0, 51) if starts is None else np.asarray(starts, float)
    seq = starts[:, None] + step * np.arange(window + 1)  # (S, window+1)
    device = next(model.parameters()).device
    x = torch.tensor(seq[:, :window, None], dtype=torch.float32, device=device)  # (S, window, 1)
    model.eval()
    return starts, model(x).reshape(-1).double().cpu().numpy(), seq[:, window]


def _is_number(s: str) -> bool:
    """A finite float ("nan" and "inf" are not counts)."""
    return _is_float(s) and np.isfinite(float(s))
