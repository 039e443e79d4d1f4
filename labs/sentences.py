"""The Sentence lab: sentiment (or any labels) of English and Korean sentences, up to real reviews."""

import hashlib

import streamlit as st

from rnnlab.errors import RNNLabError
from rnnlab.tasks import TASKS
from rnnlab.textclf import build_text_task, kiwi_available, kiwi_loaded
from ui import compare_view, inspect_view, labrun, live, sentence_view, settings
from ui.frame import lang, reason, show_error, tr
from ui.state import SENTENCE_FIELDS

P = "sentences"
PRESET_TASK = {
    "en": "sentences",
    "ko": "sentences-ko",
    "movies": "movie-reviews",
    "paste": "sentences",
    "upload": "sentences",
    "nsmc": "movie-reviews",
    "imdb": "movie-reviews",
    "reuters": "movie-reviews",
}
settings.lab_header(P, SENTENCE_FIELDS, "sent.title", "sent.lead")
if f"{P}/_lang_default" not in st.session_state:  # Korean visitors start on the Korean sentences
    st.session_state[f"{P}/_lang_default"] = True
    if lang() == "ko" and "src" not in st.query_params:
        settings.set_value(P, "src", "ko")

left, right = st.columns([2, 3], gap="large")
with left:
    st.subheader(tr("sent.data"))
    st.selectbox(
        tr("sent.source"),
        ["en", "ko", "movies", "paste", "upload", "nsmc", "imdb", "reuters"],
        **settings.widget_args(P, "src"),
        format_func=lambda s: tr(f"sent.src_{s}"),
    )
    src = st.session_state[f"{P}.src"]
    if src in ("nsmc", "imdb", "reuters"):
        c1, c2 = st.columns(2) if src == "reuters" else (st.container(), None)
        c1.select_slider(
            tr("sent.subset"),
            [500, 2000, 10000, 50000],
            **settings.widget_args(P, "subset"),
            format_func=lambda n: f"{n:,}",
            help=tr("sent.subset_help"),
        )
        if c2 is not None:
            c2.select_slider(
                tr("sent.topics"),
                [2, 4, 8, 20, 46],
                **settings.widget_args(P, "topics"),
                help=tr("sent.topics_help"),
            )
    data = sentence_view.text_set(P, src)
    if data is not None:
        for note in data.notes:
            st.caption(reason(note))
    toks = ["word", "char"] + (["morpheme"] if kiwi_available() else [])
    if st.session_state[f"{P}.tok"] not in toks:
        settings.set_value(P, "tok", "word")
    st.segmented_control(
        tr("sent.tok"),
        toks,
        **settings.widget_args(P, "tok"),
        required=True,
        format_func=lambda t: tr(f"sent.tok_{t}"),
        help=tr("sent.tok_choice_help"),
    )
    c2, c3 = st.columns(2)
    c2.number_input(
        tr("sent.vocab"), 3, 20000, **settings.widget_args(P, "vocab"), help=tr("sent.vocab_help")
    )
    c3.number_input(
        tr("sent.maxlen"), 2, 200, **settings.widget_args(P, "maxlen"), help=tr("sent.maxlen_help")
    )
    st.subheader(tr("set.model"))
    preset = TASKS[PRESET_TASK[src]].presets
    settings.preset_buttons(P, preset, SENTENCE_FIELDS)
    settings.model_controls(P, SENTENCE_FIELDS, extra=("emb",))
    st.toggle(tr("live.compare"), **settings.widget_args(P, "cmp"), help=tr("live.compare_help"))

with right:
    values = settings.values(P, SENTENCE_FIELDS)
    settings.write_url(P, SENTENCE_FIELDS)
    if data is None:
        st.stop()
    data_id = hashlib.sha1(repr((data.texts, data.labels)).encode()).hexdigest()[:12]
    key = (data_id, values["tok"], values["vocab"], values["maxlen"])
    if st.session_state.get(f"{P}/_task_key") != key:  # per visitor: the latest task only
        try:
            slow = values["tok"] == "morpheme" and not kiwi_loaded()
            with st.spinner(tr("sent.kiwi_loading") if slow else tr("sent.preparing")):
                st.session_state[f"{P}/_task"] = build_text_task(
                    data, values["tok"], values["vocab"], values["maxlen"]
                )
            st.session_state[f"{P}/_task_key"] = key
        except RNNLabError as err:
            show_error(tr("sent.bad_data", reason=reason(err)))
            st.stop()
    td = st.session_state[f"{P}/_task"]
    if td.extra["cut"]:
        st.caption(tr("sent.cut", n=td.extra["cut"], maxlen=values["maxlen"]))
    sentence_view.tokenization(P, td)
    device = st.session_state["device"]
    run = live.ensure_run(
        P,
        labrun.signature({k: v for k, v in values.items() if k != "msg"}, device, key),
        lambda: labrun.make_trainers(td, values, device),
    )
    live.sync_live_settings(run, values["lr"], values["epochs"])
    if len(td.train) >= 1000 and run.epoch == 0:
        with run.lock:
            secs = sentence_view.expected_epoch_seconds(td, run)
        st.caption(tr("sent.expected", s=secs, n=len(td.train)))
    live.controls(P, run)
    st.text_input(
        tr("sent.message"),
        **settings.widget_args(P, "msg"),
        max_chars=2000,
        placeholder=sentence_view.example(src, data.texts),
        help=tr("sent.message_help"),
    )
    text = st.session_state[f"{P}.msg"].strip() or sentence_view.example(src, data.texts)
    if not st.session_state[f"{P}.msg"].strip():  # say whose verdict this is, not a silent placeholder's
        st.caption(tr("cls.empty_sentence", example=text))

    def draw(run: live.LabRun) -> None:
        compare_view.compare(P, run)
        sentence_view.scores(P, run, td)
        read = inspect_view.encode_or_explain(td.encode, text)
        if read is not None:
            x, tokens, warnings = read
            for w in warnings:
                st.warning(reason(w))
            model = run.trainer.model
            trace = inspect_view.verdict(P, model, x, tokens, td.labels, compare_view.shown_name(run))
            inspect_view.insides(P, model, x, tokens, trace)
            sentence_view.embeddings(P, model, td)

    live.panel(P, run, draw)
