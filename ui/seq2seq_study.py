"""Accuracy by input length, with and without attention: the measured table, or the visitor's own run.

The study trains three models (minutes on a small CPU), so the page first shows the figures that
``bench/seq2seq.py`` measured (rnnlab/seq2seq/measured.py) and offers to run it again, in chunks in a
fragment with a progress bar, for the task and sizes chosen above.
"""

import logging
import threading

import streamlit as st

from rnnlab.seq2seq.config import Seq2SeqConfig, TrainBudget
from rnnlab.seq2seq.measured import LENGTHS
from rnnlab.seq2seq.study import LengthStudy
from rnnlab.viz_seq import length_chart

from .frame import tr
from .seq2seq_view import CHUNK, TICK, P, state


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


def _start(cfg: Seq2SeqConfig, longest: int, steps: int) -> None:
    study_cfg = Seq2SeqConfig(cfg.task, cfg.cell, cfg.hidden_size, cfg.embedding_dim, "none", 4, longest)
    state()["study"] = {
        "study": LengthStudy(study_cfg, TrainBudget(steps=steps, lr=LENGTHS["lr"])),
        "running": True,
        "lock": threading.Lock(),  # a click's rerun may start while a chunk still trains
    }


def _stop() -> None:
    state().pop("study", None)


def show(cfg: Seq2SeqConfig) -> None:
    st.subheader(tr("s2s.tr.study"))
    st.markdown(tr("s2s.tr.study_lead"))
    m = LENGTHS
    lengths = m["lengths"]
    settings = _settings(
        m["task"], m["model"], lengths[0], lengths[-1], m["steps"], m["batch"], m["lr"], m["seed"]
    )
    st.caption(tr("s2s.tr.study_measured", settings=settings))
    _chart(m["lengths"], m["results"], (m["lengths"][0], m["lengths"][-1]), f"{P}.study.measured")
    c = st.columns(3)
    longest = c[0].slider(tr("s2s.tr.study_longest"), 6, 16, 16, key=f"{P}.study.longest")
    steps = c[1].number_input(
        tr("s2s.tr.study_steps"), 20, 5000, LENGTHS["steps"], 100, key=f"{P}.study.steps"
    )
    per_step = sum(LENGTHS["seconds"].values()) / LENGTHS["steps"]  # three models, lengths 4-16
    minutes = max(1, round(per_step * steps * (4 + longest) / 20 / 60))  # cost grows with the length
    c[2].button(
        tr("s2s.tr.study_run", minutes=minutes),
        key=f"{P}.study.run",
        on_click=_start,
        args=(cfg, longest, steps),
    )
    entry = state().get("study")
    if entry:
        _panel(entry)


def _panel(entry: dict) -> None:
    @st.fragment(run_every=TICK if entry["running"] else None)
    def _run():
        study: LengthStudy = entry["study"]
        try:
            if entry["running"]:
                with entry["lock"]:
                    study.run(seconds=CHUNK)
                if study.done:
                    entry["running"] = False
                    st.rerun(scope="app")
        except Exception:
            logging.getLogger("rnnlab").exception("length study failed")
            entry["running"] = False
            st.error(tr("frame.crash"), icon="🛠️")
            return
        cfg, b = study.cfg, study.budget
        model = f"{cfg.cell.upper()}({cfg.hidden_size})"
        settings = _settings(cfg.task, model, cfg.min_len, cfg.max_len, b.steps, b.batch_size, b.lr, b.seed)
        st.caption(tr("s2s.tr.study_yours", settings=settings))
        if not study.done:
            current = next(k for k in study.kinds if k not in study.results)
            st.progress(
                study.progress, tr("s2s.tr.study_progress", kind=_names()[current], done=study.progress)
            )
            st.button(tr("s2s.tr.study_stop"), key=f"{P}.study.stop", on_click=_stop)
        if study.results:
            _chart(study.lengths, study.results, (cfg.min_len, cfg.max_len), f"{P}.study.yours")

    _run()
