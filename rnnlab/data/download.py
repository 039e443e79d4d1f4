"""Real corpora too large to ship: downloaded once on request, checked, cached, parsed.

``fetch`` downloads each file to ``<cache>/<corpus>/`` with pooch (a temporary file renamed into
place: a broken download leaves nothing half-written), reports progress, and verifies the checksum its
publisher gives: IMDB's MD5 from its page, NSMC's SHA-256 from the Hugging Face dataset card,
Reuters's from Keras. Offline, it says so: the site's operator can place the file in the cache (no
server path is shown to a visitor). Tests pass their own opener; nothing in the suite downloads.
"""

import json
import logging
import os
import re
import tarfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pooch

from ..errors import RNNLabError, check
from .corpus import MAX_TEXT, TextSet
from .npz import load_npz

logging.getLogger("pooch").setLevel(logging.WARNING)  # its per-file lines name server paths


@dataclass(frozen=True)
class Remote:
    name: str  # key, e.g. "nsmc"
    title: str  # for people
    files: dict[str, str]  # file name -> URL
    checksum: dict[str, str]  # file name -> "sha256:<hex>" or "md5:<hex>", as published
    licence: str


_KERAS = "https://storage.googleapis.com/tensorflow/tf-keras-datasets/"
_NSMC = "https://raw.githubusercontent.com/e9t/nsmc/master/"
CORPORA = {
    "nsmc": Remote(
        "nsmc",
        "Naver movie reviews (NSMC, Korean, 150k + 50k)",
        {"ratings_train.txt": _NSMC + "ratings_train.txt", "ratings_test.txt": _NSMC + "ratings_test.txt"},
        {
            "ratings_train.txt": "sha256:e03b7d14e9e41be8d464a28057cd25d7396c53e67aa7fd5f7e552c59b0ee2940",
            "ratings_test.txt": "sha256:8ac9f64052f11dbf6ae0acb5e038f03d90a76f0eda7820cfb3a92d02edfcebda",
        },
        "CC0 1.0",
    ),
    "imdb": Remote(
        "imdb",
        "IMDB large movie reviews (English, 25k + 25k)",
        {"aclImdb_v1.tar.gz": "https://ai.stanford.edu/~amaas/data/sentiment/aclImdb_v1.tar.gz"},
        {"aclImdb_v1.tar.gz": "md5:7c2ac02c03563afcf9b574c7e56c153a"},
        "research use (Maas et al. 2011)",
    ),
    "reuters": Remote(
        "reuters",
        "Reuters newswire topics (English, 11k, 46 topics, as in Keras)",
        {
            "reuters.npz": _KERAS + "reuters.npz",
            "reuters_word_index.json": _KERAS + "reuters_word_index.json",
        },
        {
            "reuters.npz": "sha256:d6586e694ee56d7a4e65172e12b3e987c03096cb01eab99753921ef915959916",
            "reuters_word_index.json": "md5:4d44cc38712099c9e383dc6e5f11a921",
        },
        "Reuters-21578, free for research (Keras's word-indexed version)",
    ),
}


def cache_dir() -> Path:
    return Path(os.environ.get("RNNLAB_CACHE", Path.home() / ".cache" / "rnnlab"))


def cached_paths(remote: Remote, cache: Path | None = None) -> dict[str, Path] | None:
    """The corpus's files if all are already in the cache, else None."""
    folder = Path(cache or cache_dir()) / remote.name
    paths = {f: folder / f for f in remote.files}
    return paths if all(p.exists() for p in paths.values()) else None


def file_checksum(path: Path, algorithm: str) -> str:
    return pooch.file_hash(str(path), alg=algorithm)


class _Progress:
    """What pooch's downloader drives (a tqdm-like bar), reported as ``progress(file, done, total)``."""

    def __init__(self, fname: str, progress: Callable[[str, int, int], None]):
        self.fname, self.progress, self.total, self.done = fname, progress, 0, 0

    def update(self, n: int) -> None:
        self.done += n
        self.progress(self.fname, self.done, self.total or 0)

    def reset(self) -> None:
        self.done = 0

    def close(self) -> None:
        pass


def _opener_downloader(opener, timeout: float, bar: _Progress | None):
    """A pooch downloader reading through ``opener`` (urllib's ``urlopen`` signature); tests pass a fake."""

    def download(url: str, output_file, pooch_obj=None, check_only: bool = False) -> None:
        with opener(url, timeout=timeout) as resp, open(output_file, "wb") as out:
            if bar is not None:
                bar.total = int(resp.headers.get("Content-Length") or 0)
            for block in iter(lambda: resp.read(1 << 16), b""):
                out.write(block)
                if bar is not None:
                    bar.update(len(block))

    return download


def fetch(
    remote: Remote,
    cache: Path | None = None,
    progress: Callable[[str, int, int], None] | None = None,
    opener=None,
    timeout: float = 30,
) -> dict[str, Path]:
    """Local paths of the corpus's files, downloading what the cache lacks or what fails its published
    checksum, through pooch (a temporary file renamed into place: a broken download leaves nothing).
    ``progress(file, done, total)``; ``opener`` replaces the network (tests)."""
    folder = Path(cache or cache_dir()) / remote.name
    paths = {}
    for fname, url in remote.files.items():
        bar = _Progress(fname, progress) if progress else None
        downloader = (
            _opener_downloader(opener, timeout, bar)
            if opener is not None
            else pooch.HTTPDownloader(progressbar=bar or False, timeout=timeout)
        )
        try:
            got = pooch.retrieve(url, remote.checksum[fname], fname=fname, path=folder, downloader=downloader)
        except ValueError as err:  # pooch: the downloaded file's hash is not the published one
            (folder / fname).unlink(missing_ok=True)  # a stale cached copy that failed too: gone with it
            algorithm, expected = remote.checksum[fname].split(":")
            found = re.search(r"\(([0-9a-f]{32,})\)", str(err))
            raise RNNLabError(
                "checksum_bad",
                file=fname,
                algorithm=algorithm.upper(),
                got=found.group(1) if found else "?",
                expected=expected,
            ) from None
        except OSError as err:  # offline, refused, timed out (urllib's and requests' errors are OSErrors)
            reason = str(getattr(err, "reason", err)).splitlines()[0][:200]
            raise RNNLabError("offline", title=remote.title, reason=reason, file=fname) from None
        paths[fname] = Path(got)
    return paths


Parsed = tuple[
    list[str], list[int], list[str], list[int], list[str]
]  # train texts, labels, test texts, labels, classes
SENTIMENT = ["negative", "positive"]


def parse_nsmc(train: Path, test: Path) -> Parsed:
    """NSMC's tab-separated files: a header ``id document label``, then one review per line."""
    out = []
    for path in (train, test):
        with open(path, encoding="utf-8") as f:
            header = f.readline().rstrip("\n").split("\t")
            check(header == ["id", "document", "label"], "nsmc_format", file=path.name, header=header)
            rows = [line.rstrip("\n").split("\t") for line in f if line.strip()]
        rows = [r for r in rows if len(r) == 3 and r[1].strip() and r[2] in ("0", "1")]
        out += [[r[1][:MAX_TEXT] for r in rows], [int(r[2]) for r in rows]]
    return (*out, SENTIMENT)


_IMDB = re.compile(r"aclImdb/(train|test)/(pos|neg)/\d+_\d+\.txt$")


def parse_imdb(archive: Path) -> Parsed:
    """aclImdb_v1.tar.gz: aclImdb/{train,test}/{pos,neg}/<id>_<stars>.txt, one review per file."""
    parts = {"train": ([], []), "test": ([], [])}
    with tarfile.open(archive, "r:gz") as tar:
        for m in tar:
            hit = _IMDB.search(m.name)
            if m.isfile() and hit:
                text = tar.extractfile(m).read().decode("utf-8", errors="replace").replace("<br />", " ")
                parts[hit.group(1)][0].append(text[:MAX_TEXT])
                parts[hit.group(1)][1].append(int(hit.group(2) == "pos"))
    check(parts["train"][0] and parts["test"][0], "imdb_empty", file=archive.name)
    return (*parts["train"], *parts["test"], SENTIMENT)


REUTERS_TOPICS = (
    "cocoa grain veg-oil earn acq wheat copper housing money-supply coffee sugar trade reserves ship cotton "
    "carcass crude nat-gas cpi money-fx interest gnp meal-feed alum oilseed gold tin strategic-metal "
    "livestock retail ipi iron-steel rubber heat jobs lei bop zinc orange pet-chem dlr gas silver wpi hog "
    "lead"
).split()  # topic names by label id, as Keras lists them


def parse_reuters(archive: Path, word_index: Path, seed: int = 113, test_split: float = 0.2) -> Parsed:
    """Keras's reuters.npz (``x``: each newswire as word ranks, ``y``: topic ids 0-45) and its word index
    (word -> rank), turned back into text. The train/test split is Keras's (shuffle with seed 113, last
    20% held out), so accuracies compare with published Keras examples."""
    arrays = load_npz(archive)
    check({"x", "y"} <= arrays.keys(), "reuters_arrays", file=archive.name, found=", ".join(arrays) or "-")
    try:
        words = {int(i): w for w, i in json.loads(word_index.read_text(encoding="utf-8")).items()}
    except (ValueError, AttributeError) as err:
        raise RNNLabError("word_index", file=word_index.name, detail=str(err)) from None
    xs, ys = arrays["x"], np.asarray(arrays["y"]).astype(int)
    ok = len(xs) == len(ys) and ys.min() >= 0 and ys.max() < len(REUTERS_TOPICS)
    check(ok, "reuters_mismatch", file=archive.name)
    order = np.arange(len(xs))
    np.random.RandomState(seed).shuffle(order)
    texts = [" ".join(words.get(int(i), "<unk>") for i in xs[k])[:MAX_TEXT] for k in order]
    labels = [int(ys[k]) for k in order]
    cut = int(len(texts) * (1 - test_split))
    return texts[:cut], labels[:cut], texts[cut:], labels[cut:], list(REUTERS_TOPICS)


def parse(name: str, paths: dict[str, Path]) -> Parsed:
    check(name in CORPORA, "corpus_unknown", got=name, choices=", ".join(CORPORA))
    if name == "nsmc":
        return parse_nsmc(paths["ratings_train.txt"], paths["ratings_test.txt"])
    if name == "imdb":
        return parse_imdb(paths["aclImdb_v1.tar.gz"])
    return parse_reuters(paths["reuters.npz"], paths["reuters_word_index.json"])


def subset(parsed: Parsed, train_size: int = 2000, seed: int = 0, topics: int | None = None) -> TextSet:
    """A random subset for live training: ``train_size`` training texts and a quarter as many held out from
    the corpus's own test part. ``topics`` keeps only the most frequent classes (Reuters has 46). The
    texts are the parsed ones, shared, not copied."""
    tr_x, tr_y, te_x, te_y, classes = parsed
    if topics is not None and topics < len(classes):
        keep = sorted(np.argsort(-np.bincount(tr_y, minlength=len(classes)), kind="stable")[:topics].tolist())
        new = {c: k for k, c in enumerate(keep)}  # old class id -> new, in the old order
        tr_x, tr_y = [t for t, y in zip(tr_x, tr_y) if y in new], [new[y] for y in tr_y if y in new]
        te_x, te_y = [t for t, y in zip(te_x, te_y) if y in new], [new[y] for y in te_y if y in new]
        classes = [classes[c] for c in keep]
    rng = np.random.default_rng(seed)
    a = rng.permutation(len(tr_x))[:train_size]
    b = rng.permutation(len(te_x))[: max(2, train_size // 4)]
    texts = [tr_x[i] for i in a] + [te_x[i] for i in b]
    labels = [tr_y[i] for i in a] + [te_y[i] for i in b]
    return TextSet(texts, labels, list(classes), test_index=list(range(len(a), len(texts))))


def load(
    name: str, paths: dict[str, Path], train_size: int = 2000, seed: int = 0, topics: int | None = None
) -> TextSet:
    return subset(parse(name, paths), train_size, seed, topics)
