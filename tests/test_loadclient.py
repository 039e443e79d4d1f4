"""The headless load client (bench/loadclient.py) against a real ``streamlit run``: a few visitors train
at once, each finishes, and each final loss is exactly that of the same link trained alone (the CLI)."""

import json
import subprocess
import sys

from tests.browser import ROOT, streamlit_server

sys.path.insert(0, str(ROOT / "bench"))
import loadclient  # noqa: E402

EPOCHS = 30


def solo_loss(seed: int) -> float:
    out = subprocess.run(
        [
            sys.executable,
            "-m",
            "rnnlab",
            "train",
            "emoji",
            "--seed",
            str(seed),
            "--epochs",
            str(EPOCHS),
            "--json",
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(out.stdout)["final_loss"]


def test_three_headless_visitors_finish_with_their_solo_numbers():
    seeds = [1, 2, 3]
    with streamlit_server() as (url, _):
        visits = loadclient.run_crowd(url, "emoji", [f"seed={s}&epochs={EPOCHS}" for s in seeds], seconds=120)
    for seed, v in zip(seeds, visits, strict=True):
        assert v.error is None, (seed, v.error)
        assert v.done is not None and v.epoch == EPOCHS, v
        assert v.loss == solo_loss(seed), (seed, v.loss)
    assert loadclient.summary(visits)["finished"] == len(seeds)


def test_only_loopback():
    try:
        loadclient.run_crowd("http://example.com:8501", "emoji", ["seed=0"], seconds=1)
    except ValueError as err:
        assert "loopback" in str(err)
    else:
        raise AssertionError("a non-loopback server was accepted")
