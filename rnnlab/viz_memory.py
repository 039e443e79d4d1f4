"""The Memory lab's views: plain arrays in, Plotly figures out (no model, no trainer, no UI here).

Readable from the back of a classroom through the house layout (``viz_layout.figure``: fonts of 14 px and
more, wrapped titles, the vertical axis's title written horizontally above the plot, so Hangul is not
turned on its side). Colours per cell follow :data:`rnnlab.viz.COLORS`.
"""

import numpy as np
import plotly.graph_objects as go

from .viz import BLUE, COLORS, log_axis, thin
from .viz import figure as _house_figure
from .viz_layout import LINE_PX

FONT = 15  # text drawn by these views (bar labels, legends)
GREY, DARK = "#9aa3ad", "#333333"
LEGEND = {"orientation": "h", "y": -0.22, "x": 0, "font": {"size": FONT}}
ACT_COLORS = {"tanh": "#2e86ab", "sigmoid": "#59a96a", "relu": "#e4572e"}


def figure(data: list[dict], layout: dict) -> go.Figure:
    """The house figure, with a title of several lines anchored by its first line: Chromium draws the
    lines of a bottom-anchored Plotly title below its first, so anchoring the last line there (as
    ``viz_layout.figure`` does) ran the title into the horizontal y-axis title (seen in the page)."""
    fig = _house_figure(data, layout)
    if fig.layout.title.text and fig.layout.height:
        fig.layout.title.y = 1 - (10 + LINE_PX) / fig.layout.height
    return fig


def _log_dtick(values) -> dict:
    """Ticks every decade, or every few decades when the range spans many (no pile of labels)."""
    v = np.asarray([x for x in np.ravel(values) if x > 0], float)
    decades = np.log10(v.max() / v.min()) if v.size else 1
    return {"dtick": int(max(1, np.ceil(decades / 7)))}


def _layout(title: str, x_title: str, y_title: str, height: int = 340, log_y: bool = False, **extra) -> dict:
    """The house layout (:func:`rnnlab.viz_layout.figure` wraps the title and writes the y title
    horizontally above the axis), a legend under the plot, and ``extra`` on top."""
    layout = {
        "title": {"text": title},
        "height": height,
        "margin": {"b": 90},
        "xaxis": {"title": {"text": x_title}},
        "yaxis": {**({"title": {"text": y_title}} if y_title else {}), **(log_axis() if log_y else {})},
        "annotations": [],
        "legend": LEGEND,
    }
    layout.update(extra)
    return layout


def _line(name: str, x, y, color: str, dash: str | None = None, width: float = 2.5, **more) -> dict:
    line = {"color": color, "width": width, **({"dash": dash} if dash else {})}
    return {"type": "scatter", "mode": "lines", "name": name, "x": x, "y": y, "line": line, **more}


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
    lay = _layout(title, x_title, y_title, height=400, log_y=True)
    lay["yaxis"] |= _log_dtick([d["y"] for d in data])
    return figure(data, lay)


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
    """The model's next value and the true one against the count's start; the training range shaded."""
    data = [
        _line(names[0], starts, truths, GREY, dash="dash"),
        {**_line(names[1], starts, answers, BLUE), "mode": "lines+markers"},
    ]
    shade = {
        "type": "rect",
        "xref": "x",
        "yref": "paper",
        "x0": float(np.min(starts)),
        "x1": train_max,
        "y0": 0,
        "y1": 1,
        "fillcolor": "#59a96a",
        "opacity": 0.15,
        "line": {"width": 0},
    }
    fig = figure(data, _layout(title, x_title, y_title, shapes=[shade]))
    fig.add_annotation(
        x=train_max,
        y=0.02,
        xref="x",
        yref="paper",
        text=names[2],
        showarrow=False,
        xanchor="right",
        yanchor="bottom",
    )
    return fig


def error_bars(
    values: dict[str, float], floor: float, title: str, x_title: str, floor_label: str, baselines=()
) -> go.Figure:
    """Horizontal bars of test MSE per model (blue) or baseline (grey, named in ``baselines``), with the
    noise floor as a dotted line named in the legend."""
    names = list(values)
    vals = [values[n] for n in names]
    colors = [GREY if n in baselines else BLUE for n in names]
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
    data, palette = [], ["#e4572e", "#2e86ab", "#59a96a", "#8e6c8a", "#f2a541"]
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
        for j, (name, p) in enumerate(preds.items()):
            data.append(
                {
                    "type": "scatter",
                    "mode": "markers",
                    "name": name,
                    "x": [w + 1],
                    "y": [float(p[i])],
                    "marker": {"symbol": "circle", "size": 12, "color": palette[j % len(palette)]},
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
    return figure(data, _chance_line(lay, chance, chance_label))


def sweep(
    table: dict[str, tuple], lengths, chance: float, title: str, x_title: str, y_title: str, chance_label: str
) -> go.Figure:
    """Held-out accuracy against T, one line per cell; points appear as they land."""
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
    lay["xaxis"].update({"type": "log", "tickvals": list(lengths), "ticktext": [str(t) for t in lengths]})
    return figure(data, _chance_line(lay, chance, chance_label))


def flow_lines(norms: dict[str, np.ndarray], title: str, x_title: str, y_title: str) -> go.Figure:
    """|d loss / d x_t| per step t on a log scale, one line per cell."""
    data = []
    for name, g in norms.items():
        g = np.maximum(np.asarray(g, float), 1e-30)
        data.append(_line(name, np.arange(1, len(g) + 1), g, COLORS.get(name.lower(), BLUE)))
    lay = _layout(title, x_title, y_title, height=400, log_y=True)
    lay["yaxis"] |= _log_dtick([d["y"] for d in data])
    return figure(data, lay)


def flow_heatmap(
    matrix: np.ndarray, epochs: list[int], title: str, x_title: str, y_title: str, bar_title: str
) -> go.Figure:
    """(E, L) gradient norms as log10, x the step t, y the epoch."""
    m = np.log10(np.maximum(np.asarray(matrix, float), 1e-30))
    trace = {
        "type": "heatmap",
        "z": m,
        "x": list(range(1, m.shape[1] + 1)),
        "y": [str(e) for e in epochs],
        "colorscale": "Viridis",
        "colorbar": {"title": {"text": bar_title, "side": "top"}, "tickfont": {"size": FONT}},
        "hovertemplate": "t=%{x}, epoch %{y}: 10^%{z:.1f}<extra></extra>",
    }
    lay = _layout(title, x_title, y_title, height=min(520, 200 + 16 * len(epochs)))
    lay["yaxis"] |= {"type": "category", "tickfont": {"size": FONT}}
    return figure([trace], lay)


def unit_heatmap(
    values: np.ndarray, holding: list[int], title: str, x_title: str, y_title: str, gate: bool
) -> go.Figure:
    """values (L, H): a gate (0..1) or a state over steps; rows of the units that hold the symbol marked ★."""
    v = np.asarray(values, float).T  # (H, L)
    lim = max(float(np.abs(v).max()) if v.size else 1.0, 1e-6)
    scale = (
        {"colorscale": "Viridis", "zmin": 0, "zmax": 1}
        if gate
        else {"colorscale": "RdBu", "reversescale": True, "zmin": -lim, "zmax": lim}
    )
    labels = [f"★ {u + 1}" if u in holding else str(u + 1) for u in range(v.shape[0])]
    trace = {
        "type": "heatmap",
        "z": v,
        "x": list(range(1, v.shape[1] + 1)),
        "y": labels,
        "hovertemplate": "t=%{x}, unit %{y}: %{z:.3f}<extra></extra>",
        "colorbar": {"tickfont": {"size": FONT}},
        **scale,
    }
    lay = _layout(title, x_title, y_title, height=min(560, 180 + 18 * v.shape[0]))
    lay["yaxis"] |= {"type": "category", "autorange": "reversed", "tickfont": {"size": FONT - 1}}
    return figure([trace], lay)


def unit_lines(
    values: np.ndarray, holding: list[int], title: str, x_title: str, y_title: str, unit: str
) -> go.Figure:
    """values (L, H): every unit over time, grey; the units that hold the symbol in colour and thick."""
    v = np.asarray(values, float)
    t = np.arange(1, v.shape[0] + 1)
    data = [
        _line(f"{unit} {u + 1}", t, v[:, u], GREY, width=1, showlegend=False)
        for u in range(v.shape[1])
        if u not in holding
    ]
    palette = ["#e4572e", "#2e86ab", "#59a96a"]
    data += [_line(f"★ {unit} {u + 1}", t, v[:, u], palette[i % 3], width=4) for i, u in enumerate(holding)]
    return figure(data, _layout(title, x_title, y_title))


def norm_lines(norms: dict[str, np.ndarray], title: str, x_title: str, y_title: str) -> go.Figure:
    """||h_t|| over steps per setting, log scale."""
    palette = [BLUE, "#e4572e", "#59a96a"]
    data = [
        _line(name, np.arange(1, len(n) + 1), np.maximum(np.asarray(n, float), 1e-30), palette[i % 3])
        for i, (name, n) in enumerate(norms.items())
    ]
    lay = _layout(title, x_title, y_title, log_y=True)
    lay["yaxis"] |= _log_dtick([d["y"] for d in data])
    return figure(data, lay)


def loss_lines(series: dict[str, tuple], title: str, x_title: str, y_title: str) -> go.Figure:
    """name -> (epochs, losses) on a log scale (a NaN stop simply ends a line)."""
    palette = {"no clip": "#e4572e", "clip": BLUE}
    data = []
    for i, (name, (x, y)) in enumerate(series.items()):
        x, y = thin(x, y)
        color = palette.get(name, COLORS.get(name.split()[0].lower(), [BLUE, "#e4572e", "#59a96a"][i % 3]))
        data.append({**_line(name, x, y, color), "mode": "lines+markers" if len(x) < 30 else "lines"})
    return figure(data, _layout(title, x_title, y_title, log_y=True))


def _chance_line(lay: dict, chance: float, label: str) -> dict:
    """A dotted line across the chart at the accuracy of guessing, labelled at its right end."""
    lay["shapes"] = [
        {
            "type": "line",
            "xref": "paper",
            "x0": 0,
            "x1": 1,
            "y0": chance,
            "y1": chance,
            "line": {"dash": "dot", "color": DARK},
        }
    ]
    label = {"text": label, "xref": "paper", "x": 1, "y": chance, "xanchor": "right", "yanchor": "bottom"}
    lay["annotations"].append({**label, "showarrow": False})
    return lay
