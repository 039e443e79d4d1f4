"""Sentence lab figures, measured in one run:

1. movie-review snippets (10.6k, shipped), the `movie-reviews` default preset over 3 seeds: held-out
   accuracy and training seconds (target: at least 76% within 60 s);
2. one epoch of 10,000 reviews in NSMC's format (max length 30, embedding 64, LSTM 64; target < 10 s).
   No machine here can download NSMC, so the reviews are synthetic, written in its file format with its
   typical length (5-30 word tokens, 20,000 distinct words) and parsed by the real NSMC loader;
3. a typed sentence read with the full trace and the gradients (target < 100 ms);
4. the Kiwi morpheme analyser: first load, resident memory it adds, and texts per second (the 48
   Korean sentences, 200 times over: 9,600 texts).
"""

import statistics
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import torch

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from rnnlab.config import ModelConfig, TrainConfig  # noqa: E402
from rnnlab.data import (
    download,  # noqa: E402
    sentences,  # noqa: E402
)
from rnnlab.gradients import input_gradients  # noqa: E402
from rnnlab.models import seeded_model  # noqa: E402
from rnnlab.replay import trace  # noqa: E402
from rnnlab.tasks import resolve  # noqa: E402
from rnnlab.textclf import build_text_task, tokenize, tokenize_all  # noqa: E402
from rnnlab.train import Trainer  # noqa: E402

torch.set_num_threads(1)


def movie_reviews():
    accs, secs, model, td = [], [], None, None
    for seed in range(3):
        td, mc, tc = resolve("movie-reviews", train={"seed": seed})
        tr = Trainer(seeded_model(mc, seed), td.train, tc).run()
        _, acc, _ = tr.evaluate(td.test)
        accs.append(acc)
        secs.append(tr.train_seconds)
        model = tr.model
    return accs, secs, model, td


def nsmc_epoch(n=10_000):
    rng = np.random.default_rng(0)
    words = [f"단어{i}" for i in range(20_000)]
    with tempfile.TemporaryDirectory() as d:
        paths = {}
        for name, rows in (("ratings_train.txt", n), ("ratings_test.txt", n // 4)):
            lines = ["id\tdocument\tlabel"] + [
                f"{i}\t{' '.join(rng.choice(words, rng.integers(5, 31)))}\t{rng.integers(0, 2)}"
                for i in range(rows)
            ]
            (Path(d) / name).write_text("\n".join(lines) + "\n", encoding="utf-8")
            paths[name] = Path(d) / name
        data = download.load("nsmc", paths, train_size=n)
    td = build_text_task(data, "word", vocab_size=10_000, max_len=30)
    mc = ModelConfig(cell="lstm", hidden_size=64, embedding_dim=64, **td.model)
    tr = Trainer(seeded_model(mc, 0), td.train, TrainConfig(epochs=1, lr=3e-3, batch_size=64))
    tr.run()
    return len(td.train), tr.train_seconds


def inference_ms(model, td, text="not bad at all, a gorgeous film with a dull middle", repeats=9):
    times = []
    for _ in range(repeats):
        t = time.perf_counter()
        x, tokens, _ = td.encode(text)
        trace(model, x)
        input_gradients(model, x)
        times.append(time.perf_counter() - t)
    return statistics.median(times) * 1000


def rss_anon_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("RssAnon:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def kiwi_figures():
    before, t = rss_anon_mb(), time.perf_counter()
    tokenize("이 영화 정말 재미있었어요", "morpheme")
    load = time.perf_counter() - t
    texts = [t for t, _ in sentences.KOREAN] * 200
    t = time.perf_counter()
    tokenize_all(texts, "morpheme", 40)  # tokens, cut count and counts
    return load, rss_anon_mb() - before, len(texts) / (time.perf_counter() - t)


if __name__ == "__main__":
    kiwi_load, kiwi_mb, kiwi_rate = kiwi_figures()
    accs, secs, model, td = movie_reviews()
    n, epoch = nsmc_epoch()
    print("| measure | value | target |\n|---|---|---|")
    print(
        f"| movie-review snippets, GRU(64) from scratch: held-out accuracy over 3 seeds | {statistics.mean(accs):.1%} "
        f"({', '.join(f'{a:.1%}' for a in accs)}) | >= 76% |"
    )
    print(
        f"| the same: training seconds per seed | {statistics.mean(secs):.1f} (max {max(secs):.1f}) | < 60 s |"
    )
    print(
        f"| one epoch of {n:,} NSMC-format reviews, max length 30, embedding 64, LSTM 64 | {epoch:.1f} s | < 10 s |"
    )
    print(
        f"| a typed sentence: encode, full trace and gradients (median of 9) | {inference_ms(model, td):.1f} ms | < 100 ms |"
    )
    print(f"| Kiwi morpheme analyser: first load and first sentence | {kiwi_load:.2f} s | |")
    print(
        f"| Kiwi: heap it adds to the process (loaded once, shared by every visitor) | {kiwi_mb:.0f} MB | |"
    )
    print(f"| Kiwi: Korean sentences to morphemes | {kiwi_rate:,.0f} per s | |")
