"""The shapes overview: an unrolled diagram per shape of RNN task, each linked to what trains it."""

import streamlit as st

from rnnlab.viz_shapes import shape_diagram

from . import settings
from .frame import tr
from .lab import Lab
from .seq2seq_view import P

# shape -> (inputs, outputs, the part of this lab that trains it; None: another lab)
EXAMPLES = {
    "many-to-one": (["🐷", "🐱", "❤️", "❗"], ["", "", "", "GOOD"], None),
    "one-to-many": (["S", "h", "a", "l"], ["h", "a", "l", "l"], "generate"),
    "aligned": (["3", "1", "4", "5"], ["-", "down", "up", "up"], "tagging"),
    "encoder-decoder": (["3", "1", "4"], ["4", "1", "3"], "translate"),
}


def show(lab: Lab) -> None:
    st.markdown(tr("s2s.shapes.lead"))
    cols = st.columns(2) + st.columns(2)
    for col, (kind, (ins, outs, part)) in zip(cols, EXAMPLES.items()):
        with col.container(border=True):
            fig = shape_diagram(kind, tr(f"s2s.shapes.{kind}"), ins, outs, tr("s2s.shapes.bridge"))
            st.plotly_chart(
                fig, key=f"{P}.shape.{kind}", config={"displayModeBar": False, "staticPlot": True}
            )
            st.markdown(tr(f"s2s.shapes.{kind}_text"))
            if part is None:
                st.page_link("labs/emoji.py", label=tr("s2s.shapes.open_emoji"), icon="🐱")
            else:
                st.button(
                    tr("s2s.shapes.open_part") + f": {tr(f's2s.part_{part}')}",
                    key=f"{P}.open.{part}",
                    on_click=settings.set_value,
                    args=(lab.key, "part", part),
                    icon="▶️",
                )
