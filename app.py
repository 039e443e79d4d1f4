"""RNN Lab: the frame. Navigation (from ``ui.registry``), language, device.

Each lab is a thin page in labs/ (not pages/: Streamlit would auto-discover that folder and, on a cold
server, run a deep-linked page without this frame).
"""

import logging
from contextlib import nullcontext

import streamlit as st

from rnnlab.device import use_one_thread
from ui.frame import setup_device, setup_language, tr
from ui.registry import HOME, ready_labs
from ui.turns import PAGES

st.set_page_config(page_title="RNN Lab", page_icon="🔁", layout="wide")
use_one_thread()
setup_language()
home = st.Page(HOME.page, title=tr(HOME.title_key), icon=HOME.icon, url_path="start", default=True)
labs = [
    st.Page(lab.page, title=tr(lab.title_key), icon=lab.icon, url_path=lab.url_path) for lab in ready_labs()
]
nav = st.navigation(
    [home]
    + labs
    # the default page is served at "/", so an old /home link would read "Page not found": send it home
    + [
        st.Page(
            lambda: st.switch_page(home),
            title=tr(HOME.title_key),
            url_path=HOME.url_path,
            visibility="hidden",
        )
    ]
)
setup_device()
st.sidebar.caption(tr("frame.footer"))
try:
    with PAGES.hold() if nav in labs else nullcontext():  # a few lab pages at once: home stays quick
        nav.run()
except Exception:  # a bug, not bad input: log it for us, show the visitor a sentence, not a traceback
    logging.getLogger("rnnlab").exception("page failed")
    st.error(tr("frame.crash"), icon="🛠️")
