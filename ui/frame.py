"""The shared frame: language (URL ``?lang=``, else the browser's), device choice, small helpers."""

import streamlit as st

from rnnlab.device import available_devices, describe_device
from ui.i18n import LANGS, explain, pick_language, t


def lang() -> str:
    return st.session_state.get("lang", "en")


def tr(key: str, **values) -> str:
    """The string ``key`` in the visitor's language."""
    return t(key, lang(), **values)


def setup_language() -> str:
    """Decide the language once per session, let the sidebar change it, and keep it in the URL."""
    if "lang" not in st.session_state:
        locale = getattr(st.context, "locale", None)
        st.session_state["lang"] = pick_language(st.query_params.get("lang"), locale)
    st.sidebar.selectbox("Language / 언어", list(LANGS), format_func=LANGS.get, key="lang")
    st.query_params["lang"] = lang()
    return lang()


def setup_device() -> str:
    """The sidebar shows which device trains; with several, the visitor picks."""
    have = available_devices()
    if len(have) > 1:
        st.sidebar.selectbox(tr("frame.device"), have, format_func=describe_device, key="device")
    else:
        st.session_state["device"] = have[0]
        st.sidebar.caption(tr("frame.device_only", device=describe_device(have[0])))
    return st.session_state["device"]


def reason(err: Exception) -> str:
    """An engine error in the visitor's language where the locale has it, else in English."""
    return explain(err, lang())


def show_error(message: str) -> None:
    """A clear message in the page, never a traceback."""
    st.error(message, icon="⚠️")
