"""Home: what an RNN is, a picture of one unrolled, and a card per lab."""

from pathlib import Path

import streamlit as st

from ui.frame import tr

LABS = [
    ("emoji", "🐱", "labs/emoji.py"),
    ("sentences", "💬", "labs/sentences.py"),
    ("forecast", "✈️", "labs/forecast.py"),
    ("memory", "🧠", None),
    ("seq2seq", "🔁", None),
]

st.title(tr("home.title"))
st.markdown(tr("home.lead"))
st.image(str(Path(__file__).resolve().parents[1] / "assets" / "unrolled.svg"), width="stretch")
st.caption(tr("home.picture"))
st.markdown(tr("home.how"))
st.subheader(tr("home.labs"))
cols = st.columns(len(LABS))
for col, (name, icon, page) in zip(cols, LABS):
    with col.container(border=True, height="stretch"):
        st.markdown(f"#### {icon} {tr(f'nav.{name}')}")
        st.markdown(tr(f"home.{name}"))
        if page:
            st.page_link(page, label=tr("home.open"), icon="▶️")
        else:
            st.caption(tr("home.soon"))
