"""The corpus loaders, exercised on small sample files in each corpus's exact format, with a fake
opener standing in for the network (no test downloads anything)."""

import hashlib
import io
import urllib.error
from pathlib import Path

import pytest

from rnnlab.data import download
from rnnlab.errors import RNNLabError

SAMPLES = Path(__file__).resolve().parent / "samples"
SERVED = {
    "ratings_train.txt": "nsmc_ratings_train.txt",
    "ratings_test.txt": "nsmc_ratings_test.txt",
    "aclImdb_v1.tar.gz": "imdb_sample.tar.gz",
    "reuters.npz": "reuters_sample.npz",
    "reuters_word_index.json": "reuters_word_index_sample.json",
}


class FakeResponse(io.BytesIO):
    def __init__(self, data: bytes):
        super().__init__(data)
        self.headers = {"Content-Length": str(len(data))}


class Net:
    """Serves the sample files for the corpus URLs and counts requests; ``down`` simulates being offline."""

    def __init__(self, down=False, corrupt=False):
        self.calls, self.down, self.corrupt = [], down, corrupt

    def __call__(self, url, timeout=None):
        self.calls.append(url)
        if self.down:
            raise urllib.error.URLError("Temporary failure in name resolution")
        data = (SAMPLES / SERVED[url.rsplit("/", 1)[1]]).read_bytes()
        return FakeResponse(data + (b"x" if self.corrupt else b""))


def _sample_remote(name: str) -> download.Remote:
    """The real corpus's URLs with the samples' checksums (the published ones are for the real files)."""
    real = download.CORPORA[name]
    sums = {f: "sha256:" + hashlib.sha256((SAMPLES / SERVED[f]).read_bytes()).hexdigest() for f in real.files}
    return download.Remote(name, real.title, real.files, sums, real.licence)


def test_published_checksums_are_pinned():
    sums = {n: r.checksum for n, r in download.CORPORA.items()}
    assert (
        sums["nsmc"]["ratings_train.txt"]
        == "sha256:e03b7d14e9e41be8d464a28057cd25d7396c53e67aa7fd5f7e552c59b0ee2940"
    )
    assert sums["imdb"]["aclImdb_v1.tar.gz"] == "md5:7c2ac02c03563afcf9b574c7e56c153a"
    assert (
        sums["reuters"]["reuters.npz"]
        == "sha256:d6586e694ee56d7a4e65172e12b3e987c03096cb01eab99753921ef915959916"
    )
    assert all(len(c.split(":")[1]) in (32, 64) for r in sums.values() for c in r.values())


def test_nsmc_downloads_once_and_parses(tmp_path):
    net, seen, remote = Net(), [], _sample_remote("nsmc")
    assert download.cached_paths(remote, tmp_path) is None
    paths = download.fetch(remote, tmp_path, progress=lambda f, d, t: seen.append((f, d, t)), opener=net)
    assert len(net.calls) == 2 and seen[-1][1] == seen[-1][2] > 0 and not list(tmp_path.rglob("*.part"))
    download.fetch(remote, tmp_path, opener=net)
    assert len(net.calls) == 2  # cached: no second download
    assert download.cached_paths(remote, tmp_path) == paths
    data = download.load("nsmc", paths, train_size=100)
    assert len(data.test_index) == 4 and len(data.texts) == 11 + 4  # the empty review is skipped
    assert set(data.labels) == {0, 1} and "정말 재미있는 영화였어요" in data.texts


def test_a_changed_file_is_downloaded_again_and_a_bad_download_deleted(tmp_path):
    remote, net = _sample_remote("nsmc"), Net()
    download.fetch(remote, tmp_path, opener=net)
    (tmp_path / "nsmc" / "ratings_test.txt").write_text("tampered")
    download.fetch(remote, tmp_path, opener=net)  # the cached file fails its checksum: fetched again
    assert len(net.calls) == 3 and "tampered" not in (tmp_path / "nsmc" / "ratings_test.txt").read_text()
    (tmp_path / "nsmc" / "ratings_test.txt").write_text("tampered")
    with pytest.raises(RNNLabError, match="not the expected file"):
        download.fetch(remote, tmp_path, opener=Net(corrupt=True))
    assert not (tmp_path / "nsmc" / "ratings_test.txt").exists()


def test_imdb_archive(tmp_path):
    paths = download.fetch(_sample_remote("imdb"), tmp_path, opener=Net())
    tr_x, tr_y, te_x, te_y, classes = download.parse_imdb(paths["aclImdb_v1.tar.gz"])
    assert len(tr_x) == 4 and len(te_x) == 2 and tr_y.count(1) == 2 and "<br />" not in " ".join(tr_x)
    assert classes == ["negative", "positive"]
    with pytest.raises(RNNLabError, match="MD5"):
        download.fetch(
            download.CORPORA["imdb"], tmp_path / "other", opener=Net()
        )  # the sample is not the real file


def test_reuters_word_ranks_become_text_with_keras_split_and_topics(tmp_path):
    paths = download.fetch(_sample_remote("reuters"), tmp_path, opener=Net())
    tr_x, tr_y, te_x, te_y, classes = download.parse_reuters(
        paths["reuters.npz"], paths["reuters_word_index.json"]
    )
    assert (
        (len(tr_x), len(te_x)) == (38, 10)
        and len(classes) == 46
        and classes[3] == "earn"
        and classes[16] == "crude"
    )
    assert all(t.split()[0].isalpha() for t in tr_x) and "<unk>" not in " ".join(tr_x)
    oil = [t for t, y in zip(tr_x, tr_y) if y == 16]
    assert oil and all(
        set(t.split()) & {"oil", "crude", "opec", "barrels", "prices", "output", "refinery"} for t in oil
    )
    data = download.load("reuters", paths, train_size=500, topics=2)  # the two most frequent: earn and acq
    assert data.classes == ["earn", "acq"] and set(data.labels) == {0, 1}
    assert (
        len(data.texts) == 32 and len(data.test_index) == 6
    )  # 4 of every 6 sample newswires are earn or acq
    full = download.load("reuters", paths, train_size=500)
    assert len(full.classes) == 46 and len(full.texts) == 38 + 10


def test_a_pickle_that_runs_code_is_refused(tmp_path):
    import pickle
    import zipfile

    import numpy as np

    class Evil:
        def __reduce__(self):
            return (print, ("pwned",))

    head = io.BytesIO()
    np.lib.format.write_array_header_1_0(head, {"descr": "|O", "fortran_order": False, "shape": (1,)})
    with zipfile.ZipFile(tmp_path / "reuters.npz", "w") as z:
        z.writestr("x.npy", head.getvalue() + pickle.dumps(Evil(), protocol=3))
    with pytest.raises(RNNLabError, match="refusing to load builtins.print"):
        download.parse_reuters(tmp_path / "reuters.npz", SAMPLES / "reuters_word_index_sample.json")
    (tmp_path / "words.json").write_text("not json")
    with pytest.raises(RNNLabError, match="not a word index"):
        download.parse_reuters(SAMPLES / "reuters_sample.npz", tmp_path / "words.json")


def test_a_50k_subset_fits_and_long_texts_are_cut_when_tokenized(tmp_path):
    from rnnlab.textclf import build_text_task

    for name, rows in (("ratings_train.txt", 50_000), ("ratings_test.txt", 12_500)):
        body = "".join(f"{i}\t{'좋은 영화 ' * (i % 30)}끝\t{i % 2}\n" for i in range(rows))
        (tmp_path / name).write_text("id\tdocument\tlabel\n" + body, encoding="utf-8")
    data = download.load(
        "nsmc", {n: tmp_path / n for n in ("ratings_train.txt", "ratings_test.txt")}, train_size=50_000
    )
    assert len(data.texts) == 62_500 and len(data.test_index) == 12_500
    td = build_text_task(data, "word", max_len=20)
    assert td.train.x.shape == (50_000, 20) and td.text.cut > 0
    with pytest.raises(RNNLabError, match="token slots"):
        build_text_task(data, "word", max_len=41)


def test_offline_says_so_and_names_the_manual_alternative(tmp_path):
    with pytest.raises(RNNLabError, match="offline") as err:
        download.fetch(download.CORPORA["nsmc"], tmp_path, opener=Net(down=True))
    assert (
        "ratings_train.txt" in str(err.value)
        and "Upload" in str(err.value)
        and "operator" in str(err.value)
        and str(tmp_path) not in str(err.value)  # no server path shown to a visitor
    )
    assert not list((tmp_path / "nsmc").iterdir())  # nothing half-written


def test_wrong_format_is_explained(tmp_path):
    bad = tmp_path / "ratings_train.txt"
    bad.write_text("text,label\nhello,1\n")
    with pytest.raises(RNNLabError, match="not in the NSMC format"):
        download.parse_nsmc(bad, bad)


def test_pooch_downloader_offline_says_so_without_a_server_path(tmp_path):
    """The real downloader (pooch over HTTP) against a port nothing listens on: refused at once, no internet."""
    dead = download.Remote(
        "dead", "a test corpus", {"f.txt": "http://127.0.0.1:9/f.txt"}, {"f.txt": "md5:0"}, "-"
    )
    with pytest.raises(RNNLabError) as err:
        download.fetch(dead, tmp_path, timeout=5)
    assert err.value.key == "offline" and "operator" in str(err.value) and str(tmp_path) not in str(err.value)
    assert not list((tmp_path / "dead").glob("*"))  # nothing half-written
