"""Exact match (every output token right, </s> included) and accuracy by input length.

Test inputs come from their own generator (seed 10,000 + length), never from a training batch stream.
"""

import numpy as np
import torch

from .toy import ToyTask


@torch.no_grad()
def exact_match(model, task: ToyTask, length: int, n: int = 200, seed: int = 10_000) -> float:
    """Share of ``n`` random inputs of ``length`` whose greedy output is exactly right."""
    src, _, target = task.batch(np.random.default_rng(seed + length), n, length)  # target (N, S + 1)
    src = src.to(next(model.parameters()).device)  # the model's device
    ids = model.greedy(src, max_steps=target.shape[1])["ids"].cpu()  # (N, <= S + 1)
    if ids.shape[1] < target.shape[1]:  # every row stopped early: pad with </s>
        ids = torch.cat([ids, ids[:, -1:].expand(-1, target.shape[1] - ids.shape[1])], 1)
    return float((ids == target).all(1).float().mean())


def accuracy_by_length(model, task: ToyTask, lengths, n: int = 200) -> list[float]:
    return [exact_match(model, task, length, n) for length in lengths]
