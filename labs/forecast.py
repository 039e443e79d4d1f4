"""The Forecast lab: many-to-one regression on a monthly series, one window at a time."""

import hashlib

import streamlit as st

from rnnlab.errors import RNNLabError
from rnnlab.tasks import TASKS, build_airline
from ui import compare_view, forecast_view, labrun, live, settings
from ui.frame import reason, show_error, tr
from ui.state import FORECAST_FIELDS

P = "forecast"
settings.lab_header(P, FORECAST_FIELDS, "fc.title", "fc.lead")

left, right = st.columns([2, 3], gap="large")
with left:
    st.subheader(tr("fc.data"))
    source = forecast_view.series_source(P)
    st.slider(tr("set.window"), 1, 36, **settings.widget_args(P, "window"), help=tr("set.window_help"))
    st.slider(tr("set.test"), 6, 60, **settings.widget_args(P, "test"), help=tr("set.test_help"))
    st.selectbox(
        tr("set.prep"),
        ["none", "standardize", "log", "seasonal-diff", "leaky-standardize"],
        **settings.widget_args(P, "prep"),
        format_func=lambda p: tr(f"choice.prep.{p}"),
    )
    st.caption(tr(f"fc.prep_why.{st.session_state[f'{P}.prep']}"))
    st.subheader(tr("set.model"))
    settings.preset_buttons(P, TASKS["airline"].presets, FORECAST_FIELDS)
    settings.model_controls(P, FORECAST_FIELDS)
    st.toggle(tr("live.compare"), **settings.widget_args(P, "cmp"), help=tr("live.compare_help"))
    c1, c2 = st.columns(2)
    c1.radio(
        tr("set.mode"),
        ["one-step", "recursive"],
        **settings.widget_args(P, "mode"),
        format_func=lambda m: tr(f"fc.mode_{m}"),
        help=tr("set.mode_help"),
    )
    c2.number_input(
        tr("set.horizon"),
        1,
        60,
        **settings.widget_args(P, "horizon"),
        disabled=st.session_state[f"{P}.mode"] == "one-step",
    )

with right:
    values = settings.values(P, FORECAST_FIELDS)
    settings.write_url(P, FORECAST_FIELDS)
    if source is None:
        st.stop()
    dates, y, y_title = source
    try:
        td = build_airline(values["window"], values["prep"], values["test"], values=y)
    except RNNLabError as err:
        show_error(tr("fc.bad_setting", reason=reason(err)))
        st.stop()
    w = td.extra["windows"]
    forecast_view.series_picture(P, dates, y, w, y_title)
    device = st.session_state["device"]
    data_id = hashlib.sha1(y.tobytes()).hexdigest()[:12]
    run = live.ensure_run(
        P,
        labrun.signature({k: v for k, v in values.items() if k not in ("mode", "horizon")}, device, data_id),
        lambda: labrun.make_trainers(td, values, device),
    )
    live.sync_live_settings(run, values["lr"], values["epochs"])
    live.controls(P, run)

    def draw(run: live.LabRun) -> None:
        compare_view.compare(P, run)
        forecast_view.results(P, run.trainer.model, dates, y, w, values, y_title)

    live.panel(P, run, draw)
