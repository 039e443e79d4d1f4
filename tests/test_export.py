"""The exported standalone script trains the same model as the site: same losses, epoch by epoch."""

import re
import subprocess
import sys

import pytest

from rnnlab.errors import RNNLabError, say
from rnnlab.export import standalone_script
from rnnlab.models import seeded_model
from rnnlab.tasks import resolve
from rnnlab.train import Trainer

CASES = {  # name: (task, model settings, training settings)
    "emoji": ("emoji", {}, {"epochs": 12}),
    "sentences": (
        "sentences",
        {"cell": "lstm", "bidirectional": True},
        {"epochs": 6, "optimizer": "sgd", "momentum": 0.9},
    ),
    "airline": ("airline", {"cell": "rnn", "num_layers": 2, "dropout": 0.2}, {"epochs": 4, "clip": 1.0}),
    # the conv front-end (ragged rows, pooled lengths), pooling over time and dropout's random stream
    "sentences-conv": (
        "sentences-ko",
        {"conv_filters": 6, "conv_kernel": 3, "conv_pool": 2, "readout": "max", "input_dropout": 0.3},
        {"epochs": 5},
    ),
    "sentences-conv-bidir": (
        "sentences",
        {"conv_filters": 4, "conv_kernel": 5, "conv_pool": 3, "readout": "mean", "bidirectional": True},
        {"epochs": 5},
    ),
}


def _script_losses(text: str, tmp_path) -> tuple[list[float], str]:
    path = tmp_path / "model.py"
    path.write_text(text, encoding="utf-8")
    run = subprocess.run([sys.executable, str(path)], capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr[-2000:]
    losses = [float(v) for v in re.findall(r"^epoch \d+ loss ([0-9.e+-]+)", run.stdout, re.M)]
    return losses, run.stdout


@pytest.mark.parametrize("case", CASES)
def test_the_script_reproduces_the_sites_losses(case, tmp_path):
    task, model, train = CASES[case]
    td, mc, tc = resolve(task, model=model, train={**train, "seed": 3})
    site = Trainer(seeded_model(mc, tc.seed), td.train, tc).run()
    text = standalone_script(mc, tc, td.train, td.test, title=task)
    assert "rnnlab" not in text.replace("RNN Lab", "")  # it needs nothing of this project
    losses, out = _script_losses(text, tmp_path)
    assert len(losses) == len(site.history.loss) == tc.epochs
    assert losses == pytest.approx(site.history.loss, rel=1e-5, abs=1e-6)
    assert "test loss" in out
    other = Trainer(seeded_model(mc, 4), td.train, tc).run()  # the seed matters, so equality means something
    assert losses != pytest.approx(other.history.loss, rel=1e-5, abs=1e-6)


def test_data_too_big_for_a_script_is_refused_in_words(monkeypatch):
    import rnnlab.export as export

    monkeypatch.setattr(export, "MAX_DATA_BYTES", 100)
    td, mc, tc = resolve("emoji")
    with pytest.raises(RNNLabError) as err:
        standalone_script(mc, tc, td.train, td.test)
    assert err.value.key == "export_too_big" and "MB" in say(err.value, "ko")
