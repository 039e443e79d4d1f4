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
FONT_SIZE = 16  # body text of a chart (legends, annotations, axis titles, cell labels)
TICK_SIZE = 15  # tick labels: the smallest text a chart draws
TITLE_SIZE = 18  # 36 width units of it fit a phone (TITLE_UNITS)
LOG_TICKS = 7  # most ticks a log axis labels
INT_TICKS = 10  # an integer axis spanning up to this many gets a tick on every whole number
ROW_PX = 24  # a heatmap row with a label of its own: the tick font and some air
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


def tick_text(t: float) -> str:
    """A log tick's label: plain from 0.01 to 1000 ("0.05", "200"), else "2e-4" / "1e5" (no "0.00001"
    to count zeros in, no SI "100μ")."""
    k = int(np.floor(np.log10(t) + 1e-9))
    if -2 <= k <= 3:
        return f"{t:g}"
    m = t / 10.0**k
    return f"{m:.0f}e{k}" if abs(m - round(m)) < 1e-6 else f"{t:.1g}"


def log_axis(values=None) -> dict:
    """A log axis a student can read: ``values`` (the data drawn) set the range and the ticks.

    - spanning three decade ticks or more: a tick a decade (every few decades when there are more than
      ``LOG_TICKS``), labelled 1e-4, 0.001, 0.01, 0.1, 1, 10 (``tick_text``);
    - a narrower span: ticks at 1, 2 and 5 of each decade (1 and 3 when those would be too many); with
      fewer than three among the values, the range reaches out to the nearest ticks beyond them, so at
      least three show and their uneven steps say "log scale".
    Without values, plotly's decade ticks."""
    axis = {"type": "log", "minor": {"showgrid": False}, "tickformat": "~g", "exponentformat": "e"}
    v = np.asarray(values if values is not None else [], dtype=float).ravel()
    v = v[np.isfinite(v) & (v > 0)]
    if not v.size:
        return {**axis, "dtick": 1}
    lo, hi = np.log10(v.min()), np.log10(v.max())
    decades = list(range(int(np.ceil(lo - 1e-9)), int(np.floor(hi + 1e-9)) + 1))
    if len(decades) >= 3:
        need = int(np.ceil(len(decades) / LOG_TICKS))  # a tick every so many decades, a round number
        step = next(s for s in (1, 2, 3, 5, 10, 20, 25, 50, 100, 10**9) if s >= need)
        ticks = [10.0**k for k in decades if k % step == 0]
    else:
        k0, k1 = int(np.floor(lo)) - 1, int(np.ceil(hi)) + 1
        for marks in ((1, 2, 5), (1, 3)):
            grid = [m * 10.0**k for k in range(k0, k1 + 1) for m in marks]
            ticks = [t for t in grid if v.min() * 0.999 <= t <= v.max() * 1.001]
            while len(ticks) < 3:  # reach out to the nearest tick below the values or above them
                below = max(t for t in grid if t < min(ticks, default=v.min()) * 0.999)
                above = min(t for t in grid if t > max(ticks, default=v.max()) * 1.001)
                near_below = np.log10(v.min() / below) <= np.log10(above / v.max())
                ticks = [below, *ticks] if near_below else [*ticks, above]
            if len(ticks) <= LOG_TICKS:
                break
        lo, hi = min(lo, np.log10(ticks[0])), max(hi, np.log10(ticks[-1]))
    pad = 0.05 * max(hi - lo, 0.3)  # air above and below: the end ticks' labels stay inside the plot
    return {
        **axis,
        "tickmode": "array",
        "tickvals": ticks,
        "ticktext": [tick_text(t) for t in ticks],
        "range": [float(lo - pad), float(hi + pad)],
    }


def integer_axis(values=None) -> dict:
    """An axis of counts (epochs, steps): ticks on whole numbers only. Over a span of up to ``INT_TICKS``
    a tick on each; wider spans get plotly's own steps, which are whole there (2, 5, 10, ...)."""
    v = np.asarray(values if values is not None else [], dtype=float).ravel()
    v = v[np.isfinite(v)]
    if v.size and v.max() - v.min() <= INT_TICKS:
        return {"tickmode": "linear", "tick0": 0, "dtick": 1, "tickformat": "d"}
    return {"tickformat": "d"}


def rows_px(rows: int, labelled: int = 16) -> int:
    """Plot height for ``rows`` heatmap rows: ``ROW_PX`` each for the first ``labelled`` (each a readable
    label), ``ROW_PX`` / 4 for each row past them (their labels thinned)."""
    return ROW_PX * min(rows, labelled) + ROW_PX * max(0, rows - labelled) // 4


def figure(data: list[dict], layout: dict) -> go.Figure:
    """A figure from plain trace and layout dicts, with the house fonts and margins; the title wraps
    and the y-axis title is moved to a horizontal annotation above the axis. ``layout["plot_px"]``
    (instead of a height): the plot area's height, the figure's height then adds the title block and
    the bottom margin (``margin.b``, room enough for the x ticks and title: plotly takes more from the
    plot)."""
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
    plot_px = layout.pop("plot_px", None)  # the plot area's height asked for: the figure fits around it
    if plot_px is not None:
        layout["height"] = int(top + plot_px + (layout.get("margin") or {}).get("b", 48))
    base = {
        "margin": {"l": 64, "r": 16, "t": top, "b": 48},
        "font": {"size": FONT_SIZE, "family": FONT_FAMILY},
        "plot_bgcolor": "white",
        "paper_bgcolor": "white",
        "xaxis": {**GRID, "tickfont": {"size": TICK_SIZE}, "automargin": True},
        "yaxis": {**GRID, "tickfont": {"size": TICK_SIZE}, "automargin": True, **yaxis},
        "annotations": notes,
        "hoverlabel": {"font": {"size": FONT_SIZE}},
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
    for k in [k for k in base if k.startswith(("xaxis", "yaxis"))]:
        axis = base[k] = dict(base[k])
        # never below the house minimum: a view's own tick size, and Streamlit's theme (12 px ticks,
        # 14 px axis titles in its template, which only settings written here override)
        size = (axis.get("tickfont") or {}).get("size", TICK_SIZE)
        axis["tickfont"] = {**(axis.get("tickfont") or {}), "size": max(size, TICK_SIZE)}
        if k.startswith("xaxis") and axis.get("title"):
            title = axis["title"]
            axis["title"] = {**title, "font": {"size": FONT_SIZE, **(title.get("font") or {})}}
    # Streamlit's template sets legends at 12 px; a view's legend keeps its place, the size is the house's
    legend = base.get("legend") or {}
    font = legend.get("font") or {}
    base["legend"] = {**legend, "font": {**font, "size": max(font.get("size", FONT_SIZE), FONT_SIZE)}}
    return go.Figure({"data": data, "layout": base}, _validate=False)
