"""Replay a trained model step by step to show what happens inside it.

The fused torch modules train fast but hide their gates. This module reads the same weights and
recomputes every step in NumPy (float64), keeping each gate. Equations (torch's gate order):

RNN:   h_t = act(W_ih x_t + b_ih + W_hh h_{t-1} + b_hh)                 act = tanh or relu
LSTM:  i_t = σ(W_ii x_t + b_ii + W_hi h_{t-1} + b_hi)                     input gate
       f_t = σ(W_if x_t + b_if + W_hf h_{t-1} + b_hf)                     forget gate
       g_t = tanh(W_ig x_t + b_ig + W_hg h_{t-1} + b_hg)                  candidate cell
       o_t = σ(W_io x_t + b_io + W_ho h_{t-1} + b_ho)                     output gate
       c_t = f_t * c_{t-1} + i_t * g_t ;  h_t = o_t * tanh(c_t)
GRU:   r_t = σ(W_ir x_t + b_ir + W_hr h_{t-1} + b_hr)                     reset gate
       z_t = σ(W_iz x_t + b_iz + W_hz h_{t-1} + b_hz)                     update gate
       n_t = tanh(W_in x_t + b_in + r_t * (W_hn h_{t-1} + b_hn))           candidate state
       h_t = (1 - z_t) * n_t + z_t * h_{t-1}

Shapes: L steps, H hidden units per direction, D directions; a layer's arrays are (L, D*H) with the
forward direction's units first. Layer k > 0 reads layer k-1's (L, D*H) states. With the conv
front-end the first layer reads its pooled maps, L' = ceil(L / P) steps (``SeqModel.step_labels`` names
them); the maps themselves, one row per token, are kept in ``Trace.maps``.
"""

from dataclasses import dataclass, field

import numpy as np
import torch

from .models import SeqModel, evaluating

GATES = {"rnn": (), "lstm": ("i", "f", "g", "o"), "gru": ("r", "z", "n")}
GATE_NAMES = {
    "i": "input gate",
    "f": "forget gate",
    "g": "candidate cell",
    "o": "output gate",
    "r": "reset gate",
    "z": "update gate",
    "n": "candidate state",
}


@dataclass
class LayerTrace:
    h: np.ndarray  # (L, D*H) hidden state after each step
    c: np.ndarray | None = None  # (L, D*H) LSTM cell state, else None
    gates: dict[str, np.ndarray] = field(default_factory=dict)  # gate letter -> (L, D*H)


@dataclass
class Trace:
    layers: list[LayerTrace]  # one per stacked layer, bottom first
    outputs: np.ndarray  # (L, C) the head's output after each step (probabilities or values)
    final: np.ndarray  # (C,) the model's output for the whole input
    maps: np.ndarray | None = None  # (L, F) the conv front-end's feature maps per token, else None


def _sigmoid(a: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-a))


def _direction(cell: str, act: str, xs: np.ndarray, w: list[np.ndarray], reverse: bool):
    """One layer, one direction. xs (L, H_in) -> h (L, H), c (L, H) or None, gates {letter: (L, H)}."""
    w_ih, w_hh, b_ih, b_hh = w
    steps, hidden = xs.shape[0], w_hh.shape[1]
    xw = xs @ w_ih.T + b_ih  # (L, G*H) all input terms at once
    h_prev, c_prev = np.zeros(hidden), np.zeros(hidden)
    hs = np.empty((steps, hidden))
    cs = np.empty((steps, hidden)) if cell == "lstm" else None
    gs = np.empty((steps, w_hh.shape[0]))  # (L, G*H) every gate, torch's order
    h1, h2, h3 = hidden, 2 * hidden, 3 * hidden
    for t in range(steps - 1, -1, -1) if reverse else range(steps):
        hw = w_hh @ h_prev + b_hh  # (G*H,)
        if cell == "rnn":
            a = xw[t] + hw
            h_prev = np.tanh(a) if act == "tanh" else np.maximum(a, 0.0)
        elif cell == "lstm":
            g = _sigmoid(xw[t] + hw)  # i, f, o as sigmoids ...
            g[h2:h3] = np.tanh(xw[t, h2:h3] + hw[h2:h3])  # ... and the candidate as tanh
            c_prev = g[h1:h2] * c_prev + g[:h1] * g[h2:h3]
            h_prev = g[h3:] * np.tanh(c_prev)
            cs[t] = c_prev
            gs[t] = g
        else:
            rz = _sigmoid(xw[t, :h2] + hw[:h2])  # r, z
            n = np.tanh(xw[t, h2:] + rz[:h1] * hw[h2:])
            h_prev = (1.0 - rz[h1:]) * n + rz[h1:] * h_prev
            gs[t, :h2], gs[t, h2:] = rz, n
        hs[t] = h_prev
    gates = {g: gs[:, k * hidden : (k + 1) * hidden] for k, g in enumerate(GATES[cell])}
    return hs, cs, gates


def _layer_weights(rnn: torch.nn.Module, layer: int, reverse: bool) -> list[np.ndarray]:
    suffix = f"_l{layer}" + ("_reverse" if reverse else "")
    return [
        getattr(rnn, f"{name}{suffix}").detach().cpu().double().numpy()
        for name in ("weight_ih", "weight_hh", "bias_ih", "bias_hh")
    ]


@torch.no_grad()
def trace(model: SeqModel, x: torch.Tensor) -> Trace:
    """Replay one input: token ids (L,) or features (L, H_in). Works in eval mode (no dropout)."""
    cfg = model.cfg
    with evaluating(model):
        device = next(model.parameters()).device
        x = x.to(device)
        enc = model.encode(x[None])  # (1, L, H_in)
        maps = model.feature_maps(enc)[0].cpu().double().numpy() if cfg.conv else None  # (L, F)
        xs = model.front(enc)[0][0].detach().cpu().double().numpy()  # (L', H_in or F)
        layers = []
        for k in range(cfg.num_layers):
            parts = [
                _direction(cfg.cell, cfg.activation, xs, _layer_weights(model.rnn, k, rev), rev)
                for rev in ((False, True) if cfg.bidirectional else (False,))
            ]
            cat = lambda arrs: np.concatenate(arrs, axis=1)
            layer = LayerTrace(
                h=cat([p[0] for p in parts]),
                c=cat([p[1] for p in parts]) if cfg.cell == "lstm" else None,
                gates={g: cat([p[2][g] for p in parts]) for g in GATES[cfg.cell]},
            )
            layers.append(layer)
            xs = layer.h  # next layer reads (L, D*H)
        outputs = _step_outputs(model, x, layers[-1].h)
        if cfg.bidirectional or cfg.head == "tagging":
            final = model.predict(model(x[None]))[0].reshape(-1).double().cpu().numpy()
        else:  # one direction: the answer after the last step is the answer (the tests hold both equal)
            final = outputs[-1].copy()
        return Trace(layers=layers, outputs=outputs, final=final, maps=maps)


def _step_outputs(model: SeqModel, x: torch.Tensor, top_h: np.ndarray) -> np.ndarray:
    """(L, C): what the model would answer after reading steps 0..t.

    A one-directional model's answer after step t is the head applied to h_t (with pooling over time,
    to the max or mean of h_1..h_t). A bidirectional many-to-one model reads the end first, so its
    answer after step t is the model run on the prefix. With the conv front-end a step is P tokens.
    The linear skip path reads the whole window, so its term a·x + b is added to every step's answer.
    """
    cfg = model.cfg
    skip = model.skip_out(model.encode(x[None]))  # (1, 1) or None
    extra = 0.0 if skip is None else float(skip.double().cpu()[0, 0])
    if cfg.head == "tagging" or not cfg.bidirectional:
        w = model.head.weight.detach().cpu().double().numpy()
        b = model.head.bias.detach().cpu().double().numpy()
        if cfg.readout == "max":
            top_h = np.maximum.accumulate(top_h, axis=0)  # (L, D*H) max of h_1..h_t
        elif cfg.readout == "mean":
            top_h = np.cumsum(top_h, axis=0) / np.arange(1, len(top_h) + 1)[:, None]
        logits = torch.from_numpy(top_h @ w.T + b + extra)  # (L, C)
        if cfg.out_size == 1 and cfg.head != "tagging":
            logits = logits[:, 0]
        out = model.predict(logits)
    else:
        p = cfg.conv_pool if cfg.conv else 1
        steps = len(top_h)
        out = (
            torch.stack(
                [
                    model.predict(model(x[None, : (t + 1) * p], with_skip=False) + extra)[0]
                    for t in range(steps)
                ]
            )
            .double()
            .cpu()
        )
    return out.reshape(len(top_h), -1).numpy()
