"""A run's buttons, shared by every lab: Train / Pause / Step / Reset (a sweep's Run / Stop), and what each
click does to the run (``ui.live`` holds the run and the panel that redraws it).

The buttons sit outside the panel's ``st.fragment``: a click reruns the page once, and its callback runs
before that rerun. Train hands the run to the server's scheduler; Pause and Reset take it back under the
run's lock, so a slice in progress ends first and no other starts; Step trains one epoch under the lock.
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

import streamlit as st

from .frame import tr
from .labstate import LabState
from .scheduler import SCHEDULER

if TYPE_CHECKING:
    from .live import LabRun


def _start(run: LabRun) -> None:
    run.failure = None
    run.running = not run.done
    if run.running:
        SCHEDULER.submit(run)


def stop(run: LabRun) -> None:
    """Take the run from the scheduler; under its lock, so a slice in progress ends first."""
    with run.lock:
        run.running = False
    SCHEDULER.cancel(run)


def _pause(run: LabRun) -> None:
    stop(run)


def _step(run: LabRun) -> None:
    run.running, run.failure = False, None
    with run.lock:
        t0 = time.perf_counter()
        for t in run.trainers.values():
            t.run(epochs=1)
        run.wall_seconds += time.perf_counter() - t0


def _reset(ls: LabState) -> None:
    with ls.lock:
        if ls.run is not None:
            stop(ls.run)
        ls.run = None


def _ask(run: LabRun) -> None:
    run.extra["asking"] = True


def _confirmed(run: LabRun) -> None:
    run.extra["asking"], run.extra["confirmed"] = False, True
    _start(run)


ONE_ROW = """@media (max-width: 640px) {
  .st-key-KEY [data-testid="stHorizontalBlock"] { flex-wrap: nowrap !important; gap: 0.3rem; }
  .st-key-KEY [data-testid="stColumn"] { min-width: 0 !important; width: auto !important; flex: 1 1 0 !important; }
  .st-key-KEY button { padding-left: 0.2rem; padding-right: 0.2rem; }
}"""  # a run's buttons stay one row on a phone, in every lab and every part of a lab


def controls(
    page: str,
    ls: LabState,
    run: LabRun,
    disabled: bool = False,
    confirm: str | None = None,
    step: bool = True,
    labels: tuple[str, str] | None = None,
) -> None:
    """Train / Pause / Step / Reset, keyed ``<page>.train`` (``page`` is the lab's key, or ``<lab>.<part>``).
    They are outside the fragment: a click reruns the page once. With ``confirm`` (the expected duration
    of a long run), Train first asks. ``step=False`` leaves Step out (it trains one epoch); ``labels``
    renames Train and Pause (a sweep's Run and Stop)."""
    run.extra["buttons_running"] = run.running  # what the buttons show until the page runs again
    ask = confirm is not None and not run.extra.get("confirmed")
    train_label, pause_label = labels or (tr("live.train"), tr("live.pause"))
    box = f"{page.replace('.', '_')}_controls"
    st.html(f"<style>{ONE_ROW.replace('KEY', box)}</style>")
    c = st.container(key=box).columns(4 if step else 3)
    c[0].button(
        train_label,
        key=f"{page}.train",
        on_click=_ask if ask else _start,
        args=(run,),
        type="primary",
        disabled=disabled or run.running or run.done,
        width="stretch",
    )
    c[1].button(
        pause_label,
        key=f"{page}.pause",
        on_click=_pause,
        args=(run,),
        disabled=not run.running,
        width="stretch",
    )
    if step:
        c[2].button(
            tr("live.step"),
            key=f"{page}.step",
            on_click=_step,
            args=(run,),
            disabled=disabled or run.running or run.done,
            width="stretch",
            help=tr("live.step_help"),
        )
    c[-1].button(tr("live.reset"), key=f"{page}.reset", on_click=_reset, args=(ls,), width="stretch")
    if ask and run.extra.get("asking"):
        st.warning(tr("run.long", total=confirm), icon="⏱️")
        st.button(tr("run.long_yes"), key=f"{page}.confirm", on_click=_confirmed, args=(run,), type="primary")
    if run.notice:
        st.info(run.notice, icon="🔄")
        run.notice = None
    if run.failure:
        st.error(tr(run.failure), icon="🛠️")
