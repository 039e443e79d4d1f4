"""Which settings deserve the Emoji lab's "Best preset"? Candidates trained over seeds, measured the same
way: epochs until every training message is right and the loss is under 0.05, the final loss after the
candidate's epochs, and the training seconds (under load on a shared machine: compare, don't quote).

    python bench/emoji_presets.py [--seeds 5]
"""

import argparse
import statistics
import sys
import time
from pathlib import Path

import torch

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from rnnlab.models import seeded_model  # noqa: E402
from rnnlab.tasks import resolve  # noqa: E402
from rnnlab.train import Trainer  # noqa: E402

CANDIDATES = {
    "default: GRU(16), emb 8, lr 0.02, 150 ep": ({"cell": "gru"}, {"epochs": 150}),
    "GRU(16), emb 8, lr 0.05": ({"cell": "gru"}, {"epochs": 150, "lr": 0.05}),
    "LSTM(16), emb 8, lr 0.03": ({"cell": "lstm"}, {"epochs": 150, "lr": 0.03}),
    "GRU(32), emb 8, lr 0.03": ({"cell": "gru", "hidden_size": 32}, {"epochs": 150, "lr": 0.03}),
    "LSTM(32), emb 16, lr 0.02": ({"cell": "lstm", "hidden_size": 32, "embedding_dim": 16}, {"epochs": 150}),
    "GRU(16), emb 8, lr 0.03, batch 5": ({"cell": "gru"}, {"epochs": 150, "lr": 0.03, "batch_size": 5}),
}


def measure(model: dict, train: dict, seed: int) -> tuple[int | None, float, float]:
    td, mc, tc = resolve("emoji", model=model, train={**train, "seed": seed})
    t = Trainer(seeded_model(mc, seed), td.train, tc)
    first = None
    t0 = time.perf_counter()
    while not t.done:
        t.run(epochs=1)
        h = t.history
        if first is None and h.accuracy[-1] == 1.0 and h.loss[-1] < 0.05:
            first = t.epoch
    return first, t.history.loss[-1], time.perf_counter() - t0


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--seeds", type=int, default=5)
    args = ap.parse_args()
    torch.set_num_threads(1)
    print(
        "| candidate | epochs to solved (per seed) | seeds solved | final loss (median) | seconds (median) |"
    )
    print("|---|---|---|---|---|")
    for name, (model, train) in CANDIDATES.items():
        runs = [measure(model, train, s) for s in range(args.seeds)]
        eps = [r[0] for r in runs]
        solved = [e for e in eps if e is not None]
        print(
            f"| {name} | {', '.join(str(e) if e else '-' for e in eps)} | {len(solved)}/{len(eps)} | "
            f"{statistics.median(r[1] for r in runs):.2g} | {statistics.median(r[2] for r in runs):.2f} |",
            flush=True,
        )


if __name__ == "__main__":
    main()
