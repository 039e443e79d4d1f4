"""Shared layout of every chart: fonts a classroom can read, titles that wrap, axis titles that read
horizontally, log axes that tick at decades. Plain dicts in, a Plotly figure out.

Plotly does not wrap titles and rotates y-axis titles (Hangul then reads sideways), so:
- a title is wrapped with ``<br>`` to ``TITLE_UNITS`` width units (a Latin letter is 1, a Hangul
  syllable or an emoji 2; 36 units fit a 390 px phone at 18 px), and the top margin grows per line;
- a y-axis title is drawn as a horizontal annotation above the top of its axis, not rotated.
"""

import unicodedata

import numpy as np
import plotly.graph_objects as go

# emoji first: in the page, "RNNLab Emoji" is the colour emoji fonts limited to emoji code points (EMOJI_CSS);
# naming "Noto Color Emoji" itself first would draw digits from it too ("0 . 7 5"), so the plain names only
# come last, for a chart shown without the page's CSS
FONT_FAMILY = (
    '"RNNLab Emoji", "Source Sans", "Source Sans Pro", "Noto Sans CJK KR", sans-serif, '
    '"Noto Color Emoji", "Apple Color Emoji", "Segoe UI Emoji"'
)
FONT_SIZE = 15  # body text of a chart (legends, annotations)
TICK_SIZE = 14  # tick labels: the smallest text a chart draws
TITLE_SIZE = 18
TITLE_UNITS = 36  # width units per title line (see module docstring)
LINE_PX = 24  # height of one title line
GRID = {"gridcolor": "#e6e9ef", "zerolinecolor": "#d0d5dd"}
# the colour emoji fonts, only for emoji code points, so digits and letters keep the text font
EMOJI_CSS = """@font-face { font-family: "RNNLab Emoji";
  src: local("Noto Color Emoji"), local("NotoColorEmoji"), local("Apple Color Emoji"), local("Segoe UI Emoji");
  unicode-range: U+00A9, U+00AE, U+203C, U+2049, U+2122, U+2139, U+2194-21AA, U+231A-23FF, U+24C2,
    U+25AA-25FE, U+2600-27BF, U+2934-2935, U+2B05-2B55, U+3030, U+303D, U+3297, U+3299, U+200D, U+FE0F,
    U+1F000-1FAFF; }"""


def units(text: str) -> int:
    """Display width in units: wide characters (Hangul, CJK, emoji) count 2, the rest 1."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def wrap(text: str, width: int = TITLE_UNITS) -> str:
    """``text`` broken at spaces into lines of at most ``width`` units, joined by ``<br>``; a word longer
    than a line is cut into pieces. Existing ``<br>`` breaks are kept."""
    if "<br>" in text:
        return "<br>".join(wrap(part, width) for part in text.split("<br>"))
    lines: list[str] = []
    line = ""
    for word in text.split(" "):
        while units(word) > width:  # a word wider than a line: cut it
            cut = next(k for k in range(len(word), 0, -1) if units(word[:k]) <= width)
            if line:
                lines.append(line)
                line = ""
            lines.append(word[:cut])
            word = word[cut:]
        candidate = f"{line} {word}" if line else word
        if units(candidate) <= width:
            line = candidate
        else:
            lines.append(line)
            line = word
    lines.append(line)
    return "<br>".join(lines)


def shorten(text: str, limit: int = 40) -> str:
    """``text`` cut to ``limit`` characters with an ellipsis (long quotes in messages)."""
    text = str(text)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def log_axis(values=None) -> dict:
    """A log axis that reads 1, 0.1, 0.01, 0.001, 1e-4 (not "5, 2" between decades, not "100μ"): a tick a
    decade; when ``values`` span less than about a decade and a half, ticks at 1, 2 and 5 of each decade
    instead, so the axis never shows a single number."""
    axis = {"type": "log", "tickformat": "~g", "exponentformat": "e", "minor": {"showgrid": False}}
    v = np.asarray(values if values is not None else [], dtype=float).ravel()
    v = v[np.isfinite(v) & (v > 0)]
    if v.size and v.max() / v.min() < 30:
        k0, k1 = int(np.floor(np.log10(v.min()))), int(np.ceil(np.log10(v.max())))
        ticks = [m * 10.0**k for k in range(k0, k1 + 1) for m in (1, 2, 5)]
        inside = [t for t in ticks if v.min() / 1.5 <= t <= v.max() * 1.5]
        return {**axis, "tickmode": "array", "tickvals": inside, "ticktext": [f"{t:.3g}" for t in inside]}
    return {**axis, "dtick": 1}


def figure(data: list[dict], layout: dict) -> go.Figure:
    """A figure from plain trace and layout dicts, with the house fonts and margins; the title wraps
    and the y-axis title is moved to a horizontal annotation above the axis."""
    layout = dict(layout)
    title = (layout.pop("title", None) or {}).get("text") or ""
    wrapped = wrap(title) if title else ""
    lines = wrapped.count("<br>") + 1 if wrapped else 0
    yaxis = dict(layout.pop("yaxis", {}) or {})
    y_title = ((yaxis.pop("title", None) or {}).get("text")) or ""
    notes = list(layout.pop("annotations", []) or [])
    if y_title:
        notes.append(
            {
                "text": wrap(y_title, 30),
                "xref": "paper",
                "yref": "paper",
                "x": 0,
                "y": 1,
                "xshift": -56,
                "xanchor": "left",
                "yanchor": "bottom",
                "showarrow": False,
                "align": "left",
                "font": {"size": FONT_SIZE},
                "name": "y-title",
            }
        )
    if (
        lines > 1 and "height" in layout
    ):  # the plot keeps its height: each extra title line adds to the figure
        layout["height"] = layout["height"] + LINE_PX * (lines - 1)
    y_px = 26 * (wrap(y_title, 30).count("<br>") + 1) if y_title else 0  # the y-axis title's lines
    top = 24 + LINE_PX * lines + y_px  # room under the title block before the y-axis title
    base = {
        "margin": {"l": 64, "r": 16, "t": top, "b": 48},
        "font": {"size": FONT_SIZE, "family": FONT_FAMILY},
        "plot_bgcolor": "white",
        "paper_bgcolor": "white",
        "xaxis": {**GRID, "tickfont": {"size": TICK_SIZE}, "automargin": True},
        "yaxis": {**GRID, "tickfont": {"size": TICK_SIZE}, "automargin": True, **yaxis},
        "annotations": notes,
    }
    if wrapped:
        base["title"] = {
            "text": wrapped,
            "font": {"size": TITLE_SIZE},
            "x": 0,
            "xref": "container",
            "xanchor": "left",
            # the middle of the title's lines, in px from the top of the figure: plotly places a title of
            # several lines around its anchor whatever ``yanchor`` says, so "middle" is the one it keeps
            "y": 1 - (8 + LINE_PX * lines / 2) / layout.get("height", 300),
            "yref": "container",
            "yanchor": "middle",
            "pad": {"l": 8},
        }
    for k, v in layout.items():
        base[k] = {**base[k], **v} if isinstance(v, dict) and isinstance(base.get(k), dict) else v
    if "tickfont" in (layout.get("xaxis") or {}):  # a view's own tick size never below the house minimum
        size = layout["xaxis"]["tickfont"].get("size", TICK_SIZE)
        base["xaxis"]["tickfont"] = {**layout["xaxis"]["tickfont"], "size": max(size, TICK_SIZE)}
    return go.Figure({"data": data, "layout": base}, _validate=False)
