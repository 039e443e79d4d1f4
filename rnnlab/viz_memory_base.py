"""Shared layout of the Memory lab's charts: fonts, legends, lines, log ticks, the chance line."""

import numpy as np
import plotly.graph_objects as go

from .viz import figure as _house_figure
from .viz import log_axis
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
