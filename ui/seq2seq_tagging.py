"""Tagging part: many-to-many aligned. A tag under every input token, and the hidden state it is read from."""

import pandas as pd
import streamlit as st

from rnnlab import viz
from rnnlab.seq2seq.config import TaggerConfig, TrainBudget
from rnnlab.seq2seq.tagging import TAG_TASKS, TaggerTrainer
from rnnlab.viz_seq import tag_probs

from .frame import lang, tr
from .seq2seq_view import P, Run, budget_controls, controls, ensure, label, live, read_input

PART = "tagging"


def _example(name: str) -> str:
    task = TAG_TASKS[name]
    return " ".join(w for w, _ in task.sentences[2]) if task.sentences else "3145926"


def show() -> None:
    left, right = st.columns([2, 3], gap="large")
    with left:
        tasks = list(TAG_TASKS)
        default = tasks.index("pos-ko") if lang() == "ko" else 0
        name = st.selectbox(
            tr("s2s.tag.task"),
            tasks,
            default,
            format_func=label("s2s.tag.task_"),
            key=f"{P}.tag.task",
        )
        c = st.columns(2)
        cell = c[0].radio(
            tr("s2s.cell"), ["gru", "lstm"], format_func=str.upper, horizontal=True, key=f"{P}.tag.cell"
        )
        hidden = c[1].select_slider(tr("s2s.hidden"), [4, 8, 16, 32], 16, key=f"{P}.tag.hidden")
        budget = budget_controls(PART, 300, 0.01)
    cfg = TaggerConfig(task=name, cell=cell, hidden_size=hidden)
    run = ensure(
        PART,
        (tuple(vars(cfg).values()), tuple(budget.values())),
        lambda: TaggerTrainer(cfg, TrainBudget(**budget, batch_size=32)),
    )
    if run is None:
        return
    task = TAG_TASKS[name]
    with right:
        controls(PART, run)
        text = st.text_input(tr("s2s.tag.input"), _example(name), key=f"{P}.tag.input.{name}")
        shown = " ".join(task.vocab[:14]) + (" ..." if len(task.vocab) > 14 else "")
        st.caption(tr("s2s.tag.caps", max=cfg.max_len, tokens=shown))
        live(PART, run, lambda r: draw(r, cfg, text), tr("s2s.tr.exact").split(" (")[0])


def draw(run: Run, cfg: TaggerConfig, text: str) -> None:
    task = TAG_TASKS[cfg.task]
    tokens = read_input(task, text, cfg.max_len, run)
    if tokens is None:
        return
    out = run.trainer.tag(tokens)
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
    fig.update_layout(font={"size": 14})
    st.plotly_chart(fig, key=f"{P}.fig.tag_hidden")
