"""The Forecast lab's views: where the series comes from, and the forecast against the truth."""

import io

import numpy as np
import pandas as pd
import streamlit as st

from rnnlab import forecast, viz
from rnnlab.data import airline
from rnnlab.data.files import read_upload
from rnnlab.errors import RNNLabError
from rnnlab.metrics import regression_errors
from rnnlab.replay import GATES

from . import ensemble_view, upload_box
from .frame import reason, show_error, tr
from .inspect_view import heat_notes

MAX_UPLOAD_MB = 5


@st.cache_data(show_spinner=False)
def _airline() -> tuple[list[str], np.ndarray]:
    return airline.load_airline()


def series_source(page: str) -> tuple[list[str], np.ndarray, str] | None:
    """The built-in airline series or the visitor's CSV (checked, with missing values handled)."""
    src = st.radio(
        tr("fc.source"),
        ["airline", "upload"],
        key=f"{page}.src",
        horizontal=True,
        format_func=lambda s: tr(f"fc.source_{s}"),
    )
    if src == "airline":
        dates, y = _airline()
        return dates, y, tr("fc.passengers")
    up = upload_box.uploader(page, tr("fc.upload"), ["csv", "txt"], tr("fc.upload_help", mb=MAX_UPLOAD_MB))
    if up is None:
        st.info(tr("fc.upload_wait"))
        return None
    try:
        try:
            df = airline.read_csv(io.StringIO(read_upload(up.getvalue(), MAX_UPLOAD_MB)))
        except (RNNLabError, pd.errors.ParserError, pd.errors.EmptyDataError, ValueError) as err:
            upload_box.reject(page, tr("fc.bad_file", reason=reason(err).splitlines()[0]))
        cols = [str(c) for c in df.columns]
        c1, c2 = st.columns(2)
        date_col = c1.selectbox(tr("fc.date_col"), cols, key=f"{page}.date_col")
        value_col = c2.selectbox(tr("fc.value_col"), cols, index=len(cols) - 1, key=f"{page}.value_col")
        dates, y = airline.series_from(df, value_col, date_col)
        missing = int(np.isnan(y).sum())
        if missing:
            how = st.radio(
                tr("fc.missing", n=missing),
                ["interpolate", "drop"],
                key=f"{page}.missing",
                horizontal=True,
                format_func=lambda h: tr(f"fc.missing_{h}"),
            )
            keep = ~np.isnan(y)
            y, _ = airline.fill_missing(y, how)
            if how == "drop":
                dates = [d for d, k in zip(dates, keep) if k]
        return dates, y, value_col
    except (RNNLabError, pd.errors.ParserError, pd.errors.EmptyDataError, ValueError) as err:
        show_error(tr("fc.bad_file", reason=reason(err).splitlines()[0]))
        return None


def series_picture(page: str, dates: list[str], y: np.ndarray, w: airline.Windows, y_title: str) -> None:
    """The series with its test part shaded, and one window and its target, slid by a slider."""
    split = len(y) - (len(w.t) - w.n_train)
    pos = st.slider(tr("fc.window_pos"), 0, len(w.t) - 1, key=f"{page}.pos", value=min(len(w.t) - 1, 24))
    target = int(w.t[pos])
    window = w.x.shape[1]
    st.plotly_chart(
        viz.series_figure(
            dates, y, split, tr("fc.series_title"), y_title, _names(), window=(target - window, target)
        ),
        key=f"{page}.series",
        config={"displayModeBar": False},
    )
    st.caption(
        tr(
            "fc.window_help",
            w=window,
            start=dates[target - window],
            end=dates[target - 1],
            target=dates[target],
        )
    )


def _names() -> dict[str, str]:
    return {
        "truth": tr("fc.truth"),
        "test": tr("fc.test_part"),
        "target": tr("fc.target"),
        "model": tr("fc.model"),
        "naive": tr("fc.naive"),
        "seasonal naive": tr("fc.snaive"),
        "ensemble": tr("ens.line"),
        "band": tr("ens.band"),
    }


def ensemble_members(run) -> list:
    """The models of the shown model's ensemble, member 1 first (its cell's trainers, ``rnnlab.ensemble``
    names: "GRU", "GRU #2", ...); one model when the ensemble has one member."""
    return [t.model for t in ensemble_view.members(run)]


def results(
    page: str,
    model,
    dates: list[str],
    y: np.ndarray,
    w: airline.Windows,
    values: dict,
    y_title: str,
    members=(),
) -> None:
    """Forecast against the truth on the test months, errors beside the baselines, export, insides.
    With an ensemble (``members``, two or more models) its mean is drawn with the members' band, and the
    table has the ensemble's row and each member's."""
    mode, horizon = values["mode"], values["horizon"]
    months, preds = forecast.held_out_forecasts(
        model, forecast.untrained_like(model, values["seed"]), w, y, mode, horizon
    )
    band = None
    if len(members) > 1:
        _, s = forecast.ensemble_forecasts(list(members), w, y, mode, horizon)
        rows = {"ensemble": s.mean, **{f"member {k + 1}": p for k, p in enumerate(s.members)}}
        preds = {**rows, **{k: v for k, v in preds.items() if k != "model"}}
        band = ([dates[i] for i in months], s.low, s.high)
    origin = int(months[0])
    truth = y[months]
    shown = [dates[i] for i in months]
    drawn = ("ensemble" if band else "model", "naive", "seasonal naive")
    lines = {k: (shown, preds[k]) for k in drawn if k in preds}
    start = max(0, origin - 36)
    fig = viz.series_figure(
        dates[start:],
        y[start:],
        origin - start,
        tr("fc.forecast_title", mode=tr(f"fc.mode_{mode}")),
        y_title,
        _names(),
        lines=lines,
        band=band,
    )
    st.plotly_chart(fig, key=f"{page}.forecast", config={"displayModeBar": False})
    table = error_table(preds, truth)
    two_places = st.column_config.NumberColumn(format="%.2f")  # 19.00, not 19, beside 18.36
    st.dataframe(
        table, hide_index=True, width="stretch", column_config=dict.fromkeys(table.columns[1:], two_places)
    )
    st.caption(tr("cls.fc_rows_help"))
    if band:
        st.caption(tr("ens.help"))
    st.caption(tr("fc.metrics_help", n=len(months)))
    csv = pd.DataFrame({"date": shown, "truth": truth, **{k: v for k, v in preds.items()}})
    st.download_button(
        tr("fc.export"),
        csv.to_csv(index=False).encode(),
        file_name="rnnlab-forecast.csv",
        mime="text/csv",
        key=f"{page}.export",
    )
    _insides(page, model, dates, w)


ROW_KEYS = {
    "model": "cls.fc_row_model",
    "untrained": "cls.fc_row_untrained",
    "preprocessing": "cls.fc_row_prep",
    "naive": "fc.naive",
    "seasonal naive": "fc.snaive",
}


def _row_name(key: str) -> str:
    if key.startswith("member "):
        return tr("ens.row_member", k=int(key.split()[1]))
    return tr("ens.row_ensemble") if key == "ensemble" else tr(ROW_KEYS[key])


def error_table(preds: dict[str, np.ndarray], truth: np.ndarray) -> pd.DataFrame:
    """One row per forecaster (trained, untrained, preprocessing alone, baselines): RMSE, MAE, MAPE %."""
    rows = [
        {
            tr("cls.fc_forecaster"): _row_name(k),
            **{m.upper(): round(v, 2) for m, v in regression_errors(p, truth).items()},
        }
        for k, p in preds.items()
    ]
    return pd.DataFrame(rows).rename(columns={"MAPE": "MAPE %"})


def _insides(page: str, model, dates: list[str], w: airline.Windows) -> None:
    view = (
        st.segmented_control(
            tr("inspect.view"),
            ["hidden", "gates"],
            default="hidden",
            key=f"{page}.view",
            format_func=lambda v: tr(f"inspect.tab_{v}"),
        )
        or "hidden"
    )
    t_dates = [dates[i] for i in w.t]
    d = model.cfg.directions
    if view == "hidden" or model.cfg.cell != "rnn":
        heat_notes(len(t_dates), d, viz.MAX_MONTHS, "cls.months_cut")
    if view == "hidden":
        st.caption(tr("fc.inside_help"))
        for k, h in enumerate(forecast.window_states(model, w)):
            st.plotly_chart(
                viz.time_heatmap(
                    h, t_dates, tr("inspect.hidden_title", layer=k + 1), tr("inspect.unit_axis"), directions=d
                ),
                key=f"{page}.wh{k}",
                config={"displayModeBar": False},
            )
    elif model.cfg.cell == "rnn":
        st.info(tr("inspect.no_gates"))
    else:
        st.caption(tr("cls.fc_gates_help"))
        gates = forecast.window_gates(model, w, model.cfg.num_layers - 1)
        for g in GATES[model.cfg.cell]:  # full width: one column per month
            st.plotly_chart(
                viz.time_heatmap(
                    gates[g],
                    t_dates,
                    tr(f"gate.{g}"),
                    tr("inspect.unit_axis"),
                    gate=g not in ("g", "n"),
                    directions=d,
                ),
                key=f"{page}.wg{g}",
                config={"displayModeBar": False},
            )
            st.caption(f"{tr(f'gate.{g}_help')} {tr(f'cls.gate_{g}')}")
