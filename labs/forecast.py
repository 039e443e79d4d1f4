"""The Forecast lab: many-to-one regression on a monthly series, one window at a time."""

import hashlib

import streamlit as st

from rnnlab.tasks import build_airline
from ui import forecast_view
from ui.forecast_settings import data_settings, forecast_mode, skip_toggle
from ui.frame import tr
from ui.lab import Lab
from ui.state import FORECAST_FIELDS

lab = Lab("forecast", FORECAST_FIELDS)
with lab.settings():
    st.subheader(tr("fc.data"))
    source = forecast_view.series_source(lab.key)
    data_settings(lab)
    lab.model_settings(extra=("ensemble",))
    skip_toggle(lab)
    forecast_mode(lab)

with lab.main():
    if source is None:
        lab.stop()
    dates, y, y_title = source
    v = lab.values
    key = (v["window"], v["prep"], v["test"], hashlib.sha1(y.tobytes()).hexdigest()[:12])
    td = lab.task(key, lambda: build_airline(v["window"], v["prep"], v["test"], values=y), "fc.bad_setting")
    w = td.forecast.windows
    lab.run(td, key)
    forecast_view.series_picture(lab.key, dates, y, w, y_title)
    lab.live(
        lambda run: forecast_view.results(
            lab.key, run.trainer.model, dates, y, w, lab.values, y_title, forecast_view.ensemble_members(run)
        )
    )
