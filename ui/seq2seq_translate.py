"""Encoder-decoder part: a toy translation trained live, its output, probabilities, context, attention."""

import streamlit as st

from rnnlab.seq2seq.config import ATTENTIONS, Seq2SeqConfig, TrainBudget
from rnnlab.seq2seq.toy import EOS, TOY_TASKS
from rnnlab.seq2seq.train import Seq2SeqTrainer
from rnnlab.viz_seq import attention_heatmap, context_bars, prob_heatmap

from . import seq2seq_study
from .frame import lang, tr
from .seq2seq_view import P, Run, budget_controls, controls, ensure, label, live, read_input

PART = "translate"


def settings() -> tuple[Seq2SeqConfig, dict]:
    tasks = list(TOY_TASKS)
    default = tasks.index("spell-ko") if lang() == "ko" else 0
    task = st.selectbox(tr("s2s.tr.task"), tasks, default, format_func=label("s2s.tr.task_"), key=f"{P}.task")
    attention = st.radio(
        tr("s2s.tr.attention"),
        ATTENTIONS,
        format_func=label("s2s.tr.att_"),
        horizontal=True,
        key=f"{P}.attention",
        help=tr("s2s.tr.attention_help"),
    )
    c = st.columns(2)
    cell = c[0].radio(
        tr("s2s.cell"), ["gru", "lstm"], format_func=str.upper, horizontal=True, key=f"{P}.tr.cell"
    )
    hidden = c[1].select_slider(tr("s2s.hidden"), [8, 16, 32, 64, 128], 64, key=f"{P}.tr.hidden")
    lo, hi = st.slider(
        tr("s2s.tr.lengths"), 1, 16, (5, 8), key=f"{P}.tr.lengths", help=tr("s2s.tr.lengths_help")
    )
    budget = budget_controls(PART, 1500, 0.005)
    return Seq2SeqConfig(task, cell, hidden, 16, attention, lo, hi), budget


def show() -> None:
    left, right = st.columns([2, 3], gap="large")
    with left:
        cfg, budget = settings()
    run = ensure(
        PART,
        (tuple(vars(cfg).values()), tuple(budget.values())),
        lambda: Seq2SeqTrainer(cfg, TrainBudget(**budget)),
    )
    if run is None:
        return
    task = TOY_TASKS[cfg.task]
    with right:
        controls(PART, run)
        text = st.text_input(
            tr("s2s.tr.input"), task.example(min(5, cfg.max_len)), key=f"{P}.tr.input.{cfg.task}"
        )
        st.caption(tr("s2s.tr.caps", max=cfg.max_len, tokens=" ".join(task.src_words)))
        live(PART, run, lambda r: draw(r, cfg, text), tr("s2s.tr.exact"))
    st.divider()
    seq2seq_study.show(cfg)


def draw(run: Run, cfg: Seq2SeqConfig, text: str) -> None:
    task = TOY_TASKS[cfg.task]
    tokens = read_input(task, text, cfg.max_len, run)
    if tokens is None:
        return
    out = run.trainer.model.greedy(task.encode(tokens), max_steps=len(tokens) + 2)
    vocab = task.tgt_vocab
    ids = out["ids"][0].tolist()
    steps = len(ids) if EOS not in ids else ids.index(EOS) + 1
    chosen = [vocab[i] for i in ids[:steps]]
    decoded = [t for t in chosen if t != vocab[EOS]]
    expected = task.expected(tokens)
    c = st.columns(2)
    c[0].markdown(f"**{tr('s2s.tr.output')}**  \n### `{task.tgt_sep.join(decoded) or '∅'}`")
    verdict = tr("s2s.tr.correct") if decoded == expected else tr("s2s.tr.wrong")
    c[1].markdown(f"**{tr('s2s.tr.expected')}** {verdict}  \n### `{task.tgt_sep.join(expected)}`")
    probs = out["probs"][0, :steps].numpy()  # (T, V)
    st.plotly_chart(
        prob_heatmap(
            probs, chosen, vocab, tr("s2s.tr.probs_title"), tr("s2s.tr.probs_x"), tr("s2s.tr.probs_y")
        ),
        key=f"{P}.fig.tr_probs",
    )
    if out["attention"] is not None:
        weights = out["attention"][0, :steps].numpy()  # (T, S)
        fig = attention_heatmap(
            weights, tokens, chosen, tr("s2s.tr.attn_title"), tr("s2s.tr.attn_x"), tr("s2s.tr.attn_y")
        )
        st.plotly_chart(fig, key=f"{P}.fig.tr_attn")
    fig = context_bars(
        out["context"][0].numpy(), tr("s2s.tr.context_title"), tr("s2s.tr.context_x"), tr("s2s.tr.context_y")
    )
    st.plotly_chart(fig, key=f"{P}.fig.tr_context")
