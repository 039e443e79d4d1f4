"""The Emoji lab: many-to-one classification where the order of the emoji decides the label."""

import streamlit as st

from rnnlab.data import emoji as E
from rnnlab.tasks import build_emoji
from ui import inspect_view
from ui.compare_view import shown_name
from ui.emoji_table import training_table
from ui.emoji_widgets import message_box, shuffle_panel
from ui.frame import reason, tr
from ui.lab import Lab
from ui.state import EMOJI_FIELDS

lab = Lab("emoji", EMOJI_FIELDS)
with lab.settings():
    st.subheader(tr("emoji.data"))
    rows = training_table(lab)
    lab.model_settings(extra=("enc", "emb"))

with lab.main():
    key = (lab.value("enc"), tuple(rows))
    td = lab.task(key, lambda: build_emoji(lab.value("enc"), rows), "emoji.bad_table")
    lab.run(td, key)
    text = message_box(lab.key, td.emoji.codec.vocab.tokens[2:])

    def draw(run) -> None:
        read = inspect_view.encode_or_explain(td.encode, text)
        if read is None:
            return
        x, tokens, warnings = read
        for w in warnings:
            st.warning(reason(w))
        if run.epoch == 0:
            st.caption(tr("inspect.untrained"))
        model = run.trainer.model
        trace = inspect_view.verdict(lab.key, model, x, tokens, E.LABELS, shown_name(run))
        shuffle_panel(lab.key, model, td, tokens)
        inspect_view.insides(lab.key, model, x, tokens, trace)

    lab.live(draw)
