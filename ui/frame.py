"""The shared frame: language (URL ``?lang=``, else the browser's), device choice, small helpers."""

from types import SimpleNamespace

import streamlit as st

from rnnlab.device import available_devices, describe_device
from rnnlab.viz_layout import EMOJI_CSS, shorten
from ui.i18n import LANGS, explain, pick_language, t

DEVICE_NOTE = "_device_note"  # session key (no widget uses it): the sidebar's place under the device
QUOTE_CHARS = 40  # a value quoted in a message (an unknown word, a cell of a file) is cut to this


def lang() -> str:
    return st.session_state.get("lang", "en")


def tr(key: str, **values) -> str:
    """The string ``key`` in the visitor's language."""
    return t(key, lang(), **values)


def setup_style() -> None:
    """Colour emoji in every text, input, button, table and chart: the emoji fonts, limited to emoji code
    points (``EMOJI_CSS``), come before the text font (whose own 🤖 is a small monochrome glyph)."""
    st.html(
        f"<style>{EMOJI_CSS}\n"
        'html, body, input, textarea, button, select, [data-testid="stMarkdownContainer"], '
        '[data-testid="stWidgetLabel"] p { font-family: "RNNLab Emoji", "Source Sans", '
        '"Source Sans Pro", sans-serif; }\n'
        # a keypad (a container keyed "<page>_keypad") stays a grid on a phone instead of stacking
        '[class*="_keypad"] [data-testid="stHorizontalBlock"] { flex-wrap: wrap !important; gap: 0.4rem; }\n'
        '[class*="_keypad"] [data-testid="stColumn"] { min-width: 2.6rem !important; width: auto !important;'
        " flex: 1 1 2.6rem !important; }\n"
        # every number box has value=None (ui.settings.keep): clearing one only puts its value back
        '[data-testid="stNumberInputClearButton"] { display: none !important; }\n'
        # an equation wider than a phone scrolls inside the page (ui.memory_view.explain stacks the rest)
        ".katex-display { overflow-x: auto; overflow-y: hidden; max-width: 100%; }\n"
        "@media (max-width: 640px) { .katex-display > .katex { font-size: 1em; } }</style>"
    )


def setup_language() -> str:
    """Decide the language once per session, let the sidebar change it, and keep it in the URL.
    Also sets the page style (``setup_style``), which every page needs before anything is drawn."""
    setup_style()
    if "lang" not in st.session_state:
        locale = getattr(st.context, "locale", None)
        st.session_state["lang"] = pick_language(st.query_params.get("lang"), locale)
    st.sidebar.selectbox("Language / 언어", list(LANGS), format_func=LANGS.get, key="lang")
    st.query_params["lang"] = lang()
    return lang()


def setup_device() -> str:
    """The sidebar shows which device trains; with several, the visitor picks. Below it, a place that a
    lab fills with the measured speed of its model on each device (``device_note``, ui/device_speed.py)."""
    have = available_devices()
    if len(have) > 1:
        st.sidebar.selectbox(tr("frame.device"), have, format_func=describe_device, key="device")
    else:
        st.session_state["device"] = have[0]
        st.sidebar.caption(tr("frame.device_only", device=describe_device(have[0])))
    st.session_state[DEVICE_NOTE] = st.sidebar.empty()
    return st.session_state["device"]


def device_note():
    """The sidebar's place under the device choice, made by this script run's ``setup_device``."""
    return st.session_state[DEVICE_NOTE]


def reason(err: Exception) -> str:
    """An engine error in the visitor's language where the locale has it, else in English; a long quoted
    value (a 2,000-character word) is cut with an ellipsis."""
    values = getattr(err, "values", None)
    if (
        values
        and getattr(err, "key", None)
        and any(isinstance(v, str) and len(v) > QUOTE_CHARS for v in values.values())
    ):
        short = {k: shorten(v, QUOTE_CHARS) if isinstance(v, str) else v for k, v in values.items()}
        err = SimpleNamespace(key=err.key, section=getattr(err, "section", "err"), values=short)
    return explain(err, lang())


def show_error(message: str) -> None:
    """A clear message in the page, never a traceback."""
    st.error(message, icon="⚠️")
