"""One prediction for one input, with the one decision rule every caller shares.

A binary head outputs a logit z; p = sigmoid(z) is P(last class), and the label is the last class
when p >= THRESHOLD (0.5), else the first: ``probs = [1 - p, p]``. A multiclass head's probs are
softmax(z) and its label is argmax. ``probability`` is always the probability of the chosen label,
so "BAD (98.9%)" means the model gives BAD 98.9%.
"""

from dataclasses import dataclass

import numpy as np
import torch

from .models import SeqModel, evaluating

THRESHOLD = 0.5  # binary heads: the last class when P(last class) >= THRESHOLD


@dataclass
class Prediction:
    label: int | None  # the chosen class id (None for regression)
    probability: float | None  # the probability of that label (None for regression)
    probs: np.ndarray  # (C,) every class's probability; (1,) the value for regression

    def name(self, labels: list[str] | None) -> str:
        """The label's class name ("BAD"), or its id when the task names no classes."""
        return labels[self.label] if labels else str(self.label)


def decide(p_last: float) -> int:
    """A binary head's label from P(last class): 1 when ``p_last >= THRESHOLD``."""
    return int(p_last >= THRESHOLD)


def from_output(head: str, out: torch.Tensor) -> Prediction:
    """One row of model outputs (logit(s) or a value) -> a :class:`Prediction`."""
    z = out.detach().reshape(-1).double().cpu()
    if head == "regression":
        return Prediction(None, None, z.numpy())
    if head == "binary":
        p = float(torch.sigmoid(z[0]))
        k = decide(p)
        return Prediction(k, p if k else 1 - p, np.array([1 - p, p]))
    probs = torch.softmax(z, dim=0).numpy()
    k = int(probs.argmax())
    return Prediction(k, float(probs[k]), probs)


def from_probs(probs) -> Prediction:
    """Class probabilities (C,), e.g. an ensemble's mean -> a :class:`Prediction` by the same rule."""
    p = np.asarray(probs, dtype=float)
    k = decide(float(p[1])) if len(p) == 2 else int(p.argmax())
    return Prediction(k, float(p[k]), p)


@torch.no_grad()
def tag_probs(model: SeqModel, x: torch.Tensor) -> np.ndarray:
    """A tagging head's (L, K) probabilities of every tag at every step, read in eval mode."""
    device = next(model.parameters()).device
    with evaluating(model):
        return torch.softmax(model(x[None].to(device))[0], dim=-1).double().cpu().numpy()


@torch.no_grad()
def predict(model: SeqModel, x: torch.Tensor) -> Prediction:
    """One input, ids (L,) or features (L, H_in), read in eval mode; the model's mode is kept.
    A tagging head has one prediction per step: use :func:`tag_probs`."""
    device = next(model.parameters()).device
    with evaluating(model):
        out = model(x[None].to(device))[0]
    return from_output(model.cfg.head, out)
