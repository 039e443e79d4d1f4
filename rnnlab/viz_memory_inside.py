"""The Memory lab's views of a model's inside: gradient flow per step and per epoch, gate and cell
units over time, hidden-state norms and losses (plain arrays in, Plotly figures out)."""

import numpy as np
import plotly.graph_objects as go

from .viz import BLUE, COLORS, thin
from .viz_layout import integer_axis
from .viz_lines import run_colors
from .viz_memory_base import FONT, GREY, _layout, _line, figure


def flow_lines(norms: dict[str, np.ndarray], title: str, x_title: str, y_title: str) -> go.Figure:
    """|d loss / d x_t| per step t on a log scale, one line per cell."""
    data = []
    for name, g in norms.items():
        g = np.maximum(np.asarray(g, float), 1e-30)
        data.append(_line(name, np.arange(1, len(g) + 1), g, COLORS.get(name.lower(), BLUE)))
    values = np.concatenate([d["y"] for d in data]) if data else None
    return figure(data, _layout(title, x_title, y_title, height=400, log_y=True, y_values=values))


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
    """||h_t|| over steps per setting, log scale; each setting in its run's colour (``run_colors``, as in
    the loss chart)."""
    colors = run_colors(norms)
    data = [
        _line(name, np.arange(1, len(n) + 1), np.maximum(np.asarray(n, float), 1e-30), colors[name])
        for name, n in norms.items()
    ]
    values = np.concatenate([d["y"] for d in data]) if data else None
    return figure(data, _layout(title, x_title, y_title, log_y=True, y_values=values))


def loss_lines(series: dict[str, tuple], title: str, x_title: str, y_title: str) -> go.Figure:
    """name -> (epochs, losses) on a log scale (a NaN stop simply ends a line), each in its run's colour."""
    colors = run_colors(series)
    data = []
    for name, (x, y) in series.items():
        x, y = thin(x, y)
        data.append({**_line(name, x, y, colors[name]), "mode": "lines+markers" if len(x) < 30 else "lines"})
    values = np.concatenate([np.asarray(d["y"], float) for d in data]) if data else None
    xs = np.concatenate([np.asarray(d["x"], float) for d in data]) if data else None
    lay = _layout(title, x_title, y_title, log_y=True, y_values=values)
    lay["xaxis"] |= integer_axis(xs)
    return figure(data, lay)
