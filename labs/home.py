"""Home: what an RNN is, a picture of one unrolled, and a card per lab (from ``ui.registry``)."""

from pathlib import Path

import streamlit as st

from ui import limits
from ui.frame import lang, tr
from ui.registry import LABS

st.title(tr("home.title"))
st.markdown(tr("home.lead"))
ASSETS = Path(__file__).resolve().parents[1] / "assets"
picture = ASSETS / f"unrolled.{lang()}.svg"  # the diagram's words in the visitor's language
st.image(str(picture if picture.exists() else ASSETS / "unrolled.svg"), width="stretch")
st.caption(tr("home.picture"))
st.markdown(tr("home.how"))
st.subheader(tr("home.labs"))
for col, lab in zip(st.columns(len(LABS)), LABS):
    with col.container(border=True, height="stretch"):
        st.markdown(f"#### {lab.icon} {tr(lab.title_key)}")
        st.markdown(tr(lab.card_key))
        if lab.ready:
            st.page_link(lab.page, label=tr("home.open"), icon="▶️")
        else:
            st.caption(tr("home.soon"))
limits.expander(lang())
