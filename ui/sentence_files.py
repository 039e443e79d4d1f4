"""The Sentence lab's several-files source: one uploaded file per class (the fake-news tutorial's
True.csv and Fake.csv, 51 and 63 MB as downloaded), a chooser for the text column(s), and the engine's
checks in the page.

Parsing and every check live in the engine (``rnnlab.data.classfiles``), which reads each file as a
stream and keeps a seeded draw of its rows, each cut short. Once read, the drawn rows are kept for the
visitor under one session key (not a widget's), the server lets go of the uploaded bytes and the box
is cleared; the page lists the files loaded (rows used of the rows in each, texts cut) with a button to
replace them. A file that cannot be read (empty, too big, binary, mixed encodings, a class named twice)
lets go of the files with the reason kept under the box; one file alone waits for the next; a column
problem is shown beside the chooser.
"""

import pandas as pd
import streamlit as st

from rnnlab.data import classfiles
from rnnlab.data.corpus import TextSet
from rnnlab.errors import RNNLabError

from . import upload_box
from .frame import reason, show_error, tr


def held_key(page: str) -> str:
    """The session key of the files read (a list of ClassFile), kept until the visitor replaces them."""
    return f"{page}/_class_files"


def _upload(page: str) -> None:
    """The box; two or more files are read, kept, and let go of (the page reruns with them)."""
    ups = upload_box.uploader(
        page,
        tr("files.upload"),
        ["csv", "tsv", "txt"],
        tr(
            "files.upload_help",
            files=classfiles.MAX_FILES,
            mb=classfiles.MAX_FILE_MB,
            total=classfiles.MAX_TOTAL_MB,
            rows=classfiles.MAX_FILE_ROWS,
        ),
        multiple=True,
    )
    if not ups:
        st.info(tr("files.wait"))
        return
    if len(ups) == 1:  # the visitor may be about to add the other class's file: wait, say why
        show_error(tr("sent.bad_data", reason=reason(RNNLabError("files_one", name=ups[0].name))))
        return
    with st.spinner(tr("files.reading")):
        try:
            files = classfiles.read_class_files([(u.name, u) for u in ups])
        except RNNLabError as err:  # a file cannot be read: let the files go, keep the reason
            upload_box.release(ups)
            upload_box.reject(page, tr("sent.bad_data", reason=reason(err)))
    st.session_state[held_key(page)] = files
    upload_box.release(ups)
    upload_box.forget(page)  # a fresh box for later; the page reruns with the files kept


def _replace(page: str) -> None:
    st.session_state.pop(held_key(page), None)


def text_set(page: str) -> TextSet | None:
    """The texts of the uploaded files, labelled by file, or None after saying what is missing or wrong."""
    files = st.session_state.get(held_key(page))
    if files is None:
        _upload(page)
        return None
    c1, c2 = st.columns([3, 1], vertical_alignment="center")
    c1.markdown(tr("files.loaded", names=", ".join(f.name for f in files)))
    c2.button(tr("files.replace"), key=f"{page}.files_replace", on_click=_replace, args=(page,))
    cols = classfiles.shared_columns(files)  # none shared: a keyed error, shown by the caller
    chosen = st.multiselect(
        tr("files.columns"),
        cols,
        default=classfiles.text_columns(files),
        key=f"{page}.files_cols.{'|'.join(cols)}",  # another set of columns: a fresh chooser
        help=tr("files.columns_help", join=", ".join(cols)),
    )
    st.dataframe(
        pd.DataFrame(
            [
                {
                    tr("files.class"): f.label,
                    tr("files.file"): f.name,
                    tr("files.rows_used"): len(f.table),
                    tr("files.rows"): f.rows,
                    tr("files.cut_n", max=classfiles.ARTICLE_CHARS): classfiles.cut_count(f, chosen),
                }
                for f in files
            ]
        ),
        hide_index=True,
    )
    st.caption(tr("files.cut", max=classfiles.ARTICLE_CHARS))
    return classfiles.to_text_set(files, chosen)
