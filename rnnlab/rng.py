"""Torch's global random generator, used safely by many visitors' threads at once.

Two things in the engine still draw from torch's *global* generator, because PyTorch offers no
``generator=`` for them: the default initialisation of ``nn.RNN``/``nn.LSTM``/``nn.GRU``/``nn.Linear``/
``nn.Embedding``, and the dropout inside a fused stacked ``nn.RNN`` (and ``nn.Dropout``). Everything else
(shuffling, sampling) takes its own ``torch.Generator``. On a server, each visitor's run is a thread; two
threads that seed and draw from the one global generator interleave, and a link no longer reproduces
its run (seen: a final loss of 0.000212915 against 0.000221873 for the same seed trained alone).

So every use of the global generator goes through :func:`seeded` or :func:`restored`, which hold one
process-wide lock while they set, draw and restore the state. A model without dropout never takes the
lock while it trains (see :func:`uses_global_rng`), so concurrent runs only queue for the few
milliseconds of building a model.
"""

import threading
from collections.abc import Iterator
from contextlib import contextmanager

import torch
import torch.nn as nn

_LOCK = threading.RLock()  # guards torch's global generator across visitor threads


@contextmanager
def seeded(seed: int) -> Iterator[None]:
    """Draw from the global generator as if freshly seeded with ``seed``; its state is restored after."""
    with _LOCK, torch.random.fork_rng(devices=[]):
        torch.manual_seed(seed)
        yield


def initial_state(seed: int) -> torch.Tensor:
    """The global generator's state right after ``manual_seed(seed)`` (a run's private copy)."""
    with seeded(seed):
        return torch.get_rng_state()


@contextmanager
def restored(state: list[torch.Tensor]) -> Iterator[None]:
    """Run with the global generator set to ``state[0]``; on exit ``state[0]`` holds where it got to and
    the global generator is back where it was, all under the lock."""
    with _LOCK:
        saved = torch.get_rng_state()
        torch.set_rng_state(state[0])
        try:
            yield
        finally:
            state[0] = torch.get_rng_state()
            torch.set_rng_state(saved)


def uses_global_rng(model: nn.Module) -> bool:
    """Whether training ``model`` draws random numbers from the global generator (active dropout)."""
    for m in model.modules():
        if isinstance(m, nn.modules.dropout._DropoutNd) and m.p > 0:
            return True
        if isinstance(m, nn.RNNBase) and m.dropout > 0:
            return True
    return False
