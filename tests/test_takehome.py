"""Take work home: after training, a lab offers the model, its log and a script; each file is right."""

import io

import pandas as pd
import torch
from apptest import app, lab_state, train_to_end

from rnnlab import checkpoint
from ui import takehome


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
