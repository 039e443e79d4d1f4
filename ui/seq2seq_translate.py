"""Encoder-decoder part: a toy translation trained live, its output, probabilities, context, attention."""

import streamlit as st

from rnnlab.seq2seq.config import ATTENTIONS, Seq2SeqConfig, TrainBudget
from rnnlab.seq2seq.toy import EOS, TOY_TASKS
from rnnlab.seq2seq.train import Seq2SeqTrainer
from rnnlab.viz_seq import attention_heatmap, context_bars, prob_heatmap

from . import live, seq2seq_study
from .frame import tr
from .lab import Lab
from .seq2seq_view import P, budget_controls, device, label, options, read_input, train_part

PART = "translate"


def settings(lab: Lab) -> None:
    k = lab.arg
    st.selectbox(tr("s2s.tr.task"), list(TOY_TASKS), format_func=label("s2s.tr.task_"), **k("task"))
    st.radio(
        tr("s2s.tr.attention"),
        ATTENTIONS,
        format_func=label("s2s.tr.att_"),
        horizontal=True,
        **k("att"),
        help=tr("s2s.tr.attention_help"),
    )
    c = st.columns(2)
    c[0].radio(tr("s2s.cell"), ["gru", "lstm"], format_func=str.upper, horizontal=True, **k("cell"))
    c[1].select_slider(tr("s2s.hidden"), options([8, 16, 32, 64, 128], lab.value("hidden")), **k("hidden"))
    c = st.columns(2)
    c[0].number_input(tr("s2s.tr.lmin"), 1, 16, **k("lmin"), value=None)
    c[1].number_input(tr("s2s.tr.lmax"), 1, 16, **k("lmax"), help=tr("s2s.tr.lengths_help"), value=None)
    budget_controls(lab, "budget", "lr")


def config(v: dict) -> Seq2SeqConfig:
    """The encoder-decoder the settings describe (a keyed error if the lengths are crossed)."""
    return Seq2SeqConfig(v["task"], v["cell"], v["hidden"], 16, v["att"], v["lmin"], v["lmax"]).validate()


def show(lab: Lab) -> None:
    lab.columns(f"_{PART}")
    v = lab.values
    with lab.settings():
        settings(lab)
    with lab.main():
        sig = tuple(v[f] for f in ("task", "att", "cell", "hidden", "lmin", "lmax", "seed"))
        run = train_part(
            lab,
            PART,
            sig,
            lambda: Seq2SeqTrainer(
                config(v), TrainBudget(v["budget"], lr=v["lr"], seed=v["seed"]), device(lab)
            ),
            "budget",
            "lr",
            tr("s2s.tr.exact"),
        )
        if run is not None:
            cfg: Seq2SeqConfig = run.trainer.cfg
            task = TOY_TASKS[cfg.task]
            text = st.text_input(
                tr("s2s.tr.input"), task.example(min(5, cfg.max_len)), key=f"{P}.tr.input.{cfg.task}"
            )
            st.caption(tr("s2s.tr.caps", max=cfg.max_len, tokens=" ".join(task.src_words)))
            lab.part(PART).live(lambda r: draw(r, text))
    st.divider()
    seq2seq_study.show(lab)


def draw(run: live.LabRun, text: str) -> None:
    cfg: Seq2SeqConfig = run.trainer.cfg
    model = run.trainer.model
    task = TOY_TASKS[cfg.task]
    tokens = read_input(task, text, cfg.max_len, run)
    if tokens is None:
        return
    src = task.encode(tokens).to(run.trainer.device)  # (1, S)
    out = model.greedy(src, max_steps=len(tokens) + 2)
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
    probs = out["probs"][0, :steps].cpu().numpy()  # (T, V)
    st.plotly_chart(
        prob_heatmap(
            probs, chosen, vocab, tr("s2s.tr.probs_title"), tr("s2s.tr.probs_x"), tr("s2s.tr.probs_y")
        ),
        key=f"{P}.fig.tr_probs",
    )
    if out["attention"] is not None:
        weights = out["attention"][0, :steps].cpu().numpy()  # (T, S)
        fig = attention_heatmap(
            weights, tokens, chosen, tr("s2s.tr.attn_title"), tr("s2s.tr.attn_x"), tr("s2s.tr.attn_y")
        )
        st.plotly_chart(fig, key=f"{P}.fig.tr_attn")
    fig = context_bars(
        out["context"][0].cpu().numpy(),
        tr("s2s.tr.context_title"),
        tr("s2s.tr.context_x"),
        tr("s2s.tr.context_y"),
    )
    st.plotly_chart(fig, key=f"{P}.fig.tr_context")
