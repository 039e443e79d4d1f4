"""The Forecast lab's own settings: the window, the held-out months, the preprocessing, the linear skip
path, the forecast mode."""

import streamlit as st

from ui.state import FORECAST_FIELDS

from .frame import tr

PREPS = next(f.choices for f in FORECAST_FIELDS if f.name == "prep")


def data_settings(lab) -> None:
    """Window, held-out months and preprocessing (with why it matters), each limited by its field."""
    by = {f.name: f for f in lab.fields}
    for name in ("window", "test"):
        f = by[name]
        st.slider(tr(f"set.{name}"), int(f.lo), int(f.hi), **lab.arg(name), help=tr(f"set.{name}_help"))
    st.selectbox(tr("set.prep"), PREPS, **lab.arg("prep"), format_func=lambda p: tr(f"choice.prep.{p}"))
    st.caption(tr(f"fc.prep_why.{lab.value('prep')}"))


def skip_toggle(lab) -> None:
    """The linear skip path: a straight-line reading of the window added to the network's answer."""
    st.toggle(tr("set.skip"), **lab.arg("skip"), help=tr("set.skip_help"))


def forecast_mode(lab) -> None:
    """One step ahead from true inputs, or recursive from its own predictions (a view: never resets)."""
    c1, c2 = st.columns(2)
    c1.radio(
        tr("set.mode"),
        next(f.choices for f in lab.fields if f.name == "mode"),
        **lab.arg("mode"),
        format_func=lambda m: tr(f"fc.mode_{m}"),
        help=tr("set.mode_help"),
    )
    f = next(f for f in lab.fields if f.name == "horizon")
    c2.number_input(
        tr("set.horizon"),
        int(f.lo),
        int(f.hi),
        **lab.arg("horizon"),
        disabled=lab.value("mode") == "one-step",
        value=None,
    )
