"""The linear skip path of forecasts (ModelConfig.linear_skip, knob ``skip``): y = head(h_L) + a·x + b."""

import re
import subprocess
import sys

import numpy as np
import pytest
import torch

from rnnlab import forecast
from rnnlab.cli import main
from rnnlab.errors import RNNLabError, say
from rnnlab.export import standalone_script
from rnnlab.models import seeded_model
from rnnlab.replay import trace
from rnnlab.summary import summarize, total
from rnnlab.tasks import resolve
from rnnlab.train import Trainer


def _airline(skip: bool, window: int = 7, epochs: int = 3, **model):
    return resolve(
        "airline",
        model={"linear_skip": skip, **model},
        train={"epochs": epochs, "seed": 2},
        data={"window": window},
    )


def test_shapes_and_the_hand_count():
    td, mc, _ = _airline(True)
    assert mc.window == 7  # fixed by the data
    m = seeded_model(mc, 0)
    x = td.train.x[:5]  # (5, 7, 1)
    assert m(x).shape == (5,) and m.skip_out(m.encode(x)).shape == (5, 1)
    rows = summarize(m)
    assert rows[-1].layer == "linear skip" and rows[-1].count == 7 + 1  # a (1, 7) and b (1)
    assert total(rows) == sum(p.numel() for p in m.parameters())
    with pytest.raises(ValueError, match="expected windows of 7 steps, got 6"):
        m(x[:, 1:])


def test_it_starts_as_the_rnn_alone_and_training_changes_the_forecast():
    td, mc, tc = _airline(True)
    td0, mc0, _ = _airline(False)
    with_skip, without = seeded_model(mc, 2), seeded_model(mc0, 2)
    x = td.train.x
    assert torch.equal(with_skip(x), without(x))  # a and b start at 0; every other weight is the same
    w = td.forecast.windows
    a = Trainer(with_skip, td.train, tc).run().model
    b = Trainer(without, td0.train, tc).run().model
    fa, fb = forecast.one_step(a, w, td.forecast.series), forecast.one_step(b, w, td.forecast.series)
    assert fa.shape == fb.shape == (len(w.t),)
    assert np.abs(fa - fb).max() > 1.0  # passengers: the path moves the forecast
    assert float(a.skip.weight.detach().abs().sum()) > 0  # and it was trained


@pytest.mark.parametrize("bidir", [False, True])
def test_the_replay_adds_the_path_to_every_step(bidir):
    td, mc, _ = _airline(True, bidirectional=bidir)
    m = seeded_model(mc, 1)
    with torch.no_grad():
        m.skip.weight.fill_(0.1)
        m.skip.bias.fill_(-0.3)
        x = td.train.x[3]
        tr = trace(m, x)
        assert tr.final[0] == pytest.approx(float(m(x[None])[0]), abs=1e-5)
        assert tr.outputs[-1, 0] == pytest.approx(tr.final[0], abs=1e-5)


def test_only_forecasts_on_windows_take_it_in_words(capsys):
    with pytest.raises(RNNLabError) as err:
        resolve("emoji", model={"linear_skip": True})
    assert err.value.key == "skip_needs_window"
    assert "regression" in say(err.value, "en") and "회귀" in say(err.value, "ko")
    assert main(["train", "emoji", "--skip", "--epochs", "1"]) == 2
    assert capsys.readouterr().err.startswith("error: the linear skip path")


def test_the_cli_flag_and_the_best_preset_use_it(capsys):
    assert main(["train", "airline", "--skip", "--epochs", "2", "--json"]) == 0
    out = capsys.readouterr().out
    assert '"linear_skip": true' in out
    _, mc, _ = resolve("airline", "best")
    assert mc.linear_skip


def test_the_exported_script_reproduces_the_losses(tmp_path):
    td, mc, tc = _airline(True, epochs=3)
    site = Trainer(seeded_model(mc, tc.seed), td.train, tc).run()
    path = tmp_path / "model.py"
    path.write_text(standalone_script(mc, tc, td.train, td.test, title="skip"), encoding="utf-8")
    run = subprocess.run([sys.executable, str(path)], capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr[-2000:]
    losses = [float(v) for v in re.findall(r"^epoch \d+ loss ([0-9.e+-]+)", run.stdout, re.M)]
    assert losses == pytest.approx(site.history.loss, rel=1e-5, abs=1e-6)
