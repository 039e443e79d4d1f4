"""Take work home and bring it back: the trained model, its training log and a standalone PyTorch
script as downloads; a downloaded model uploaded again to inspect it or train it on.

Shown under a lab's views whenever the run is not running. Each file is made only when its button is
pressed (``st.download_button`` with a callable), under the run's lock, so a page that is redrawing costs
nothing and a download never reads weights half-way through a step.

An upload (``rnnlab.resume``: at most ``MAX_UPLOAD_MB``, read with ``weights_only=True``, refused by key
when it does not fit the page) sets the page's model and training settings to the saved ones and leaves
the file in the lab's memo; ``Lab.run`` then builds the run from those settings and puts the saved
weights, optimizer state and history into it (``take_loaded`` / ``install``), so it goes on from the
saved epoch.
"""

import pandas as pd
import streamlit as st

from rnnlab import resume
from rnnlab.config import ModelConfig
from rnnlab.errors import RNNLabError, say
from rnnlab.export import standalone_script
from rnnlab.knobs import KNOBS
from rnnlab.taskdata import TaskData
from rnnlab.train import Trainer
from ui.state import to_configs, to_data

from . import ensemble_view, upload_box
from .frame import reason, tr
from .labstate import LabState, state


def log_csv(t: Trainer) -> str:
    """One row per epoch: loss, training accuracy, seconds, steps, and held-out scores where measured."""
    h = t.history
    log = pd.DataFrame({"epoch": h.epoch, "loss": h.loss, "accuracy": h.accuracy, "seconds": h.seconds})
    log["steps"] = h.steps
    held = pd.DataFrame(
        {"epoch": h.val_epoch, "heldout_loss": h.val_loss, "heldout_accuracy": h.val_accuracy}
    )
    return log.merge(held, on="epoch", how="left").to_csv(index=False)


def _tokens(td: TaskData) -> list:
    vocab = td.text.vocab if td.text else td.emoji.codec.vocab if td.emoji else None
    return list(getattr(vocab, "tokens", []))


def model_bytes(t: Trainer, td: TaskData, task: str, data: dict | None = None) -> bytes:
    """The model file: the checkpoint ``python -m rnnlab --load`` and ``rnnlab.checkpoint.load`` read
    (weights_only), plus the trainer's state, which an upload here resumes (``rnnlab.resume``)."""
    extra = {"task": task, "labels": list(td.labels or []), "tokens": _tokens(td), "data": data or {}}
    return resume.to_bytes(t, extra)


def script_text(t: Trainer, td: TaskData, title: str) -> str:
    """The standalone script; data too big to embed gives a script that only says so (in English and
    Korean: the file outlives the page's language)."""
    try:
        return standalone_script(t.model.cfg, t.cfg, td.train, td.test if td.held_out else None, title=title)
    except RNNLabError as err:
        return f"# {err}\n# {say(err, 'ko')}\n"


def downloads(lab_key: str, run, td: TaskData, task: str, title: str, values: dict | None = None) -> None:
    """The three download buttons once the run has trained, and the box that takes a model back."""
    t = run.trainer
    if run.running:
        return
    if t.epoch == 0:
        with st.expander(tr("takehome.upload_title")):
            upload(lab_key, td, task)
        return
    name = f"rnnlab-{lab_key}-{t.model.cfg.cell}-seed{t.cfg.seed}"
    data = to_data(values or {})

    def guarded(make):
        def data():
            with run.lock:
                return make()

        return data

    with st.expander(tr("takehome.title", n=t.epoch)):
        st.caption(tr("takehome.help"))
        k = ensemble_view.size(run)  # the shown model's ensemble, counted in the run
        if k > 1:  # a file holds one model: say which, and how to get all of them
            st.caption(tr("ens.takehome", name=run.main, seed=t.cfg.seed, k=k))
        files = (
            ("model", lambda: model_bytes(t, td, task, data), f"{name}.pt", "application/octet-stream"),
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
        upload(lab_key, td, task)


def upload(lab_key: str, td: TaskData, task: str) -> None:
    """The box that takes a model file back; a file that does not fit is refused with why."""
    box = f"{lab_key}.model"
    up = upload_box.uploader(
        box, tr("takehome.upload", mb=resume.MAX_UPLOAD_MB), ["pt"], help=tr("takehome.upload_help")
    )
    if up is None:
        return
    try:
        accept(lab_key, td, task, up.getvalue(), up.name)
    except RNNLabError as err:
        upload_box.reject(box, reason(err))
    upload_box.forget(box)  # the file is taken: an empty box, and the whole page follows the settings


def accept(lab_key: str, td: TaskData, task: str, data: bytes, name: str) -> None:
    """Read and check ``data``; the page's settings become the saved ones, the file waits in the memo
    for ``Lab.run``. Raises a keyed RNNLabError when the file does not fit."""
    saved = resume.read(data, name)
    ls = state(lab_key)
    new = dict(ls.values)
    for knob in KNOBS.values():
        source = saved.config if knob.target == "model" else saved.train_config
        if knob.name in new and knob.target in ("model", "train") and source is not None:
            if hasattr(source, knob.field):
                new[knob.name] = knob.check(getattr(source, knob.field), task)
    if "cmp" in new:
        new["cmp"] = False
    if "ensemble" in new:  # a file holds one model (a member of an ensemble keeps K in its settings)
        new["ensemble"] = 1
    model, _ = to_configs(new)
    built = ModelConfig(**{**model, **td.model})
    resume.check_fits(saved, task, list(td.labels or []), _tokens(td), to_data(ls.values), built)
    ls.values.update(new)  # the values of record: the next run copies them into the widgets and the link
    ls.memo["loaded"] = saved


def take_loaded(ls: LabState) -> "resume.Saved | None":
    """An uploaded model waiting to become the run: the old run is dropped so a new one is built."""
    saved = ls.memo.pop("loaded", None)
    if saved is not None:
        with ls.lock:
            ls.run = None
    return saved


def install(run, saved: "resume.Saved") -> None:
    """Put the uploaded weights and training state into the new run; it says so once."""
    with run.lock:
        resume.restore(run.trainer, saved)
    run.notice = tr("takehome.loaded", n=saved.epoch)
