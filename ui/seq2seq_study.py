"""Accuracy by input length, with and without attention: the measured table, or the visitor's own run.

The study trains three models (minutes on a small CPU), so the page first shows the figures that
``bench/seq2seq.py`` measured (rnnlab/seq2seq/measured.py) and offers to run it again for the task and
sizes chosen above, as a part of the Lab runtime (``lab.part("study")``): the expected time before it
starts (and a confirmation when long), Stop that is the runtime's Pause (Run goes on where it stopped),
Reset, and the models on the sidebar's device.
"""

import streamlit as st

from rnnlab.seq2seq.config import Seq2SeqConfig, TrainBudget
from rnnlab.seq2seq.measured import LENGTHS
from rnnlab.seq2seq.study import LengthStudy
from rnnlab.viz_seq import length_chart

from . import live
from .frame import tr
from .lab import Lab, duration, measured_once
from .live_progress import Meter
from .seq2seq_view import P, device

PART = "study"
CHUNK = 0.8  # seconds of study training per fragment run: less redraw overhead, Stop within a second


def _names() -> dict[str, str]:
    return {k: tr(f"s2s.tr.att_{k}") for k in ("none", "dot", "additive")}


def _settings(task: str, model: str, lo: int, hi: int, steps: int, batch: int, lr: float, seed: int) -> str:
    values = {"model": model, "lo": lo, "hi": hi, "steps": steps, "batch": batch, "lr": lr, "seed": seed}
    return tr("s2s.tr.study_settings", task=tr(f"s2s.tr.task_{task}"), **values)


def _chart(lengths, results, trained, key) -> None:
    fig = length_chart(
        lengths,
        results,
        trained,
        tr("s2s.tr.study_title"),
        tr("s2s.tr.study_x"),
        tr("s2s.tr.study_y"),
        _names(),
    )
    st.plotly_chart(fig, key=key, config={"displayModeBar": False})


def _meter(s: LengthStudy) -> Meter:
    return Meter("step", s.steps, len(s.kinds) * s.budget.steps, seconds=sum(s.seconds.values()))


def _estimate(run: live.LabRun) -> tuple[float, str]:
    total = measured_once(run, "seconds", run.trainer.estimate_seconds)
    return total, tr("s2s.tr.study_estimate", n=len(run.trainer.kinds), total=duration(total))


def _progress(run: live.LabRun, chart_key: str) -> None:
    s: LengthStudy = run.trainer
    kind = s.current()
    if s.done:
        st.success(tr("s2s.tr.study_done", seconds=sum(s.seconds.values())), icon="✅")
        return
    st.progress(s.progress, tr("s2s.tr.study_progress", kind=_names()[kind], done=s.progress))
    if not run.running and s.steps > 0:
        at = s.trainers[kind].step if kind in s.trainers else 0
        st.info(tr("s2s.tr.study_stopped", kind=_names()[kind], step=at), icon="⏹️")


def show(lab: Lab) -> None:
    st.subheader(tr("s2s.tr.study"))
    st.markdown(tr("s2s.tr.study_lead"))
    m = LENGTHS
    lengths = m["lengths"]
    settings = _settings(
        m["task"], m["model"], lengths[0], lengths[-1], m["steps"], m["batch"], m["lr"], m["seed"]
    )
    st.caption(tr("s2s.tr.study_measured", settings=settings))
    _chart(m["lengths"], m["results"], (m["lengths"][0], m["lengths"][-1]), f"{P}.study.measured")
    v = lab.values
    c = st.columns(2)
    c[0].slider(tr("s2s.tr.study_longest"), 6, 16, **lab.arg("longest"))
    c[1].number_input(tr("s2s.tr.study_steps"), 20, 5000, step=100, **lab.arg("sbudget"), value=None)
    cfg = Seq2SeqConfig(v["task"], v["cell"], v["hidden"], 16, "none", 4, v["longest"])
    budget = TrainBudget(steps=v["sbudget"], lr=LENGTHS["lr"], seed=v["seed"])
    sig = (v["task"], v["cell"], v["hidden"], v["longest"], v["sbudget"], v["seed"], device(lab))
    part = lab.part(PART)
    part.run(
        sig,
        lambda: ({PART: LengthStudy(cfg, budget, device=device(lab))}, PART),
        meter=_meter,
        estimate=_estimate,
        step=False,
        labels=(tr("s2s.tr.study_run"), tr("s2s.tr.study_stop")),
        chunk_seconds=CHUNK,
    )

    def draw(run: live.LabRun) -> None:
        study: LengthStudy = run.trainer
        cfg, b = study.cfg, study.budget
        model = f"{cfg.cell.upper()}({cfg.hidden_size})"
        settings = _settings(cfg.task, model, cfg.min_len, cfg.max_len, b.steps, b.batch_size, b.lr, b.seed)
        st.caption(tr("s2s.tr.study_yours", settings=settings))
        if study.results:
            _chart(study.lengths, study.results, (cfg.min_len, cfg.max_len), f"{P}.study.yours")

    part.live(draw, _progress)
