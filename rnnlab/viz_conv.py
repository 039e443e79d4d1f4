"""The conv front-end's feature maps: one column per token, one row per map, the pooled groups marked.

Plain arrays in, a Plotly figure out, sized like the hidden-state heatmaps (``viz_heatmaps``): maps are
ReLU outputs (>= 0), so they use a sequential scale from 0; the last ``MAX_STEPS`` tokens are drawn.
"""

import numpy as np
import plotly.graph_objects as go

from .viz_heatmaps import MAX_STEPS, SEQUENTIAL, capped, step_axis, step_bottom, unit_axis
from .viz_layout import figure, rows_px


def feature_map_heatmap(
    maps: np.ndarray, tokens: list[str], pool: int, title: str, map_title: str, token_title: str
) -> go.Figure:
    """maps (L, F): m_t for each token t and map f. A dashed line separates each group of ``pool``
    tokens that max-pooling turns into one step of the RNN."""
    v = np.asarray(maps, dtype=float)  # (L, F)
    skip = capped(len(v), MAX_STEPS)
    v, labels = v[skip:].T, list(tokens)[skip:]  # (F, L')
    top = max(float(v.max()) if v.size else 1.0, 1e-6)
    trace = {
        "type": "heatmap",
        "z": v,
        "x": list(range(v.shape[1])),
        "y": list(range(1, v.shape[0] + 1)),
        "colorscale": SEQUENTIAL,
        "zmin": 0.0,
        "zmax": top,
        "customdata": [[f"{s} (token {skip + k + 1})" for k, s in enumerate(labels)]] * v.shape[0],
        "hovertemplate": "%{customdata}<br>map %{y}: %{z:.4f}<extra></extra>",
        "xgap": 1,
    }
    bounds = [k - 0.5 for k in range(1, v.shape[1]) if (skip + k) % pool == 0] if pool > 1 else []
    shapes = [
        {
            "type": "line",
            "yref": "paper",
            "x0": b,
            "x1": b,
            "y0": 0,
            "y1": 1,
            "line": {"color": "#d95f02", "width": 3, "dash": "dash"},
        }
        for b in bounds
    ]
    maps_n = v.shape[0]
    x_axis = step_axis(labels, token_title)
    return figure(
        [trace],
        {
            "title": {"text": title},
            "xaxis": x_axis,
            "yaxis": {"title": {"text": map_title}, **unit_axis(maps_n)},
            "shapes": shapes,
            "plot_px": rows_px(maps_n),
            "margin": {"b": step_bottom(x_axis)},
            "meta": {"steps_left_out": skip, "pool_lines": len(bounds)},
        },
    )
