"""Sequence-to-sequence lab figures (issue 12): print them as Markdown tables.

    python bench/seq2seq.py [--steps 1500] [--quick]

1. Reverse 5-8 digits, GRU, default sizes: training seconds and steps until exact match on held-out
   inputs (200 per length 5-8, scored every 50 steps; scoring time not counted) first exceeds 95%,
   within 20 s of training, for each attention kind.
2. Accuracy by length 4-16, trained on lengths 4-16 with and without attention, same seed and budget
   (3,000 steps at learning rate 0.003: at 1,500 steps and 0.005 both attentions still fell below 90%
   at length 16 in one of two runs).
3. Sampling 200 characters from a character model (median of 5), English and Korean by jamo.
"""

import argparse
import statistics
import sys
import time
from pathlib import Path

import numpy as np
import torch

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from rnnlab.seq2seq.charlm import CharLMTrainer  # noqa: E402
from rnnlab.seq2seq.config import ATTENTIONS, CharLMConfig, Seq2SeqConfig, TrainBudget  # noqa: E402
from rnnlab.seq2seq.evaluate import exact_match  # noqa: E402
from rnnlab.seq2seq.study import LengthStudy  # noqa: E402
from rnnlab.seq2seq.texts import shipped  # noqa: E402
from rnnlab.seq2seq.train import Seq2SeqTrainer  # noqa: E402


def time_to_95(kind: str, limit: float = 20.0) -> tuple[float | None, int | None, float, float]:
    t = Seq2SeqTrainer(Seq2SeqConfig(attention=kind), TrainBudget(steps=100_000))
    t.eval_every = 0
    best = 0.0
    while t.seconds < limit:
        t.run(steps=50)
        acc = float(np.mean([exact_match(t.model, t.task, n, 200) for n in range(5, 9)]))
        best = max(best, acc)
        if acc > 0.95:
            return t.seconds, t.step, acc, best
    return None, t.step, acc, best


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--steps", type=int, default=3000, help="budget per model of the length study")
    ap.add_argument("--lr", type=float, default=0.003, help="learning rate of the length study")
    ap.add_argument("--skip-time", action="store_true", help="skip the time-to-95% table")
    ap.add_argument("--sampling-only", action="store_true", help="only the sampling table")
    args = ap.parse_args()
    torch.set_num_threads(1)
    if not args.skip_time and not args.sampling_only:
        print(
            "| reverse 5-8 digits, GRU(64) | seconds to > 95% | steps | exact match then | best within 20 s |"
        )
        print("|---|---|---|---|---|")
        for kind in ATTENTIONS:
            s, steps, acc, best = time_to_95(kind)
            shown = f"{s:.1f}" if s is not None else "not within 20 s"
            print(f"| attention {kind} | {shown} | {steps} | {acc:.1%} | {best:.1%} |", flush=True)
    if not args.sampling_only:
        length_table(args)
    sampling_table()


def length_table(args) -> None:
    study = LengthStudy(
        Seq2SeqConfig(task="reverse", min_len=4, max_len=16), TrainBudget(steps=args.steps, lr=args.lr)
    )
    study.run()
    print(
        f"\nreverse, GRU(64), trained on lengths 4-16, {args.steps} steps of 64 at lr {args.lr}, seed 0,"
        " 200 test inputs a length"
    )
    print("| length | " + " | ".join(f"attention {k}" for k in study.kinds) + " |")
    print("|---|" + "---|" * len(study.kinds))
    for i, n in enumerate(study.lengths):
        print(f"| {n} | " + " | ".join(f"{study.results[k][i]:.1%}" for k in study.kinds) + " |")
    print("| training s | " + " | ".join(f"{study.seconds[k]:.1f}" for k in study.kinds) + " |", flush=True)


def sampling_table() -> None:
    """Wall and CPU milliseconds: on a shared machine the CPU time is the figure that load does not inflate."""
    print("\n| sampling 200 characters (median of 5) | wall ms | CPU ms |\n|---|---|---|")
    for name, text, jamo in [
        ("English sonnets", shipped("en"), False),
        ("Korean poems, by jamo", shipped("ko"), True),
    ]:
        t = CharLMTrainer(text, CharLMConfig(jamo=jamo), TrainBudget(steps=20, batch_size=32))
        t.run()
        wall, cpu = [], []
        for i in range(5):
            t0, c0 = time.perf_counter(), time.process_time()
            t.sample(t.default_seed(), 200, 0.8, rng_seed=i)
            wall.append(1000 * (time.perf_counter() - t0))
            cpu.append(1000 * (time.process_time() - c0))
        print(f"| {name} | {statistics.median(wall):.1f} | {statistics.median(cpu):.1f} |")


if __name__ == "__main__":
    main()
