"""Exploding gradients and clipping: a vanilla RNN whose recurrent weights are scaled up.

With W_hh scaled by s, the hidden state h_t = act(W_ih x_t + s W_hh h_{t-1} + b) and the gradient
products (see ``activations``) grow like s^T when ``s * act'`` stays above 1: ReLU cells blow up,
tanh cells saturate. Clipping rescales the whole gradient g to ``clip * g / ||g||`` when ||g|| > clip,
so one huge step cannot throw the weights away.
"""

import numpy as np
import torch

from ..config import ModelConfig, TrainConfig
from ..errors import Note
from ..models import SeqModel, seeded_model
from ..replay import trace
from ..taskdata import TaskData
from ..train import Trainer


def scaled_rnn(cfg: ModelConfig, seed: int, scale: float) -> SeqModel:
    """A seeded vanilla RNN with every recurrent matrix multiplied by ``scale``."""
    model = seeded_model(cfg, seed)
    with torch.no_grad():
        for name, p in model.rnn.named_parameters():
            if name.startswith("weight_hh"):
                p.mul_(scale)
    return model


def state_norms(model: SeqModel, x: torch.Tensor) -> np.ndarray:
    """(L,) ||h_t|| of the top layer at every step of one input."""
    return np.linalg.norm(trace(model, x).layers[-1].h, axis=1)


def with_and_without_clip(
    td: TaskData, cfg: ModelConfig, tc: TrainConfig, scale: float, clip: float, device="cpu"
) -> dict[str, Trainer]:
    """Two trainers of the same scaled RNN and seed: "no clip" and "clip" (``clip`` on the global norm),
    training on ``device``."""
    out = {}
    for name, c in (("no clip", 0.0), ("clip", clip)):
        t_cfg = TrainConfig(**{**tc.__dict__, "clip": c}).validate()
        out[name] = Trainer(scaled_rnn(cfg, t_cfg.seed, scale), td.train, t_cfg, val=td.test, device=device)
    return out


def diverged(trainer: Trainer) -> Note | None:
    """A note saying the run diverged and what to change, or None if it did not."""
    if trainer.stop_reason != "nan":
        return None
    lr = trainer.cfg.lr
    return Note(
        "memory_diverged_clip" if trainer.cfg.clip == 0 else "memory_diverged",
        epoch=trainer.epoch + 1,
        lr=f"{lr:g}",
        lower=f"{lr / 10:g}",
    )
