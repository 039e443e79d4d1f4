"""The Memory lab: why a plain RNN forgets, why LSTM and GRU remember, and what depth and clipping do.
Each part trains its own runs on the lab runtime (``lab.part``); the part shown is in the link (?view=)."""

import streamlit as st

from ui import memory_explode, memory_recall, memory_view
from ui.frame import tr
from ui.lab import Lab
from ui.memory_fields import MEMORY_FIELDS, VIEWS

PARTS = {
    "act": memory_view.warmup,
    "count": memory_view.counting,
    "sine": memory_view.sine,
    "recall": memory_recall.recall,
    "flow": memory_recall.flow,
    "gates": memory_recall.gates,
    "explode": memory_explode.explode,
}

lab = Lab("memory", MEMORY_FIELDS, columns=False)
st.subheader(tr("mem.parts"))
c1, c2 = st.columns([4, 1])
c1.radio(
    tr("mem.parts"),
    VIEWS,
    horizontal=True,
    format_func={p: tr(f"mem.view.{p}") for p in VIEWS}.get,  # labels fixed in this run's language
    label_visibility="collapsed",
    **lab.arg("view"),
)
c2.radio(tr("mem.act_choice"), ("tanh", "relu"), horizontal=True, **lab.arg("act"), help=tr("mem.act_help"))
lab.write_url()
PARTS[lab.value("view")](lab)
