"""Training steps per second of the labs' models on each device this machine has (rnnlab.speed, what the
sidebar shows), and the ratio to the CPU: where a GPU helps and where the CPU is faster. Writes
bench/results-devices.md. On a GPU machine (a CUDA build of torch): the same command.

    .venv/bin/python bench/devices.py [--seconds 0.5]
"""

import argparse
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from rnnlab.device import available_devices, describe_device, pick_device, use_one_thread  # noqa: E402
from rnnlab.models import seeded_model  # noqa: E402
from rnnlab.speed import steps_per_second  # noqa: E402
from rnnlab.tasks import resolve  # noqa: E402

CASES = [  # (label, task, preset, model overrides, train overrides)
    ("emoji default: GRU(16), batch 10", "emoji", "default", {}, {}),
    (
        "emoji: LSTM(256) x 3 layers, batch 10",
        "emoji",
        "default",
        {"cell": "lstm", "hidden_size": 256, "num_layers": 3},
        {},
    ),
    ("airline default: GRU(8), window 13", "airline", "default", {}, {}),
    ("sine tutorial-deep", "sine", "tutorial-deep", {}, {}),
    ("movie reviews default", "movie-reviews", "default", {}, {}),
    (
        "movie reviews: LSTM(256) x 2, batch 256",
        "movie-reviews",
        "default",
        {"cell": "lstm", "hidden_size": 256, "num_layers": 2},
        {"batch_size": 256},
    ),
]


def rate_text(rate: float) -> str:
    return f"{rate:,.0f}" if rate >= 10 else f"{rate:.2g}"


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("--seconds", type=float, default=0.5, help="timed seconds per model and device")
    a = p.parse_args()
    use_one_thread()  # as the server does
    devices = available_devices()
    head = [
        "| model | " + " | ".join(describe_device(d) for d in devices) + " | fastest |",
        "|---|" + "---|" * (len(devices) + 1),
    ]
    lines = []
    for label, task, preset, model, train in CASES:
        td, mc, tc = resolve(task, preset, model=model, train=train)
        net = seeded_model(mc, 0)
        rates = {
            d: steps_per_second(net, td.train, tc, pick_device(d), seconds=a.seconds, max_steps=10_000)
            for d in devices
        }
        best = max(rates, key=rates.get)
        cells = " | ".join(
            f"{rate_text(rates[d])}/s ({rates[d] / rates['cpu']:.2f}x CPU)"
            if d != "cpu"
            else f"{rate_text(rates[d])}/s"
            for d in devices
        )
        line = f"| {label} | {cells} | {describe_device(best)} |"
        print(line, flush=True)
        lines.append(line)
    out = ROOT / "bench" / "results-devices.md"
    out.write_text(
        f"# Training steps per second by device (bench/devices.py, one torch thread, {a.seconds} s timed each, "
        f"{time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}, load average {os.getloadavg()[0]:.1f})\n\n"
        + "\n".join(head + lines)
        + "\n"
    )
    print(f"wrote {out}")


if __name__ == "__main__":
    main()
