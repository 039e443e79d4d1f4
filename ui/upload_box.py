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


def release(ups) -> None:
    """Let the server drop the uploaded bytes now: Streamlit keeps an upload in memory until the visitor
    removes it from the box or leaves, even after the box is gone. For a page that keeps what it parsed
    (a 63 MB article file becomes 11 MB of drawn rows), not the file; as ``st.chat_input`` does."""
    from streamlit.runtime.memory_uploaded_file_manager import MemoryUploadedFileManager
    from streamlit.runtime.scriptrunner_utils.script_run_context import get_script_run_ctx

    ctx = get_script_run_ctx()
    if ctx is None or not isinstance(ctx.uploaded_file_mgr, MemoryUploadedFileManager):
        return
    for up in ups:
        ctx.uploaded_file_mgr.remove_file(session_id=ctx.session_id, file_id=up.file_id)
