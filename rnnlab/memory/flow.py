"""Gradient flow: how much the loss still feels each input step, |d loss / d x_t|.

For the loss L of a batch and the encoded input x_t (H_in floats at step t), the view draws
g_t = mean over examples of || d L_n / d x_{n,t} ||_2. A vanilla RNN's g_1 is orders of magnitude
below g_T at initialisation (the product of T derivatives, see ``activations``); gated cells keep it.
``FlowRecorder`` keeps one such row per epoch: the heatmap of step x epoch.
"""

from dataclasses import dataclass, field

import numpy as np
import torch

from ..data.seqdata import SeqData
from ..models import SeqModel, compute_loss


def gradient_flow(model: SeqModel, data: SeqData) -> np.ndarray:
    """(L,) mean over the rows of ``data`` of ||d loss_n / d x_{n,t}|| (equal-length rows)."""
    was = model.training
    model.eval()
    try:
        device = next(model.parameters()).device
        x = data.x.to(device)
        enc = model.encode(x).detach().requires_grad_(True)  # (N, L, H_in)
        with torch.backends.cudnn.flags(enabled=False):  # cudnn RNN backward needs train mode
            out = model(x, encoded=enc)  # (N, C) or (N,)
            y = data.y.to(device)
            # the sum of per-row losses: row n's gradient is d loss_n / d x_n, not divided by N
            loss = compute_loss(model.cfg.head, out, y) * len(x)
            (grad,) = torch.autograd.grad(loss, enc)  # (N, L, H_in)
        return grad.norm(dim=-1).mean(0).detach().cpu().double().numpy()
    finally:
        model.train(was)


@dataclass
class FlowRecorder:
    """Gradient flow of fixed probe rows at epoch 0 and after every ``every`` epochs."""

    probe: SeqData  # the rows measured each time (a few held-out sequences)
    every: int = 1  # epochs between rows
    epochs: list[int] = field(default_factory=list)  # the epoch of each row
    rows: list[np.ndarray] = field(default_factory=list)  # (L,) gradient flow at that epoch

    def record(self, model: SeqModel, epoch: int) -> None:
        if (not self.epochs or epoch >= self.epochs[-1] + self.every) and epoch not in self.epochs:
            self.epochs.append(epoch)
            self.rows.append(gradient_flow(model, self.probe))

    def matrix(self) -> np.ndarray:
        """(epochs, L) the recorded rows."""
        return np.stack(self.rows) if self.rows else np.zeros((0, 0))
