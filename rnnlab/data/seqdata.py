"""A batch-ready set of sequences: padded inputs, their true lengths, and targets."""

from dataclasses import dataclass

import torch

from ..errors import check
from .ids import IGNORE, PAD_ID


@dataclass
class SeqData:
    x: torch.Tensor  # (N, L) token ids (long) or (N, L, H_in) features (float), right-padded
    lengths: torch.Tensor  # (N,) valid steps of each row, long, kept on the CPU for packing
    y: torch.Tensor  # (N,) labels or values; (N, L) for tagging with IGNORE at padding

    def __len__(self) -> int:
        return self.x.shape[0]

    def batch(self, idx: torch.Tensor) -> "SeqData":
        """Rows ``idx``, trimmed to the longest of them so short batches do not pay for long ones."""
        lengths = self.lengths[idx.cpu()]
        top = int(lengths.max())
        idx = idx.to(self.x.device)
        y = self.y[idx]
        return SeqData(self.x[idx, :top], lengths, y[:, :top] if y.dim() == 2 else y)

    def to(self, device: torch.device) -> "SeqData":
        return SeqData(self.x.to(device), self.lengths, self.y.to(device))


def pad_ids(rows: list[list[int]], max_len: int | None = None) -> tuple[torch.Tensor, torch.Tensor]:
    """Token-id lists -> (N, L) long tensor padded with PAD_ID, and (N,) lengths. Long rows are cut."""
    check(len(rows) > 0, "no_sequences")
    rows = [r[:max_len] if max_len else r for r in rows]
    check(all(len(r) > 0 for r in rows), "empty_sequence")
    top = max(len(r) for r in rows)
    x = torch.full((len(rows), top), PAD_ID, dtype=torch.long)
    for i, r in enumerate(rows):
        x[i, : len(r)] = torch.tensor(r, dtype=torch.long)
    return x, torch.tensor([len(r) for r in rows], dtype=torch.long)


def from_ids(rows: list[list[int]], labels, max_len: int | None = None) -> SeqData:
    """Token-id rows and one label per row."""
    x, lengths = pad_ids(rows, max_len)
    return SeqData(x, lengths, torch.as_tensor(list(labels), dtype=torch.long))


def from_tagged(rows: list[list[int]], tags: list[list[int]]) -> SeqData:
    """Token-id rows and one tag per token (many-to-many)."""
    x, lengths = pad_ids(rows)
    y = torch.full(x.shape, IGNORE, dtype=torch.long)
    for i, t in enumerate(tags):
        y[i, : len(t)] = torch.tensor(t, dtype=torch.long)
    return SeqData(x, lengths, y)


def from_features(x, y) -> SeqData:
    """Equal-length float features (N, L, H_in) and float targets (N,)."""
    x = torch.as_tensor(x, dtype=torch.float32)
    if x.dim() == 2:
        x = x[..., None]
    lengths = torch.full((x.shape[0],), x.shape[1], dtype=torch.long)
    return SeqData(x, lengths, torch.as_tensor(y, dtype=torch.float32))
