"""The Sentence lab: sentiment (or any labels) of English and Korean sentences, up to real reviews."""

import hashlib

import streamlit as st

from rnnlab.textclf import build_text_task
from ui import ensemble_view, inspect_view, sentence_conv, sentence_sources, sentence_view
from ui.compare_view import shown_name
from ui.frame import reason, tr
from ui.lab import Lab
from ui.state import SENTENCE_FIELDS

lab = Lab("sentences", SENTENCE_FIELDS)
with lab.settings():
    st.subheader(tr("sent.data"))
    data = sentence_sources.source(lab)
    sentence_sources.tokens(lab)
    lab.model_settings(sentence_sources.preset_task(lab), extra=("emb", "ensemble"))
    sentence_conv.controls(lab)

with lab.main():
    if data is None:
        lab.stop()
    v = lab.values
    key = (
        hashlib.sha1(repr((data.texts, data.labels)).encode()).hexdigest()[:12],
        v["tok"],
        v["vocab"],
        v["maxlen"],
    )
    build = lambda: build_text_task(data, v["tok"], v["vocab"], v["maxlen"])  # noqa: E731
    td = lab.task(key, build, "sent.bad_data", spinner=sentence_sources.spinner(lab))
    if td.text.cut:
        st.caption(tr("sent.cut", n=td.text.cut, maxlen=v["maxlen"]))
    sentence_view.tokenization(lab.key, td)
    lab.run(td, key)
    text = sentence_sources.message(lab, data)

    def draw(run) -> None:
        sentence_view.scores(lab.key, run, td)
        read = inspect_view.encode_or_explain(td.encode, text)
        if read is not None:
            x, tokens, warnings = read
            for w in warnings:
                st.warning(reason(w))
            model, members = run.trainer.model, [t.model for t in ensemble_view.members(run)]
            trace = inspect_view.verdict(lab.key, model, x, tokens, td.labels, shown_name(run), members)
            if len(members) > 1:  # the verdict is the ensemble's; the insides are one model's
                ensemble_view.shown_caption(run)
            inspect_view.insides(lab.key, model, x, tokens, trace)
            sentence_view.embeddings(lab.key, model, td)

    lab.live(draw)
