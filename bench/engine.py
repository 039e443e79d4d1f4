"""Engine vs a bare PyTorch loop of the same model (same data, epochs, batch, seed), measured in one run.

    python bench/engine.py [--quick]

Prints a Markdown table: seconds of the training loop for each, the ratio, and the inspection time of a
200-step sequence on a 4-layer, 128-unit LSTM. Targets: emoji tutorial < 0.5 s; engine/bare <= 1.3
(sine tutorial <= 1.2); inspection < 50 ms.
"""

import statistics
import sys
import time
from pathlib import Path

import torch

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from rnnlab.config import ModelConfig  # noqa: E402
from rnnlab.models import compute_loss, seeded_model  # noqa: E402
from rnnlab.replay import trace  # noqa: E402
from rnnlab.tasks import resolve  # noqa: E402
from rnnlab.train import Trainer  # noqa: E402

torch.set_num_threads(1)


def bare_loop(td, mc, tc) -> float:
    """The same model, optimizer, shuffling and batches written as a plain loop (no history, no checks)."""
    model = seeded_model(mc, tc.seed)
    opt = torch.optim.Adam(model.parameters(), lr=tc.lr)
    gen = torch.Generator().manual_seed(tc.seed)
    x, y, n = td.train.x, td.train.y, len(td.train)
    t0 = time.perf_counter()
    for _ in range(tc.epochs):
        perm = torch.randperm(n, generator=gen)
        for i in range(0, n, tc.batch_size):
            b = perm[i : i + tc.batch_size]
            opt.zero_grad()
            loss = compute_loss(mc.head, model(x[b]), y[b])
            loss.backward()
            opt.step()
    return time.perf_counter() - t0


def engine(td, mc, tc) -> float:
    return Trainer(seeded_model(mc, tc.seed), td.train, tc).run().train_seconds


def compare(task, preset, repeats, **train):
    td, mc, tc = resolve(task, preset, train=train)
    bare, eng = [], []
    for _ in range(repeats):  # interleaved, so machine noise hits both alike
        bare.append(bare_loop(td, mc, tc))
        eng.append(engine(td, mc, tc))
    b, e = statistics.median(bare), statistics.median(eng)
    return f"| {task} --preset {preset} ({tc.epochs} epochs) | {e:.3f} | {b:.3f} | {e / b:.2f} |"


def inspection_ms(repeats=5) -> float:
    model = seeded_model(
        ModelConfig(cell="lstm", num_layers=4, hidden_size=128, vocab_size=100, embedding_dim=32), 0
    )
    x = torch.randint(2, 100, (200,))
    trace(model, x)
    times = []
    for _ in range(repeats):
        t = time.perf_counter()
        trace(model, x)
        times.append(time.perf_counter() - t)
    return statistics.median(times) * 1000


if __name__ == "__main__":
    quick = "--quick" in sys.argv
    print("| run | engine s | bare torch s | ratio |\n|---|---|---|---|")
    print(compare("emoji", "tutorial", 5))
    print(compare("emoji", "default", 5))
    print(compare("sentences-ko", "default", 3))
    print(compare("airline", "tutorial", 5))
    print(compare("airline", "default", 1 if quick else 3))
    sine_epochs = {"epochs": 2} if quick else {}
    print(compare("sine", "tutorial", 1, **sine_epochs))
    print(compare("sine", "tutorial-deep", 1, **sine_epochs))
    print(f"\ninspection, 200 steps, 4-layer LSTM(128): {inspection_ms():.1f} ms (median of 5)")
