"""Real review corpora too large to ship: downloaded once on request, checked, cached.

``fetch`` downloads each file to ``<cache>/<corpus>/`` through a ``.part`` file (a broken download
leaves nothing half-written), reports progress, and verifies an MD5: the published one where there is
one (IMDB), else the one recorded at the first download (NSMC publishes none), so a later change of
the file is caught. Offline, it says so and names the manual alternative. Tests pass their own opener.
"""
import hashlib
import os
import re
import tarfile
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import numpy as np

from ..errors import RNNLabError, check
from .corpus import TextSet


@dataclass(frozen=True)
class Remote:
    name: str                      # key, e.g. "nsmc"
    title: str                     # for people
    files: dict[str, str]          # file name -> URL
    md5: dict[str, str]            # file name -> published MD5 ("" = record at the first download)
    licence: str


CORPORA = {
    "nsmc": Remote("nsmc", "Naver movie reviews (NSMC, Korean, 150k + 50k)",
                   {"ratings_train.txt": "https://raw.githubusercontent.com/e9t/nsmc/master/ratings_train.txt",
                    "ratings_test.txt": "https://raw.githubusercontent.com/e9t/nsmc/master/ratings_test.txt"},
                   {"ratings_train.txt": "", "ratings_test.txt": ""}, "CC0 1.0"),
    "imdb": Remote("imdb", "IMDB large movie reviews (English, 25k + 25k)",
                   {"aclImdb_v1.tar.gz": "https://ai.stanford.edu/~amaas/data/sentiment/aclImdb_v1.tar.gz"},
                   {"aclImdb_v1.tar.gz": "7c2ac02c03563afcf9b574c7e56c153a"}, "research use (Maas et al. 2011)"),
}


def cache_dir() -> Path:
    return Path(os.environ.get("RNNLAB_CACHE", Path.home() / ".cache" / "rnnlab"))


def cached_paths(remote: Remote, cache: Path | None = None) -> dict[str, Path] | None:
    """The corpus's files if all are already in the cache, else None."""
    folder = Path(cache or cache_dir()) / remote.name
    paths = {f: folder / f for f in remote.files}
    return paths if all(p.exists() for p in paths.values()) else None


def _md5(path: Path) -> str:
    h = hashlib.md5()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def fetch(remote: Remote, cache: Path | None = None, progress: Callable[[str, int, int], None] | None = None,
          opener=urllib.request.urlopen, timeout: float = 30) -> dict[str, Path]:
    """Local paths of the corpus's files, downloading what the cache lacks. ``progress(file, done, total)``."""
    folder = Path(cache or cache_dir()) / remote.name
    folder.mkdir(parents=True, exist_ok=True)
    paths = {}
    for fname, url in remote.files.items():
        path, pinned = folder / fname, folder / (fname + ".md5")
        expected = remote.md5.get(fname) or (pinned.read_text().strip() if pinned.exists() else "")
        if not (path.exists() and (not expected or _md5(path) == expected)):
            _download(url, path, fname, progress, opener, timeout, remote)
            got = _md5(path)
            if expected and got != expected:
                path.unlink()
                raise RNNLabError(f"{fname} from {url} is not the expected file (MD5 {got}, expected {expected}); "
                                  "it was deleted. Try again later, or download it yourself and upload it")
            if not remote.md5.get(fname):
                pinned.write_text(got)
        paths[fname] = path
    return paths


def _download(url, path, fname, progress, opener, timeout, remote) -> None:
    part = path.with_name(path.name + ".part")
    try:
        with opener(url, timeout=timeout) as resp, open(part, "wb") as out:
            total, done = int(resp.headers.get("Content-Length") or 0), 0
            for block in iter(lambda: resp.read(1 << 16), b""):
                out.write(block)
                done += len(block)
                if progress:
                    progress(fname, done, total)
        part.replace(path)
    except (urllib.error.URLError, TimeoutError, OSError) as err:
        part.unlink(missing_ok=True)
        raise RNNLabError(f"could not download {remote.title}: this machine seems to be offline or the server did not "
                          f"answer ({getattr(err, 'reason', err)}). Download {url} yourself, then choose "
                          "'Upload a CSV or TSV file' (text and label columns)") from None


def parse_nsmc(train: Path, test: Path) -> tuple[list[str], list[int], list[str], list[int]]:
    """NSMC's tab-separated files: a header ``id document label``, then one review per line."""
    out = []
    for path in (train, test):
        with open(path, encoding="utf-8") as f:
            header = f.readline().rstrip("\n").split("\t")
            check(header == ["id", "document", "label"], f"{path.name} is not in the NSMC format (header {header})")
            rows = [line.rstrip("\n").split("\t") for line in f if line.strip()]
        rows = [r for r in rows if len(r) == 3 and r[1].strip() and r[2] in ("0", "1")]
        out += [[r[1] for r in rows], [int(r[2]) for r in rows]]
    return tuple(out)


_IMDB = re.compile(r"aclImdb/(train|test)/(pos|neg)/\d+_\d+\.txt$")


def parse_imdb(archive: Path) -> tuple[list[str], list[int], list[str], list[int]]:
    """aclImdb_v1.tar.gz: aclImdb/{train,test}/{pos,neg}/<id>_<stars>.txt, one review per file."""
    parts = {"train": ([], []), "test": ([], [])}
    with tarfile.open(archive, "r:gz") as tar:
        for m in tar:
            hit = _IMDB.search(m.name)
            if m.isfile() and hit:
                text = tar.extractfile(m).read().decode("utf-8", errors="replace").replace("<br />", " ")
                parts[hit.group(1)][0].append(text)
                parts[hit.group(1)][1].append(int(hit.group(2) == "pos"))
    check(parts["train"][0] and parts["test"][0], f"{archive.name} has no aclImdb train/test reviews")
    return (*parts["train"], *parts["test"])


def load(name: str, paths: dict[str, Path], train_size: int = 2000, seed: int = 0) -> TextSet:
    """A balanced random subset for live training: ``train_size`` training reviews and a quarter as
    many held out from the corpus's own test part."""
    check(name in CORPORA, f"unknown corpus {name!r}; corpora: {', '.join(CORPORA)}")
    tr_x, tr_y, te_x, te_y = (parse_nsmc(paths["ratings_train.txt"], paths["ratings_test.txt"]) if name == "nsmc"
                              else parse_imdb(paths["aclImdb_v1.tar.gz"]))
    rng = np.random.default_rng(seed)
    a = rng.permutation(len(tr_x))[:train_size]
    b = rng.permutation(len(te_x))[:max(2, train_size // 4)]
    texts = [tr_x[i] for i in a] + [te_x[i] for i in b]
    labels = [tr_y[i] for i in a] + [te_y[i] for i in b]
    return TextSet([t[:1000] for t in texts], labels, ["negative", "positive"], test_index=list(range(len(a), len(texts))))
