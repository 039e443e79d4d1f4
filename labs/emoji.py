"""The Emoji lab: many-to-one classification where the order of the emoji decides the label."""

import pandas as pd
import streamlit as st

from rnnlab.data import emoji as E
from rnnlab.errors import RNNLabError
from rnnlab.tasks import TASKS, build_emoji
from ui import compare_view, inspect_view, labrun, live, settings
from ui.emoji_widgets import message_box, shuffle_panel
from ui.frame import reason, show_error, tr
from ui.state import EMOJI_FIELDS, pack_messages, unpack_messages

P = "emoji"
settings.lab_header(P, EMOJI_FIELDS, "emoji.title", "emoji.lead")

left, right = st.columns([2, 3], gap="large")
with left:
    st.subheader(tr("emoji.data"))
    if f"{P}/_table_base" not in st.session_state:  # the editor's edits apply to a fixed base
        try:
            link = st.session_state[f"{P}.data"]
            st.session_state[f"{P}/_table_base"] = unpack_messages(link) if link else E.MESSAGES
        except ValueError:
            st.session_state[f"{P}/_table_base"] = E.MESSAGES
            st.warning(tr("emoji.bad_link_table"))
    base = st.session_state[f"{P}/_table_base"]
    table = st.data_editor(
        pd.DataFrame({"message": [m for m, _ in base], "label": [E.LABELS[l] for _, l in base]}),
        num_rows="dynamic",
        hide_index=True,
        key=f"{P}.table",
        width="stretch",
        column_config={
            "message": st.column_config.TextColumn(tr("emoji.col_message"), required=True),
            "label": st.column_config.SelectboxColumn(
                tr("emoji.col_label"),
                options=E.LABELS,
                required=True,
                format_func=lambda l: tr(f"label.{P}.{l}"),
            ),
        },
    )
    st.caption(tr("emoji.data_help", n=E.MAX_MESSAGES))
    st.subheader(tr("set.model"))
    settings.preset_buttons(P, TASKS["emoji"].presets, EMOJI_FIELDS)
    settings.model_controls(P, EMOJI_FIELDS, extra=("enc", "emb"))
    st.toggle(tr("live.compare"), **settings.widget_args(P, "cmp"), help=tr("live.compare_help"))

with right:
    rows = [
        (str(m), E.LABELS.index(l))
        for m, l in zip(table["message"], table["label"])
        if isinstance(m, str) and l in E.LABELS
    ]
    settings.set_value(P, "data", "" if rows == E.MESSAGES else pack_messages(rows))
    values = settings.values(P, EMOJI_FIELDS)
    settings.write_url(P, EMOJI_FIELDS)
    try:
        td = build_emoji(values["enc"], rows)
    except RNNLabError as err:
        show_error(tr("emoji.bad_table", reason=reason(err)))
        st.stop()
    device = st.session_state["device"]
    run = live.ensure_run(
        P, labrun.signature(values, device, tuple(rows)), lambda: labrun.make_trainers(td, values, device)
    )
    live.sync_live_settings(run, values["lr"], values["epochs"])
    live.controls(P, run)
    text = message_box(P, td.extra["codec"].vocab.tokens[2:])

    def draw(run: live.LabRun) -> None:
        compare_view.compare(P, run)
        read = inspect_view.encode_or_explain(td.encode, text)
        if read is None:
            return
        x, tokens, warnings = read
        for w in warnings:
            st.warning(reason(w))
        if run.epoch == 0:
            st.caption(tr("inspect.untrained"))
        model = run.trainer.model
        trace = inspect_view.verdict(P, model, x, tokens, E.LABELS, compare_view.shown_name(run))
        shuffle_panel(P, model, td, tokens)
        inspect_view.insides(P, model, x, tokens, trace)

    live.panel(P, run, draw)
