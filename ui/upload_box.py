"""A file uploader that lets go of a file the page rejected: the file does not stay listed (in red) under
the box, and the reason stays shown until the next upload."""

import streamlit as st

from .frame import show_error


def uploader(page: str, label: str, types: list[str], help: str | None = None, multiple: bool = False):
    """``st.file_uploader`` under a key that changes after each rejection, with the last reason shown;
    ``multiple`` takes several files at once (a list, empty when none)."""
    n = st.session_state.get(f"{page}/_upload_n", 0)
    up = st.file_uploader(label, type=types, key=f"{page}.file{n}", help=help, accept_multiple_files=multiple)
    reason = st.session_state.get(f"{page}/_upload_error")
    if reason and not up:
        show_error(reason)
    elif up:
        st.session_state.pop(f"{page}/_upload_error", None)
    return up


def reject(page: str, message: str) -> None:
    """Forget the uploaded file (a fresh, empty box) and keep ``message`` to show under it; reruns."""
    st.session_state[f"{page}/_upload_error"] = message
    st.session_state[f"{page}/_upload_n"] = st.session_state.get(f"{page}/_upload_n", 0) + 1
    st.rerun()


def forget(page: str) -> None:
    """The page took the file: a fresh, empty box (no reason shown), and the whole page reruns."""
    st.session_state.pop(f"{page}/_upload_error", None)
    st.session_state[f"{page}/_upload_n"] = st.session_state.get(f"{page}/_upload_n", 0) + 1
    st.rerun(scope="app")
