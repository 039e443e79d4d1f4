"""Inside the gates on the memory task: which units carry the first symbol, and the gate that keeps them.

For an LSTM the view shows the forget gate f_t and the cell state c_t; for a GRU the update gate z_t and
the state h_t (see :mod:`rnnlab.replay` for the equations). A unit "holds" the first symbol when its
state differs between sequences that start with different symbols at every step up to T:

    score_u = min_t std_k s_{k,t,u}

where s_{k,t,u} is unit u's state at step t on the sequence that starts with symbol k (the same
distractors after it). The view highlights the units with the largest score.
"""

from dataclasses import dataclass

import numpy as np
import torch

from ..errors import check
from ..models import SeqModel
from ..replay import trace
from .recall import RecallConfig, sequences, tokens

KEEP_GATE = {"lstm": "f", "gru": "z"}  # the gate that keeps the state, per gated cell


@dataclass
class GateView:
    cell: str  # lstm or gru
    tokens: list[str]  # (L,) the example's tokens
    gate: np.ndarray  # (L, H) the keep gate (f or z) on the example, bottom layer
    state: np.ndarray  # (L, H) the cell state c (LSTM) or hidden state h (GRU) on the example
    scores: np.ndarray  # (H,) how firmly each unit holds the first symbol (see module doc)
    holding: list[int]  # units with the largest scores, best first


def inside(model: SeqModel, cfg: RecallConfig, example: int = 0, top: int = 3) -> GateView:
    """Replay test sequence ``example`` and its copies starting with every other symbol."""
    cell = model.cfg.cell
    check(cell in KEEP_GATE, "memory_gated", got=cell)
    x, _ = sequences(cfg, example + 1, cfg.seed + 10_000)  # the test sequences of build_recall
    x = x[example]  # (L,)
    states, view = [], None
    for k in range(cfg.symbols):
        xk = x.clone()
        xk[0] = 2 + k
        layer = trace(model, xk).layers[0]
        state = layer.c if cell == "lstm" else layer.h  # (L, H)
        states.append(state)
        if k == int(x[0]) - 2:
            view = (layer.gates[KEEP_GATE[cell]], state)
    spread = np.stack(states).std(axis=0)  # (L, H) across first symbols
    scores = spread.min(axis=0)  # (H,)
    order = np.argsort(-scores)
    holding = [int(u) for u in order[:top] if scores[u] > 0.2 * scores[order[0]] and scores[u] > 1e-3]
    return GateView(cell, tokens(cfg, x), view[0], view[1], scores, holding)


def example_input(cfg: RecallConfig, example: int = 0) -> torch.Tensor:
    """Test sequence ``example`` as ids (L,)."""
    return sequences(cfg, example + 1, cfg.seed + 10_000)[0][example]
