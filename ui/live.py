"""Live training, shared by every lab: Train / Pause / Step / Reset and a panel that redraws.

The run (trainers, history, flags) lives in the page's ``LabState`` (``ui.labstate``), a key no widget
uses, so moving an unrelated widget does not restart it. The buttons sit outside the fragment; the
fragment trains one time-boxed chunk per run in ``SUB_CHUNKS`` pieces, redrawing the counters and the
loss curve into a placeholder after each piece (Streamlit streams each redraw at once), then draws the
lab's inside views once. The browser asks for the next run ``TICK`` seconds after the last one arrived,
so the curve moves several times a second even when the visitor's browser is slow to render.

Safety: with Streamlit's fast reruns a visitor's click starts a new script run at once, while the previous
script thread may still be inside a training chunk (it only notices the stop at its next Streamlit
call). Two threads stepping the same weights break autograd ("modified by an inplace operation"), so
every use of the weights (building a run, a training chunk, Step, the live settings, the inside views)
holds the page's lock (``LabState.lock``, shared by its runs). A run stops only by Pause, Reset, its
limit, or a reason shown in the page (``failure``).
"""

import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np
import streamlit as st

from rnnlab import viz
from rnnlab.train import Trainer

from .frame import reason, tr
from .labstate import state

TICK = 0.1  # seconds the browser waits after a fragment run arrives before asking for the next
CHUNK_SECONDS = 0.3  # training time per fragment run, shared by the runs of a comparison
SUB_CHUNKS = 3  # loss-curve redraws per fragment run


@dataclass
class LabRun:
    signature: tuple  # the settings that define the model and data
    trainers: dict[str, Trainer]  # name -> trainer ("main", or one per cell when comparing)
    main: str  # the trainer the inspection views show
    running: bool = False
    wall_seconds: float = 0.0  # wall time spent in training ticks (for steps per second)
    notice: str | None = None  # shown once, e.g. "settings changed: reset"
    failure: str | None = None  # locale key of why training stopped on a bug; shown until Train or Reset
    lock: threading.RLock = field(default_factory=threading.RLock)  # the page's: held to use the weights
    extra: dict = field(default_factory=dict)

    @property
    def trainer(self) -> Trainer:
        return self.trainers[self.main]

    @property
    def done(self) -> bool:
        return all(t.done for t in self.trainers.values())

    @property
    def epoch(self) -> int:
        return self.trainer.epoch


def ensure_run(page: str, signature: tuple, make: Callable[[], tuple[dict[str, Trainer], str]]) -> LabRun:
    """The page's run; a new one when ``signature`` changed (a setting that changes the model)."""
    ls = state(page)
    with ls.lock:
        run: LabRun | None = ls.run
        if run is None or run.signature != signature:
            trainers, main = make()
            new = LabRun(signature, trainers, main, lock=ls.lock)
            if run is not None and run.epoch > 0:
                new.notice = tr("live.reset_notice")
            ls.run = run = new
    return run


def sync_live_settings(run: LabRun, lr: float, epochs: int) -> None:
    """Settings that do not change the model apply to the running optimizer and the epoch limit."""
    with run.lock:
        _sync(run, lr, epochs)


def _sync(run: LabRun, lr: float, epochs: int) -> None:
    for t in run.trainers.values():
        if t.cfg.lr != lr:
            t.set_lr(lr)
        if t.cfg.epochs != epochs:
            t.set_epochs(epochs)  # the engine's rule: a finished run resumes when the limit rises


def _start(run: LabRun) -> None:
    run.failure = None
    run.running = not run.done


def _pause(run: LabRun) -> None:
    run.running = False


def _step(run: LabRun) -> None:
    run.running, run.failure = False, None
    with run.lock:
        t0 = time.perf_counter()
        for t in run.trainers.values():
            t.run(epochs=1)
        run.wall_seconds += time.perf_counter() - t0


def _reset(page: str) -> None:
    ls = state(page)
    with ls.lock:
        if ls.run is not None:
            ls.run.running = False  # a thread still inside a chunk of the old run stops after it
        ls.run = None


def _ask(run: LabRun) -> None:
    run.extra["asking"] = True


def _confirmed(run: LabRun) -> None:
    run.extra["asking"], run.extra["confirmed"] = False, True
    _start(run)


def controls(page: str, run: LabRun, disabled: bool = False, confirm: str | None = None) -> None:
    """The four buttons. They are outside the fragment: a click reruns the page once. With ``confirm``
    (the expected duration of a long run), Train first asks."""
    ask = confirm is not None and not run.extra.get("confirmed")
    c = st.container(key=f"{page}_controls").columns(4)  # one row even on a phone (ui.lab.NARROW)
    c[0].button(
        tr("live.train"),
        key=f"{page}.train",
        on_click=_ask if ask else _start,
        args=(run,),
        type="primary",
        disabled=disabled or run.running or run.done,
        width="stretch",
    )
    c[1].button(
        tr("live.pause"),
        key=f"{page}.pause",
        on_click=_pause,
        args=(run,),
        disabled=not run.running,
        width="stretch",
    )
    c[2].button(
        tr("live.step"),
        key=f"{page}.step",
        on_click=_step,
        args=(run,),
        disabled=disabled or run.running or run.done,
        width="stretch",
        help=tr("live.step_help"),
    )
    c[3].button(tr("live.reset"), key=f"{page}.reset", on_click=_reset, args=(page,), width="stretch")
    if ask and run.extra.get("asking"):
        st.warning(tr("run.long", total=confirm), icon="⏱️")
        st.button(tr("run.long_yes"), key=f"{page}.confirm", on_click=_confirmed, args=(run,), type="primary")
    if run.notice:
        st.info(run.notice, icon="🔄")
        run.notice = None
    if run.failure:
        st.error(tr(run.failure), icon="🛠️")


def panel(page: str, run: LabRun, draw: Callable[[LabRun], None]) -> None:
    """Train a chunk (while running), then draw progress, curves and ``draw(run)`` (the lab's views)."""

    @st.fragment(run_every=TICK if run.running else None)
    def _panel():
        try:
            _tick(page, run, draw)
        except Exception:  # a bug: logged for us; the run stops with a sentence that stays in the page
            logging.getLogger("rnnlab").exception("live panel failed")
            run.running, run.failure = False, "run.bug_stop"
            st.error(tr(run.failure), icon="🛠️")

    _panel()


def _tick(page: str, run: LabRun, draw: Callable[[LabRun], None]) -> None:
    slot = st.empty()
    if run.running:
        for piece in range(SUB_CHUNKS):
            t0 = time.perf_counter()
            with run.lock:  # a visitor's click may have started another script run on these weights
                if not run.running:  # paused or reset while this thread waited
                    break
                active = [t for t in run.trainers.values() if not t.done]
                for t in active:
                    t.run(seconds=CHUNK_SECONDS / SUB_CHUNKS / len(active))
                run.wall_seconds += time.perf_counter() - t0
            if run.done:
                run.running = False
                st.rerun(scope="app")
            with slot.container():
                _progress(run, f"{page}.loss_{piece}")
    else:
        with slot.container():
            _progress(run, f"{page}.loss")
    with run.lock:  # the views read the weights (and gradients run backward through them)
        draw(run)


def _progress(run: LabRun, chart_key: str) -> None:
    t = run.trainer
    h = t.history
    steps = sum(sum(x.history.steps) for x in run.trainers.values())
    c = st.columns(4)
    c[0].metric(tr("live.epoch_of", n=t.cfg.epochs), f"{t.epoch}")
    c[1].metric(tr("live.loss"), f"{h.loss[-1]:.4f}" if h.loss else "–")
    if t.model.cfg.head == "regression":  # no accuracy: the held-out loss says whether it generalises
        c[2].metric(
            tr("live.val_loss"), f"{h.val_loss[-1]:.4f}" if h.val_loss else "–", help=tr("live.val_loss_help")
        )
    else:
        acc = h.accuracy[-1] if h.accuracy else float("nan")
        c[2].metric(tr("live.accuracy"), f"{acc:.0%}" if not np.isnan(acc) else "–")
    c[3].metric(tr("live.speed"), f"{steps / run.wall_seconds:,.0f}" if run.wall_seconds > 0 else "–")
    st.progress(min(1.0, t.epoch / t.cfg.epochs))
    if t.stop_reason == "nan":
        st.error(reason(t.message), icon="⚠️")
    elif run.done:
        st.success(tr(f"live.done_{t.stop_reason}", epoch=t.epoch, loss=h.loss[-1]), icon="✅")
    elif run.running:
        st.caption(tr("live.training"))
    elif t.epoch > 0:
        st.caption(tr("run.paused", epoch=t.epoch))
    series = {
        name if len(run.trainers) > 1 else tr("live.train_loss"): (x.history.epoch, x.history.loss)
        for name, x in run.trainers.items()
        if x.history.epoch
    }
    if series:
        st.plotly_chart(
            viz.curves(series, tr("live.loss_title"), tr("live.epoch"), tr("live.loss"), log_y=True),
            key=chart_key,
            config={"displayModeBar": False},
        )  # one key per redraw of a run
