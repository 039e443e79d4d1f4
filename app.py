"""RNN Lab: the frame. Navigation, language, device.

Each lab is a thin page in labs/ (not pages/: Streamlit would auto-discover that folder and, on a cold
server, run a deep-linked page without this frame).
"""

import logging

import streamlit as st

from rnnlab.device import use_one_thread
from ui.frame import setup_device, setup_language, tr

st.set_page_config(page_title="RNN Lab", page_icon="🔁", layout="wide")
use_one_thread()
setup_language()
nav = st.navigation(
    [
        st.Page("labs/home.py", title=tr("nav.home"), icon="🏠", url_path="home", default=True),
        st.Page("labs/emoji.py", title=tr("nav.emoji"), icon="🐱", url_path="emoji"),
        st.Page("labs/sentences.py", title=tr("nav.sentences"), icon="💬", url_path="sentences"),
        st.Page("labs/forecast.py", title=tr("nav.forecast"), icon="✈️", url_path="forecast"),
    ]
)
setup_device()
st.sidebar.caption(tr("frame.footer"))
try:
    nav.run()
except Exception:  # a bug, not bad input: log it for us, show the visitor a sentence, not a traceback
    logging.getLogger("rnnlab").exception("page failed")
    st.error(tr("frame.crash"), icon="🛠️")
