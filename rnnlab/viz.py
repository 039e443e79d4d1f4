"""Views: plain arrays in, Plotly figures out. No model, no trainer, no UI framework here.

Steps go on the x axis as numbers with tick labels (a token may repeat: "🐱 🐱" must stay two columns).
Long curves are thinned to at most ``MAX_POINTS`` so redraws cost the same at epoch 10 and 10,000.
Figures are built as plain specs and wrapped without Plotly's per-property validation, which costs
~20 ms a chart (a live panel redraws ten charts several times a second); tests validate every view.

The views live in files named for what they draw; this module gathers them:
``viz_layout`` (fonts, wrapped titles, horizontal axis titles, log ticks), ``viz_lines`` (curves,
series), ``viz_heatmaps`` (states, gates, confusion), ``viz_conv`` (the conv front-end's maps),
``viz_bars`` (verdict, gradients, word vectors).
"""

from .viz_bars import embedding_figure, project_2d, step_bars, verdict_strip
from .viz_conv import feature_map_heatmap
from .viz_heatmaps import (
    DIVERGING,
    MAX_MONTHS,
    MAX_STEPS,
    SEQUENTIAL,
    capped,
    confusion_figure,
    step_heatmap,
    time_heatmap,
)
from .viz_layout import EMOJI_CSS, FONT_FAMILY, figure, log_axis, shorten, units, wrap
from .viz_lines import (
    BAD,
    BLUE,
    COLORS,
    GOOD,
    HELD_OUT,
    MAX_POINTS,
    accuracy_curves,
    curves,
    series_figure,
    thin,
)

__all__ = [
    "BAD",
    "BLUE",
    "COLORS",
    "DIVERGING",
    "EMOJI_CSS",
    "FONT_FAMILY",
    "GOOD",
    "HELD_OUT",
    "MAX_MONTHS",
    "MAX_POINTS",
    "MAX_STEPS",
    "SEQUENTIAL",
    "accuracy_curves",
    "capped",
    "confusion_figure",
    "curves",
    "embedding_figure",
    "feature_map_heatmap",
    "figure",
    "log_axis",
    "project_2d",
    "series_figure",
    "shorten",
    "step_bars",
    "step_heatmap",
    "thin",
    "time_heatmap",
    "units",
    "verdict_strip",
    "wrap",
]
