"""Training that a page can drive: resumable chunks, a history, and clean stops.

The trainer knows nothing of the UI and little of the model: it calls ``model(x, lengths)`` and the
head's loss. A page calls ``run(seconds=0.2)`` between redraws; the CLI calls ``run()`` once.
Chunking never changes the numbers: the shuffle generator and the dropout generator live in the
trainer (``torch.Generator`` objects of its own; torch's global generator is never used), so 10 epochs
in one call equal 10 calls of one epoch, even with other trainers running in other threads.
"""

import copy
import math
import time
from dataclasses import dataclass, field

import torch

from . import optim
from .config import TrainConfig
from .data.seqdata import SeqData
from .errors import Note
from .models import SeqModel, compute_loss, count_correct, evaluating


@dataclass
class History:
    epoch: list[int] = field(default_factory=list)  # epochs completed, 1-based
    loss: list[float] = field(default_factory=list)  # mean training loss of each epoch
    accuracy: list[float] = field(
        default_factory=list
    )  # training accuracy of each epoch (NaN for regression)
    seconds: list[float] = field(default_factory=list)  # wall time of each epoch
    steps: list[int] = field(default_factory=list)  # optimizer steps in each epoch
    val_epoch: list[int] = field(default_factory=list)  # epochs at which the held-out part was scored
    val_loss: list[float] = field(default_factory=list)
    val_accuracy: list[float] = field(default_factory=list)


class Trainer:
    def __init__(
        self,
        model: SeqModel,
        train: SeqData,
        cfg: TrainConfig,
        val: SeqData | None = None,
        device: torch.device | str = "cpu",
    ):
        self.cfg = cfg.validate()
        self.device = torch.device(device)
        self.model = model.to(self.device)
        self.train_data, self.val_data = (
            train.to(self.device),
            val.to(self.device) if val is not None else None,
        )
        params = [p for p in model.parameters() if p.requires_grad]
        self.opt = optim.make(cfg.optimizer, params, cfg.lr, cfg.momentum, cfg.weight_decay)
        self.gen = torch.Generator().manual_seed(cfg.seed)
        self.drop_gen = torch.Generator().manual_seed(cfg.seed + 1)  # dropout's masks (rnnlab.dropout)
        self.history = History()
        self.epoch = 0
        self.train_seconds = 0.0  # the training loop alone, summed over chunks
        self.done = False
        self.stop_reason: str | None = None  # "epochs", "target" or "nan"
        self.message: Note | None = None  # what to change, when training stopped on NaN (a keyed note)
        self._order: torch.Tensor | None = None
        self._pos = 0
        self._epoch_stats = [0.0, 0, 0, 0, 0.0, 0]  # loss*n, n, correct, counted, seconds, steps

    def set_lr(self, lr: float) -> None:
        """Change the learning rate of the live optimizer (momentum and Adam moments are kept)."""
        self.cfg.lr = lr
        for group in self.opt.param_groups:
            group["lr"] = lr

    def set_epochs(self, epochs: int) -> None:
        """Change the epoch limit of a live run: a run that stopped at its old limit can go on, and a
        run already past a lower limit is done."""
        self.cfg.epochs = epochs
        self.cfg.validate()
        if self.stop_reason == "epochs" and self.epoch < epochs:
            self.done, self.stop_reason = False, None
        elif not self.done and self.epoch >= epochs:
            self.done, self.stop_reason = True, "epochs"

    def estimate_epoch_seconds(self) -> float:
        """Seconds one epoch takes here: one real epoch is timed with this run's optimizer, batch size
        and data, then the weights, the optimizer's state, the random generators and the history are
        put back, so the run goes on exactly as if it had not been timed."""
        saved = {
            k: copy.deepcopy(v)
            for k, v in vars(self).items()
            if k not in ("model", "opt", "train_data", "val_data")
        }
        weights = copy.deepcopy(self.model.state_dict())
        opt_state = self.opt.state_dict()
        gen_states = self.gen.get_state(), self.drop_gen.get_state()
        try:
            self.done, self._order, self._pos = False, None, 0
            self._epoch_stats = [0.0, 0, 0, 0, 0.0, 0]
            self.cfg = copy.copy(self.cfg)
            self.cfg.epochs, self.cfg.target_loss = self.epoch + 1, 0.0
            t0 = time.perf_counter()
            self.run(epochs=1)
            return time.perf_counter() - t0
        finally:
            self.model.load_state_dict(weights)
            self.opt.load_state_dict(opt_state)
            vars(self).update(saved)
            self.gen.set_state(gen_states[0])
            self.drop_gen.set_state(gen_states[1])

    def run(
        self, epochs: int | None = None, steps: int | None = None, seconds: float | None = None, callback=None
    ) -> "Trainer":
        """Train until ``epochs`` more epochs end, ``steps`` more batches ran, ``seconds`` passed, or the run is
        done (max epochs, target loss, NaN). With no limit, run to the end. ``callback(trainer)`` after each epoch."""
        if self.done:
            return self
        start_epoch, n_steps = self.epoch, 0
        t0 = time.perf_counter()
        self.model.train()
        try:
            while not self.done:
                self._step()
                n_steps += 1
                if self._pos >= len(self.train_data):
                    self._end_epoch()
                    if callback is not None:
                        callback(self)
                if (
                    (epochs is not None and self.epoch - start_epoch >= epochs)
                    or (steps is not None and n_steps >= steps)
                    or (seconds is not None and time.perf_counter() - t0 >= seconds)
                ):
                    break
        finally:
            self.train_seconds += time.perf_counter() - t0
        if self.val_data is not None and self.epoch > start_epoch:
            self._score_val()
        return self

    def _step(self) -> None:
        t = time.perf_counter()
        data = self.train_data
        if self._order is None:
            self._order = (
                torch.randperm(len(data), generator=self.gen) if self.cfg.shuffle else torch.arange(len(data))
            )
            self._pos = 0
        idx = self._order[self._pos : self._pos + self.cfg.batch_size]
        batch = data.batch(idx)
        out = self.model(batch.x, batch.lengths, generator=self.drop_gen)
        loss = compute_loss(self.model.cfg.head, out, batch.y)
        value = loss.item()
        if not math.isfinite(value):
            self._stop_nan(value)
            return
        self.opt.zero_grad()
        loss.backward()
        if self.cfg.clip > 0:
            torch.nn.utils.clip_grad_norm_(self.model.parameters(), self.cfg.clip)
        self.opt.step()
        with torch.no_grad():
            correct, counted = count_correct(self.model.cfg.head, out, batch.y)
        s = self._epoch_stats
        n = len(idx)
        s[0] += value * n
        s[1] += n
        s[2] += correct
        s[3] += counted
        s[4] += time.perf_counter() - t
        s[5] += 1
        self._pos += n

    def _end_epoch(self) -> None:
        loss_sum, n, correct, counted, secs, steps = self._epoch_stats
        self.epoch += 1
        h = self.history
        h.epoch.append(self.epoch)
        h.loss.append(loss_sum / n)
        h.accuracy.append(correct / counted if counted else float("nan"))
        h.seconds.append(secs)
        h.steps.append(steps)
        self._epoch_stats = [0.0, 0, 0, 0, 0.0, 0]
        self._order = None
        if self.cfg.target_loss > 0 and h.loss[-1] <= self.cfg.target_loss:
            self.done, self.stop_reason = True, "target"
        elif self.epoch >= self.cfg.epochs:
            self.done, self.stop_reason = True, "epochs"

    def _stop_nan(self, value: float) -> None:
        self.done, self.stop_reason = True, "nan"
        self.message = Note(
            "nan_stop_clip" if self.cfg.clip == 0 else "nan_stop",
            epoch=self.epoch + 1,
            value=str(value),
            lr=self.cfg.lr / 10,
        )

    @torch.no_grad()
    def evaluate(self, data: SeqData, batch_size: int = 256) -> tuple[float, float, torch.Tensor]:
        """Mean loss, accuracy (NaN for regression) and the raw outputs over ``data``, in eval mode.
        Modest batches keep a visitor's peak memory small (4,096 reviews x 50 steps would take ~100 MB)."""
        outs, loss_sum, correct, counted = [], 0.0, 0, 0
        with evaluating(self.model):
            for i in range(0, len(data), batch_size):
                b = data.batch(torch.arange(i, min(i + batch_size, len(data)), device=data.x.device))
                out = self.model(b.x, b.lengths)
                loss_sum += compute_loss(self.model.cfg.head, out, b.y).item() * len(b)
                c, k = count_correct(self.model.cfg.head, out, b.y)
                correct, counted = correct + c, counted + k
                outs.append(out)
        return loss_sum / len(data), (correct / counted if counted else float("nan")), _cat_outputs(outs)

    def _score_val(self) -> None:
        loss, acc, _ = self.evaluate(self.val_data)
        h = self.history
        h.val_epoch.append(self.epoch)
        h.val_loss.append(loss)
        h.val_accuracy.append(acc)


def _cat_outputs(outs: list[torch.Tensor]) -> torch.Tensor:
    if outs[0].dim() == 3:  # tagging batches may differ in length
        top = max(o.shape[1] for o in outs)
        outs = [torch.nn.functional.pad(o, (0, 0, 0, top - o.shape[1])) for o in outs]
    return torch.cat(outs)
