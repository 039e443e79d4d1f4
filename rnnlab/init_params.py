"""Initial weights drawn from a run's own ``torch.Generator``, never from torch's global one.

PyTorch's modules initialise themselves from the *global* generator when they are built. On a server
every visitor's run is a thread of one process, so runs that seed and draw from that one generator
interleave and a link no longer reproduces its run. Here a model is built with PyTorch's random
initialisers switched off for this thread (:func:`blank`: uninitialised memory), and every parameter
is then drawn by :func:`init_params` from a generator seeded with the run's seed.

:func:`init_params` reproduces PyTorch's default distributions, module by module in the order the
modules were built (their registration order), so a model built here from ``seed`` has exactly the
weights that seeding the global generator with ``seed`` and building ``Model(...)`` would give.
With U(a, b) uniform and N(0, 1) normal:

    nn.RNN / nn.LSTM / nn.GRU, every weight and bias   ~ U(-1/sqrt(H), 1/sqrt(H))     H = hidden size
    nn.Linear weight (C_out, C_in), nn.Conv1d weight (F, C_in, K)
                    ~ U(-b, b),  b = gain * sqrt(3 / fan_in) = 1/sqrt(fan_in)   (kaiming_uniform_, a = sqrt(5):
                      gain = sqrt(2 / (1 + a^2)) = sqrt(1/3)); fan_in = C_in (Linear), C_in * K (Conv1d)
    nn.Linear / nn.Conv1d bias                       ~ U(-1/sqrt(fan_in), 1/sqrt(fan_in))
    nn.Embedding weight (V, E)                       ~ N(0, 1), the row at ``padding_idx`` set to 0

Then every module that has an ``after_init()`` method gets it called (pre-order), for what a model
sets without random numbers: :class:`rnnlab.models.SeqModel` opens an LSTM's forget gate there
(b_if = forget_bias, b_hf = 0). The Memory lab's keep gate and scaled recurrent matrices are set by
its own functions after the model is built.
"""

import math
from collections.abc import Callable
from typing import TypeVar

import torch
import torch.nn as nn
from torch.overrides import TorchFunctionMode

M = TypeVar("M", bound=nn.Module)


@torch.no_grad()
def init_params(module: nn.Module, gen: torch.Generator) -> nn.Module:
    """Draw every parameter of ``module`` from ``gen`` with PyTorch's default distributions, then call
    the ``after_init()`` hooks (module doc). A module with parameters or buffers of a kind not listed
    there is refused rather than left uninitialised."""
    for m in module.modules():
        if isinstance(m, nn.RNNBase):
            bound = 1.0 / math.sqrt(m.hidden_size)
            for p in m.parameters(recurse=False):
                p.uniform_(-bound, bound, generator=gen)
        elif isinstance(m, (nn.Linear, nn.Conv1d)):
            fan_in = m.weight[0].numel()  # C_in (Linear), C_in/groups * K (Conv1d)
            bound = 1.0 / math.sqrt(fan_in) if fan_in > 0 else 0.0
            nn.init.kaiming_uniform_(m.weight, a=math.sqrt(5), generator=gen)  # = U(-bound, bound)
            if m.bias is not None:
                m.bias.uniform_(-bound, bound, generator=gen)
        elif isinstance(m, nn.Embedding):
            m.weight.normal_(0.0, 1.0, generator=gen)
            if m.padding_idx is not None:
                m.weight[m.padding_idx].fill_(0)
        elif any(True for _ in m.parameters(recurse=False)) or any(True for _ in m.buffers(recurse=False)):
            raise TypeError(
                f"expected parameters only in RNN/LSTM/GRU/Linear/Conv1d/Embedding, got {type(m).__name__}"
            )
    for m in module.modules():
        if callable(getattr(m, "after_init", None)):
            m.after_init()
    return module


_DRAWS = {  # PyTorch's initialisers that draw random numbers (from the global generator unless given one)
    getattr(nn.init, name)
    for name in (
        "uniform_",
        "normal_",
        "trunc_normal_",
        "kaiming_uniform_",
        "kaiming_normal_",
        "xavier_uniform_",
        "xavier_normal_",
        "orthogonal_",
        "sparse_",
    )
}


class _NoGlobalDraws(TorchFunctionMode):
    """While a model is built: PyTorch's default initialisers draw nothing (the tensor is returned as
    it is, to be filled by :func:`init_params` or ``load_state_dict``). Modes are per thread, so
    other threads building or training meanwhile are unaffected."""

    def __torch_function__(self, func, types, args=(), kwargs=None):
        kwargs = kwargs or {}
        if func in _DRAWS and kwargs.get("generator") is None:
            return kwargs["tensor"] if "tensor" in kwargs else args[0]
        return func(*args, **kwargs)


def blank(make: Callable[[], M]) -> M:
    """``make()`` built without drawing a random number: its parameters hold uninitialised memory, to be
    filled by :func:`init_params` or ``load_state_dict``. (Not the ``meta`` device and ``to_empty``:
    their random fills on meta tensors import torch._dynamo and sympy, ~70 MB per server.)"""
    with _NoGlobalDraws():
        return make()


def seeded(make: Callable[[], M], seed: int) -> M:
    """``make()`` with initial weights that depend only on ``seed`` (drawn by :func:`init_params` from a
    generator of its own; torch's global generator is neither read nor advanced)."""
    module = blank(make)
    init_params(module, torch.Generator().manual_seed(seed))
    return module
