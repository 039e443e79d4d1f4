"""Generation part: one-to-many. A character model learns a text live and writes more of it."""

import streamlit as st

from rnnlab.errors import RNNLabError
from rnnlab.seq2seq import hangul
from rnnlab.seq2seq.charlm import MAX_SAMPLE, MAX_SEED, MAX_TEXT, MIN_TEXT, CharLMTrainer
from rnnlab.seq2seq.config import CharLMConfig, TrainBudget
from rnnlab.seq2seq.texts import shipped

from . import live
from .frame import reason, show_error, tr
from .lab import Lab
from .seq2seq_view import P, budget_controls, device, label, options, train_part

PART = "generate"
COPY_CHARS = 40  # a sample whose first 40 characters stand word for word in the text is a copy of it


def _text(lab: Lab) -> str:
    """The text to learn: a shipped poem set, or the visitor's paste (not in the link)."""
    st.radio(
        tr("s2s.gen.source"), ["en", "ko", "paste"], format_func=label("s2s.gen.source_"), **lab.arg("text")
    )
    if lab.value("text") != "paste":
        return shipped(lab.value("text"))
    return st.text_area(tr("s2s.gen.paste"), "", height=160, key=f"{P}.gen.paste")


def show(lab: Lab) -> None:
    lab.columns(f"_{PART}")
    v, k = lab.values, lab.arg
    with lab.settings():
        text = _text(lab)
        st.caption(tr("s2s.gen.caps", min=MIN_TEXT, max=MAX_TEXT, seed=MAX_SEED, sample=MAX_SAMPLE))
        korean = any(hangul.is_syllable(ch) for ch in text[:MAX_TEXT])
        if korean:
            st.radio(
                tr("s2s.gen.unit"),
                ["syllable", "jamo"],
                format_func=label("s2s.gen.unit_"),
                horizontal=True,
                **k("unit"),
                help=tr("s2s.gen.unit_help"),
            )
        c = st.columns(2)
        c[0].radio(tr("s2s.cell"), ["gru", "lstm"], format_func=str.upper, horizontal=True, **k("gcell"))
        c[1].select_slider(tr("s2s.hidden"), options([32, 64, 96, 128], v["ghid"]), **k("ghid"))
        budget_controls(lab, "gbudget", "glr")
    jamo = korean and v["unit"] == "jamo"
    cfg = CharLMConfig(cell=v["gcell"], hidden_size=v["ghid"], window=48, jamo=jamo)
    budget = TrainBudget(v["gbudget"], batch_size=32, lr=v["glr"], seed=v["seed"])
    with lab.main():
        if not text.strip():  # a paste not made yet (or a copied link, which never holds the paste)
            st.info(tr("s2s.gen.paste_first", min=MIN_TEXT), icon="📋")
            return
        sig = (len(text), hash(text), v["gcell"], v["ghid"], jamo, v["seed"])
        run = train_part(
            lab, PART, sig, lambda: CharLMTrainer(text, cfg, budget, device(lab)), "gbudget", "glr"
        )
        if run is None:
            return
        trainer: CharLMTrainer = run.trainer
        for note in trainer.notes:
            st.warning(reason(note))
        st.caption(tr("s2s.gen.vocab", n=len(trainer.vocab), chars=len(trainer.symbols)))
        c = st.columns([3, 2, 2])
        seed = c[0].text_input(tr("s2s.gen.seed_text"), trainer.default_seed(), key=f"{P}.gen.seed.{sig[1]}")
        c[1].slider(
            tr("s2s.gen.temperature"), 0.1, 2.0, step=0.1, **k("temp"), help=tr("s2s.gen.temperature_help")
        )
        c[2].number_input(tr("s2s.gen.length"), 10, MAX_SAMPLE, step=10, **k("glen"), value=None)
        lab.part(PART).live(lambda r: draw(r, seed, v["temp"], v["glen"]))


def copies(trainer: CharLMTrainer, written: str) -> bool:
    """The sample repeats the training text word for word: its first ``COPY_CHARS`` characters (as the
    model's symbols: jamo letters when it learns by jamo) stand in the text."""
    symbols = hangul.decompose(written) if trainer.cfg.jamo else written
    head = symbols[:COPY_CHARS]
    return len(head) == COPY_CHARS and head in "".join(trainer.symbols)


def draw(run: live.LabRun, seed: str, temperature: float, length: int) -> None:
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
    if trainer.step > 0 and copies(trainer, written):
        st.caption(tr("s2s.gen.by_heart"))
    if trainer.samples:
        st.markdown(f"**{tr('s2s.gen.while_training', seed=trainer.default_seed())}**")
        for step, sample in trainer.samples[::-1][:6]:
            st.caption(tr("s2s.gen.step_sample", step=step))
            st.text(sample.replace("\n", " / "))
