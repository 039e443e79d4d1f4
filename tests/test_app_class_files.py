"""The Sentence lab's several-files source in the page: once read, the uploaded files are let go (the box
is cleared and the server drops their bytes) and the page lists what it kept, in English and Korean."""

from pathlib import Path

import pytest
from apptest import app, lab_state
from streamlit.runtime.memory_uploaded_file_manager import MemoryUploadedFileManager

from ui.i18n import t

SAMPLES = Path(__file__).resolve().parent / "samples"


def _boxes(at) -> list:
    """The data boxes (the take-home expander's model box is another uploader)."""
    return [u for u in at.file_uploader if u.key.startswith("sentences.file")]


def _samples() -> list[tuple[str, bytes, str]]:
    return [(n, (SAMPLES / n).read_bytes(), "text/csv") for n in ("True.csv", "Fake.csv")]


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_the_box_is_cleared_after_reading_and_the_files_are_listed(lang, monkeypatch):
    if lang == "ko":  # AppTest formats choices outside the run: Korean there too (see test_app_sentences)
        monkeypatch.setattr("ui.frame.lang", lambda: "ko")
    dropped, remove = [], MemoryUploadedFileManager.remove_file

    def spy(self, session_id, file_id):
        dropped.append(file_id)
        remove(self, session_id=session_id, file_id=file_id)

    monkeypatch.setattr(MemoryUploadedFileManager, "remove_file", spy)
    monkeypatch.setattr("rnnlab.data.classfiles.MAX_FILE_ROWS", 20)  # the samples' 24 rows: a draw of 20
    at = app(lang=lang, page="labs/sentences.py", src="files")
    _boxes(at)[0].set_value(_samples()).run()
    assert not _boxes(at) and len(dropped) == 2  # no box holds the files, the server let them go
    loaded = t("files.loaded", lang, names="True.csv, Fake.csv")
    assert any(m.value == loaded for m in at.markdown), [m.value for m in at.markdown]
    table = at.dataframe[0].value
    used, in_file = t("files.rows_used", lang), t("files.rows", lang)
    assert list(table[t("files.file", lang)]) == ["True.csv", "Fake.csv"]
    assert list(table[used]) == [20, 20] and list(table[in_file]) == [24, 24]
    assert list(table[t("files.cut_n", lang, max=1000)]) == [0, 0]  # titles only: none cut
    assert len(lab_state(at, "sentences").task.text.data.texts) == 40
    at.multiselect[0].set_value(["text"]).run()
    assert list(at.dataframe[0].value[used]) == [20, 20] and not at.exception
    at.button(key="sentences.files_replace").click().run()  # a fresh, empty box again
    assert [u.key for u in _boxes(at)] == ["sentences.file1"] and not _boxes(at)[0].value
    assert t("files.wait", lang) in [i.value for i in at.info] and not at.exception
