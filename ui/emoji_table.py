"""The Emoji lab's training table: the ten messages (or the link's), editable, kept in the link."""

import pandas as pd
import streamlit as st

from rnnlab.data import emoji as E
from ui.state import pack_messages, unpack_messages

from .frame import tr


def training_table(lab) -> list[tuple[str, int]]:
    """The editor and its rows as (message, label). Its edits apply to a fixed base (the link's table on
    the first render, kept in the page's state), and the rows go back into the link as ``data``."""
    memo = lab.state.memo
    if "table_base" not in memo:
        try:
            link = lab.value("data")
            memo["table_base"] = unpack_messages(link) if link else E.MESSAGES
        except ValueError:
            memo["table_base"] = E.MESSAGES
            st.warning(tr("emoji.bad_link_table"))
    base = memo["table_base"]
    table = st.data_editor(
        pd.DataFrame({"message": [m for m, _ in base], "label": [E.LABELS[l] for _, l in base]}),
        num_rows="dynamic",
        hide_index=True,
        key=f"{lab.key}.table",
        width="stretch",
        column_config={
            "message": st.column_config.TextColumn(tr("emoji.col_message"), required=True),
            "label": st.column_config.SelectboxColumn(
                tr("emoji.col_label"),
                options=E.LABELS,
                required=True,
                format_func=lambda l: tr(f"label.{lab.key}.{l}"),
            ),
        },
    )
    st.caption(tr("emoji.data_help", n=E.MAX_MESSAGES))
    rows = [
        (str(m), E.LABELS.index(l))
        for m, l in zip(table["message"], table["label"])
        if isinstance(m, str) and l in E.LABELS
    ]
    lab.set("data", "" if rows == E.MESSAGES else pack_messages(rows))
    return rows
