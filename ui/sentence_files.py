"""The Sentence lab's several-files source: one uploaded file per class (the fake-news tutorial's
True.csv and Fake.csv), a chooser for the text column(s), and the engine's checks in the page.

Parsing and every check live in the engine (``rnnlab.data.classfiles``). A file that cannot be read
(empty, too big, binary, mixed encodings, a class named twice) lets go of the files with the reason
kept under the box; one file alone waits for the next; a column problem is shown beside the chooser.
The parsed files are kept for the visitor under one session key, so a rerun does not read them again.
"""

import pandas as pd
import streamlit as st

from rnnlab.data import classfiles
from rnnlab.data.corpus import TextSet
from rnnlab.errors import RNNLabError

from . import upload_box
from .frame import reason, show_error, tr


def _read(page: str, ups) -> list[classfiles.ClassFile]:
    """The uploaded files, parsed once per set of files (by their upload ids)."""
    key, memo = tuple(u.file_id for u in ups), f"{page}/_class_files"
    held = st.session_state.get(memo)
    if held is None or held[0] != key:
        held = (key, classfiles.read_class_files([(u.name, u.getvalue()) for u in ups]))
        st.session_state[memo] = held
    return held[1]


def text_set(page: str) -> TextSet | None:
    """The texts of the uploaded files, labelled by file, or None after saying what is missing or wrong."""
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
        return None
    if len(ups) == 1:  # the visitor may be about to add the other class's file: wait, say why
        show_error(tr("sent.bad_data", reason=reason(RNNLabError("files_one", name=ups[0].name))))
        return None
    try:
        files = _read(page, ups)
    except RNNLabError as err:  # a file cannot be read: let the files go, keep the reason
        upload_box.reject(page, tr("sent.bad_data", reason=reason(err)))
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
            [{tr("files.class"): f.label, tr("files.file"): f.name, tr("files.rows"): f.rows} for f in files]
        ),
        hide_index=True,
    )
    st.caption(tr("files.cut", max=classfiles.ARTICLE_CHARS))
    return classfiles.to_text_set(files, chosen)
