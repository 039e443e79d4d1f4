"""Chunked training shared by the lab's three models (encoder-decoder, tagger, character model).

A page calls ``run(seconds=0.3)`` between redraws, a bench or test ``run()`` once; chunking never
changes the numbers: the batch generator lives in the trainer and weights are seeded from
``budget.seed``. Each step draws a fresh batch (toy tasks) or samples windows (text), computes the
cross-entropy of the next token or tag, clips the gradient norm and takes one Adam step.
"""

import copy
import math
import time

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

from .. import optim
from ..errors import Note
from ..init_params import seeded
from .config import Seq2SeqConfig, TrainBudget
from .model import Seq2Seq
from .toy import TOY_TASKS


class ChunkTrainer:
    """Resumable training: ``step`` counts optimizer steps, ``losses`` holds each step's loss."""

    eval_every = 100  # steps between scores of the held-out check (``scores``; 0: never)

    def __init__(self, model: nn.Module, budget: TrainBudget, device: torch.device | str = "cpu"):
        self.budget = budget.validate()
        self.device = torch.device(device)  # where the weights and every batch live
        self.model = model.to(self.device)
        self.rng = np.random.default_rng(budget.seed)
        self.opt = optim.Adam(model.parameters(), lr=budget.lr)
        self.step = 0
        self.losses: list[float] = []  # loss of each step
        self.scores: list[tuple[int, float]] = []  # (step, held-out score) every ``eval_every`` steps
        self.seconds = 0.0  # training time summed over chunks
        self.done = False
        self.stop_reason: str | None = None  # "steps" or "nan"
        self.message: Note | None = None  # what to change, when training stopped on NaN (a keyed note)

    def batch_loss(self) -> torch.Tensor:
        raise NotImplementedError

    def set_lr(self, lr: float) -> None:
        """Change the learning rate of the live optimizer (Adam's moments are kept)."""
        if lr != self.budget.lr:
            self.budget.lr = lr
            self.budget.validate()
            for group in self.opt.param_groups:
                group["lr"] = lr

    def set_steps(self, steps: int) -> None:
        """Change the step budget of a live run: a run that stopped at its old budget goes on, and a run
        already past a lower budget is done."""
        if steps == self.budget.steps:
            return
        self.budget.steps = steps
        self.budget.validate()
        if self.stop_reason == "steps" and self.step < steps:
            self.done, self.stop_reason = False, None
        elif not self.done and self.step >= steps:
            self.done, self.stop_reason = True, "steps"

    def estimate_step_seconds(self, steps: int = 5) -> float:
        """Seconds one step takes here, timed on a copy of this trainer (the run itself is untouched)."""
        probe = copy.deepcopy(self)
        probe.eval_every, probe.done = 0, False
        probe.budget.steps = probe.step + steps
        t0 = time.perf_counter()
        probe.run(steps=steps)
        return (time.perf_counter() - t0) / max(1, probe.step - self.step)

    def score(self) -> float:
        """A held-out score in [0, 1] (NaN when the model has none)."""
        return float("nan")

    def run(self, seconds: float | None = None, steps: int | None = None) -> None:
        """Train until the budget, ``seconds`` of wall time or ``steps`` more steps, whichever comes first."""
        t0 = time.perf_counter()
        target = self.budget.steps if steps is None else min(self.budget.steps, self.step + steps)
        self.model.train()
        while not self.done and self.step < target:
            loss = self.batch_loss()
            if not math.isfinite(loss.item()):
                self.done, self.stop_reason = True, "nan"
                self.message = Note(
                    "s2s_nan", step=self.step + 1, value=f"{loss.item()}", lr=self.budget.lr / 10
                )
                break
            self.opt.zero_grad()
            loss.backward()
            if self.budget.clip:
                nn.utils.clip_grad_norm_(self.model.parameters(), self.budget.clip)
            self.opt.step()
            self.step += 1
            self.losses.append(loss.item())
            if self.eval_every and (self.step % self.eval_every == 0 or self.step == self.budget.steps):
                self.model.eval()
                self.scores.append((self.step, self.score()))
                self.model.train()
            if self.step >= self.budget.steps:
                self.done, self.stop_reason = True, "steps"
            if seconds is not None and time.perf_counter() - t0 >= seconds:
                break
        self.model.eval()
        self.seconds += time.perf_counter() - t0


def cross_entropy(logits: torch.Tensor, target: torch.Tensor) -> torch.Tensor:
    """logits (N, T, V), target (N, T) -> mean loss over every step (padding marked -100 is skipped)."""
    return F.cross_entropy(logits.reshape(-1, logits.shape[-1]), target.reshape(-1), ignore_index=-100)


class Seq2SeqTrainer(ChunkTrainer):
    """Teacher forcing on fresh random pairs; the held-out score is exact match on fixed inputs."""

    def __init__(self, cfg: Seq2SeqConfig, budget: TrainBudget, device: torch.device | str = "cpu"):
        self.cfg = cfg.validate()
        self.task = TOY_TASKS[cfg.task]
        super().__init__(seeded(lambda: Seq2Seq(cfg), budget.seed), budget, device)

    def batch_loss(self) -> torch.Tensor:
        length = int(self.rng.integers(self.cfg.min_len, self.cfg.max_len + 1))
        batch = self.task.batch(self.rng, self.budget.batch_size, length)
        src, tgt_in, tgt_out = (b.to(self.device) for b in batch)  # (N, S), (N, T), (N, T)
        logits, _ = self.model(src, tgt_in)  # (N, T, V)
        return cross_entropy(logits, tgt_out)

    def score(self) -> float:
        from .evaluate import exact_match

        lengths = range(self.cfg.min_len, self.cfg.max_len + 1)
        return float(np.mean([exact_match(self.model, self.task, n, 50) for n in lengths]))
