"""The Lab runtime (ui/lab.py): what resets a run, the expected time and its confirmation, source presets."""

import pytest
from apptest import app, lab_state

from rnnlab.tasks import TASKS
from ui.lab import role_of, signature
from ui.state import EMOJI_FIELDS, FORECAST_FIELDS


def test_roles_decide_the_signature_in_one_place():
    values = {f.name: f.default for f in EMOJI_FIELDS}
    base = signature(values, "cpu", "data")
    assert signature({**values, "lr": 0.5, "epochs": 9, "msg": "🐶"}, "cpu", "data") == base
    assert signature({**values, "hidden": 3}, "cpu", "data") != base
    assert signature(values, "cpu", "other data") != base
    assert [role_of(f) for f in FORECAST_FIELDS if f.name in ("mode", "window", "lr")] == [
        "live",
        "model",
        "view",
    ]


def test_a_model_field_resets_a_live_field_does_not_and_a_view_field_never_does():
    at = app(page="labs/forecast.py", epochs="5")
    at.button(key="forecast.step").click().run()
    first = lab_state(at, "forecast").run
    at.number_input(key="forecast.epochs").set_value(7).run()  # live: the limit moves, the run stays
    assert lab_state(at, "forecast").run is first and first.trainer.cfg.epochs == 7
    at.radio(key="forecast.mode").set_value("recursive").run()  # view
    assert lab_state(at, "forecast").run is first and first.epoch == 1
    at.slider(key="forecast.window").set_value(6).run()  # model (its data)
    new = lab_state(at, "forecast").run
    assert new is not first and new.epoch == 0 and new.trainer.train_data.x.shape[1] == 6
    assert any("reset" in i.value for i in at.info)


def test_a_long_run_says_how_long_and_asks_before_it_starts(monkeypatch):
    from rnnlab.train import Trainer

    monkeypatch.setattr(Trainer, "estimate_epoch_seconds", lambda self: 0.5, raising=False)
    at = app(page="labs/emoji.py", epochs="200")  # 200 x 0.5 s: about 100 s, over a minute
    assert any("should take about 100 s" in c.value for c in at.caption)
    at.button(key="emoji.train").click().run()
    run = lab_state(at, "emoji").run
    assert not run.running and any("Train anyway?" in w.value for w in at.warning)
    at.button(key="emoji.confirm").click().run()
    assert lab_state(at, "emoji").run.epoch > 0 and not at.exception


def test_a_short_run_starts_at_once(monkeypatch):
    from rnnlab.train import Trainer

    monkeypatch.setattr(Trainer, "estimate_epoch_seconds", lambda self: 0.001, raising=False)
    at = app(page="labs/emoji.py", epochs="300")
    assert any("should take about 1 s" in c.value for c in at.caption)
    at.button(key="emoji.train").click().run()
    assert lab_state(at, "emoji").run.epoch > 0 and not any("Train anyway" in w.value for w in at.warning)


@pytest.mark.parametrize("how", ["link", "chooser"])
def test_the_movie_reviews_train_with_their_task_preset(how, monkeypatch):
    from rnnlab.train import Trainer

    monkeypatch.setattr(Trainer, "estimate_epoch_seconds", lambda self: 0.01, raising=False)
    if how == "link":
        at = app(page="labs/sentences.py", src="movies", seed="3")
    else:
        at = app(page="labs/sentences.py", src="en", seed="3")
        at.selectbox(key="sentences.src").set_value("movies").run()
    p = TASKS["movie-reviews"].presets["default"]
    v = lab_state(at, "sentences").values
    assert (v["cell"], v["hidden"], v["emb"]) == (
        p.model["cell"],
        p.model["hidden_size"],
        p.model["embedding_dim"],
    )
    assert (v["epochs"], v["lr"], v["batch"]) == (p.train["epochs"], p.train["lr"], p.train["batch_size"])
    assert (v["vocab"], v["maxlen"], v["seed"]) == (p.data["vocab_size"], p.data["max_len"], 3)
    model = lab_state(at, "sentences").run.trainer.model.cfg
    assert (model.cell, model.hidden_size) == ("gru", 64) and not at.error


def test_a_link_keeps_its_own_values_over_the_source_preset(monkeypatch):
    from rnnlab.train import Trainer

    monkeypatch.setattr(Trainer, "estimate_epoch_seconds", lambda self: 0.01, raising=False)
    at = app(page="labs/sentences.py", src="movies", cell="lstm", epochs="2")
    v = lab_state(at, "sentences").values
    assert (v["cell"], v["epochs"], v["hidden"]) == ("lstm", 2, 64)
