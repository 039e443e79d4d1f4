"""The models of the Memory lab: one seeded cell, with its memory gate opened (or not) at the start.

A gated cell keeps its state when its "keep" gate is near 1. At initialisation the gates sit near 0.5,
so the state (and the gradient back to step 1) shrinks like 0.5^T. A positive starting bias b opens
the gate, sigma(b) per step:

LSTM:  f_t = sigma(W_if x_t + W_hf h_{t-1} + b_f),  c_t = f_t * c_{t-1} + i_t * g_t     (b_f = b)
GRU:   z_t = sigma(W_iz x_t + W_hz h_{t-1} + b_z),  h_t = (1 - z_t) * n_t + z_t * h_{t-1}  (b_z = b)

The vanilla cell has no gate: h_t = act(W_ih x_t + W_hh h_{t-1} + b), act = tanh or ReLU.
"""

import torch

from ..config import ModelConfig
from ..models import SeqModel, seeded_model


def keep_gate_bias(model: SeqModel, value: float) -> None:
    """Set the LSTM forget gate's or the GRU update gate's starting bias to ``value`` in every layer
    (the input-side bias holds it, the hidden-side one is zeroed); a vanilla RNN is left as it is."""
    cell, h = model.cfg.cell, model.cfg.hidden_size
    rows = {"lstm": slice(h, 2 * h), "gru": slice(h, 2 * h)}.get(cell)  # f in (i, f, g, o); z in (r, z, n)
    if rows is None:
        return
    with torch.no_grad():
        for name, p in model.rnn.named_parameters():
            if name.startswith("bias_"):
                p[rows] = value if name.startswith("bias_ih") else 0.0


def memory_model(cfg: ModelConfig, seed: int, keep_bias: float | None = None) -> SeqModel:
    """A seeded model; ``keep_bias`` (if given) sets the keep gate's starting bias (see module doc)."""
    model = seeded_model(cfg, seed)
    if keep_bias is not None:
        keep_gate_bias(model, keep_bias)
    return model
