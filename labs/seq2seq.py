"""The Sequence-to-sequence lab: the shapes of RNN tasks, an encoder-decoder with and without
attention, tagging, and text generation. The part is in the link (``?part=tagging``)."""

import streamlit as st

from ui import seq2seq_generate, seq2seq_shapes, seq2seq_tagging, seq2seq_translate
from ui.frame import tr
from ui.seq2seq_view import P, label

PARTS = {
    "shapes": seq2seq_shapes,
    "translate": seq2seq_translate,
    "tagging": seq2seq_tagging,
    "generate": seq2seq_generate,
}

st.title(tr("s2s.title"))
st.markdown(tr("s2s.lead"))
if f"{P}.part" not in st.session_state:  # first visit: the link's part
    asked = st.query_params.get("part", "shapes")
    if asked not in PARTS:
        st.warning(tr("s2s.bad_part", got=asked))
        asked = "shapes"
    st.session_state[f"{P}.part"] = asked
part = st.radio(tr("s2s.part"), list(PARTS), format_func=label("s2s.part_"), horizontal=True, key=f"{P}.part")
st.query_params["part"] = part
PARTS[part].show()
