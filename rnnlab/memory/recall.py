"""The long-range memory task: remember the first symbol of a long sequence.

Each sequence is one of ``symbols`` signal tokens (A, B, C, ...) followed by ``length - 1`` distractor
tokens (drawn at random from their own small set; by default one filler token repeated, so nothing
but memory helps: no pattern in the distractors to memorise); the label is the first symbol. The answer is only
at step 1, so the model must carry it through every later step: chance is ``1 / symbols``.

Token ids: 0 <pad>, 1 <unk> (the engine's reserved ids), then the signals, then the distractors.
"""

from dataclasses import dataclass

import numpy as np
import torch

from ..data.seqdata import SeqData
from ..errors import check
from ..taskdata import TaskData

MIN_LENGTH, MAX_LENGTH = 5, 200  # the length slider's range
SIGNALS = "ABCDEFGH"  # names of the signal tokens (the first ``symbols`` are used)


@dataclass
class RecallConfig:
    length: int = 50  # T: steps per sequence (the first one carries the answer), 5..200
    symbols: int = 4  # signal tokens to remember (classes); chance = 1 / symbols, 2..8
    distractors: int = 1  # distinct distractor tokens filling steps 2..T, 1..16 (1: a constant filler)
    n_train: int = 512  # training sequences
    n_test: int = 200  # held-out sequences (accuracy is scored on these)
    seed: int = 0  # seeds the sequences: same seed, same data

    def validate(self) -> "RecallConfig":
        check(
            isinstance(self.length, int) and MIN_LENGTH <= self.length <= MAX_LENGTH,
            "memory_length",
            low=MIN_LENGTH,
            high=MAX_LENGTH,
            got=self.length,
        )
        check(2 <= self.symbols <= len(SIGNALS), "memory_symbols", high=len(SIGNALS), got=self.symbols)
        check(1 <= self.distractors <= 16, "memory_distractors", got=self.distractors)
        check(self.n_train >= 1 and self.n_test >= 1, "memory_count", got=min(self.n_train, self.n_test))
        return self

    @property
    def vocab_size(self) -> int:
        """<pad>, <unk>, the signals and the distractors."""
        return 2 + self.symbols + self.distractors


def sequences(cfg: RecallConfig, n: int, seed: int) -> tuple[torch.Tensor, torch.Tensor]:
    """ids (n, T) and labels (n,): a signal id first, then distractor ids."""
    rng = np.random.default_rng(seed)
    labels = rng.integers(0, cfg.symbols, n)  # (n,)
    x = 2 + cfg.symbols + rng.integers(0, cfg.distractors, (n, cfg.length))  # (n, T) distractors
    x[:, 0] = 2 + labels  # the signal at step 1
    return torch.as_tensor(x, dtype=torch.long), torch.as_tensor(labels, dtype=torch.long)


def _data(x: torch.Tensor, y: torch.Tensor) -> SeqData:
    return SeqData(x, torch.full((len(x),), x.shape[1], dtype=torch.long), y)


def tokens(cfg: RecallConfig, ids) -> list[str]:
    """Readable tokens for one sequence: signals as letters, distractors as digits."""
    out = []
    for i in np.asarray(ids).tolist():
        k = i - 2
        out.append(SIGNALS[k] if 0 <= k < cfg.symbols else str(k - cfg.symbols))
    return out


def build_recall(cfg: RecallConfig | None = None) -> TaskData:
    """The task as TaskData: one-hot token inputs, one class per signal."""
    cfg = (cfg or RecallConfig()).validate()
    x_tr, y_tr = sequences(cfg, cfg.n_train, cfg.seed)
    x_te, y_te = sequences(cfg, cfg.n_test, cfg.seed + 10_000)
    return TaskData(
        _data(x_tr, y_tr),
        _data(x_te, y_te),
        {
            "input_kind": "onehot",
            "vocab_size": cfg.vocab_size,
            "head": "multiclass",
            "num_classes": cfg.symbols,
        },
        labels=list(SIGNALS[: cfg.symbols]),
    )
