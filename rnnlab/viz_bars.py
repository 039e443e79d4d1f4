"""Bar and point charts: the verdict forming step by step, per-step gradients, word vectors in 2-D."""

import numpy as np
import plotly.graph_objects as go

from .viz_heatmaps import DIVERGING, step_axis
from .viz_layout import figure, log_axis
from .viz_lines import BAD, BLUE, GOOD


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
        "cliponaxis": False,  # "100%" above a full bar stays whole
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
            "xaxis": step_axis(labels),
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
            "xaxis": step_axis(labels),
            "height": 260,
            "showlegend": False,
            "yaxis": {"title": {"text": y_title}, **(log_axis(v) if log_y else {})},
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
        "textfont": {"size": 14},
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
