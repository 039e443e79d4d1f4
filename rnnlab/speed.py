"""How fast a model trains on a device, measured in a few steps.

Tiny models are often faster on the CPU than on a GPU: one step of a 16-unit GRU on ten messages is a
handful of small kernels, and a GPU pays a launch and a host-device synchronisation for each, while the
CPU does the arithmetic at once. So the page measures rather than assumes:

    rate = n / (t_n - t_0)    steps per second, n steps timed after ``warmup`` untimed ones,

on a copy of the model with a fresh optimizer of the same kind and one batch of the run's size; the
device is synchronised before each clock reading, so queued GPU work is counted.
"""

import copy
import time

import torch

from . import optim
from .config import TrainConfig
from .data.seqdata import SeqData
from .models import SeqModel, compute_loss


def _sync(device: torch.device) -> None:
    if device.type == "cuda":
        torch.cuda.synchronize(device)
    elif device.type == "mps":
        torch.mps.synchronize()


def steps_per_second(
    model: SeqModel,
    data: SeqData,
    cfg: TrainConfig,
    device: torch.device | str,
    seconds: float = 0.05,
    max_steps: int = 40,
    warmup: int = 2,
) -> float:
    """Training steps per second of ``model`` on ``device`` with batches of ``cfg.batch_size`` rows of
    ``data`` (its first rows: no shuffle): ``warmup`` untimed steps, then steps until ``seconds``
    passed or ``max_steps`` ran; a warm-up step that alone takes over ``seconds`` is the answer (a big
    model costs one step, not three). ``model`` itself is not touched (a copy trains; take the copy under the
    run's lock if another thread trains ``model``)."""
    device = torch.device(device)
    net = copy.deepcopy(model).to(device)
    gen = torch.Generator().manual_seed(0)  # dropout's masks: the copy's own generator, no global one
    net.train()
    params = [p for p in net.parameters() if p.requires_grad]
    opt = optim.make(cfg.optimizer, params, cfg.lr, cfg.momentum, cfg.weight_decay)
    batch = data.batch(torch.arange(min(cfg.batch_size, len(data)))).to(device)  # (B, L[, H_in])

    def step() -> None:
        out = net(batch.x, batch.lengths, generator=gen)
        loss = compute_loss(net.cfg.head, out, batch.y)
        opt.zero_grad()
        loss.backward()
        if cfg.clip > 0:
            torch.nn.utils.clip_grad_norm_(params, cfg.clip)
        opt.step()

    for _ in range(warmup):  # first steps pay one-time costs; a model this slow has said enough in one
        t = time.perf_counter()
        step()
        _sync(device)
        if time.perf_counter() - t > seconds:
            return 1 / (time.perf_counter() - t)
    n, t0 = 0, time.perf_counter()
    while n < max_steps and (n == 0 or time.perf_counter() - t0 < seconds):
        step()
        n += 1
        if device.type != "cpu" and n % 5 == 0:
            _sync(device)
    _sync(device)
    return n / max(time.perf_counter() - t0, 1e-9)
