"""Dropout whose masks come from the run's own ``torch.Generator``, never from torch's global one.

In training, dropout with rate p keeps each value with probability 1 - p and scales what it keeps:

    y = x * m / (1 - p),    m ~ Bernoulli(1 - p) element-wise, drawn from the run's generator

so E[y] = x and evaluation (no dropout) needs no rescaling. The mask is drawn on the CPU in x's shape
with x's memory layout (the generator is a CPU one whatever the device, so a run's masks and its saved
generator state are the same on every device) and moved to x's device.

A stacked ``nn.RNN``/``nn.LSTM``/``nn.GRU`` built with ``dropout=`` draws its between-layer masks from
the global generator, so the engine builds it with ``dropout=0`` and, in training, :func:`stacked` runs
it one layer at a time with :func:`dropout` on each layer's output but the last:

    h^(1) = Layer_1(x),   h^(k) = Layer_k(dropout(h^(k-1)))   for k = 2..layers

The fused module keeps its weights and names (``weight_ih_l1`` ...), so saved models, the step-by-step
replay and the exported script see the same module; a one-layer module of the same kind, sharing layer
k's weights, runs each layer. The masks are drawn exactly as PyTorch's fused CPU kernel draws them
(time-major (L, N, D*H), in the same order), so a generator at the state the global one had gives the
same numbers.
"""

import torch
import torch.nn as nn
from torch.nn.utils.rnn import PackedSequence

from .init_params import blank


def dropout(x: torch.Tensor, p: float, gen: torch.Generator | None) -> torch.Tensor:
    """x * m / (1 - p) with a mask m ~ Bernoulli(1 - p) drawn from ``gen`` (CPU) in x's shape."""
    if gen is None:
        raise ValueError("expected the run's torch.Generator for dropout in training, got None")
    noise = torch.empty_like(x, device="cpu").bernoulli_(1 - p, generator=gen).div_(1 - p)  # x's layout
    return x * noise.to(x.device)


class Dropout(nn.Module):
    """``nn.Dropout`` drawing from a generator passed with the input: ``drop(x, gen)``."""

    def __init__(self, p: float):
        super().__init__()
        self.p = p

    def forward(self, x: torch.Tensor, gen: torch.Generator | None) -> torch.Tensor:
        return dropout(x, self.p, gen) if self.training and self.p > 0 else x

    def extra_repr(self) -> str:
        return f"p={self.p}"


def _layer(rnn: nn.RNNBase, k: int) -> nn.RNNBase:
    """A one-layer module of ``rnn``'s kind that runs with layer k's weights (shared, not copied)."""
    cache = rnn.__dict__.setdefault("_one_layer", {})  # a plain attribute: not a submodule, not saved
    if k not in cache:
        extra = {"nonlinearity": rnn.nonlinearity} if isinstance(rnn, nn.RNN) else {}
        width = rnn.input_size if k == 0 else rnn.hidden_size * (2 if rnn.bidirectional else 1)
        cache[k] = blank(  # its own weights are never used: layer k's replace them below
            lambda: type(rnn)(
                width,
                rnn.hidden_size,
                num_layers=1,
                bias=rnn.bias,
                batch_first=rnn.batch_first,
                bidirectional=rnn.bidirectional,
                **extra,
            )
        )
    one = cache[k]
    for name in one._flat_weights_names:  # e.g. weight_ih_l0_reverse <- weight_ih_l{k}_reverse
        weight = rnn._parameters[name.replace("_l0", f"_l{k}")]
        if one._parameters[name] is not weight:  # set once (again after a copy of the model)
            setattr(one, name, weight)
    one.train(rnn.training)
    return one


def stacked(rnn: nn.RNNBase, inp, p: float, gen: torch.Generator | None):
    """Run the fused stacked ``rnn`` (built with ``dropout=0``) one layer at a time, with dropout of rate
    ``p`` from ``gen`` between layers. ``inp``: (N, L, H_in) batch-first or a PackedSequence; returns
    what ``rnn(inp)`` returns: the top layer's outputs and the final state (layers*D, N, H) ((h, c) for
    an LSTM), starting from zero states."""
    states = []
    out = inp
    for k in range(rnn.num_layers):
        if k > 0:
            out = _drop_between(out, p, gen, rnn.batch_first)
        out, state = _layer(rnn, k)(out)
        states.append(state)
    if isinstance(rnn, nn.LSTM):
        return out, (torch.cat([h for h, _ in states]), torch.cat([c for _, c in states]))
    return out, torch.cat(states)


def _drop_between(out, p: float, gen: torch.Generator | None, batch_first: bool):
    """Dropout on a layer's outputs, its mask drawn time-major as the fused kernel draws it."""
    if isinstance(out, PackedSequence):
        return out._replace(data=dropout(out.data, p, gen))  # (sum of lengths, D*H)
    if batch_first:
        return dropout(out.transpose(0, 1).contiguous(), p, gen).transpose(0, 1)  # mask (L, N, D*H)
    return dropout(out, p, gen)
