"""The sweep: train each cell at several lengths T and score held-out accuracy, one point at a time.

A page calls ``step(seconds)`` from a live fragment: it trains the current point for about that long,
and when a point's run ends (its epochs, or its target loss) it is scored and lands in ``results``.
``stop()`` ends the sweep between two calls; points already landed stay. The numbers do not depend
on how the work was cut into calls (each point is a seeded, resumable Trainer).
"""

import time
from dataclasses import dataclass, field

from ..config import CELLS, ModelConfig, TrainConfig
from ..train import Trainer
from .cells import memory_model
from .recall import RecallConfig, build_recall

LENGTHS = (5, 20, 50, 100, 200)  # the default sweep's T values


@dataclass
class SweepConfig:
    cells: tuple[str, ...] = CELLS  # cells to train at each length
    lengths: tuple[int, ...] = LENGTHS  # T values, 5..200
    hidden_size: int = 16  # units of every model
    keep_bias: float = 3.0  # starting bias of the LSTM forget / GRU update gate (see cells)
    activation: str = "tanh"  # the vanilla cell's nonlinearity
    distractors: int = 1  # distinct distractor tokens (see recall)
    n_train: int = 512  # training sequences per point
    n_test: int = 200  # held-out sequences per point
    epochs: int = 8  # most epochs per point
    target_loss: float = 0.05  # a point stops early when its training loss falls to this
    lr: float = 0.01  # Adam's learning rate
    batch_size: int = 32  # sequences per step
    seed: int = 0  # seeds data and weights of every point
    device: str = "cpu"  # where every point trains (a torch device name)


@dataclass
class SweepPoint:
    cell: str  # rnn, lstm or gru
    length: int  # T
    accuracy: float  # held-out accuracy after training
    epochs: int  # epochs it trained
    seconds: float  # training time


@dataclass
class Sweep:
    cfg: SweepConfig = field(default_factory=SweepConfig)
    results: list[SweepPoint] = field(default_factory=list)  # landed points, in sweep order
    stopped: bool = False  # stopped by the visitor before the end
    _trainer: Trainer | None = None
    _test = None

    @property
    def plan(self) -> list[tuple[str, int]]:
        """Every (cell, T) of the sweep, shortest lengths first."""
        return [(c, t) for t in self.cfg.lengths for c in self.cfg.cells]

    @property
    def done(self) -> bool:
        return self.stopped or len(self.results) >= len(self.plan)

    @property
    def progress(self) -> float:
        """Share of points landed, 0..1."""
        return len(self.results) / len(self.plan)

    def current(self) -> tuple[str, int] | None:
        return None if self.done else self.plan[len(self.results)]

    def stop(self) -> None:
        self.stopped, self._trainer = True, None

    def _start(self, cell: str, length: int) -> Trainer:
        c = self.cfg
        td = build_recall(
            RecallConfig(
                length=length, distractors=c.distractors, n_train=c.n_train, n_test=c.n_test, seed=c.seed
            )
        )
        mc = ModelConfig(cell=cell, hidden_size=c.hidden_size, activation=c.activation, **td.model)
        tc = TrainConfig(
            epochs=c.epochs, lr=c.lr, batch_size=c.batch_size, seed=c.seed, target_loss=c.target_loss
        )
        self._test = td.test.to(c.device)
        return Trainer(memory_model(mc, c.seed, c.keep_bias), td.train, tc, device=c.device)

    def step(self, seconds: float | None = None) -> SweepPoint | None:
        """Train the current point for ``seconds`` (None: to its end); the point it landed, if any."""
        point = self.current()
        if point is None:
            return None
        if self._trainer is None:
            self._trainer = self._start(*point)
        t = self._trainer.run(seconds=seconds)
        if not t.done:
            return None
        _, acc, _ = t.evaluate(self._test)
        landed = SweepPoint(point[0], point[1], acc, t.epoch, t.train_seconds)
        self.results.append(landed)
        self._trainer = None
        return landed

    def estimate_seconds(self, probe: int = 20) -> float:
        """At most how long the whole sweep trains here: one timed epoch per cell at T = ``probe``, scaled
        by every length (a step's cost grows with T) and by the epochs of a point (a point that reaches
        its target loss stops sooner). The sweep itself is untouched."""
        test, total = self._test, 0.0
        try:
            for cell in self.cfg.cells:
                per_epoch = self._start(cell, probe).estimate_epoch_seconds()
                total += per_epoch * self.cfg.epochs * sum(self.cfg.lengths) / probe
        finally:
            self._test = test
        return total

    def run(self, seconds: float | None = None) -> "Sweep":
        """Train for about ``seconds`` (a page's chunk; points land as they finish), or the whole sweep
        at once (None: the CLI, the bench)."""
        t0 = time.perf_counter()
        while not self.done:
            left = None if seconds is None else max(0.0, seconds - (time.perf_counter() - t0))
            self.step(left)
            if seconds is not None and time.perf_counter() - t0 >= seconds:
                break
        return self

    def table(self) -> dict[str, tuple[list[int], list[float]]]:
        """cell -> (lengths, accuracies) of the landed points."""
        out: dict[str, tuple[list[int], list[float]]] = {}
        for p in self.results:
            xs, ys = out.setdefault(p.cell, ([], []))
            xs.append(p.length)
            ys.append(p.accuracy)
        return out
