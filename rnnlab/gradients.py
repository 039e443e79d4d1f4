"""How much each input step matters to the output: gradient norms and gradient x input.

``gradient_flow`` gives ||dLoss/dx_t|| for each step t of one example: a vanilla RNN's norms shrink
for early steps (vanishing gradients), an LSTM's or GRU's much less. ``saliency`` gives the signed
gradient x input per token: the words that pushed the verdict up or down.
"""

from dataclasses import dataclass

import numpy as np
import torch

from .models import SeqModel, compute_loss, evaluating


@dataclass
class GradientReport:
    norms: np.ndarray  # (L,) ||d objective / d x_t||, x_t the encoded input at step t
    saliency: np.ndarray  # (L,) sum over input features of (d objective / d x_t) * x_t
    objective: str  # what was differentiated: "loss" or "output"


def input_gradients(model: SeqModel, x: torch.Tensor, target=None) -> GradientReport:
    """One input, ids (L,) or features (L, H_in). With ``target``, differentiate the training loss;
    without, differentiate the output itself (the logit of the predicted class, or the value)."""
    with evaluating(model):
        device = next(model.parameters()).device
        x = x.to(device)[None]
        enc = model.encode(x).detach().requires_grad_(True)  # (1, L, H_in)
        with torch.backends.cudnn.flags(enabled=False):  # cudnn RNN backward needs train mode
            out = model(x, encoded=enc)
            if target is not None:
                y = torch.as_tensor([target], device=device)
                if model.cfg.head == "regression":
                    y = y.float()
                objective = compute_loss(model.cfg.head, out, y)
            elif model.cfg.head == "multiclass":
                objective = out[0, out[0].argmax()]
            elif model.cfg.head == "tagging":
                objective = out[0].max(-1).values.sum()
            else:
                objective = out.sum()
            (grad,) = torch.autograd.grad(objective, enc)  # (1, L, H_in)
        norms = grad[0].norm(dim=-1).detach().cpu().double().numpy()
        sal = (grad[0] * enc[0]).sum(-1).detach().cpu().double().numpy()
        return GradientReport(norms=norms, saliency=sal, objective="loss" if target is not None else "output")
