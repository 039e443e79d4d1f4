"""Line charts: loss and accuracy over epochs, a monthly series and its forecasts."""

import numpy as np
import plotly.graph_objects as go

from .viz_layout import figure, integer_axis, log_axis

MAX_POINTS = 400
COLORS = {"rnn": "#e4572e", "lstm": "#2e86ab", "gru": "#59a96a"}
GOOD, BAD, BLUE = "#59a96a", "#e4572e", "#2e86ab"
# runs that are not named by their cell ("1 layer", "2 layers"; "no clipping", "clipped at 1"), by order
PALETTE = [BLUE, "#e4572e", "#59a96a", "#8e6c8a", "#f2a541", "#1f2933"]
DASHES = ["solid", "dot", "dash", "dashdot", "longdash"]  # members of one cell's ensemble: "GRU", "GRU #2"
HELD_OUT = "#e08a00"  # held-out accuracy: orange and dashed, training blue and solid
# the legend on its own row at the foot of the figure, under the x-axis title (never over it)
LEGEND_BELOW = {
    "orientation": "h",
    "yref": "container",
    "y": 0,
    "yanchor": "bottom",
    "x": 0,
    "xanchor": "left",
}
LEGEND_ROOM = {"b": 104}  # bottom margin: tick labels, the x-axis title and the legend row


def thin(x, y, limit: int = MAX_POINTS):
    """Every k-th point (always keeping the last), so a long run draws at most ``limit`` points."""
    x, y = np.asarray(x), np.asarray(y)
    if len(x) <= limit:
        return x, y
    idx = np.unique(np.r_[np.linspace(0, len(x) - 1, limit).astype(int), len(x) - 1])
    return x[idx], y[idx]


def run_colors(names) -> dict[str, str]:
    """Each run's colour, the same in every chart that draws the same runs: the cell's colour when every
    name starts with a cell (RNN, LSTM, GRU; an ensemble's "GRU #2" shares its cell's), else the
    ``PALETTE`` in the runs' order (the first blue, the second orange)."""
    names = list(names)
    cells = [str(n).split()[0].lower() if str(n).split() else "" for n in names]
    if names and all(c in COLORS for c in cells):
        return {n: COLORS[c] for n, c in zip(names, cells)}
    return {n: PALETTE[i % len(PALETTE)] for i, n in enumerate(names)}


def run_lines(names) -> dict[str, dict]:
    """Each run's line: its colour (``run_colors``) and, for the second and later runs of one colour
    (an ensemble's members), a dash of its own."""
    colors, seen, out = run_colors(names), {}, {}
    for n in names:
        k = seen[colors[n]] = seen.get(colors[n], -1) + 1
        out[n] = {"color": colors[n], "dash": DASHES[k % len(DASHES)], "width": 2}
    return out


def curves(
    series: dict[str, tuple], title: str, x_title: str, y_title: str, log_y: bool = False, height: int = 300
) -> go.Figure:
    """Overlaid lines: name -> (x, y). Used for loss and accuracy curves, one line per run."""
    lines = run_lines(series)
    # a run with no point yet (diverged in its first epoch) keeps its legend entry with a null point
    data = [
        _curve(name, *(thin(x, y) if len(x) else ([None], [None])), lines[name])
        for name, (x, y) in series.items()
    ]
    xs = np.concatenate([np.asarray(d["x"], float) for d in data]) if data else None
    return figure(
        data,
        {
            "title": {"text": title},
            "height": height + (60 if len(data) > 1 else 0),  # the legend's row, when there is a legend
            # several runs: every one named, even one with no point yet (diverged in its first epoch)
            "showlegend": len(data) > 1,
            "xaxis": {"title": {"text": x_title}, **integer_axis(xs)},
            "yaxis": {
                "title": {"text": y_title},
                **(
                    log_axis(np.concatenate([np.asarray(d["y"], float) for d in data]) if data else None)
                    if log_y
                    else {}
                ),
            },
            "legend": LEGEND_BELOW,
            **({"margin": LEGEND_ROOM} if len(data) > 1 else {}),
        },
    )


def accuracy_curves(
    train: tuple, held_out: tuple | None, names: tuple[str, str], title: str, x_title: str, y_title: str
) -> go.Figure:
    """Training accuracy (blue, solid) and held-out accuracy (orange, dashed), each (epochs, values),
    with a legend naming them, on a 0-100% axis."""
    data = []
    for pair, name, color, dash in zip([train, held_out], names, [BLUE, HELD_OUT], ["solid", "dash"]):
        if pair is None or len(pair[0]) == 0:
            continue
        data.append(_curve(name, *thin(*pair), {"color": color, "dash": dash, "width": 3}))
    return figure(
        data,
        {
            "title": {"text": title},
            "height": 360,
            "showlegend": True,
            "xaxis": {"title": {"text": x_title}, **integer_axis(train[0])},
            "yaxis": {"title": {"text": y_title}, "range": [0, 1.05], "tickformat": ".0%"},
            "legend": LEGEND_BELOW,
            "margin": LEGEND_ROOM,
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
    band: tuple | None = None,
) -> go.Figure:
    """The series, its test part shaded from ``split`` on, one input window (start, target index)
    highlighted, forecast lines: name -> (dates, values), and a band (dates, low, high) named
    ``names["band"]``: an ensemble's spread, from its lowest to its highest member."""
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
    if band is not None:
        data += _band(names["band"], *band)
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
            "height": 440,
            "shapes": shapes,
            "annotations": notes,
            "yaxis": {"title": {"text": y_title}},
            "hovermode": "x unified",
            "legend": LEGEND_BELOW,
            "margin": LEGEND_ROOM,
        },
    )


def _band(name: str, x, low, high) -> list[dict]:
    """A shaded area between ``low`` and ``high`` (one legend entry): the upper edge, then the lower one
    filled up to it."""
    edge = {"type": "scatter", "mode": "lines", "x": list(x), "line": {"width": 0, "color": BAD}}
    return [
        {**edge, "y": np.asarray(high, float), "showlegend": False, "hoverinfo": "skip", "name": name},
        {
            **edge,
            "y": np.asarray(low, float),
            "name": name,
            "fill": "tonexty",
            "fillcolor": "rgba(228,87,46,0.22)",
            "hoverinfo": "skip",
        },
    ]


def _curve(name: str, x, y, line: dict) -> dict:
    """One named line; markers on the points while there are few of them."""
    mode = "lines+markers" if len(x) < 30 else "lines"
    return {"type": "scatter", "mode": mode, "name": name, "x": x, "y": y, "line": line}
