"""The limits one visitor meets on this server, in one table gathered from where each is declared.

Nothing is declared twice: a knob's range comes from ``rnnlab.knobs`` (the range the widgets, the link
and the CLI all check), a size or row cap from the constant that enforces it, and the number of runs
trained at once (it depends on the machine's cores, so it is said in the lead, not the table) from
``ui.scheduler``. The home page shows the table in the visitor's language
(``expander``); the README's table is the same one in English (``python -m ui.limits`` prints it, and
``tests/test_limits.py`` checks the README holds it).
"""

import sys

from rnnlab import resume
from rnnlab.data import airline, classfiles, corpus
from rnnlab.data import emoji as emoji_data
from rnnlab.knobs import KNOBS

from . import forecast_view, scheduler
from .i18n import t

KNOB_LIMITS = ("hidden", "layers", "emb", "epochs", "batch", "ensemble", "maxlen", "vocab", "subset", "T")


def _range(name: str) -> str:
    k = KNOBS[name]
    return f"{int(k.lo):,}–{int(k.hi):,}"


def rows(lang: str = "en") -> list[tuple[str, str]]:
    """(what is limited, the limit) in ``lang``: the knob ranges, then the data and upload caps."""
    out = [(t(f"server.limit.{name}", lang), _range(name)) for name in KNOB_LIMITS]
    caps = [
        ("messages", emoji_data.MAX_MESSAGES),
        ("message_tokens", emoji_data.MAX_TOKENS),
        ("rows", corpus.MAX_ROWS),
        ("text_chars", corpus.MAX_TEXT),
        ("class_files", classfiles.MAX_FILES),
        ("class_file_mb", classfiles.MAX_FILE_MB),
        ("class_files_mb", classfiles.MAX_TOTAL_MB),
        ("class_file_rows", classfiles.MAX_FILE_ROWS),
        ("series_rows", airline.MAX_ROWS),
        ("series_mb", forecast_view.MAX_UPLOAD_MB),
        ("model_mb", resume.MAX_UPLOAD_MB),
    ]
    out += [(t(f"server.limit.{key}", lang), f"≤ {n:,}") for key, n in caps]
    return out


def markdown(lang: str = "en") -> str:
    """The table as Markdown (the page's expander and the README)."""
    head = f"| {t('server.limit_what', lang)} | {t('server.limit_value', lang)} |\n|---|---|\n"
    return head + "\n".join(f"| {what} | {value} |" for what, value in rows(lang))


def expander(lang: str) -> None:
    """ "Limits on this server": the table and a sentence on the training queue."""
    import streamlit as st

    with st.expander(t("server.limits", lang), icon="📏"):
        st.markdown(t("server.limits_lead", lang, cap=scheduler.MAX_TRAINING))
        st.markdown(markdown(lang))


if __name__ == "__main__":
    sys.stdout.write(markdown(sys.argv[1] if len(sys.argv) > 1 else "en") + "\n")
