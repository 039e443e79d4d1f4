"""Heatmaps: a state or gate over steps (one column per step, one row per unit), over months, and the
confusion matrix. Sized for a projector: cells stay readable, and what cannot be read is capped
(``MAX_STEPS`` steps, ``MAX_MONTHS`` months, the last ones kept) so the page can say so in a note."""

import math

import numpy as np
import plotly.graph_objects as go

from .viz_layout import TICK_SIZE, figure, units

MAX_STEPS = 36  # steps a step heatmap draws (the last ones): about 20 px a column at full width
MAX_MONTHS = 60  # months a time heatmap draws (the last ones)
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
    return figure(
        [trace],
        {
            "title": {"text": title},
            "xaxis": step_axis(labels, step_title),
            "yaxis": {"title": {"text": unit_title}, **unit_axis(units_, directions)},
            "shapes": shapes,
            "height": height or int(min(600, max(260, 150 + 18 * units_))),
            "meta": {"steps_left_out": skip},
        },
    )


def time_heatmap(
    values: np.ndarray, dates: list[str], title: str, unit_title: str, gate: bool = False, directions: int = 1
) -> go.Figure:
    """values (N, U) over time (one column per date, e.g. the state after each window), units as rows;
    only the last ``MAX_MONTHS`` columns are drawn."""
    v = np.asarray(values, dtype=float)
    skip = capped(len(v), MAX_MONTHS)
    v, dates = v[skip:].T, list(dates)[skip:]  # (U, N')
    trace = {
        "type": "heatmap",
        "z": v,
        "x": dates,
        "y": list(range(1, v.shape[0] + 1)),
        "hovertemplate": "%{x}<br>unit %{y}: %{z:.4f}<extra></extra>",
        "xgap": 1,
    }
    trace.update(heat_scale(v, gate))
    return figure(
        [trace],
        {
            "title": {"text": title},
            "xaxis": {"type": "category", "nticks": 10, "tickangle": -45},
            "yaxis": {"title": {"text": unit_title}, **unit_axis(v.shape[0], directions)},
            "height": int(min(520, max(260, 150 + 16 * v.shape[0]))),
            "meta": {"steps_left_out": skip},
        },
    )


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
