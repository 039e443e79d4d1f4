"""Accuracy by input length, with and without attention: the bottleneck of one context vector.

One model per attention kind, each with the same seed, settings and step budget, trained on inputs
of every length in ``train_lengths``; then each is scored (exact match) on fresh inputs of every
length. ``run(seconds=...)`` advances the study in chunks so a page can show progress.
"""

from dataclasses import replace

import torch

from .config import ATTENTIONS, Seq2SeqConfig, TrainBudget
from .evaluate import exact_match
from .train import Seq2SeqTrainer


class LengthStudy:
    def __init__(
        self,
        cfg: Seq2SeqConfig,
        budget: TrainBudget,
        kinds=ATTENTIONS,
        n_test: int = 200,
        device: torch.device | str = "cpu",
    ):
        self.cfg, self.budget, self.kinds, self.n_test = (
            cfg.validate(),
            budget.validate(),
            tuple(kinds),
            n_test,
        )
        self.device = torch.device(device)  # where every model of the study trains
        self.lengths = list(range(cfg.min_len, cfg.max_len + 1))  # trained and scored lengths
        self.trainers: dict[str, Seq2SeqTrainer] = {}
        self.results: dict[str, list[float]] = {}  # kind -> exact match per length
        self.seconds: dict[str, float] = {}  # kind -> training seconds

    @property
    def done(self) -> bool:
        return len(self.results) == len(self.kinds)

    @property
    def progress(self) -> float:
        steps = sum(t.step for t in self.trainers.values())
        return min(1.0, (steps + len(self.results)) / (len(self.kinds) * (self.budget.steps + 1)))

    @property
    def steps(self) -> int:
        """Optimizer steps taken so far, over every model of the study."""
        return sum(t.step for t in self.trainers.values())

    def current(self) -> str | None:
        """The attention kind training now (None when done)."""
        return next((k for k in self.kinds if k not in self.results), None)

    def _trainer(self, kind: str) -> Seq2SeqTrainer:
        t = Seq2SeqTrainer(replace(self.cfg, attention=kind), replace(self.budget), self.device)
        t.eval_every = 0  # scored once, by length, at the end
        return t

    def estimate_seconds(self, steps: int = 3) -> float:
        """Seconds the whole study should take here: a few timed steps of each kind's model (fresh
        copies; the study itself is untouched) times the step budget."""
        return sum(self._trainer(k).estimate_step_seconds(steps) * self.budget.steps for k in self.kinds)

    def run(self, seconds: float | None = None) -> None:
        """Train the current kind for ``seconds`` (or to the end), score it when its budget is spent."""
        for kind in self.kinds:
            if kind in self.results:
                continue
            if kind not in self.trainers:
                self.trainers[kind] = self._trainer(kind)
            t = self.trainers[kind]
            t.run(seconds=seconds)
            if t.done:
                self.results[kind] = [exact_match(t.model, t.task, n, self.n_test) for n in self.lengths]
                self.seconds[kind] = t.seconds
                self.trainers[kind] = t  # kept: the page may show its attention
            if seconds is not None:
                return
