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
SERVED = {"ratings_train.txt": "nsmc_ratings_train.txt", "ratings_test.txt": "nsmc_ratings_test.txt",
          "aclImdb_v1.tar.gz": "imdb_sample.tar.gz"}


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


def _imdb_remote():
    md5 = hashlib.md5((SAMPLES / "imdb_sample.tar.gz").read_bytes()).hexdigest()
    return download.Remote("imdb", "IMDB", download.CORPORA["imdb"].files, {"aclImdb_v1.tar.gz": md5}, "")


def test_nsmc_downloads_once_pins_its_checksum_and_parses(tmp_path):
    net, seen = Net(), []
    assert download.cached_paths(download.CORPORA["nsmc"], tmp_path) is None
    paths = download.fetch(download.CORPORA["nsmc"], tmp_path, progress=lambda f, d, t: seen.append((f, d, t)), opener=net)
    assert len(net.calls) == 2 and seen[-1][1] == seen[-1][2] > 0
    assert (tmp_path / "nsmc" / "ratings_train.txt.md5").exists() and not list(tmp_path.rglob("*.part"))
    download.fetch(download.CORPORA["nsmc"], tmp_path, opener=net)
    assert len(net.calls) == 2  # cached: no second download
    assert download.cached_paths(download.CORPORA["nsmc"], tmp_path) == paths
    data = download.load("nsmc", paths, train_size=100)
    assert len(data.test_index) == 4 and len(data.texts) == 11 + 4  # the empty review is skipped
    assert set(data.labels) == {0, 1} and "정말 재미있는 영화였어요" in data.texts


def test_a_changed_file_is_caught_by_the_pinned_checksum(tmp_path):
    download.fetch(download.CORPORA["nsmc"], tmp_path, opener=Net())
    (tmp_path / "nsmc" / "ratings_test.txt").write_text("tampered")
    with pytest.raises(RNNLabError, match="not the expected file"):
        download.fetch(download.CORPORA["nsmc"], tmp_path, opener=Net(corrupt=True))
    assert not (tmp_path / "nsmc" / "ratings_test.txt").exists()


def test_imdb_archive_with_published_md5(tmp_path):
    remote = _imdb_remote()
    paths = download.fetch(remote, tmp_path, opener=Net())
    tr_x, tr_y, te_x, te_y = download.parse_imdb(paths["aclImdb_v1.tar.gz"])
    assert len(tr_x) == 4 and len(te_x) == 2 and tr_y.count(1) == 2 and "<br />" not in " ".join(tr_x)
    with pytest.raises(RNNLabError, match="MD5"):
        download.fetch(remote, tmp_path / "other", opener=Net(corrupt=True))
    assert download.CORPORA["imdb"].md5["aclImdb_v1.tar.gz"] == "7c2ac02c03563afcf9b574c7e56c153a"


def test_offline_says_so_and_names_the_manual_alternative(tmp_path):
    with pytest.raises(RNNLabError, match="offline") as err:
        download.fetch(download.CORPORA["nsmc"], tmp_path, opener=Net(down=True))
    assert "ratings_train.txt" in str(err.value) and "Upload" in str(err.value)
    assert not list((tmp_path / "nsmc").iterdir())  # nothing half-written


def test_wrong_format_is_explained(tmp_path):
    bad = tmp_path / "ratings_train.txt"
    bad.write_text("text,label\nhello,1\n")
    with pytest.raises(RNNLabError, match="not in the NSMC format"):
        download.parse_nsmc(bad, bad)
