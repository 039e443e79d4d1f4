"""Live training, shared by every lab: Train / Pause / Step / Reset and a panel that redraws.

The run (trainers, history, flags) lives in the page's ``LabState`` (``ui.labstate``), a key no widget
uses, so moving an unrelated widget does not restart it. Train hands the run to the server's scheduler
(``ui.scheduler``: a few worker threads train every visitor's run in short slices, round robin, at most
``MAX_TRAINING`` at once, the others waiting in order); Pause, Reset and a new run take it back. The
buttons sit outside an ``st.fragment`` that only draws: each of its runs waits for the run's next slice
(``SCHEDULER.wait``), then redraws the counters, the loss curve and the lab's inside views, or says how
many runs wait ahead (then only that and the counters). Training redraws and the worker's slices take
turns (``ui.turns.TURN``). The fragment's ``run_every`` and that wait grow with the number of runs training,
so a class redraws less often per visitor and training keeps the cores.

A run trains whatever its page gives it: ``rnnlab.train.Trainer`` (epochs), the Sequence-to-sequence
lab's step trainers, the Memory lab's sweep, the length study: anything with ``run(seconds=...)`` and
``done``. A *meter* (``ui.live_progress``) reads it for the counters and the loss curve. A page with
several parts keeps one run per part (``LabState.part``), each with its own lock and buttons, and each
of them is a job of the scheduler.

Safety: with Streamlit's fast reruns a visitor's click starts a new script run at once, while a worker
may be inside a slice of that run. Two threads stepping the same weights break autograd ("modified by an
inplace operation"), so every use of the weights (a slice, building a run, Step, the live settings, the
inside views) holds the run's lock (``LabState.lock`` of the page, or of the page's part), and Pause and
Reset clear ``running`` under it: the slice in progress ends first and no other starts. A run stops only
by Pause, Reset, its limit, or a reason shown in the page (``failure``).
"""

import logging
import threading
import time
from collections.abc import Callable
from contextlib import nullcontext
from dataclasses import dataclass, field
from typing import Any

import streamlit as st

from rnnlab.train import Trainer

from . import live_controls, live_progress
from .frame import tr
from .labstate import LabState
from .scheduler import SCHEDULER
from .turns import PAGES, TURN

CHUNK_SECONDS = 0.3  # a run's default ``chunk_seconds``; its slices are SLICE_SECONDS in proportion


@dataclass
class LabRun:
    signature: tuple  # the settings that define the model and data
    trainers: dict[
        str, Any
    ]  # name -> what trains (``run(seconds=)``, ``done``): one, or one per model compared
    main: str  # the trainer the inspection views show
    running: bool = False
    wall_seconds: float = 0.0  # wall time spent in training ticks (for steps per second)
    notice: str | None = None  # shown once, e.g. "settings changed: reset"
    failure: str | None = None  # locale key of why training stopped on a bug; shown until Train or Reset
    lock: threading.RLock = field(
        default_factory=threading.RLock
    )  # the page's (or part's): held to use the weights
    extra: dict = field(default_factory=dict)
    meter: Callable[[Any], live_progress.Meter] = live_progress.epochs  # reads a trainer for the panel
    chunk_seconds: float = CHUNK_SECONDS  # a heavier run (a sweep) asks for longer slices, in proportion

    @property
    def trainer(self) -> Any:
        return self.trainers[self.main]

    @property
    def done(self) -> bool:
        return all(t.done for t in self.trainers.values())

    @property
    def at(self) -> int:
        """Epochs (or steps, or points) the shown trainer has done."""
        return self.meter(self.trainer).at

    epoch = at  # the name the epoch labs read

    def train_slice(self, seconds: float) -> None:
        """Train every trainer that is not done for a share of about ``seconds`` (times the run's
        ``chunk_seconds`` against the default); the scheduler's worker holds ``lock``."""
        t0 = time.perf_counter()
        active = [t for t in self.trainers.values() if not t.done]
        for t in active:
            t.run(seconds=seconds * self.chunk_seconds / CHUNK_SECONDS / len(active))
        self.wall_seconds += time.perf_counter() - t0

    def stop_on_bug(self) -> None:
        """A slice raised (a bug, logged by the scheduler): the run stops with a sentence in the page."""
        self.running, self.failure = False, "run.bug_stop"


def ensure_run(
    ls: LabState,
    signature: tuple,
    make: Callable[[], tuple[dict[str, Any], str]],
    meter: Callable[[Any], live_progress.Meter] | None = None,
    chunk_seconds: float | None = None,
) -> LabRun:
    """The run of ``ls`` (a page's or a part's state); a new one when ``signature`` changed (a setting
    that changes the model). ``make`` returns the trainers and the name of the one the views show."""
    with ls.lock:
        run: LabRun | None = ls.run
        if run is None or run.signature != signature:
            trainers, main = make()
            new = LabRun(signature, trainers, main, lock=ls.lock)
            new.meter = meter or new.meter
            new.chunk_seconds = chunk_seconds or new.chunk_seconds
            if run is not None:
                live_controls.stop(run)  # the scheduler lets the old run go
                if run.at > 0:
                    new.notice = tr("live.reset_notice")
            ls.run = run = new
    return run


def sync_live_settings(run: LabRun, lr: float, limit: int) -> None:
    """Settings that do not change the model apply to the running optimizer and the limit (epochs, or
    steps for a step trainer)."""
    with run.lock:
        _sync(run, lr, limit)


def _sync(run: LabRun, lr: float, limit: int) -> None:
    for t in run.trainers.values():
        if isinstance(t, Trainer):
            if t.cfg.lr != lr:
                t.set_lr(lr)
            if t.cfg.epochs != limit:
                t.set_epochs(limit)  # the engine's rule: a finished run resumes when the limit rises
        else:
            t.set_lr(lr)  # a step trainer: both no-ops when unchanged
            t.set_steps(limit)


def panel(
    page: str,
    run: LabRun,
    draw: Callable[[LabRun], None],
    progress: Callable[[LabRun, str], None] | None = None,
) -> None:
    """Draw progress and ``draw(run)`` (the lab's views); while the run trains, again after each new
    slice the scheduler trains (at most every ``redraw_gap`` seconds, which grows with the load), or
    where the run waits in the queue. ``progress(run, chart_key)`` replaces the counters and loss curve
    (a sweep draws its own)."""

    @st.fragment(run_every=SCHEDULER.redraw_gap() if run.running else None)
    def _panel():
        try:
            _tick(page, run, draw, progress or _progress)
        except Exception:  # a bug: logged for us; the run stops with a sentence that stays in the page
            logging.getLogger("rnnlab").exception("live panel failed")
            live_controls.stop(run)
            run.failure = "run.bug_stop"
            st.error(tr(run.failure), icon="🛠️")

    _panel()


def _tick(page: str, run: LabRun, draw: Callable[[LabRun], None], progress) -> None:
    if run.extra.get("buttons_running") and not run.running:  # it ended after the buttons were drawn (a
        st.rerun(scope="app")  # short run can end before the panel's first look): Pause still offered
    if run.running:
        SCHEDULER.submit(run)  # says the page still watches (and brings back a run parked meanwhile)
        with PAGES.lent():  # a full page run lets another page in while it only waits
            ahead = SCHEDULER.wait(run, interrupted=_clicked)
        if not run.running:  # done, stopped or failed: the buttons and the status line change
            st.rerun(scope="app")
        if ahead is not None:  # waiting: the place in the queue and the counters; the views come back
            with TURN.turn("page"):  # when it trains (a class waiting would redraw them for nothing)
                text = tr("server.waiting", n=ahead, cap=SCHEDULER.cap)
                st.info(tr("server.waiting_next", cap=SCHEDULER.cap) if ahead == 0 else text, icon="⏳")
                progress(run, f"{page}.loss_live")
            return
    # drawing is Python through and through: while the run trains, a slice waits rather than crawl beside it
    with TURN.turn("page") if run.running else nullcontext():
        progress(run, f"{page}.loss_live" if run.running else f"{page}.loss")
        with run.lock:  # the views read the weights (and gradients run backward through them)
            draw(run)


def _clicked() -> bool:
    """Whether a click of this visitor waits to rerun the page (Streamlit's pending request, read as
    its own yield check reads it; streamlit is pinned, and anything unexpected reads as no click)."""
    try:
        from streamlit.runtime.scriptrunner import get_script_run_ctx
        from streamlit.runtime.scriptrunner_utils.script_requests import (
            ScriptRequestType,
            _fragment_run_should_not_preempt_script,
        )

        requests = get_script_run_ctx().script_requests
        data = requests._rerun_data
        return requests._state != ScriptRequestType.CONTINUE and not _fragment_run_should_not_preempt_script(
            data.fragment_id_queue, data.is_fragment_scoped_rerun
        )
    except Exception:
        return False


def _progress(run: LabRun, chart_key: str) -> None:
    live_progress.panel(run, run.meter, chart_key)
