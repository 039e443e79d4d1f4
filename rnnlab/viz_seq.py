"""Views of the Sequence-to-sequence lab: plain arrays in, Plotly figures out.

Readable from the back of a classroom through the house layout (rnnlab.viz_layout): fonts of 14 px and
more, titles that wrap instead of being cut, y-axis titles written horizontally above the axis.
"""

import numpy as np
import plotly.graph_objects as go

from .viz import BLUE, GOOD, SEQUENTIAL
from .viz_layout import FONT_SIZE, ROW_PX, figure

FONT = FONT_SIZE
ENC, DEC, IN, OUT, DIM = "#2e86ab", "#59a96a", "#f2f4f7", "#fff4e0", "#d0d5dd"
LINE_COLORS = {"none": "#e4572e", "dot": BLUE, "additive": GOOD}


def esc(labels) -> list[str]:
    """Token labels safe for Plotly's HTML-like text: "<s>" would start strikethrough, "</s>" end it."""
    return [str(x).replace("<", "&lt;").replace(">", "&gt;") for x in labels]


def _layout(title: str, height: int, **more) -> dict:
    """Title and height; the house ``figure`` wraps the title and grows the figure per extra line."""
    return {"title": {"text": title}, "height": height, **more}


def _htitle(text: str) -> dict:
    """A y-axis title (the house ``figure`` writes it horizontally above the axis)."""
    return {"text": text}


def prob_heatmap(
    probs: np.ndarray, out_tokens: list[str], vocab: list[str], title: str, x_title: str, y_title: str
) -> go.Figure:
    """probs (T, V): one column per output step (labelled with the token it chose), one row per token,
    every row labelled and ``ROW_PX`` tall (the figure grows with the vocabulary)."""
    z = np.asarray(probs, dtype=float).T  # (V, T)
    trace = _prob_trace(z, vocab)
    axis = {"tickmode": "array", "tickvals": list(range(len(out_tokens))), "ticktext": esc(out_tokens)}
    return figure(
        [trace],
        {
            "title": {"text": title},
            "plot_px": max(200, ROW_PX * len(vocab)),
            "margin": {"b": 72},  # the chosen tokens and the x title
            "xaxis": {**axis, "title": {"text": x_title}, "tickfont": {"size": FONT + 2}},
            "yaxis": {"title": _htitle(y_title), **_row_axis(vocab), "tickfont": {"size": FONT}},
        },
    )


def context_bars(vector: np.ndarray, title: str, x_title: str, y_title: str) -> go.Figure:
    """The context vector (H,): one bar per unit, red above zero, blue below."""
    v = np.asarray(vector, dtype=float)
    colors = ["#b2182b" if x >= 0 else "#2166ac" for x in v]
    trace = {"type": "bar", "x": list(range(1, len(v) + 1)), "y": v, "marker": {"color": colors}}
    return figure(
        [trace], _layout(title, 280, xaxis={"title": {"text": x_title}}, yaxis={"title": _htitle(y_title)})
    )


def attention_heatmap(
    weights: np.ndarray, in_tokens: list[str], out_tokens: list[str], title: str, x_title: str, y_title: str
) -> go.Figure:
    """weights (T, S): row t is where output step t looked (each row sums to 1)."""
    z = np.asarray(weights, dtype=float)  # (T, S)
    trace = {
        "type": "heatmap",
        "z": z,
        "x": list(range(z.shape[1])),
        "y": list(range(z.shape[0])),
        "colorscale": SEQUENTIAL,
        "zmin": 0.0,
        "zmax": 1.0,
        "text": np.round(z, 2),
        "texttemplate": "%{text}" if z.size <= 200 else "",
        "hovertemplate": "out %{y}, in %{x}: %{z:.3f}<extra></extra>",
    }
    ax = lambda labels, t: {
        "tickmode": "array",
        "tickvals": list(range(len(labels))),
        "ticktext": esc(labels),
        "tickfont": {"size": FONT + 2},
        "title": t,
    }
    return figure(
        [trace],
        _layout(
            title,
            max(280, 100 + 34 * z.shape[0]),
            xaxis={**ax(in_tokens, {"text": x_title}), "side": "bottom"},
            yaxis={**ax(out_tokens, _htitle(y_title)), "autorange": "reversed"},
        ),
    )


def length_chart(
    lengths: list[int],
    series: dict[str, list[float]],
    trained: tuple[int, int],
    title: str,
    x_title: str,
    y_title: str,
    names: dict[str, str] | None = None,
) -> go.Figure:
    """Exact-match accuracy by input length, one line per attention kind; the trained lengths shaded."""
    data = [
        {
            "type": "scatter",
            "mode": "lines+markers",
            "name": (names or {}).get(k, k),
            "x": list(lengths),
            "y": [100 * a for a in acc],
            "line": {"color": LINE_COLORS.get(k, BLUE), "width": 3},
            "marker": {"size": 9},
        }
        for k, acc in series.items()
    ]
    shade = {
        "type": "rect",
        "xref": "x",
        "yref": "paper",
        "x0": trained[0] - 0.5,
        "x1": trained[1] + 0.5,
        "y0": 0,
        "y1": 1,
        "fillcolor": "#eef2f7",
        "line": {"width": 0},
        "layer": "below",
    }
    return figure(
        data,
        _layout(
            title,
            380,
            shapes=[shade],
            xaxis={"title": {"text": x_title}, "dtick": 1},
            yaxis={"title": _htitle(y_title), "range": [0, 102], "ticksuffix": "%"},
            legend={"orientation": "h", "y": -0.25, "x": 0},
        ),
    )


def tag_probs(probs: np.ndarray, tokens: list[str], tags: list[str], title: str, x_title: str) -> go.Figure:
    """probs (L, K): the tagger's probability of each tag (rows) at each step (columns)."""
    z = np.asarray(probs, dtype=float).T  # (K, L)
    trace = _prob_trace(z, tags) | {
        "text": np.round(z, 2),
        "texttemplate": "%{text}" if z.size <= 200 else "",
    }
    axis = {
        "tickmode": "array",
        "tickvals": list(range(len(tokens))),
        "ticktext": esc(tokens),
        "tickfont": {"size": FONT + 2},
    }
    return figure(
        [trace],
        _layout(
            title,
            max(220, 110 + 34 * len(tags)),
            xaxis={**axis, "title": {"text": x_title}},
            yaxis=_row_axis(tags),
        ),
    )


def _row_axis(rows: list[str]) -> dict:
    """Rows 0..n-1 top to bottom, each labelled with its token (plotly's own category ticks skip
    every other one when they are close)."""
    return {
        "tickmode": "array",
        "tickvals": list(range(len(rows))),
        "ticktext": esc(rows),
        "autorange": "reversed",
    }


def _prob_trace(z: np.ndarray, rows: list[str]) -> dict:
    """A 0..1 heatmap of probabilities z (rows, steps), one row per named token or tag (row k at y = k,
    labelled by ``_row_axis``; the hover names it)."""
    names = esc(rows)
    return {
        "type": "heatmap",
        "z": z,
        "x": list(range(z.shape[1])),
        "y": list(range(z.shape[0])),
        "customdata": [[names[r]] * z.shape[1] for r in range(z.shape[0])],
        "colorscale": SEQUENTIAL,
        "zmin": 0.0,
        "zmax": 1.0,
        "hovertemplate": "step %{x}: %{customdata} %{z:.3f}<extra></extra>",
    }
