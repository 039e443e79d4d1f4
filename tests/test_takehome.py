"""Take work home: after training, a lab offers the model, its log and a script; each file is right."""

import io

import pandas as pd
import torch
from apptest import app, lab_state, train_to_end

from rnnlab import checkpoint
from ui import takehome
from ui.state import to_data


def _labels(at) -> list[str]:
    return [b.proto.label for b in at.get("download_button")]


def test_downloads_appear_after_training_and_hold_the_trained_run(tmp_path):
    at = app("en", "labs/emoji.py", epochs=5)
    assert _labels(at) == []  # nothing to take home before Train
    run = train_to_end(at)
    assert len(_labels(at)) == 3 and any(".pt" in label for label in _labels(at))
    t, td = run.trainer, lab_state(at, "emoji").task

    path = tmp_path / "m.pt"
    path.write_bytes(takehome.model_bytes(t, td, "emoji"))
    model, extra = checkpoint.load(path)
    assert extra["task"] == "emoji" and extra["labels"] == list(td.labels)
    with torch.no_grad():
        assert torch.equal(model(td.test.x, td.test.lengths), t.model.eval()(td.test.x, td.test.lengths))

    log = pd.read_csv(io.StringIO(takehome.log_csv(t)))
    assert list(log["epoch"]) == [1, 2, 3, 4, 5]
    assert list(log["loss"]) == [float(f"{v!r}") for v in t.history.loss]

    script = takehome.script_text(t, td, "Emoji")
    assert f"'seed': {t.cfg.seed}" in script and "'epochs': 5" in script


def _uploader(at, lab="emoji"):
    return next(u for u in at.file_uploader if u.key.startswith(f"{lab}.model.file"))


def test_upload_round_trip_same_weights_and_training_goes_on_from_the_saved_epoch():
    at = app("en", "labs/emoji.py", epochs=4, hidden=6, cell="lstm", seed=3)
    t = train_to_end(at).trainer
    ls = lab_state(at, "emoji")
    data = takehome.model_bytes(t, ls.task, "emoji", to_data(ls.values))

    other = app("en", "labs/emoji.py", cell="rnn", hidden=20, seed=9)  # another visitor, other settings
    _uploader(other).upload("m.pt", data).run()
    assert not other.exception and not other.error
    mine = lab_state(other, "emoji")
    assert (mine.values["cell"], mine.values["hidden"], mine.values["seed"]) == ("lstm", 6, 3)
    run = mine.run
    assert run.epoch == 4 and any("4 epochs" in i.value for i in other.info)
    td = mine.task
    with torch.no_grad():
        assert torch.equal(
            run.trainer.model.eval()(td.test.x, td.test.lengths), t.model(td.test.x, td.test.lengths)
        )
    assert other.query_params["cell"] == "lstm"  # the link follows the loaded settings

    other.number_input(key="emoji.epochs").set_value(7).run()  # train on: epochs 5-7
    run = train_to_end(other)
    assert run.epoch == 7 and run.trainer.history.epoch[:4] == [1, 2, 3, 4]
    solo = app("en", "labs/emoji.py", epochs=7, hidden=6, cell="lstm", seed=3)  # the same link, never stopped
    whole = train_to_end(solo).trainer
    assert run.trainer.history.loss == whole.history.loss
    for a, b in zip(run.trainer.model.state_dict().values(), whole.model.state_dict().values()):
        assert torch.equal(a, b)


def test_upload_refusals_are_clear_and_keyed(monkeypatch):
    # English pages: AppTest cannot rerun a Korean page whose selectboxes format their options (it
    # looks the value up by its English label); the Korean texts are checked in tests/test_resume.py
    from rnnlab import resume
    from rnnlab.errors import say

    at = app("en", "labs/forecast.py", epochs=2)  # the file is the same in any language
    t = train_to_end(at, "forecast").trainer
    ls = lab_state(at, "forecast")
    airline = takehome.model_bytes(t, ls.task, "airline", to_data(ls.values))

    page = app("en", "labs/emoji.py")
    cases = [
        ("notes.pt", b"not a model at all", "upload_not_model"),
        ("airline.pt", airline, "upload_task"),
    ]
    for name, data, key in cases:
        _uploader(page).upload(name, data).run()
        assert not page.exception
        errors = [e.value for e in page.error]
        assert len(errors) == 1 and say(_error_of(data, name), "en") in errors[0], (key, errors)
        assert lab_state(page, "emoji").run.epoch == 0 and lab_state(page, "emoji").values["cell"] == "gru"
    window = app("en", "labs/forecast.py", window=6)  # the same task with other data settings
    _uploader(window, "forecast").upload("airline.pt", airline).run()
    assert any("window" in e.value for e in window.error) and lab_state(window, "forecast").run.epoch == 0
    monkeypatch.setattr(resume, "MAX_UPLOAD_MB", 0.0001)
    _uploader(page).upload("big.pt", airline).run()
    assert any(("0.0001" in e.value) for e in page.error)


def _error_of(data, name):
    from rnnlab import resume
    from rnnlab.errors import RNNLabError

    try:
        saved = resume.read(data, name)
        resume.check_fits(saved, "emoji", [], [], {}, saved.config)
    except RNNLabError as err:
        return err
    raise AssertionError("expected a refusal")
