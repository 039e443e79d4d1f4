"""The one sequence model of the playground: input encoding -> [conv front-end] -> stacked RNN/LSTM/GRU
-> [pooling over time] -> head.

Shape key: N batch size, L sequence length (time steps), V vocabulary size, E embedding size,
H_in floats per step entering the first layer, H hidden size per direction, D directions (1 or 2),
C head outputs (1 for binary and regression, the class count otherwise); with the conv front-end
F feature maps, K kernel width, P pooling width and L' = ceil(L / P) steps for the RNN.

The convolutional front-end (the classic IMDB "LSTM + CNN"), for inputs x_1..x_L (N, L, E):

    m_t = ReLU(b + sum_{j=-(K-1)/2}^{(K-1)/2} W_j x_{t+j})      (N, L, F): a local n-gram detector per map
    s_u = max(m_{uP}, ..., m_{uP+P-1})                          (N, L', F): the RNN reads s_1..s_L'

(x outside the text is 0, and so is m past a row's last token, so padding never changes a row's maps).
The linear skip path (forecasts on windows of W values, ``linear_skip``) adds a linear autoregression to the
network's answer, so the RNN only has to learn what a straight line through the window misses:

    y = head(h_L) + sum_{t=1}^{W} a_t x_t + b                 (N,): a starts at 0, so at first y = head(h_L)

The readout: ``last`` feeds the head h_L (h_L' with the front-end); ``max``/``mean`` feed it the
element-wise max/mean of h_1..h_L over a row's real steps (pooling over time).

Training uses torch's fused ``nn.RNN`` / ``nn.LSTM`` / ``nn.GRU`` (run one layer at a time when there is
dropout between layers: :mod:`rnnlab.dropout` draws every mask from the run's generator, passed to
``forward``); :mod:`rnnlab.replay` replays the same weights step by step to show the gates.
Variable-length batches are packed, so padding never changes a prediction: a one-directional
model reads each row's state at its last real step (padding after it cannot reach back), a
bidirectional one packs the batch with ``pack_padded_sequence``.
"""

from collections.abc import Iterator
from contextlib import contextmanager

import torch
import torch.nn as nn
import torch.nn.functional as F
from torch.nn.utils.rnn import pack_padded_sequence, pad_packed_sequence

from .config import ModelConfig
from .data.ids import IGNORE, PAD_ID, UNK_ID
from .dropout import Dropout, stacked
from .init_params import blank, seeded

__all__ = ["SeqModel", "compute_loss", "count_correct", "seeded_model", "blank_model", "evaluating"]
__all__ += ["PAD_ID", "UNK_ID", "IGNORE"]  # re-exported: they live in rnnlab.data.ids
_CELLS = {"rnn": nn.RNN, "lstm": nn.LSTM, "gru": nn.GRU}


class SeqModel(nn.Module):
    def __init__(self, cfg: ModelConfig):
        super().__init__()
        self.cfg = cfg.validate()
        if cfg.input_kind == "embedding":
            self.embed = nn.Embedding(cfg.vocab_size, cfg.embedding_dim, padding_idx=PAD_ID)
        if cfg.conv:
            self.conv = nn.Conv1d(
                self.input_width, cfg.conv_filters, cfg.conv_kernel, padding=cfg.conv_kernel // 2
            )
        self.drop = Dropout(cfg.input_dropout)  # its masks come from the generator passed to forward
        rnn_kwargs = {"nonlinearity": cfg.activation} if cfg.cell == "rnn" else {}
        self.rnn = _CELLS[cfg.cell](
            self.rnn_width,
            cfg.hidden_size,
            num_layers=cfg.num_layers,
            batch_first=True,
            bidirectional=cfg.bidirectional,
            dropout=0.0,  # between-layer dropout is rnnlab.dropout.stacked's, from the run's generator
            **rnn_kwargs,
        )
        self.head = nn.Linear(cfg.directions * cfg.hidden_size, cfg.out_size)
        if cfg.linear_skip:  # built after the head, so every other weight is the same with or without it
            self.skip = nn.Linear(cfg.window * self.input_width, 1)  # a and b: 0 at the start (after_init)
        self.after_init()

    @torch.no_grad()
    def after_init(self) -> None:
        """What follows the random draws (here and in :func:`rnnlab.init_params.init_params`): the linear
        skip path starts at a = 0, b = 0 (y = head(h_L) at first), and an LSTM starts with its forget gate
        open (b_if + b_hf = forget_bias) so early steps are remembered."""
        if self.cfg.linear_skip:
            self.skip.weight.zero_()
            self.skip.bias.zero_()
        value, h = self.cfg.forget_bias, self.cfg.hidden_size
        if self.cfg.cell != "lstm" or not value:
            return
        for name, p in self.rnn.named_parameters():
            if name.startswith("bias_"):
                p[h : 2 * h] = value if name.startswith("bias_ih") else 0.0

    @property
    def input_width(self) -> int:
        """H_in: floats per step that enter the first recurrent layer."""
        c = self.cfg
        return {"embedding": c.embedding_dim, "onehot": c.vocab_size, "features": c.input_size}[c.input_kind]

    @property
    def rnn_width(self) -> int:
        """Floats per step that the first recurrent layer reads: F with the conv front-end, else H_in."""
        return self.cfg.conv_filters if self.cfg.conv else self.input_width

    def feature_maps(self, inp: torch.Tensor, lengths: torch.Tensor | None = None) -> torch.Tensor:
        """The convolution's maps m_t per token: inputs (N, L, H_in) -> (N, L, F), 0 past each row's end."""
        if lengths is None:
            return F.relu(self.conv(inp.transpose(1, 2))).transpose(1, 2)  # (N, L, F)
        steps = torch.arange(inp.shape[1], device=inp.device)
        valid = (steps[None, :] < lengths.to(inp.device)[:, None]).unsqueeze(-1)  # (N, L, 1)
        m = F.relu(self.conv((inp * valid).transpose(1, 2))).transpose(1, 2)  # (N, L, F)
        return m * valid

    def front(self, inp: torch.Tensor, lengths: torch.Tensor | None = None):
        """Inputs (N, L, H_in) -> what the RNN reads (N, L', F) and each row's steps (N,) (or None).
        Without the front-end both pass through unchanged."""
        if not self.cfg.conv:
            return inp, lengths
        p = self.cfg.conv_pool
        m = self.feature_maps(inp, lengths)  # (N, L, F); ReLU >= 0, so the zeros past the end never win
        s = F.max_pool1d(m.transpose(1, 2), p, p, ceil_mode=True).transpose(1, 2)  # (N, L', F)
        return s, None if lengths is None else (lengths + p - 1) // p

    def step_labels(self, tokens: list[str]) -> list[str]:
        """A label per step the RNN reads: the tokens themselves, or each pooled group ("not bad")."""
        p = self.cfg.conv_pool if self.cfg.conv else 1
        return [" ".join(tokens[i : i + p]) for i in range(0, len(tokens), p)]

    def encode(self, x: torch.Tensor) -> torch.Tensor:
        """Token ids (N, L) or features (N, L, H_in) -> floats (N, L, H_in)."""
        kind = self.cfg.input_kind
        if kind == "embedding":
            return self.embed(x)  # (N, L, E)
        if kind == "onehot":
            return F.one_hot(x, self.cfg.vocab_size).float()  # (N, L, V)
        return x  # (N, L, H_in)

    def forward(
        self,
        x: torch.Tensor,
        lengths: torch.Tensor | None = None,
        encoded: torch.Tensor | None = None,
        with_skip: bool = True,
        generator: torch.Generator | None = None,
    ) -> torch.Tensor:
        """Logits or values: (N, C) for binary/multiclass/regression ((N,) when C == 1), (N, L, C) for tagging.

        ``lengths`` (N,) on the CPU marks the valid steps of each row; rows shorter than L are packed.
        ``encoded`` replaces ``encode(x)`` (gradient and saliency views pass it to get d/dx).
        ``with_skip=False`` leaves out the linear skip path (the replay scores prefixes of a window with it).
        ``generator``: the run's dropout generator (CPU), needed in training when the model has dropout.
        """
        inp = self.encode(x) if encoded is None else encoded  # (N, L, H_in)
        skip = self.skip_out(inp) if with_skip else None  # (N, 1) or None
        inp, lengths = self.front(inp, lengths)  # (N, L', F) with the front-end
        inp = self.drop(inp, generator)
        n, steps = inp.shape[0], inp.shape[1]
        ragged = lengths is not None and int(lengths.min()) < steps
        if ragged and self.cfg.bidirectional:
            # the backward direction must start at each row's last real token: pack
            seq = pack_padded_sequence(inp, lengths.cpu(), batch_first=True, enforce_sorted=False)
            out, state = self.recur(seq, generator)
            out, _ = pad_packed_sequence(out, batch_first=True, total_length=steps)
        else:
            # one direction: padding after a row's end cannot change its earlier states
            out, state = self.recur(inp, generator)  # out (N, L, D*H)
        if self.cfg.head == "tagging":
            return self.head(out)  # (N, L, C)
        if self.cfg.readout != "last":
            last = self.pool_steps(out, lengths if ragged else None)  # (N, D*H)
        elif ragged and not self.cfg.bidirectional:
            last = out[
                torch.arange(n, device=out.device), lengths.to(out.device) - 1
            ]  # (N, H) at each row's end
        else:
            h_n = state[0] if self.cfg.cell == "lstm" else state  # (layers*D, N, H)
            last = h_n[-self.cfg.directions :].transpose(0, 1).reshape(n, -1)  # (N, D*H) top layer
        y = self.head(self.drop(last, generator))  # (N, C)
        if skip is not None:
            y = y + skip  # (N, 1): the linear autoregression on the window
        return y.squeeze(-1) if self.cfg.out_size == 1 else y

    def skip_out(self, inp: torch.Tensor) -> torch.Tensor | None:
        """The linear skip path's term a·x + b: windows (N, W, H_in) -> (N, 1); None without the path."""
        if not self.cfg.linear_skip:
            return None
        w = self.cfg.window
        if inp.shape[1] != w:
            raise ValueError(f"the linear skip path expected windows of {w} steps, got {inp.shape[1]}")
        return self.skip(inp.reshape(inp.shape[0], -1))  # (N, W*H_in) -> (N, 1)

    def recur(self, inp, generator: torch.Generator | None = None):
        """The stacked RNN on (N, L, F) or a PackedSequence -> (outputs, final state); in training with
        dropout between layers, one layer at a time with masks from ``generator`` (rnnlab.dropout)."""
        if self.training and self.cfg.dropout > 0 and self.cfg.num_layers > 1:
            return stacked(self.rnn, inp, self.cfg.dropout, generator)
        return self.rnn(inp)

    def pool_steps(self, out: torch.Tensor, lengths: torch.Tensor | None) -> torch.Tensor:
        """Pooling over time: every step's top-layer state (N, L, D*H) -> its max or mean over each row's
        real steps (N, D*H)."""
        if lengths is None:
            return out.amax(1) if self.cfg.readout == "max" else out.mean(1)
        valid = (torch.arange(out.shape[1], device=out.device)[None, :] < lengths.to(out.device)[:, None])[
            ..., None
        ]  # (N, L, 1)
        if self.cfg.readout == "max":
            return out.masked_fill(~valid, float("-inf")).amax(1)
        return (out * valid).sum(1) / valid.sum(1)

    def predict(self, out: torch.Tensor) -> torch.Tensor:
        """Logits -> probabilities (sigmoid / softmax); regression values pass through."""
        if self.cfg.head == "binary":
            return torch.sigmoid(out)
        if self.cfg.head in ("multiclass", "tagging"):
            return torch.softmax(out, dim=-1)
        return out


def compute_loss(head: str, out: torch.Tensor, y: torch.Tensor) -> torch.Tensor:
    """The training loss of each head, averaged over the batch (and valid steps for tagging)."""
    if head == "binary":
        return F.binary_cross_entropy_with_logits(out, y.float())
    if head == "multiclass":
        return F.cross_entropy(out, y)
    if head == "tagging":
        return F.cross_entropy(out.reshape(-1, out.shape[-1]), y.reshape(-1), ignore_index=IGNORE)
    return F.mse_loss(out, y)


def count_correct(head: str, out: torch.Tensor, y: torch.Tensor) -> tuple[int, int]:
    """(correct, counted) predictions for classification heads; (0, 0) for regression."""
    if head == "binary":
        return int(((out > 0).long() == y.long()).sum()), y.numel()
    if head == "multiclass":
        return int((out.argmax(-1) == y).sum()), y.numel()
    if head == "tagging":
        valid = y != IGNORE
        return int(((out.argmax(-1) == y) & valid).sum()), int(valid.sum())
    return 0, 0


@contextmanager
def evaluating(model: nn.Module) -> Iterator[nn.Module]:
    """Eval mode (no dropout) inside the block, then the model's training mode as it was."""
    was = model.training
    model.eval()
    try:
        yield model
    finally:
        model.train(was)


def seeded_model(cfg: ModelConfig, seed: int) -> SeqModel:
    """A fresh model whose initial weights depend only on ``cfg`` and ``seed``, drawn from a generator
    of its own (torch's global generator is untouched, so threads of other visitors cannot interfere)."""
    return seeded(lambda: SeqModel(cfg), seed)


def blank_model(cfg: ModelConfig) -> SeqModel:
    """A model of shape ``cfg`` whose weights are to be loaded (nothing random is drawn)."""
    return blank(lambda: SeqModel(cfg))
