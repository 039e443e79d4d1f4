"""The Sequence-to-sequence lab's shared page parts: its state, live training, progress.

State: everything of a visitor lives under one session key, ``seq2seq/_state`` (no widget uses it):
``{part: Run}``. A run holds a trainer (any ``rnnlab.seq2seq.train.ChunkTrainer``) and a lock held by
whoever touches the weights (a click can start a new script run while the fragment trains a chunk).
Train/Pause/Reset sit outside an ``st.fragment(run_every=TICK)`` that trains ``CHUNK`` seconds a run.
"""

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass, field

import streamlit as st

from rnnlab import viz
from rnnlab.errors import RNNLabError

from .frame import lang, reason, show_error, tr
from .i18n import t

P = "seq2seq"
STATE = f"{P}/_state"
TICK = 0.15  # seconds the browser waits before asking for the next chunk
CHUNK = 0.3  # training seconds per fragment run


@dataclass
class Run:
    signature: tuple  # the settings that built the trainer; another signature means a new run
    trainer: object  # a ChunkTrainer
    running: bool = False
    lock: threading.RLock = field(default_factory=threading.RLock)
    extra: dict = field(default_factory=dict)  # part-specific objects (a length study)


def state() -> dict:
    return st.session_state.setdefault(STATE, {})


def ensure(part: str, signature: tuple, make: Callable[[], object]) -> Run | None:
    """The part's run, rebuilt when its settings changed; None (and a message) on bad settings."""
    runs = state()
    run = runs.get(part)
    if run is None or run.signature != signature:
        try:
            trainer = make()
        except RNNLabError as err:
            show_error(reason(err))
            return None
        if run is not None and run.trainer.step > 0:
            st.info(tr("s2s.reset_notice"), icon="🔄")
        runs[part] = run = Run(signature, trainer)
    return run


def _start(run: Run) -> None:
    run.running = not run.trainer.done


def _pause(run: Run) -> None:
    run.running = False


def _reset(part: str) -> None:
    state().pop(part, None)


def controls(part: str, run: Run) -> None:
    c = st.columns(3)
    c[0].button(
        tr("live.train"),
        key=f"{P}.{part}.train",
        on_click=_start,
        args=(run,),
        type="primary",
        disabled=run.running or run.trainer.done,
        width="stretch",
    )
    c[1].button(
        tr("live.pause"),
        key=f"{P}.{part}.pause",
        on_click=_pause,
        args=(run,),
        disabled=not run.running,
        width="stretch",
    )
    c[2].button(tr("live.reset"), key=f"{P}.{part}.reset", on_click=_reset, args=(part,), width="stretch")


def live(part: str, run: Run, draw: Callable[[Run], None], score_title: str | None = None) -> None:
    """Train a chunk while running, then show progress and ``draw(run)`` (under the run's lock)."""

    @st.fragment(run_every=TICK if run.running else None)
    def _panel():
        try:
            if run.running:
                with run.lock:
                    run.trainer.run(seconds=CHUNK)
                if run.trainer.done:
                    run.running = False
                    st.rerun(scope="app")
            _progress(part, run, score_title)
            with run.lock:
                draw(run)
        except RNNLabError as err:  # bad input met while drawing
            show_error(reason(err))
        except Exception:  # a bug: logged; the visitor sees a sentence and the run stops
            logging.getLogger("rnnlab").exception("seq2seq panel failed")
            run.running = False
            st.error(tr("frame.crash"), icon="🛠️")

    _panel()


def _progress(part: str, run: Run, score_title: str | None) -> None:
    t = run.trainer
    c = st.columns(3)
    c[0].metric(tr("s2s.step_of", n=t.budget.steps), f"{t.step:,}")
    c[1].metric(tr("live.loss"), f"{t.losses[-1]:.4f}" if t.losses else "–")
    if score_title:
        c[2].metric(score_title, f"{t.scores[-1][1]:.0%}" if t.scores else "–")
    st.progress(min(1.0, t.step / t.budget.steps))
    if t.stop_reason == "nan":
        st.error(tr("s2s.nan"), icon="⚠️")
    elif t.done:
        st.success(tr("s2s.done", steps=t.step, seconds=t.seconds), icon="✅")
    elif run.running:
        st.caption(tr("live.training"))
    if t.losses:
        steps = list(range(1, len(t.losses) + 1))
        fig = viz.curves(
            {tr("live.train_loss"): (steps, t.losses)},
            tr("s2s.loss_title"),
            tr("s2s.steps"),
            tr("live.loss"),
            log_y=True,
        )
        fig.update_layout(font={"size": 14})
        st.plotly_chart(fig, key=f"{P}.{part}.loss", config={"displayModeBar": False})


def budget_controls(part: str, steps: int, lr: float) -> dict:
    """Steps, learning rate and seed: the training budget every part shares."""
    c = st.columns(3)
    return {
        "steps": c[0].number_input(
            tr("s2s.budget"), 10, 20_000, steps, 50, key=f"{P}.{part}.steps", help=tr("s2s.budget_help")
        ),
        "lr": c[1].select_slider(tr("set.lr"), [0.001, 0.002, 0.005, 0.01, 0.02], lr, key=f"{P}.{part}.lr"),
        "seed": c[2].number_input(tr("s2s.seed"), 0, 9999, 0, key=f"{P}.{part}.seed"),
    }


def label(prefix: str) -> Callable[[str], str]:
    """A widget's ``format_func``: option -> its string, in the language of this script run (bound
    now, so the function gives the same text wherever it is called later)."""
    language = lang()
    return lambda option: t(f"{prefix}{option}", language)


def read_input(task, text: str, max_len: int, run: Run) -> list[str] | None:
    """The typed input as tokens (or its keyed message in the page and None); notes an untrained model."""
    try:
        tokens = task.parse(text, max_len)
    except RNNLabError as err:
        show_error(reason(err))
        return None
    if run.trainer.step == 0:
        st.caption(tr("s2s.untrained"))
    return tokens
