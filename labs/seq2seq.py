"""The Sequence-to-sequence lab: the shapes of RNN tasks, an encoder-decoder with and without
attention, tagging, and text generation. Each trainable part is a run of the Lab runtime
(``lab.part``); every setting is in the link (``?part=translate&att=dot&lmax=12``)."""

import streamlit as st

from ui import seq2seq_generate, seq2seq_shapes, seq2seq_tagging, seq2seq_translate
from ui.frame import lang, tr
from ui.lab import Lab
from ui.seq2seq_fields import PARTS, seq2seq_fields
from ui.seq2seq_view import label

SHOW = {
    "shapes": seq2seq_shapes.show,
    "translate": seq2seq_translate.show,
    "tagging": seq2seq_tagging.show,
    "generate": seq2seq_generate.show,
}

lab = Lab("seq2seq", seq2seq_fields(lang()), columns=False)
st.radio(tr("s2s.part"), PARTS, format_func=label("s2s.part_"), horizontal=True, **lab.arg("part"))
lab.write_url()
SHOW[lab.value("part")](lab)
