"""Take work home: the trained model, its training log and a standalone PyTorch script, as downloads.

Shown under a lab's views once a run has trained and is not running. Each file is made only when its
button is pressed (``st.download_button`` with a callable), under the run's lock, so a page that is
redrawing costs nothing and a download never reads weights half-way through a step.
"""

import tempfile
from pathlib import Path

import pandas as pd
import streamlit as st

from rnnlab import checkpoint
from rnnlab.errors import RNNLabError, say
from rnnlab.export import standalone_script
from rnnlab.taskdata import TaskData
from rnnlab.train import Trainer

from .frame import tr


def log_csv(t: Trainer) -> str:
    """One row per epoch: loss, training accuracy, seconds, steps, and held-out scores where measured."""
    h = t.history
    log = pd.DataFrame({"epoch": h.epoch, "loss": h.loss, "accuracy": h.accuracy, "seconds": h.seconds})
    log["steps"] = h.steps
    held = pd.DataFrame(
        {"epoch": h.val_epoch, "heldout_loss": h.val_loss, "heldout_accuracy": h.val_accuracy}
    )
    return log.merge(held, on="epoch", how="left").to_csv(index=False)


def model_bytes(t: Trainer, td: TaskData, task: str) -> bytes:
    """The checkpoint ``python -m rnnlab`` and ``rnnlab.checkpoint.load`` read (weights_only)."""
    vocab = td.text.vocab if td.text else td.emoji.codec.vocab if td.emoji else None
    extra = {"task": task, "labels": list(td.labels or []), "tokens": list(getattr(vocab, "tokens", []))}
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "model.pt"
        checkpoint.save(t.model, path, extra=extra)
        return path.read_bytes()


def script_text(t: Trainer, td: TaskData, title: str) -> str:
    """The standalone script; data too big to embed gives a script that only says so (in English and
    Korean: the file outlives the page's language)."""
    try:
        return standalone_script(t.model.cfg, t.cfg, td.train, td.test if td.held_out else None, title=title)
    except RNNLabError as err:
        return f"# {err}\n# {say(err, 'ko')}\n"


def downloads(lab_key: str, run, td: TaskData, task: str, title: str) -> None:
    """The three download buttons (or a keyed message when a file cannot be made)."""
    t = run.trainer
    if run.running or t.epoch == 0:
        return
    name = f"rnnlab-{lab_key}-{t.model.cfg.cell}-seed{t.cfg.seed}"

    def guarded(make):
        def data():
            with run.lock:
                return make()

        return data

    with st.expander(tr("takehome.title", n=t.epoch)):
        st.caption(tr("takehome.help"))
        files = (
            ("model", lambda: model_bytes(t, td, task), f"{name}.pt", "application/octet-stream"),
            ("log", lambda: log_csv(t), f"{name}-log.csv", "text/csv"),
            ("script", lambda: script_text(t, td, title), f"{name}.py", "text/x-python"),
        )
        for col, (what, make, file_name, mime) in zip(st.columns(3), files):
            col.download_button(
                tr(f"takehome.{what}"),
                guarded(make),
                file_name=file_name,
                mime=mime,
                on_click="ignore",
                key=f"{lab_key}.dl_{what}",
            )
