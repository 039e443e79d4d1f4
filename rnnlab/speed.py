"""How fast a model trains on a device, measured in a few steps.

Tiny models are often faster on the CPU than on a GPU: one step of a 16-unit GRU on ten messages is a
handful of small kernels, and a GPU pays a launch and a host-device synchronisation for each, while the
CPU does the arithmetic at once. So the page measures rather than assumes:

    rate = 1 / median(d_1, ..., d_n)    steps per second, each step d_i timed alone after ``warmup`` untimed ones,

on a copy of the model with a fresh optimizer of the same kind and one batch of the run's size; the device
is synchronised around each step, so queued GPU work is counted. The median, not n / (total time): the page
measures once per model shape and keeps the figure, on a server where other visitors' runs share the cores,
and one step caught behind another thread (a pause of 0.1-0.2 s) would otherwise set the figure for the
whole visit (seen here: 4.2 steps/s reported for the Sentence lab's default GRU(64), which runs 68 a second).
At least three steps are timed, so the median outvotes one such step; a model whose steps take over ``SLOW``
seconds stops after the first of them (it costs its warm-up and one step).
"""

import copy
import statistics
import time

import torch

from . import optim
from .config import TrainConfig
from .data.seqdata import SeqData
from .models import SeqModel, compute_loss

SLOW = 0.5  # seconds: timed steps past this much are enough for a big model


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
    warmup: int = 1,
) -> float:
    """Training steps per second of ``model`` on ``device`` with batches of ``cfg.batch_size`` rows of
    ``data`` (its first rows: no shuffle): ``warmup`` untimed steps, then timed steps until ``seconds``
    passed or ``max_steps`` ran; the answer is 1 / the median step. ``model`` itself is not touched (a copy
    trains; take the copy under the run's lock if another thread trains ``model``)."""
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

    for _ in range(warmup):  # the first steps pay one-time costs (the optimizer's state, allocations)
        step()
    _sync(device)
    times, t0 = [], time.perf_counter()
    while len(times) < max_steps and (len(times) < 3 or time.perf_counter() - t0 < seconds):
        if times and sum(times) > SLOW:  # a big model: its first timed steps have said enough
            break
        t = time.perf_counter()
        step()
        _sync(device)
        times.append(time.perf_counter() - t)
    return 1 / max(statistics.median(times), 1e-9)
