"""The Memory lab's views: plain arrays in, Plotly figures out (no model, no trainer, no UI here).

Readable from the back of a classroom through the house layout (``viz_layout.figure``: fonts of 14 px and
more, wrapped titles, the vertical axis's title written horizontally above the plot, so Hangul is not
turned on its side). Colours per cell follow :data:`rnnlab.viz.COLORS`.
"""

import numpy as np
import plotly.graph_objects as go

from .viz import BLUE, COLORS
from .viz_lines import run_colors
from .viz_memory_base import ACT_COLORS, DARK, FONT, GREY, _chance_line, _layout, _line, figure, legend_only
from .viz_memory_inside import flow_heatmap, flow_lines, loss_lines, norm_lines, unit_heatmap, unit_lines  # noqa: F401 (re-exported)

SHADE = "rgba(89, 169, 106, 0.18)"  # the training range (green, light)


def activations(curves: dict, title: str, x_title: str, y_title: str, d_label: str) -> go.Figure:
    """curves: name -> (a, act(a), act'(a)); the function solid, its derivative dashed."""
    data = []
    for name, (a, y, d) in curves.items():
        c = ACT_COLORS.get(name, BLUE)
        data.append(_line(name, a, y, c))
        data.append(_line(f"{name}' ({d_label})", a, d, c, dash="dash"))
    return figure(data, _layout(title, x_title, y_title, height=380))


def products(series: dict[str, np.ndarray], title: str, x_title: str, y_title: str) -> go.Figure:
    """name -> (T,) running products of derivatives, on a log scale (what is left t steps back)."""
    data = []
    for name, p in series.items():
        p = np.maximum(np.asarray(p, float), 1e-300)
        data.append(_line(name, np.arange(1, len(p) + 1), p, ACT_COLORS.get(name, BLUE)))
    values = np.concatenate([d["y"] for d in data]) if data else None
    return figure(data, _layout(title, x_title, y_title, height=400, log_y=True, y_values=values))


def extrapolation(
    starts,
    answers,
    truths,
    train_max: float,
    title: str,
    x_title: str,
    y_title: str,
    names: tuple[str, str, str],
) -> go.Figure:
    """The model's next value and the true one against the count's start; the training range shaded and
    named in the legend (a label inside the plot sat on the model's line)."""
    data = [
        _line(names[0], starts, truths, GREY, dash="dash"),
        {**_line(names[1], starts, answers, BLUE), "mode": "lines+markers"},
        legend_only(
            names[2], {"mode": "markers", "marker": {"symbol": "square", "size": 16, "color": SHADE}}
        ),
    ]
    shade = {
        "type": "rect",
        "xref": "x",
        "yref": "paper",
        "x0": float(np.min(starts)),
        "x1": train_max,
        "y0": 0,
        "y1": 1,
        "fillcolor": SHADE,
        "line": {"width": 0},
        "layer": "below",
    }
    return figure(data, _layout(title, x_title, y_title, shapes=[shade]))


def error_bars(
    values: dict[str, float], floor: float, title: str, x_title: str, floor_label: str, baselines=()
) -> go.Figure:
    """Horizontal bars of test MSE per model (each in its run's colour, ``run_colors``, as in the loss
    chart above) or baseline (grey, named in ``baselines``), with the noise floor as a dotted line named
    in the legend."""
    names = list(values)
    vals = [values[n] for n in names]
    models = run_colors([n for n in names if n not in baselines])
    colors = [models.get(n, GREY) for n in names]
    data = [
        {
            "type": "bar",
            "orientation": "h",
            "y": names,
            "x": vals,
            "marker": {"color": colors},
            "text": [f"{v:.5f}" for v in vals],
            "textposition": "auto",
            "textfont": {"size": FONT},
            "showlegend": False,
        }
    ]
    lay = _layout(title, x_title, "", height=150 + 46 * len(names))
    lay["yaxis"] |= {"autorange": "reversed", "tickfont": {"size": FONT}, "automargin": True}
    data.append(  # the floor as a dotted line with its name in the legend (no label over the title)
        _line(floor_label, [floor, floor], [names[0], names[-1]], DARK, dash="dot", width=2)
    )
    return figure(data, lay)


def series_examples(
    windows: np.ndarray,
    truths: np.ndarray,
    preds: dict[str, np.ndarray],
    title: str,
    x_title: str,
    y_title: str,
    truth_name: str,
) -> go.Figure:
    """A few test series (K, W) with the true next value and each model's prediction at step W+1."""
    k, w = windows.shape
    data, colors = [], run_colors(preds)  # each model's colour in the loss chart
    for i in range(k):
        axis = "" if i == 0 else str(i + 1)
        show = i == 0
        data.append(
            _line(
                "x",
                np.arange(1, w + 1),
                windows[i],
                GREY,
                xaxis=f"x{axis}",
                yaxis=f"y{axis}",
                showlegend=False,
            )
        )
        data.append(
            {
                "type": "scatter",
                "mode": "markers",
                "name": truth_name,
                "x": [w + 1],
                "y": [float(truths[i])],
                "marker": {"symbol": "star", "size": 16, "color": DARK},
                "xaxis": f"x{axis}",
                "yaxis": f"y{axis}",
                "showlegend": show,
            }
        )
        for name, p in preds.items():
            data.append(
                {
                    "type": "scatter",
                    "mode": "markers",
                    "name": name,
                    "x": [w + 1],
                    "y": [float(p[i])],
                    "marker": {"symbol": "circle", "size": 12, "color": colors[name]},
                    "xaxis": f"x{axis}",
                    "yaxis": f"y{axis}",
                    "showlegend": show,
                }
            )
    lay = _layout(title, x_title, y_title, height=200 + 150 * k)
    gap = 0.06
    for i in range(k):
        axis = "" if i == 0 else str(i + 1)
        top = 1 - i / k
        lay[f"yaxis{axis}"] = lay.get(f"yaxis{axis}", {}) | {
            "domain": [max(0, top - 1 / k + gap), top],
            "tickfont": {"size": FONT - 1},
        }
        lay[f"xaxis{axis}"] = {
            "anchor": f"y{axis}",
            "showticklabels": i == k - 1,
            "tickfont": {"size": FONT},
            **({"title": {"text": x_title}} if i == k - 1 else {}),
        }
    return figure(data, lay)


def accuracy_bars(
    acc: dict[str, float], chance: float, title: str, y_title: str, chance_label: str
) -> go.Figure:
    """Held-out accuracy per cell, with chance as a dotted line."""
    names = list(acc)
    data = [
        {
            "type": "bar",
            "x": names,
            "y": [acc[n] for n in names],
            "marker": {"color": [COLORS.get(n.lower(), BLUE) for n in names]},
            "text": [f"{acc[n]:.0%}" for n in names],
            "textposition": "auto",
            "textfont": {"size": FONT + 1},
            "showlegend": False,
        }
    ]
    lay = _layout(title, "", y_title, height=320)
    lay["yaxis"] |= {"range": [0, 1.05], "tickformat": ".0%", "tickfont": {"size": FONT}}
    lay["xaxis"]["tickfont"] = {"size": FONT + 1}
    data += _chance_line(lay, chance, chance_label)
    return figure(data, lay)


def sweep(
    table: dict[str, tuple], lengths, chance: float, title: str, x_title: str, y_title: str, chance_label: str
) -> go.Figure:
    """Held-out accuracy against T, one line per cell; points appear as they land. The T axis is fixed
    before the first point (log, from the shortest T to the longest, each T a level tick), so an empty
    chart already spreads its ticks across the width."""
    data = [
        {
            **_line(cell.upper(), xs, ys, COLORS.get(cell.lower(), BLUE)),
            "mode": "lines+markers",
            "marker": {"size": 11},
        }
        for cell, (xs, ys) in table.items()
    ]
    lay = _layout(title, x_title, y_title, height=360)
    lay["yaxis"] |= {"range": [0, 1.05], "tickformat": ".0%", "tickfont": {"size": FONT}}
    lo, hi = np.log10(min(lengths)), np.log10(max(lengths))
    pad = 0.06 * max(hi - lo, 1.0)
    lay["xaxis"].update(
        {
            "type": "log",
            "tickmode": "array",
            "tickvals": list(lengths),
            "ticktext": [str(t) for t in lengths],
            "tickangle": 0,
            "range": [lo - pad, hi + pad],
        }
    )
    data += _chance_line(lay, chance, chance_label)
    return figure(data, lay)
