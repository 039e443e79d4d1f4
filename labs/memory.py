"""The Memory lab: why a plain RNN forgets, why LSTM and GRU remember, and what depth and clipping do."""

import streamlit as st

from ui import memory_recall, memory_view, settings
from ui.frame import tr
from ui.memory_fields import MEMORY_FIELDS, VIEWS

P = "memory"
PARTS = {
    "act": lambda page, v, device: memory_view.warmup(page, v),
    "count": memory_view.counting,
    "sine": memory_view.sine,
    "recall": memory_recall.recall,
    "flow": memory_recall.flow,
    "gates": memory_recall.gates,
    "explode": memory_recall.explode,
}

settings.lab_header(P, MEMORY_FIELDS, "mem.title", "mem.lead")
st.subheader(tr("mem.parts"))
c1, c2 = st.columns([4, 1])
c1.radio(
    tr("mem.parts"),
    VIEWS,
    horizontal=True,
    format_func=lambda p: tr(f"mem.view.{p}"),
    label_visibility="collapsed",
    **settings.widget_args(P, "view"),
)
c2.radio(
    tr("mem.act_choice"),
    ("tanh", "relu"),
    horizontal=True,
    **settings.widget_args(P, "act"),
    help=tr("mem.act_help"),
)
values = settings.values(P, MEMORY_FIELDS)
settings.write_url(P, MEMORY_FIELDS)
PARTS[values["view"]](P, values, st.session_state["device"])
