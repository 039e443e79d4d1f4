"""Text records (issue 13 item 4), measured in one run:

1. movie-review snippets (10.6k shipped, the fixed 20% held out: 2,111 texts): the `movie-reviews` default and best
   presets over 3 seeds (the best preset averages 3 models: seed s averages the models of seeds s..s+2, as
   ``--ensemble 3`` does), its model alone (``--ensemble 1``) and larger ensembles (``--ensemble 5``), held-out
   accuracy (mean, worst, each seed) and training seconds per seed (every member of an ensemble counted).
   Target for the best preset: >= 79% mean, worst seed >= 78%, < 60 s.
   The best preset's settings were chosen on a validation slice of the training part, never the test part;
2. Reuters topics and IMDB: no machine here can download the real corpora (nor holds a cached copy), so
   each is a seeded synthetic corpus written in the real files' exact format (Keras's reuters.npz with its
   word index; the aclImdb_v1.tar.gz layout), parsed by the real loaders and trained with the Sentence
   lab's defaults for those sources (the movie-reviews default preset, 2,000 training texts, Reuters' 8
   most frequent topics). The figure checks the pipeline, not the real corpora's accuracy.

    python bench/text_records.py [--seeds 3] [--ensemble 5] [--skip-corpora]
"""

import argparse
import io
import json
import os
import statistics
import sys
import tarfile
import tempfile
from pathlib import Path

import numpy as np
import torch

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from rnnlab.data import download  # noqa: E402
from rnnlab.ensemble import class_vote  # noqa: E402
from rnnlab.models import seeded_model  # noqa: E402
from rnnlab.tasks import TASKS, resolve  # noqa: E402
from rnnlab.textclf import build_text_task  # noqa: E402
from rnnlab.train import Trainer  # noqa: E402

torch.set_num_threads(1)


def _member(td, mc, tc, seed: int):
    """(probabilities on the held-out part, accuracy, training seconds) of the model with ``seed``."""
    from dataclasses import replace

    tr = Trainer(seeded_model(mc, seed), td.train, replace(tc, seed=seed)).run()
    _, acc, out = tr.evaluate(td.test)
    return tr.model.predict(out).cpu().numpy(), acc, tr.train_seconds


_RUNS: dict[str, dict] = {}  # preset -> seed -> a trained model's results, shared by the rows


def movie_reviews(preset: str, seeds, k: int = 1) -> tuple[list[float], list[float]]:
    """Held-out accuracy and training seconds per seed s: one model, or the average of the K models with
    seeds s..s+K-1 (rnnlab.ensemble, as ``--ensemble K``). Each model is trained once and shared by the
    ensembles that hold it, so seeds 0-2 with K = 5 train seeds 0-6."""
    td, mc, tc = resolve("movie-reviews", preset)
    runs = _RUNS.setdefault(preset, {})
    for m in range(min(seeds), max(seeds) + k):
        if m not in runs:
            runs[m] = _member(td, mc, tc, m)
    y = td.test.y.cpu().numpy()
    accs, secs = [], []
    for s in seeds:
        members = [runs[m] for m in range(s, s + k)]
        accs.append(class_vote([p for p, _, _ in members], y)[1] if k > 1 else members[0][1])
        secs.append(sum(sec for _, _, sec in members))
    return accs, secs


def _words(n: int = 4000) -> list[str]:
    """``n`` made-up words, each written once (a word index maps each to one rank)."""
    syll = ["ka", "lo", "mi", "ren", "tus", "vo", "zel", "pra", "den", "gu", "shi", "no"]
    made = (syll[i % 12] + syll[i // 12 % 12] + syll[i // 144 % 12] + "x" * (i // 1728) for i in range(2 * n))
    return list(dict.fromkeys(made))[:n]


def _doc(rng, words, cues, lo, hi, cue_share=0.06) -> list[int]:
    """Word ids: Zipf-like common words, a few of them swapped for the class's cue words."""
    n = int(rng.integers(lo, hi))
    ids = np.minimum(rng.zipf(1.3, n), len(words)) - 1
    swap = rng.random(n) < cue_share
    ids[swap] = rng.choice(cues, int(swap.sum()))
    return ids.tolist()


def synthetic_reuters(folder: Path, seed: int = 0, n: int = 3000, topics: int = 12) -> dict[str, Path]:
    """Keras's reuters.npz layout (``x`` word ranks from 1, ``y`` topic ids) and its word index."""
    rng = np.random.default_rng(seed)
    words = _words()
    share = 0.6 ** np.arange(topics)  # a few big topics, as earn and acq are
    labels = rng.choice(topics, n, p=share / share.sum())
    cues = [rng.choice(np.arange(500, len(words)), 40, replace=False) for _ in range(topics)]
    x = np.empty(n, dtype=object)
    x[:] = [[i + 1 for i in _doc(rng, words, cues[y], 20, 150)] for y in labels]
    paths = {"reuters.npz": folder / "reuters.npz", "reuters_word_index.json": folder / "words.json"}
    np.savez(paths["reuters.npz"], x=x, y=labels.astype(np.int64))
    paths["reuters_word_index.json"].write_text(json.dumps({w: i + 1 for i, w in enumerate(words)}))
    return paths


def synthetic_imdb(folder: Path, seed: int = 0, per_class: int = 1300) -> dict[str, Path]:
    """The aclImdb/{train,test}/{pos,neg}/<id>_<stars>.txt layout, gzipped, with <br /> in the texts."""
    rng = np.random.default_rng(seed)
    words = _words()
    cues = {c: rng.choice(np.arange(300, len(words)), 60, replace=False) for c in ("pos", "neg")}
    path = folder / "aclImdb_v1.tar.gz"
    with tarfile.open(path, "w:gz") as tar:
        for part in ("train", "test"):
            for c in ("pos", "neg"):
                for i in range(per_class):
                    text = " ".join(words[k] for k in _doc(rng, words, cues[c], 40, 200, 0.04))
                    data = (text[:300] + " <br /><br /> " + text[300:]).encode()
                    stars = int(rng.integers(7, 11) if c == "pos" else rng.integers(1, 5))
                    info = tarfile.TarInfo(f"aclImdb/{part}/{c}/{i}_{stars}.txt")
                    info.size = len(data)
                    tar.addfile(info, io.BytesIO(data))
    return {"aclImdb_v1.tar.gz": path}


def corpus_defaults(name: str, paths: dict[str, Path], seeds) -> tuple[list[float], int, int, float]:
    """The Sentence lab's defaults for a downloaded corpus: 2,000 training texts (Reuters: 8 topics), the
    movie-reviews default preset (rnnlab.tasks), word tokens. Returns the accuracies, the training texts,
    the classes and the share of the largest class in the held-out part (what always guessing it scores)."""
    data = download.load(name, paths, train_size=2000, topics=8 if name == "reuters" else None)
    p = TASKS["movie-reviews"].presets["default"]
    td = build_text_task(data, "word", p.data["vocab_size"], p.data["max_len"])
    _, mc, tc = resolve("movie-reviews")
    mc.head, mc.num_classes = td.model["head"], td.model["num_classes"]
    mc.vocab_size = td.model["vocab_size"]
    accs = [_member(td, mc.validate(), tc, s)[1] for s in seeds]
    majority = float(np.bincount(td.test.y.cpu().numpy()).max() / len(td.test.y))
    return accs, len(td.train), len(data.classes), majority


def _row(label: str, accs: list[float], secs: list[float] | None = None) -> str:
    each = ", ".join(f"{a:.2%}" for a in accs)
    time = f" | {statistics.mean(secs):.1f} (max {max(secs):.1f})" if secs else ""
    return f"| {label} | {statistics.mean(accs):.2%}, worst {min(accs):.2%} ({each}){time} |"


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("--seeds", type=int, default=3)
    ap.add_argument(
        "--ensemble", type=int, nargs="*", default=[5], help="K of extra rows: the best preset's model x K"
    )
    ap.add_argument("--skip-corpora", action="store_true")
    a = ap.parse_args()
    seeds = range(a.seeds)
    print(f"load average before: {' '.join(f'{v:.2f}' for v in os.getloadavg())}\n")
    print("| movie-review snippets, 2,111 held out | accuracy: mean, worst (seeds) | training s per seed |")
    print("|---|---|---|")
    own = {p: TASKS["movie-reviews"].presets[p].train.get("ensemble", 1) for p in ("default", "best")}
    rows = [("default", own["default"]), ("best", own["best"]), ("best", 1)]
    rows += [("best", k) for k in a.ensemble if ("best", k) not in rows]
    for preset, k in rows:
        if k == own[preset]:
            label = f"{preset} preset: {TASKS['movie-reviews'].presets[preset].note}"
        elif k == 1:
            label = f"the {preset} preset's model alone (`--ensemble 1`)"
        else:
            label = f"the {preset} preset's model x {k} (`--ensemble {k}`: seeds s..s+{k - 1})"
        print(_row(label, *movie_reviews(preset, seeds, k)), flush=True)
    if not a.skip_corpora:
        cached = {n: download.cached_paths(download.CORPORA[n]) for n in ("reuters", "imdb")}
        print(
            "\n| corpus (what was measured) | classes, training texts, largest class | accuracy: mean, worst (seeds) |"
        )
        print("|---|---|---|")
        with tempfile.TemporaryDirectory() as d:
            for name, make in (("reuters", synthetic_reuters), ("imdb", synthetic_imdb)):
                real = cached[name] is not None
                paths = cached[name] if real else make(Path(d))
                what = (
                    "the real corpus (cached copy)" if real else "seeded synthetic corpus in the real format"
                )
                accs, n, k, top = corpus_defaults(name, paths, seeds)
                print(_row(f"{name}: {what} | {k}, {n:,}, {top:.1%}", accs), flush=True)
    print(f"\nload average after: {' '.join(f'{v:.2f}' for v in os.getloadavg())}")
