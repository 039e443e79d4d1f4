"""Tagging part: many-to-many aligned. A tag under every input token, and the hidden state it is read from."""

import pandas as pd
import streamlit as st

from rnnlab import viz
from rnnlab.seq2seq.config import TaggerConfig, TrainBudget
from rnnlab.seq2seq.tagging import TAG_TASKS, TaggerTrainer
from rnnlab.viz_seq import tag_probs

from . import live
from .frame import tr
from .lab import Lab
from .seq2seq_view import P, budget_controls, device, label, options, read_input, train_part

PART = "tagging"


def _example(name: str) -> str:
    task = TAG_TASKS[name]
    return " ".join(w for w, _ in task.sentences[2]) if task.sentences else "3145926"


def show(lab: Lab) -> None:
    lab.columns(f"_{PART}")
    v, k = lab.values, lab.arg
    with lab.settings():
        st.selectbox(tr("s2s.tag.task"), list(TAG_TASKS), format_func=label("s2s.tag.task_"), **k("tag"))
        c = st.columns(2)
        c[0].radio(tr("s2s.cell"), ["gru", "lstm"], format_func=str.upper, horizontal=True, **k("tcell"))
        c[1].select_slider(tr("s2s.hidden"), options([4, 8, 16, 32], v["thid"]), **k("thid"))
        budget_controls(lab, "tbudget", "tlr")
    with lab.main():
        cfg = TaggerConfig(task=v["tag"], cell=v["tcell"], hidden_size=v["thid"])
        budget = TrainBudget(v["tbudget"], batch_size=32, lr=v["tlr"], seed=v["seed"])
        run = train_part(
            lab,
            PART,
            (v["tag"], v["tcell"], v["thid"], v["seed"]),
            lambda: TaggerTrainer(cfg, budget, device(lab)),
            "tbudget",
            "tlr",
            tr("s2s.tag.right"),
        )
        if run is None:
            return
        name = run.trainer.cfg.task
        task = TAG_TASKS[name]
        text = st.text_input(tr("s2s.tag.input"), _example(name), key=f"{P}.tag.input.{name}")
        shown = " ".join(task.vocab[:14]) + (" ..." if len(task.vocab) > 14 else "")
        st.caption(tr("s2s.tag.caps", max=cfg.max_len, tokens=shown))
        lab.part(PART).live(lambda r: draw(r, text))


def draw(run: live.LabRun, text: str) -> None:
    trainer: TaggerTrainer = run.trainer
    task = trainer.task
    tokens = read_input(task, text, trainer.cfg.max_len, run)
    if tokens is None:
        return
    out = trainer.tag(tokens)
    truth = task.truth(tokens)
    rows = {tr("s2s.tag.table_input"): tokens, tr("s2s.tag.table_pred"): out["tags"]}
    if truth:
        rows[tr("s2s.tag.table_truth")] = [
            ("✅ " if p == t else "❌ ") + t for p, t in zip(out["tags"], truth)
        ]
    table = pd.DataFrame(rows).T
    table.columns = [str(i + 1) for i in range(len(tokens))]
    st.dataframe(table, width="stretch")
    if not truth:
        st.caption(tr("s2s.tag.unknown_truth"))
    st.plotly_chart(
        tag_probs(out["probs"], tokens, list(task.tags), tr("s2s.tag.probs_title"), tr("s2s.tag.probs_x")),
        key=f"{P}.tag.probs",
    )
    fig = viz.step_heatmap(
        out["states"],
        tokens,
        tr("s2s.tag.hidden_title"),
        tr("s2s.tag.hidden_units"),
        tr("s2s.tag.hidden_steps"),
    )
    st.plotly_chart(fig, key=f"{P}.fig.tag_hidden")
