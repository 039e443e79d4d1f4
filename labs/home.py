"""Home: what an RNN is, a picture of one unrolled, and a card per lab (from ``ui.registry``)."""

from pathlib import Path

import streamlit as st

from ui import limits
from ui.frame import lang, tr
from ui.registry import LABS

# The cards wrap three to a row on a wide screen, two on a middle one (five in a row left each ~120 px at
# 1280 px, and "Sentences" broke as "Sentence"/"s"); a title breaks only between words.
CARDS_CSS = """<style>
@media (min-width: 640px) {
  .st-key-home_cards [data-testid="stHorizontalBlock"] { flex-wrap: wrap; row-gap: 1rem; }
  .st-key-home_cards [data-testid="stColumn"] { flex: 0 0 calc((100% - 1rem) / 2) !important; }
}
@media (min-width: 1100px) {
  .st-key-home_cards [data-testid="stColumn"] { flex: 0 0 calc((100% - 2rem) / 3) !important; }
}
.st-key-home_cards :is(h4, h4 *, p) { word-break: keep-all; overflow-wrap: break-word; }  /* Korean too */
</style>"""

st.title(tr("home.title"))
st.markdown(tr("home.lead"))
ASSETS = Path(__file__).resolve().parents[1] / "assets"
picture = ASSETS / f"unrolled.{lang()}.svg"  # the diagram's words in the visitor's language
st.image(str(picture if picture.exists() else ASSETS / "unrolled.svg"), width="stretch")
st.caption(tr("home.picture"))
st.markdown(tr("home.how"))
st.subheader(tr("home.labs"))
st.html(CARDS_CSS)
for col, lab in zip(st.container(key="home_cards").columns(len(LABS)), LABS):
    with col.container(border=True, height="stretch"):
        st.markdown(f"#### {lab.icon} {tr(lab.title_key)}")
        st.markdown(tr(lab.card_key))
        if lab.ready:
            st.page_link(lab.page, label=tr("home.open"), icon="▶️")
        else:
            st.caption(tr("home.soon"))
limits.expander(lang())
