"""The Memory lab's numbers (issue 11), measured in one run on the CPU, one thread.

    python bench/memory.py [--quick] [sine] [tutorials] [memory] [gradients]   (default: every part)

Prints Markdown tables: the sine presets' test RMSE over 3 seeds beside the baselines and the noise floor,
the tutorial's leaky recipe, the tutorial presets against a bare torch loop; the memory task's held-out
accuracy by cell at T = 50 and 100 with the lab's defaults; the sweep (3 cells x 5 lengths) and its time;
the gradient ratio g_1 / g_T at initialisation; gradient flow of one T = 200 example on a 4-layer model.
Targets: sine best RMSE <= 0.033 in < 10 s; tutorials within 1.2x of bare torch; LSTM or GRU > 95% at
T = 50 in < 20 s; the sweep < 60 s; gradient flow < 200 ms.
"""

import os
import re
import statistics
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import torch

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
from engine import compare  # noqa: E402

from rnnlab.config import ModelConfig, TrainConfig  # noqa: E402
from rnnlab.memory.cells import memory_model  # noqa: E402
from rnnlab.memory.flow import gradient_flow  # noqa: E402
from rnnlab.memory.recall import RecallConfig, build_recall  # noqa: E402
from rnnlab.memory.sinewave import NOISE_MSE, build_sine, mse  # noqa: E402
from rnnlab.memory.sweep import Sweep, SweepConfig  # noqa: E402
from rnnlab.models import seeded_model  # noqa: E402
from rnnlab.tasks import TASKS  # noqa: E402
from rnnlab.train import Trainer  # noqa: E402

torch.set_num_threads(1)
SEEDS = (0, 1, 2)


def sine_rmse(td, model: dict, train: dict, seed: int) -> tuple[float, float]:
    mc = ModelConfig(**{**model, **td.model})
    tc = TrainConfig(**{**train, "seed": seed})
    t = Trainer(seeded_model(mc, seed), td.train, tc).run()
    return float(np.sqrt(mse(t.evaluate(td.test)[2].numpy(), td.truth))), t.train_seconds


def sine_table(seeds, presets) -> None:
    honest, leaky = build_sine(), build_sine(leak=True)
    print("| sine (test RMSE, 2,000 series) | mean | seeds | train s (max) |\n|---|---|---|---|")
    for name, td in (("honest", honest), ("leaky", leaky)):
        for b, pred in td.baselines.items():
            print(f"| {name}: {b} | {np.sqrt(mse(pred, td.truth)):.4f} | | |")
    print(f"| noise floor | {np.sqrt(NOISE_MSE):.4f} | | |")
    for label, td, model, train in presets(honest, leaky):
        runs = [sine_rmse(td, model, train, s) for s in seeds]
        r = [x for x, _ in runs]
        secs = [s for _, s in runs]
        print(
            f"| {label} | {statistics.mean(r):.4f} | {', '.join(f'{x:.4f}' for x in r)} | "
            f"{statistics.mean(secs):.1f} ({max(secs):.1f}) |"
        )


def presets(honest, leaky):
    p = TASKS["sine"].presets
    for name in ("tutorial", "tutorial-deep", "default", "best"):
        yield f"preset {name}: {p[name].note}", honest, p[name].model, p[name].train
    for name in ("tutorial", "tutorial-deep"):
        yield f"leaky recipe, preset {name}", leaky, p[name].model, p[name].train


def recall_accuracy(cell: str, length: int, keep: float | None = 3.0, epochs: int = 10, hidden: int = 16):
    td = build_recall(RecallConfig(length=length))
    mc = ModelConfig(cell=cell, hidden_size=hidden, **td.model)
    model = memory_model(mc, 0, keep if cell != "rnn" else None)
    t = Trainer(model, td.train, TrainConfig(epochs=epochs, lr=0.01, batch_size=32)).run()
    return t.evaluate(td.test)[1], t.train_seconds, t.epoch


def memory_tables() -> None:
    print(
        "\n| memory task (lab defaults: 16 units, 512 sequences, 10 epochs, gate bias 3) | held-out accuracy | train s |"
    )
    print("|---|---|---|")
    for cell, length in (("lstm", 50), ("gru", 50), ("rnn", 50), ("rnn", 100), ("lstm", 100), ("gru", 100)):
        acc, secs, _ = recall_accuracy(cell, length)
        print(f"| {cell.upper()} T = {length} | {acc:.1%} | {secs:.1f} |")
    t0 = time.perf_counter()
    sweep = Sweep(SweepConfig()).run()
    wall = time.perf_counter() - t0
    lengths = sweep.cfg.lengths
    print(f"\nsweep, default sizes (3 cells x {len(lengths)} lengths): {wall:.1f} s wall\n")
    print("| cell | " + " | ".join(f"T={t}" for t in lengths) + " |\n|---|" + "---|" * len(lengths))
    for cell, (_, accs) in sweep.table().items():
        print(f"| {cell.upper()} | " + " | ".join(f"{a:.0%}" for a in accs) + " |")


def gradient_tables(seeds) -> None:
    td = build_recall(RecallConfig(length=100, n_train=4, n_test=8))
    print("\n| untrained, T = 100, 16 units | g_1 / g_T per seed |\n|---|---|")
    for label, cell, bias in (
        ("vanilla RNN (tanh)", "rnn", None),
        ("LSTM, forget bias 1", "lstm", 1.0),
        ("LSTM, forget bias 2", "lstm", 2.0),
        ("LSTM, forget bias 3", "lstm", 3.0),
        ("GRU, torch init", "gru", None),
        ("GRU, update bias 3", "gru", 3.0),
    ):
        r = []
        for s in seeds:
            g = gradient_flow(
                memory_model(ModelConfig(cell=cell, hidden_size=16, **td.model), s, bias), td.test
            )
            r.append(g[0] / g[-1])
        print(f"| {label} | {', '.join(f'{x:.1e}' for x in r)} |")
    one = build_recall(RecallConfig(length=200, n_train=1, n_test=1)).test
    model = memory_model(ModelConfig(cell="lstm", hidden_size=64, num_layers=4, **td.model), 0, 3.0)
    gradient_flow(model, one)
    times = []
    for _ in range(9):
        t = time.perf_counter()
        gradient_flow(model, one)
        times.append(time.perf_counter() - t)
    print(
        f"\ngradient flow of one T = 200 example, 4-layer LSTM(64): {statistics.median(times) * 1000:.1f} ms (median of 9)"
    )


REFERENCE = ROOT.parent / "shared" / "bench" / "torch_sine.py"  # the shared reference script, if present


def reference_seconds(epochs: int) -> dict[str, float]:
    """The shared reference script run as it is (its own process, one thread): seconds per model, or {}."""
    if not REFERENCE.exists():
        return {}
    out = subprocess.run(
        [sys.executable, str(REFERENCE), str(epochs), "1"], capture_output=True, text=True, timeout=600
    ).stdout
    # "torch RNN: 20 epochs 3.21s  test MSE ..." and "torch Deep RNN: ..."
    return {m[1]: float(m[2]) for m in re.finditer(r"torch (RNN|Deep RNN): \d+ epochs ([\d.]+)s", out)}


def tutorial_table(quick: bool) -> None:
    """The tutorial presets: the engine and a bare torch loop of the same model and batches, in this process,
    interleaved (bench/engine.py); then the shared reference script, its own bare loop of the same models."""
    epochs = {"epochs": 2} if quick else {}
    print("\n| run | engine s | bare torch s | ratio | reference script s |\n|---|---|---|---|---|")
    ref = reference_seconds(epochs.get("epochs", 20))
    for preset, name in (("tutorial", "RNN"), ("tutorial-deep", "Deep RNN")):
        row = compare("sine", preset, 1 if quick else 3, **epochs)  # medians of interleaved runs
        print(f"{row} {ref[name]:.3f} |" if name in ref else f"{row} (not found) |")
    print(f"\nreference script: {REFERENCE} (one process, one torch thread, its own data draw)")


if __name__ == "__main__":
    quick = "--quick" in sys.argv
    seeds = SEEDS[:1] if quick else SEEDS
    parts = [a for a in sys.argv[1:] if not a.startswith("--")] or [
        "sine",
        "tutorials",
        "memory",
        "gradients",
    ]
    print(f"load average before: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    if "sine" in parts:
        sine_table(seeds, presets)
    if "tutorials" in parts:
        tutorial_table(quick)
    if "memory" in parts:
        memory_tables()
    if "gradients" in parts:
        gradient_tables(seeds)
    print(f"\nload average after: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
