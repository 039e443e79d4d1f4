"""Heatmaps: a state or gate over steps (one column per step, one row per unit), over months, and the
confusion matrix. Sized for a projector: cells stay readable, and what cannot be read is capped
(``MAX_STEPS`` steps, ``MAX_MONTHS`` months, the last ones kept) so the page can say so in a note."""

import math
import re

import numpy as np
import plotly.graph_objects as go

from .viz_layout import TICK_SIZE, figure, rows_px, units

MAX_STEPS = 36  # steps a step heatmap draws (the last ones): about 20 px a column at full width
MAX_MONTHS = 60  # months a time heatmap draws (the last ones)
DATE_TICKS = 6  # most labels on a time heatmap's axis: a phone's 250 px plot holds them level
MIN_CELL_PX = 44  # a confusion-matrix cell, up to ``COUNTED`` classes
COUNTED = 15  # classes up to which each cell prints its count
# explicit scales: plotly.js's named "RdBu" and "Blues" run the opposite way to Python's
DIVERGING = [
    [0.0, "#2166ac"],
    [0.25, "#92c5de"],
    [0.5, "#f7f7f7"],
    [0.75, "#f4a582"],
    [1.0, "#b2182b"],
]  # blue -, red +
SEQUENTIAL = [[0.0, "#f7fbff"], [1.0, "#08306b"]]


def capped(n: int, limit: int = MAX_STEPS) -> int:
    """How many of ``n`` steps a heatmap leaves out (the first ones); 0 when all are drawn."""
    return max(0, n - limit)


def heat_scale(v: np.ndarray, gate: bool) -> dict:
    """Gates (0..1) on a sequential scale; states on a diverging one centred on 0, symmetric."""
    if gate:
        return {"colorscale": "Viridis", "zmin": 0.0, "zmax": 1.0}
    lim = max(float(np.max(np.abs(v))) if v.size else 1.0, 1e-6)
    return {"colorscale": DIVERGING, "zmin": -lim, "zmax": lim, "zmid": 0.0}


def step_axis(labels: list[str], title: str | None = None) -> dict:
    """One tick per step, labelled with its token; long tokens or many steps tilt the labels."""
    wide = max((units(str(s)) for s in labels), default=0)
    axis = {
        "tickmode": "array",
        "tickvals": list(range(len(labels))),
        "ticktext": list(labels),
        "tickfont": {"size": 16},
        "tickangle": -60 if wide > 3 and len(labels) > 6 else 0,
    }
    return {**axis, "title": {"text": title}} if title else axis


def step_bottom(axis: dict) -> int:
    """The bottom margin under a ``step_axis``: its tokens (tilted ones hang lower: about 8 px a width
    unit at 16 px, sin 60° of it) and the x title."""
    wide = max((units(str(s)) for s in axis["ticktext"]), default=1)
    return 52 + (int(0.87 * 8 * wide) if axis["tickangle"] else 20)


def unit_axis(n_rows: int, directions: int = 1) -> dict:
    """Rows 1..H per direction; with two directions, "→ k" (forward) then "← k" (backward)."""
    per = n_rows // directions
    text = [
        f"{'→ ' if directions == 2 and r < per else '← ' if directions == 2 else ''}{r % per + 1}"
        for r in range(n_rows)
    ]
    every = max(1, math.ceil(n_rows / 16))
    keep = [r for r in range(n_rows) if r % per % every == 0]
    return {
        "tickmode": "array",
        "tickvals": [r + 1 for r in keep],
        "ticktext": [text[r] for r in keep],
        "autorange": "reversed",
    }


def step_heatmap(
    values: np.ndarray,
    labels: list[str],
    title: str,
    unit_title: str,
    step_title: str,
    gate: bool = False,
    height: int | None = None,
    directions: int = 1,
) -> go.Figure:
    """values (L, U): one column per step (labelled with its token), one row per unit; only the last
    ``MAX_STEPS`` steps are drawn. Gates (0..1) use a sequential scale; states a diverging one
    centred on 0. With ``directions`` 2 the rows are the forward units, then the backward ones."""
    v = np.asarray(values, dtype=float)  # (L, U)
    skip = capped(len(v))
    v, labels = v[skip:].T, list(labels)[skip:]  # (U, L')
    trace = {
        "type": "heatmap",
        "z": v,
        "x": list(range(v.shape[1])),
        "y": list(range(1, v.shape[0] + 1)),
        "customdata": [[f"{s} (step {skip + k + 1})" for k, s in enumerate(labels)]] * v.shape[0],
        "hovertemplate": "%{customdata}<br>unit %{y}: %{z:.4f}<extra></extra>",
        "xgap": 1,
    }
    trace.update(heat_scale(v, gate))
    if directions == 2:  # a white line between the forward and the backward rows
        trace["ygap"] = 0
    units_ = v.shape[0]
    shapes = (
        [
            {
                "type": "line",
                "xref": "paper",
                "x0": 0,
                "x1": 1,
                "y0": units_ / 2 + 0.5,
                "y1": units_ / 2 + 0.5,
                "line": {"color": "white", "width": 4},
            }
        ]
        if directions == 2
        else []
    )
    x_axis = step_axis(labels, step_title)
    size = {"height": height} if height else {"plot_px": rows_px(units_)}
    return figure(
        [trace],
        {
            "title": {"text": title},
            "xaxis": x_axis,
            "yaxis": {"title": {"text": unit_title}, **unit_axis(units_, directions)},
            "shapes": shapes,
            **size,
            "margin": {"b": step_bottom(x_axis)},
            "meta": {"steps_left_out": skip},
        },
    )


def time_heatmap(
    values: np.ndarray, dates: list[str], title: str, unit_title: str, gate: bool = False, directions: int = 1
) -> go.Figure:
    """values (N, U) over time (one column per date, e.g. the state after each window), units as rows
    ``ROW_PX`` tall; only the last ``MAX_MONTHS`` columns are drawn, with a few level date labels
    (``date_axis``), so a phone's narrow plot is not a pile of tilted months."""
    v = np.asarray(values, dtype=float)
    skip = capped(len(v), MAX_MONTHS)
    v, dates = v[skip:].T, [str(d) for d in dates][skip:]  # (U, N')
    trace = {
        "type": "heatmap",
        "z": v,
        "x": list(range(len(dates))),
        "y": list(range(1, v.shape[0] + 1)),
        "customdata": [dates] * v.shape[0],
        "hovertemplate": "%{customdata}<br>unit %{y}: %{z:.4f}<extra></extra>",
        "xgap": 1,
    }
    trace.update(heat_scale(v, gate))
    return figure(
        [trace],
        {
            "title": {"text": title},
            "xaxis": date_axis(dates),
            "yaxis": {"title": {"text": unit_title}, **unit_axis(v.shape[0], directions)},
            "plot_px": rows_px(v.shape[0]),
            "margin": {"b": 48},
            "meta": {"steps_left_out": skip},
        },
    )


def date_axis(dates: list[str]) -> dict:
    """Columns 0..N-1 labelled at most ``DATE_TICKS`` times, level: monthly dates ("1958-07") by their
    year at each January ("1958"), every few years when there are many; other dates at even steps."""
    if dates and all(re.match(r"\d{4}-\d{2}", d) for d in dates):
        # the first date of each year (the first column only when it is January: a year begun)
        years = [
            (i, d[:4])
            for i, d in enumerate(dates)
            if (i > 0 and d[:4] != dates[i - 1][:4]) or (i == 0 and d[5:7] == "01")
        ]
        if len(years) >= 2:
            marks = years[:: math.ceil(len(years) / DATE_TICKS)]
            return {
                "tickmode": "array",
                "tickvals": [i for i, _ in marks],
                "ticktext": [y for _, y in marks],
                "tickangle": 0,
            }
    step = max(1, math.ceil(len(dates) / DATE_TICKS))
    idx = list(range(0, len(dates), step))
    return {"tickmode": "array", "tickvals": idx, "ticktext": [dates[i] for i in idx]}


def confusion_figure(
    matrix: np.ndarray, labels: list[str], title: str, true_title: str, pred_title: str
) -> go.Figure:
    """Counts of (true row, predicted column). Up to ``COUNTED`` classes each cell is at least
    ``MIN_CELL_PX`` tall and shows its count; with more, 20 px a class, every label stays on its axis and
    counts show on hover. Drawn full width."""
    m = np.asarray(matrix)
    n = len(labels)
    heat = {
        "type": "heatmap",
        "z": m,
        "x": labels,
        "y": labels,
        "colorscale": SEQUENTIAL,
        "showscale": False,
        "xgap": 2,
        "ygap": 2,
        "hovertemplate": f"{true_title}: %{{y}}<br>{pred_title}: %{{x}}<br>%{{z}}<extra></extra>",
    }
    if n <= COUNTED:
        heat.update(text=m, texttemplate="%{text}", textfont={"size": 18})
    font = {"size": TICK_SIZE if n <= COUNTED else 12}
    return figure(
        [heat],
        {
            "title": {"text": title},
            "height": (200 + MIN_CELL_PX * n) if n <= COUNTED else 160 + 20 * n,
            "xaxis": {
                "title": {"text": pred_title},
                "tickfont": font,
                "dtick": 1,
                "tickangle": -45 if n > 3 else 0,
            },
            "yaxis": {"title": {"text": true_title}, "autorange": "reversed", "tickfont": font, "dtick": 1},
        },
    )
