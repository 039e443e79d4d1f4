"""The limits one visitor meets (ui/limits.py): gathered from where each is declared, stated on the home
page in English and Korean, and in the README."""

from pathlib import Path

from apptest import app

from rnnlab import resume
from rnnlab.knobs import KNOBS
from ui import limits, scheduler
from ui.i18n import t

ROOT = Path(__file__).resolve().parents[1]


def test_the_table_comes_from_the_knobs_and_the_caps():
    table = dict(limits.rows("en"))
    assert table["Hidden units per layer"] == f"1–{KNOBS['hidden'].hi:,}"
    assert table["Epochs"] == f"1–{KNOBS['epochs'].hi:,}"
    assert table["Uploaded model file, in MB"] == f"≤ {resume.MAX_UPLOAD_MB}"
    assert len(limits.rows("ko")) == len(table) and all(
        not v.startswith("server.") for v, _ in limits.rows("ko")
    )


def test_the_home_page_states_the_limits_in_both_languages():
    for lang in ("en", "ko"):
        at = app(lang)
        box = next(e for e in at.expander if e.label == t("server.limits", lang))
        text = "\n".join(m.value for m in box.markdown)
        assert t("server.limit.hidden", lang) in text and f"1–{KNOBS['hidden'].hi:,}" in text
        assert t("server.limits_lead", lang, cap=scheduler.MAX_TRAINING) in text


def test_the_readme_holds_the_same_table():
    assert limits.markdown("en") in (ROOT / "README.md").read_text(encoding="utf-8")
