"""Views: plain arrays in, Plotly figures out. No model, no trainer, no UI framework here.

Steps go on the x axis as numbers with tick labels (a token may repeat: "🐱 🐱" must stay two columns).
Long curves are thinned to at most ``MAX_POINTS`` so redraws cost the same at epoch 10 and 10,000.
Figures are built as plain specs and wrapped without Plotly's per-property validation, which costs
~20 ms a chart (a live panel redraws ten charts several times a second); tests validate every view.
"""

import numpy as np
import plotly.graph_objects as go

MAX_POINTS = 400
COLORS = {"rnn": "#e4572e", "lstm": "#2e86ab", "gru": "#59a96a"}
GOOD, BAD, BLUE = "#59a96a", "#e4572e", "#2e86ab"
_GRID = {"gridcolor": "#e6e9ef", "zerolinecolor": "#d0d5dd"}
_NO_BAR = {"displayModeBar": False}
# explicit scales: plotly.js's named "RdBu" and "Blues" run the opposite way to Python's
DIVERGING = [
    [0.0, "#2166ac"],
    [0.25, "#92c5de"],
    [0.5, "#f7f7f7"],
    [0.75, "#f4a582"],
    [1.0, "#b2182b"],
]  # blue -, red +
SEQUENTIAL = [[0.0, "#f7fbff"], [1.0, "#08306b"]]


def figure(data: list[dict], layout: dict) -> go.Figure:
    """A figure from plain trace and layout dicts, with the house margins and font."""
    base = {
        "margin": {"l": 60, "r": 20, "t": 44, "b": 44},
        "font": {"size": 13},
        "plot_bgcolor": "white",
        "paper_bgcolor": "white",
        "xaxis": dict(_GRID),
        "yaxis": dict(_GRID),
    }
    for k, v in layout.items():
        base[k] = {**base[k], **v} if isinstance(v, dict) and isinstance(base.get(k), dict) else v
    return go.Figure({"data": data, "layout": base}, _validate=False)


def thin(x, y, limit: int = MAX_POINTS):
    """Every k-th point (always keeping the last), so a long run draws at most ``limit`` points."""
    x, y = np.asarray(x), np.asarray(y)
    if len(x) <= limit:
        return x, y
    idx = np.unique(np.r_[np.linspace(0, len(x) - 1, limit).astype(int), len(x) - 1])
    return x[idx], y[idx]


def curves(
    series: dict[str, tuple], title: str, x_title: str, y_title: str, log_y: bool = False, height: int = 300
) -> go.Figure:
    """Overlaid lines: name -> (x, y). Used for loss and accuracy curves, one line per run."""
    data = []
    for name, (x, y) in series.items():
        x, y = thin(x, y)
        data.append(
            {
                "type": "scatter",
                "mode": "lines+markers" if len(x) < 30 else "lines",
                "name": name,
                "x": x,
                "y": y,
                "line": {"color": COLORS.get(name.split()[0].lower(), BLUE), "width": 2},
            }
        )
    return figure(
        data,
        {
            "title": {"text": title},
            "height": height,
            "xaxis": {"title": {"text": x_title}},
            "yaxis": {"title": {"text": y_title}, "type": "log" if log_y else "linear"},
            "legend": {"orientation": "h", "y": 1.02, "x": 1, "xanchor": "right", "yanchor": "bottom"},
        },
    )


def _heat_scale(v: np.ndarray, gate: bool) -> dict:
    """Gates (0..1) on a sequential scale; states on a diverging one centred on 0, symmetric."""
    if gate:
        return {"colorscale": "Viridis", "zmin": 0.0, "zmax": 1.0}
    lim = max(float(np.max(np.abs(v))) if v.size else 1.0, 1e-6)
    return {"colorscale": DIVERGING, "zmin": -lim, "zmax": lim, "zmid": 0.0}


def _step_axis(labels: list[str], title: str | None = None) -> dict:
    axis = {
        "tickmode": "array",
        "tickvals": list(range(len(labels))),
        "ticktext": list(labels),
        "tickfont": {"size": 16},
    }
    return {**axis, "title": {"text": title}} if title else axis


def step_heatmap(
    values: np.ndarray,
    labels: list[str],
    title: str,
    unit_title: str,
    step_title: str,
    gate: bool = False,
    height: int | None = None,
) -> go.Figure:
    """values (L, U): one column per step (labelled with its token), one row per unit.
    Gates (0..1) use a sequential scale; states (-1..1 or unbounded) a diverging one centred on 0."""
    v = np.asarray(values, dtype=float).T  # (U, L)
    trace = {
        "type": "heatmap",
        "z": v,
        "x": list(range(v.shape[1])),
        "y": list(range(1, v.shape[0] + 1)),
        "customdata": [list(labels)] * v.shape[0],
        "hovertemplate": "%{customdata} (step %{x})<br>unit %{y}: %{z:.4f}<extra></extra>",
    }
    trace.update(_heat_scale(v, gate))
    units = v.shape[0]
    return figure(
        [trace],
        {
            "title": {"text": title},
            "xaxis": _step_axis(labels, step_title),
            "yaxis": {"title": {"text": unit_title}, "autorange": "reversed"},
            "height": height or int(min(520, max(220, 110 + 9 * units))),
        },
    )


def verdict_strip(
    probs: np.ndarray, labels: list[str], title: str, y_title: str, positive: str, negative: str
) -> go.Figure:
    """The probability of the positive class after each step, as bars around the 0.5 line."""
    p = np.asarray(probs, dtype=float)
    bars = {
        "type": "bar",
        "x": list(range(len(p))),
        "y": p,
        "marker": {"color": [GOOD if v >= 0.5 else BAD for v in p]},
        "text": [f"{v:.0%}" for v in p],
        "textposition": "outside",
        "hovertemplate": "%{y:.3f}<extra></extra>",
    }
    half = {
        "type": "scatter",
        "mode": "lines",
        "x": [-0.5, len(p) - 0.5],
        "y": [0.5, 0.5],
        "hoverinfo": "skip",
        "line": {"color": "#888", "dash": "dot", "width": 1},
    }
    return figure(
        [bars, half],
        {
            "title": {"text": title},
            "xaxis": _step_axis(labels),
            "height": 280,
            "showlegend": False,
            "yaxis": {
                "title": {"text": y_title},
                "range": [0, 1.12],
                "tickmode": "array",
                "tickvals": [0, 0.25, 0.5, 0.75, 1],
                "ticktext": [f"{negative} 0", "0.25", "0.5", "0.75", f"{positive} 1"],
            },
        },
    )


def step_bars(
    values: np.ndarray, labels: list[str], title: str, y_title: str, log_y: bool = False, signed: bool = False
) -> go.Figure:
    """One bar per step: gradient norms (log scale) or signed saliency."""
    v = np.asarray(values, dtype=float)
    color = [GOOD if x >= 0 else BAD for x in v] if signed else BLUE
    bars = {
        "type": "bar",
        "x": list(range(len(v))),
        "y": v,
        "marker": {"color": color},
        "hovertemplate": "%{y:.3g}<extra></extra>",
    }
    return figure(
        [bars],
        {
            "title": {"text": title},
            "xaxis": _step_axis(labels),
            "height": 260,
            "showlegend": False,
            "yaxis": {"title": {"text": y_title}, "type": "log" if log_y else "linear"},
        },
    )


def confusion_figure(
    matrix: np.ndarray, labels: list[str], title: str, true_title: str, pred_title: str
) -> go.Figure:
    """Counts of (true row, predicted column). Up to 15 classes each cell shows its count; with more, the
    figure grows 20 px per class, every label stays on its axis and counts show on hover."""
    m = np.asarray(matrix)
    n = len(labels)
    heat = {
        "type": "heatmap",
        "z": m,
        "x": labels,
        "y": labels,
        "colorscale": SEQUENTIAL,
        "showscale": False,
        "hovertemplate": f"{true_title}: %{{y}}<br>{pred_title}: %{{x}}<br>%{{z}}<extra></extra>",
    }
    if n <= 15:
        heat.update(text=m, texttemplate="%{text}")
    font = {"size": 11 if n <= 15 else 9}
    return figure(
        [heat],
        {
            "title": {"text": title},
            "height": max(300, 120 + 20 * n),
            "xaxis": {
                "title": {"text": pred_title},
                "tickfont": font,
                "dtick": 1,
                "tickangle": -45 if n > 3 else 0,
            },
            "yaxis": {"title": {"text": true_title}, "autorange": "reversed", "tickfont": font, "dtick": 1},
        },
    )


def series_figure(
    dates: list[str],
    y: np.ndarray,
    split: int,
    title: str,
    y_title: str,
    names: dict[str, str],
    window: tuple[int, int] | None = None,
    lines: dict[str, tuple] | None = None,
) -> go.Figure:
    """The series, its test part shaded from ``split`` on, one input window (start, target index)
    highlighted, and forecast lines: name -> (dates, values)."""
    data = [
        {
            "type": "scatter",
            "mode": "lines",
            "name": names["truth"],
            "x": list(dates),
            "y": np.asarray(y, float),
            "line": {"color": "#1f2933", "width": 2},
        }
    ]
    dashes = {"naive": "dot", "seasonal naive": "dash"}
    for i, (name, (x, v)) in enumerate((lines or {}).items()):
        data.append(
            {
                "type": "scatter",
                "mode": "lines+markers",
                "name": names.get(name, name),
                "x": list(x),
                "y": np.asarray(v, float),
                "marker": {"size": 4},
                "line": {
                    "color": [BAD, "#9aa5b1", "#c2a14d"][min(i, 2)],
                    "dash": dashes.get(name, "solid"),
                    "width": 2.5 if i == 0 else 1.5,
                },
            }
        )
    shapes = [
        {
            "type": "rect",
            "xref": "x",
            "yref": "paper",
            "x0": dates[split],
            "x1": dates[-1],
            "y0": 0,
            "y1": 1,
            "fillcolor": "rgba(228,87,46,0.08)",
            "line": {"width": 0},
            "layer": "below",
        }
    ]
    notes = [
        {
            "x": dates[split],
            "y": 1,
            "xref": "x",
            "yref": "paper",
            "text": names["test"],
            "showarrow": False,
            "xanchor": "left",
            "yanchor": "top",
            "font": {"color": BAD},
        }
    ]
    if window:
        start, target = window
        shapes.append(
            {
                "type": "rect",
                "xref": "x",
                "yref": "paper",
                "x0": dates[start],
                "x1": dates[target - 1],
                "y0": 0,
                "y1": 1,
                "fillcolor": "rgba(46,134,171,0.18)",
                "line": {"width": 0},
                "layer": "below",
            }
        )
        data.append(
            {
                "type": "scatter",
                "mode": "markers",
                "name": names["target"],
                "x": [dates[target]],
                "y": [float(y[target])],
                "marker": {"size": 12, "color": BLUE, "symbol": "star"},
            }
        )
    return figure(
        data,
        {
            "title": {"text": title},
            "height": 380,
            "shapes": shapes,
            "annotations": notes,
            "yaxis": {"title": {"text": y_title}},
            "hovermode": "x unified",
            "legend": {"orientation": "h", "y": -0.15},
        },
    )


def time_heatmap(
    values: np.ndarray, dates: list[str], title: str, unit_title: str, gate: bool = False
) -> go.Figure:
    """values (N, U) over time (one column per date, e.g. the state after each window), units as rows."""
    v = np.asarray(values, dtype=float).T  # (U, N)
    trace = {
        "type": "heatmap",
        "z": v,
        "x": list(dates),
        "y": list(range(1, v.shape[0] + 1)),
        "hovertemplate": "%{x}<br>unit %{y}: %{z:.4f}<extra></extra>",
    }
    trace.update(_heat_scale(v, gate))
    return figure(
        [trace],
        {
            "title": {"text": title},
            "yaxis": {"title": {"text": unit_title}, "autorange": "reversed"},
            "height": int(min(480, max(220, 110 + 9 * v.shape[0]))),
        },
    )


def project_2d(vectors: np.ndarray) -> np.ndarray:
    """(N, E) -> (N, 2) by PCA (the two directions of largest spread), signs fixed for stable redraws."""
    v = np.asarray(vectors, dtype=float)
    v = v - v.mean(0)
    _, _, vt = np.linalg.svd(v, full_matrices=False)
    xy = v @ vt[:2].T
    return xy * np.where(xy[np.abs(xy).argmax(0), range(2)] < 0, -1, 1)


def embedding_figure(
    words: list[str], xy: np.ndarray, colors: list[float] | None, title: str, color_title: str
) -> go.Figure:
    """Words as labelled points in 2-D; ``colors`` (e.g. how positive each word's sentences are) optional."""
    marker = (
        {
            "size": 8,
            "color": colors,
            "colorscale": DIVERGING,
            "cmin": 0,
            "cmax": 1,
            "colorbar": {"title": {"text": color_title}},
        }
        if colors is not None
        else {"size": 8, "color": BLUE}
    )
    pts = {
        "type": "scatter",
        "mode": "markers+text",
        "x": xy[:, 0],
        "y": xy[:, 1],
        "text": list(words),
        "textposition": "top center",
        "textfont": {"size": 11},
        "marker": marker,
        "hovertemplate": "%{text}<extra></extra>",
    }
    return figure(
        [pts],
        {
            "title": {"text": title},
            "height": 460,
            "showlegend": False,
            "xaxis": {"title": {"text": "PC 1"}},
            "yaxis": {"title": {"text": "PC 2"}},
        },
    )
