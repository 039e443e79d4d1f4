"""What a live run shows while it trains: counters, a status line, the loss curve.

One panel for every kind of trainer. A *meter* reads a trainer into a :class:`Meter` (the unit it counts,
how far it is, its loss curve, its third counter); ``epochs`` reads ``rnnlab.train.Trainer`` (the
classifier and forecast labs, the Memory lab's runs), ``steps`` reads ``rnnlab.seq2seq.train.ChunkTrainer``
(the Sequence-to-sequence lab). A page whose run is not a trainer (the Memory sweep, the length study)
gives its own meter and draws its own chart.
"""

import math
from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np
import streamlit as st

from rnnlab import viz
from rnnlab.train import Trainer

from .frame import reason, tr

AXIS = {"epoch": "live.epoch", "step": "live.step_axis"}  # the loss curve's horizontal axis, by unit


@dataclass
class Meter:
    """One trainer as the progress panel reads it."""

    unit: str  # "epoch", "step" or "point": names the counter, the pause and the done line (live.*, run.*)
    at: int  # units done so far
    limit: int  # the run's limit, in the same unit
    x: list = field(default_factory=list)  # the loss curve's units
    loss: list = field(default_factory=list)  # the loss at each x (empty: no curve)
    score: tuple[str, str, str | None] | None = None  # (label, value, help) of the third counter
    steps: int = 0  # optimizer steps so far (the speed counter)
    stop: str | None = None  # why it is done: "epochs", "steps", "target", "nan", or None
    message: object = None  # the keyed note that says what to change after a NaN stop
    seconds: float = 0.0  # training seconds so far


def epochs(t: Trainer) -> Meter:
    """An epoch trainer: accuracy, or the held-out loss for a regression."""
    h = t.history
    if t.model.cfg.head == "regression":  # no accuracy: the held-out loss says whether it generalises
        score = (
            tr("live.val_loss"),
            f"{h.val_loss[-1]:.4f}" if h.val_loss else "–",
            tr("live.val_loss_help"),
        )
    else:
        acc = h.accuracy[-1] if h.accuracy else float("nan")
        score = (tr("live.accuracy"), f"{acc:.0%}" if not np.isnan(acc) else "–", None)
    return Meter(
        "epoch",
        t.epoch,
        t.cfg.epochs,
        h.epoch,
        h.loss,
        score,
        sum(h.steps),
        t.stop_reason,
        t.message,
        t.train_seconds,
    )


def steps(score_label: str | None = None) -> Callable[[object], Meter]:
    """A step trainer (``ChunkTrainer``); ``score_label`` names its held-out score (exact match, tags right)."""

    def read(t) -> Meter:
        score = None
        if score_label:
            last = t.scores[-1][1] if t.scores else float("nan")
            score = (score_label, f"{last:.0%}" if not math.isnan(last) else "–", None)
        x = list(range(1, len(t.losses) + 1))
        return Meter(
            "step", t.step, t.budget.steps, x, t.losses, score, t.step, t.stop_reason, t.message, t.seconds
        )

    return read


def _below(m: Meter) -> bool:
    """The limit was lowered below the epochs (steps) already done: the run stopped where it was."""
    return m.unit in AXIS and m.at > m.limit


def status(m: Meter, done: bool, running: bool) -> None:
    """Where the run stands, in words: diverged (and what to change), done, training, or paused where."""
    if m.stop == "nan":
        st.error(reason(m.message) if m.message is not None else tr("run.nan"), icon="⚠️")
    elif done and _below(m):  # the limit was lowered under what is done: say so, not "66 of 1"
        st.info(tr(f"live.below_{m.unit}", at=m.at, limit=m.limit), icon="⏹️")
    elif done:
        loss = m.loss[-1] if m.loss else float("nan")
        key = {"target": "live.done_target", "steps": "run.done_steps"}.get(m.stop, "live.done_epochs")
        st.success(tr(key, epoch=m.at, loss=loss, steps=m.at, seconds=m.seconds), icon="✅")
    elif running:
        st.caption(tr("live.training"))
    elif m.at > 0:
        st.caption(tr("run.paused" if m.unit == "epoch" else f"run.paused_{m.unit}", epoch=m.at, n=m.at))


def panel(run, meter: Callable[[object], Meter], chart_key: str) -> None:
    """The counters, a progress bar, the status line and the loss curve of every trainer in ``run``; the
    loss and score counters are the shown trainer's (``run.main``), named when there are several."""
    m = meter(run.trainer)
    # several models train (a pair, three cells, an ensemble): the counters are the shown one's, say which
    shown = f" ({run.main})" if len(run.trainers) > 1 else ""
    of = tr(AXIS[m.unit]) if _below(m) else tr(f"live.{m.unit}_of", n=m.limit)
    counters = [(of, f"{m.at:,}", None)]
    counters.append((tr("live.loss") + shown, f"{m.loss[-1]:.4f}" if m.loss else "–", None))
    if m.score is not None:
        counters.append((m.score[0] + shown, *m.score[1:]))
    total_steps = sum(meter(t).steps for t in run.trainers.values())
    counters.append(
        (tr("live.speed"), f"{total_steps / run.wall_seconds:,.0f}" if run.wall_seconds > 0 else "–", None)
    )
    for col, (label, value, help_) in zip(st.columns(len(counters)), counters):
        col.metric(label, value, help=help_)
    st.progress(min(1.0, m.at / max(1, m.limit)))
    status(m, run.done, run.running)
    series = {}
    for name, t in run.trainers.items():
        tm = meter(t)
        if tm.loss or len(run.trainers) > 1:  # every run of several, so each keeps its colour (by order)
            series[name if len(run.trainers) > 1 else tr("live.train_loss")] = (tm.x, tm.loss)
    if any(len(loss) for _, loss in series.values()):
        st.plotly_chart(
            viz.curves(series, tr("live.loss_title"), tr(AXIS[m.unit]), tr("live.loss"), log_y=True),
            key=chart_key,
            config={"displayModeBar": False},
        )  # one key per redraw of a run
