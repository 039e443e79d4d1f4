"""How close can a *learned* model get to the sine oracles? The experiments behind issue 11's sine target.

    python bench/sine_ceiling.py [--seeds 0 1 2] [--long 300]

bench/sine_oracle.py shows what a predictor handed the true equation reaches (least squares 0.0320). The
optimal predictor, once the two frequencies w1, w2 are known, is *linear* in the window: fit
a1 sin(w1 t) + b1 cos(w1 t) + a2 sin(w2 t) + b2 cos(w2 t) to x_1..x_50 and read it at t_51, so
y_hat = c(w1, w2) . x with a filter c that depends only on the frequencies. That splits the problem in two:
find the frequencies, then apply their filter. Three rows measure each half on the same 2,000 test series:

- the filter, the frequencies given exactly (numpy least squares per series): the best any predictor of the
  form c(w1, w2) . x can do;
- the filter *learned*, the frequencies given: an MLP(f1, f2) -> 50 taps, trained like the lab's models
  (Adam, batch 128, cosine schedule) for ``--short`` and ``--long`` epochs: how fast a network learns c;
- both learned: an LSTM(32) reads the window and a per-series filter head adds c(h_L) . x to its answer
  (y = w . h_L + b + c(h_L) . x, c = W_c h_L + b_c, starting at 0), the lab's best budget (20 epochs).

Torch one thread; times are this machine's (run idle for the seconds; the RMSEs are seeded).
"""

import argparse
import sys
import time
from pathlib import Path

import numpy as np
import torch
import torch.nn as nn

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from rnnlab.data.sine import generate  # noqa: E402
from rnnlab.memory.sinewave import NOISE_MSE  # noqa: E402

N, N_TRAIN, W = 10_000, 8_000, 50  # the lab's sine task: seed 2022, 80% train, window 50
T = np.linspace(0, 1, W + 1)


def known_frequency_filter(x: np.ndarray, f: np.ndarray) -> np.ndarray:
    """(N,) least squares of the two sines' four amplitudes at the given frequencies, read at t_51."""
    out = np.empty(len(x))
    for i, (f1, f2) in enumerate(f):
        w1, w2 = 10 * f1 + 10, 10 * f2 + 10
        b = np.c_[np.sin(w1 * T), np.cos(w1 * T), np.sin(w2 * T), np.cos(w2 * T)]  # (51, 4)
        out[i] = b[W] @ np.linalg.lstsq(b[:W], x[i], rcond=None)[0]
    return out


class FilterHead(nn.Module):
    """y = w . h + b + c(h) . x, c(h) = W_c h + b_c (N, W): a filter chosen per series from its state h."""

    def __init__(self, h: int):
        super().__init__()
        self.head, self.filt = nn.Linear(h, 1), nn.Linear(h, W)
        nn.init.zeros_(self.filt.weight)
        nn.init.zeros_(self.filt.bias)

    def forward(self, h: torch.Tensor, x: torch.Tensor) -> torch.Tensor:  # h (N, H), x (N, W) -> (N,)
        return self.head(h)[:, 0] + (self.filt(h) * x).sum(1)


class GivenFrequencies(nn.Module):
    """The frequencies (f1, f2) -> an MLP -> a filter head."""

    def __init__(self, h: int = 64):
        super().__init__()
        self.mlp = nn.Sequential(nn.Linear(2, h), nn.Tanh(), nn.Linear(h, h), nn.Tanh())
        self.out = FilterHead(h)

    def forward(self, x, f):  # x (N, W), f (N, 2) -> (N,)
        return self.out(self.mlp(f), x)


class LstmFilter(nn.Module):
    """An LSTM(H) reads the window; its last state picks the filter."""

    def __init__(self, h: int = 32):
        super().__init__()
        self.rnn, self.out = nn.LSTM(1, h, batch_first=True), FilterHead(h)

    def forward(self, x, f):  # f unused: the model must find the frequencies itself
        out, _ = self.rnn(x[:, :, None])  # (N, W, H)
        return self.out(out[:, -1], x)


def fit(
    model: nn.Module, data: tuple, epochs: int, seed: int, lr: float, batch: int = 128
) -> tuple[float, float]:
    """Train with Adam and a cosine schedule; (test RMSE, seconds)."""
    xtr, ftr, ytr, xte, fte, yte = data
    opt = torch.optim.Adam(model.parameters(), lr)
    steps = epochs * -(-len(xtr) // batch)
    sched = torch.optim.lr_scheduler.CosineAnnealingLR(opt, steps)
    g = torch.Generator().manual_seed(seed)
    t0 = time.perf_counter()
    for _ in range(epochs):
        perm = torch.randperm(len(xtr), generator=g)
        for i in range(0, len(xtr), batch):
            idx = perm[i : i + batch]
            loss = ((model(xtr[idx], ftr[idx]) - ytr[idx]) ** 2).mean()
            opt.zero_grad()
            loss.backward()
            opt.step()
            sched.step()
    seconds = time.perf_counter() - t0
    with torch.no_grad():
        return float(((model(xte, fte) - yte) ** 2).mean().sqrt()), seconds


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--seeds", type=int, nargs="+", default=[0, 1, 2])
    ap.add_argument("--short", type=int, default=40, help="epochs of the given-frequency filter, short run")
    ap.add_argument("--long", type=int, default=300, help="epochs of the given-frequency filter, long run")
    a = ap.parse_args()
    torch.set_num_threads(1)
    x, y = generate(N, W, seed=2022)
    f1, f2 = np.random.default_rng(2022).random((4, N, 1))[:2, :, 0]  # the generator's own draw
    f = np.c_[f1, f2].astype(np.float32)
    t = [
        torch.tensor(v)
        for v in (x[:N_TRAIN], f[:N_TRAIN], y[:N_TRAIN], x[N_TRAIN:], f[N_TRAIN:], y[N_TRAIN:])
    ]
    floor = float(np.sqrt(NOISE_MSE))
    rows = [("noise floor", floor, "")]
    known = known_frequency_filter(x[N_TRAIN:].astype(np.float64), f[N_TRAIN:].astype(np.float64))
    rows.append(
        (
            "the filter for the true frequencies (least squares, no learning)",
            float(np.sqrt(np.mean((known - y[N_TRAIN:]) ** 2))),
            "",
        )
    )
    for epochs in (a.short, a.long):
        r = [fit(_seeded(GivenFrequencies, s), t, epochs, s, 3e-3) for s in a.seeds]
        rows.append((f"learned filter, frequencies given, {epochs} epochs", *_summary(r)))
    r = [fit(_seeded(LstmFilter, s), t, 20, s, 1e-2) for s in a.seeds]
    rows.append(("LSTM(32) + per-series filter head, 20 epochs (finds the frequencies itself)", *_summary(r)))
    print(f"sine test set (2,000 series, seed 2022), seeds {a.seeds}: test RMSE, mean (per seed)")
    print("| model | RMSE | / floor | seeds, train s |\n|---|---|---|---|")
    for name, rmse, detail in rows:
        print(f"| {name} | {rmse:.4f} | {rmse / floor:.3f} | {detail} |")


def _seeded(cls, seed: int) -> nn.Module:
    torch.manual_seed(seed)
    return cls()


def _summary(results: list[tuple[float, float]]) -> tuple[float, str]:
    rmse = [r for r, _ in results]
    detail = ", ".join(f"{r:.4f}" for r in rmse) + f"; {max(s for _, s in results):.1f} s (slowest)"
    return float(np.mean(rmse)), detail


if __name__ == "__main__":
    main()
