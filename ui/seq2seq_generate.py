"""Generation part: one-to-many. A character model learns a text live and writes more of it."""

import streamlit as st

from rnnlab.errors import RNNLabError
from rnnlab.seq2seq import hangul
from rnnlab.seq2seq.charlm import MAX_SAMPLE, MAX_SEED, MAX_TEXT, MIN_TEXT, CharLMTrainer
from rnnlab.seq2seq.config import CharLMConfig, TrainBudget
from rnnlab.seq2seq.texts import shipped

from .frame import lang, reason, show_error, tr
from .seq2seq_view import P, Run, budget_controls, controls, ensure, label, live

PART = "generate"


def _text() -> str:
    sources = ["ko", "en", "paste"] if lang() == "ko" else ["en", "ko", "paste"]
    source = st.radio(
        tr("s2s.gen.source"), sources, format_func=label("s2s.gen.source_"), key=f"{P}.gen.source"
    )
    if source != "paste":
        return shipped(source)
    return st.text_area(tr("s2s.gen.paste"), "", height=160, key=f"{P}.gen.paste")


def show() -> None:
    left, right = st.columns([2, 3], gap="large")
    with left:
        text = _text()
        st.caption(tr("s2s.gen.caps", min=MIN_TEXT, max=MAX_TEXT, seed=MAX_SEED, sample=MAX_SAMPLE))
        jamo = False
        if any(hangul.is_syllable(ch) for ch in text[:MAX_TEXT]):
            unit = st.radio(
                tr("s2s.gen.unit"),
                ["syllable", "jamo"],
                format_func=label("s2s.gen.unit_"),
                horizontal=True,
                key=f"{P}.gen.unit",
                help=tr("s2s.gen.unit_help"),
            )
            jamo = unit == "jamo"
        c = st.columns(2)
        cell = c[0].radio(
            tr("s2s.cell"), ["gru", "lstm"], format_func=str.upper, horizontal=True, key=f"{P}.gen.cell"
        )
        hidden = c[1].select_slider(tr("s2s.hidden"), [32, 64, 96, 128], 96, key=f"{P}.gen.hidden")
        budget = budget_controls(PART, 400, 0.01)
    cfg = CharLMConfig(cell=cell, hidden_size=hidden, window=48, jamo=jamo)
    signature = (len(text), hash(text), tuple(vars(cfg).values()), tuple(budget.values()))
    run = ensure(PART, signature, lambda: CharLMTrainer(text, cfg, TrainBudget(**budget, batch_size=32)))
    if run is None:
        return
    trainer: CharLMTrainer = run.trainer
    for note in trainer.notes:
        st.warning(reason(note))
    with right:
        st.caption(tr("s2s.gen.vocab", n=len(trainer.vocab), chars=len(trainer.symbols)))
        controls(PART, run)
        c = st.columns([3, 2, 2])
        seed = c[0].text_input(
            tr("s2s.gen.seed_text"), trainer.default_seed(), key=f"{P}.gen.seed.{signature[1]}"
        )
        temperature = c[1].slider(
            tr("s2s.gen.temperature"),
            0.1,
            2.0,
            0.8,
            0.1,
            key=f"{P}.gen.temp",
            help=tr("s2s.gen.temperature_help"),
        )
        length = c[2].number_input(tr("s2s.gen.length"), 10, MAX_SAMPLE, 200, 10, key=f"{P}.gen.length")
        live(PART, run, lambda r: draw(r, seed, temperature, int(length)))


def draw(run: Run, seed: str, temperature: float, length: int) -> None:
    trainer: CharLMTrainer = run.trainer
    if trainer.step == 0:
        st.caption(tr("s2s.untrained"))
    try:
        written = trainer.sample(seed, length, temperature, rng_seed=trainer.step)
    except RNNLabError as err:
        show_error(reason(err))
        return
    st.markdown(f"**{tr('s2s.gen.sample')}**")
    st.code(seed + written, language=None, wrap_lines=True)
    if trainer.samples:
        st.markdown(f"**{tr('s2s.gen.while_training', seed=trainer.default_seed())}**")
        for step, sample in trainer.samples[::-1][:6]:
            st.caption(tr("s2s.gen.step_sample", step=step))
            st.text(sample.replace("\n", " / "))
