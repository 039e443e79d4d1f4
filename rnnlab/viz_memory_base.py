"""Shared layout of the Memory lab's charts: fonts, legends, lines, log ticks, the chance line."""

import plotly.graph_objects as go

from .viz import figure as _house_figure
from .viz import log_axis
from .viz_layout import FONT_SIZE, LINE_PX
from .viz_lines import LEGEND_BELOW, LEGEND_ROOM

FONT = FONT_SIZE  # text drawn by these views (bar labels, legends)
GREY, DARK = "#9aa3ad", "#333333"
# the legend on its own row at the foot of the figure, under the x-axis title (a legend placed by a
# fraction of the plot's height ran into that title once it had three entries)
LEGEND = {**LEGEND_BELOW, "font": {"size": FONT}}
ACT_COLORS = {"tanh": "#2e86ab", "sigmoid": "#59a96a", "relu": "#e4572e"}


def figure(data: list[dict], layout: dict) -> go.Figure:
    """The house figure, with a title of several lines anchored by its first line: Chromium draws the
    lines of a bottom-anchored Plotly title below its first, so anchoring the last line there (as
    ``viz_layout.figure`` does) ran the title into the horizontal y-axis title (seen in the page)."""
    fig = _house_figure(data, layout)
    if fig.layout.title.text and fig.layout.height:
        fig.layout.title.y = 1 - (10 + LINE_PX) / fig.layout.height
    return fig


def _layout(
    title: str, x_title: str, y_title: str, height: int = 340, log_y: bool = False, y_values=None, **extra
) -> dict:
    """The house layout (:func:`rnnlab.viz_layout.figure` wraps the title and writes the y title
    horizontally above the axis), a legend under the plot, and ``extra`` on top. ``log_y``: a log axis
    ticked for ``y_values``, the values drawn (``rnnlab.viz_layout.log_axis``)."""
    layout = {
        "title": {"text": title},
        "height": height,
        "margin": LEGEND_ROOM,
        "xaxis": {"title": {"text": x_title}},
        "yaxis": {
            **({"title": {"text": y_title}} if y_title else {}),
            **(log_axis(y_values) if log_y else {}),
        },
        "annotations": [],
        "legend": LEGEND,
    }
    layout.update(extra)
    return layout


def _line(name: str, x, y, color: str, dash: str | None = None, width: float = 2.5, **more) -> dict:
    line = {"color": color, "width": width, **({"dash": dash} if dash else {})}
    return {"type": "scatter", "mode": "lines", "name": name, "x": x, "y": y, "line": line, **more}


def _chance_line(lay: dict, chance: float, label: str) -> list[dict]:
    """A dotted line across the chart at the accuracy of guessing (a shape in ``lay``), named in the
    legend rather than written on the plot, where it lands on a bar or a line; returns the legend's
    entry, a trace with no points to add to the data."""
    lay["shapes"] = [
        {
            "type": "line",
            "xref": "paper",
            "x0": 0,
            "x1": 1,
            "y0": chance,
            "y1": chance,
            "line": {"dash": "dot", "color": DARK, "width": 2},
        }
    ]
    lay["showlegend"] = True
    return [legend_only(label, {"mode": "lines", "line": {"dash": "dot", "color": DARK, "width": 2}})]


def legend_only(name: str, look: dict) -> dict:
    """A legend entry for something drawn as a shape (a band, a dotted level): a trace with no points."""
    return {"type": "scatter", "x": [None], "y": [None], "name": name, "hoverinfo": "skip", **look}
