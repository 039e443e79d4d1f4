"""The Sentence lab's data settings: where the texts come from and how they become tokens.

Each source trains with its task's default preset (``rnnlab.tasks``): the movie reviews with the CLI's
GRU(64) for 4 epochs, not the 12 sentences' LSTM(16) for 120. Picking a source applies its preset; a
link that names a source applies it to every field the link does not set.
"""

import streamlit as st

from rnnlab.tasks import TASKS
from rnnlab.textclf import kiwi_available, kiwi_loaded
from ui.state import preset_values

from . import sentence_view, settings
from .frame import lang, reason, tr

PRESET_TASK = {  # source -> the task whose presets it uses
    "en": "sentences",
    "ko": "sentences-ko",
    "movies": "movie-reviews",
    "paste": "sentences",
    "upload": "sentences",
    "files": "movie-reviews",  # news articles: thousands of long texts, as the movie reviews
    "nsmc": "movie-reviews",
    "imdb": "movie-reviews",
    "reuters": "movie-reviews",
}


def preset_task(lab) -> str:
    return PRESET_TASK[lab.value("src")]


def _source_defaults(lab, given: set[str]) -> None:
    """The source's default preset for every setting not in ``given`` (the seed and inputs are kept)."""
    for name, value in preset_values(TASKS[preset_task(lab)].presets["default"], lab.fields).items():
        if name not in given:
            lab.set(name, value)


def _picked(page: str, lab) -> None:
    settings.keep(page, "src")
    _source_defaults(lab, set())


def source(lab):
    """The source chooser (with a corpus's subset and topics) and the chosen texts, or None after
    saying why there are none."""
    if "source_defaults" not in lab.state.memo:  # first render: the link's source sets the defaults
        lab.state.memo["source_defaults"] = True
        given = set(st.query_params.to_dict())
        if lang() == "ko" and "src" not in given:  # Korean visitors start on the Korean sentences
            lab.set("src", "ko")
        _source_defaults(lab, given)
    st.selectbox(
        tr("sent.source"),
        list(PRESET_TASK),
        key=f"{lab.key}.src",
        on_change=_picked,
        args=(lab.key, lab),
        format_func=lambda s: tr(f"sent.src_{s}"),
    )
    src = lab.value("src")
    if src in ("nsmc", "imdb", "reuters"):
        c1, c2 = st.columns(2) if src == "reuters" else (st.container(), None)
        c1.select_slider(
            tr("sent.subset"),
            [500, 2000, 10000, 50000],
            **lab.arg("subset"),
            format_func=lambda n: f"{n:,}",
            help=tr("sent.subset_help"),
        )
        if c2 is not None:
            c2.select_slider(
                tr("sent.topics"), [2, 4, 8, 20, 46], **lab.arg("topics"), help=tr("sent.topics_help")
            )
    data = sentence_view.text_set(lab.key, src)
    for note in data.notes if data is not None else []:
        st.caption(reason(note))
    return data


def tokens(lab) -> None:
    """Words, characters or (with Kiwi installed) morphemes; the vocabulary size and the longest sequence."""
    toks = ["word", "char"] + (["morpheme"] if kiwi_available() else [])
    if lab.value("tok") not in toks:
        lab.set("tok", "word")
    st.segmented_control(
        tr("sent.tok"),
        toks,
        **lab.arg("tok"),
        required=True,
        format_func=lambda t: tr(f"sent.tok_{t}"),
        help=tr("sent.tok_choice_help"),
    )
    c2, c3 = st.columns(2)
    c2.number_input(tr("sent.vocab"), 3, 20000, **lab.arg("vocab"), help=tr("sent.vocab_help"), value=None)
    c3.number_input(tr("sent.maxlen"), 2, 200, **lab.arg("maxlen"), help=tr("sent.maxlen_help"), value=None)


def spinner(lab) -> str:
    """What the page says while it tokenizes: loading Kiwi the first time takes a moment."""
    slow = lab.value("tok") == "morpheme" and not kiwi_loaded()
    return tr("sent.kiwi_loading") if slow else tr("sent.preparing")


def message(lab, data) -> str:
    """The sentence box; an empty box reads an example in the data's language."""
    example = sentence_view.example(lab.value("src"), data.texts)
    st.text_input(
        tr("sent.message"),
        **lab.arg("msg"),
        max_chars=2000,
        placeholder=example,
        help=tr("sent.message_help"),
    )
    typed = lab.value("msg").strip()
    if not typed:  # say whose verdict this is, not a silent placeholder's
        st.caption(tr("cls.empty_sentence", example=example))
    return typed or example
