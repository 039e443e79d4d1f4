"""Charts readable from the back of a classroom: titles that wrap, horizontal axis titles, log ticks at
decades, two accuracy lines told apart, heatmaps capped at a readable number of steps."""

import numpy as np

from rnnlab import viz
from rnnlab.viz_layout import TITLE_UNITS, units


def _lines(fig) -> list[str]:
    return fig.layout.title.text.split("<br>")


def test_long_titles_wrap_to_the_width_and_push_the_plot_down():
    long = "How much each step pushed the verdict up (green) or down (red), gradient times input"
    fig = viz.step_bars([0.1, -0.2], ["a", "b"], long, "y")
    assert len(_lines(fig)) >= 2 and all(units(line) <= TITLE_UNITS for line in _lines(fig))
    assert " ".join(_lines(fig)) == long  # nothing cut, only broken at spaces
    short = viz.step_bars([0.1, -0.2], ["a", "b"], "Loss", "y")
    assert fig.layout.margin.t > short.layout.margin.t  # room for the extra line
    ko = viz.wrap("학습 데이터와 따로 떼어 둔 데이터의 정확도가 에포크마다 어떻게 변하는지")
    assert all(units(line) <= TITLE_UNITS for line in ko.split("<br>")) and ko.count("<br>") >= 1
    assert units("가🤖a") == 5  # Hangul and emoji are two units wide


def test_y_axis_titles_read_horizontally_above_the_axis():
    fig = viz.curves({"LSTM": ([1, 2], [1.0, 0.5])}, "Loss", "epoch", "손실")
    assert fig.layout.yaxis.title.text is None  # not a rotated axis title
    note = next(a for a in fig.layout.annotations if a.name == "y-title")
    assert note.text == "손실" and note.textangle in (None, 0) and note.yanchor == "bottom"


def test_log_axes_tick_once_a_decade_in_plain_numbers():
    for fig in (
        viz.curves({"a": ([1, 2, 3], [1.0, 0.01, 1e-4])}, "t", "x", "y", log_y=True),
        viz.step_bars([1e-4, 1e-1, 1.0], ["a", "b", "c"], "g", "n", log_y=True),
    ):
        axis = fig.layout.yaxis
        assert axis.type == "log" and list(axis.ticktext) == ["1e-4", "1e-3", "0.01", "0.1", "1"]
        assert axis.range[0] < -4 and axis.range[1] > 0  # every value inside, a little air around
    narrow = viz.curves({"a": ([1, 2, 3], [1.2, 0.5, 0.19])}, "t", "x", "y", log_y=True)  # under a decade
    assert list(narrow.layout.yaxis.ticktext) == ["0.2", "0.5", "1"]  # never a single lonely tick
    linear = viz.curves({"a": ([1, 2], [1.0, 0.5])}, "t", "x", "y")
    assert linear.layout.yaxis.type is None and linear.layout.yaxis.dtick is None


def test_training_and_held_out_accuracy_differ_in_colour_and_dash_with_a_legend():
    fig = viz.accuracy_curves(
        ([1, 2], [0.5, 0.9]), ([1, 2], [0.4, 0.6]), ("train", "held out"), "a", "x", "y"
    )
    a, b = fig.data
    assert (a.name, b.name) == ("train", "held out") and fig.layout.showlegend
    assert a.line.color != b.line.color and a.line.dash != b.line.dash
    only = viz.accuracy_curves(([1, 2], [0.5, 0.9]), None, ("train", "held out"), "a", "x", "y")
    assert len(only.data) == 1


def test_step_heatmaps_keep_the_last_steps_and_mark_directions():
    labels = [f"w{i}" for i in range(100)]
    fig = viz.step_heatmap(np.random.rand(100, 6), labels, "h", "unit", "step")
    assert np.asarray(fig.data[0].z).shape == (6, viz.MAX_STEPS)
    assert fig.layout.xaxis.ticktext[-1] == "w99" and fig.layout.meta["steps_left_out"] == 100 - viz.MAX_STEPS
    assert viz.capped(100) == 64 and viz.capped(12) == 0
    bi = viz.step_heatmap(np.random.rand(5, 8), labels[:5], "h", "unit", "step", directions=2)
    ticks = list(bi.layout.yaxis.ticktext)
    assert ticks[0] == "→ 1" and "← 1" in ticks and len(bi.layout.shapes) == 1
    months = viz.time_heatmap(np.random.rand(120, 4), [f"m{i}" for i in range(120)], "g", "unit", gate=True)
    assert len(months.data[0].x) == viz.MAX_MONTHS and months.data[0].customdata[0][-1] == "m119"


def test_every_chart_uses_the_classroom_fonts():
    fig = viz.confusion_figure(np.eye(40, dtype=int), [f"t{i}" for i in range(40)], "c", "true", "pred")
    family = (
        fig.layout.font.family
    )  # the emoji alias first; the colour fonts named for charts without the CSS
    assert family.startswith('"RNNLab Emoji"') and "Noto Color Emoji" in family and "Segoe UI Emoji" in family
    assert fig.layout.xaxis.tickfont.size >= 12 and fig.layout.title.font.size >= 14
    strip = viz.verdict_strip([0.2, 0.7], ["🐱", "🤖"], "v", "p", "GOOD", "BAD")
    assert strip.layout.xaxis.tickfont.size >= 14 and strip.layout.font.size >= 14


def test_long_quotes_are_cut_with_an_ellipsis():
    assert viz.shorten("x" * 2000, 40) == "x" * 39 + "…" and viz.shorten("short") == "short"
