"""Chart defects a reviewer found walking the site, checked on the figure specs: runs told apart by colour
(the same colour for a run in every chart of a part), every token row labelled, labels clear of the data,
fixed ticks spread on an empty chart, log axes with enough ticks, whole epochs, classroom font sizes and
heatmap rows tall enough to read on a phone."""

import numpy as np
import plotly.graph_objects as go

from rnnlab import viz, viz_seq
from rnnlab import viz_memory as V
from rnnlab.viz_layout import FONT_SIZE, ROW_PX, TICK_SIZE


def _colors(fig) -> dict:
    return {d.name: d.line.color for d in fig.data}


def _plot_px(fig) -> float:
    return fig.layout.height - fig.layout.margin.t - fig.layout.margin.b


def test_paired_runs_have_their_own_colour_the_same_in_every_chart_of_the_part():
    for names in (("1 layer", "2 layers"), ("1층", "2층"), ("no clipping", "clipped at 1")):
        loss = viz.curves({n: ([1, 2], [1.0, 0.5]) for n in names}, "Loss", "epoch", "loss", log_y=True)
        colors = _colors(loss)
        assert colors[names[0]] != colors[names[1]], names
        # the part's other charts draw each run in its loss-chart colour
        norms = V.norm_lines({n: np.ones(5) for n in names}, "t", "t", "h")
        assert _colors(norms) == colors
        examples = V.series_examples(
            np.zeros((1, 5)), np.ones(1), {n: np.ones(1) for n in names}, "t", "t", "x", "truth"
        )
        assert {d.name: d.marker.color for d in examples.data if d.name in names} == colors
        bars = V.error_bars({**{n: 0.1 for n in names}, "last": 0.2}, 0.01, "t", "mse", "floor", ("last",))
        assert list(bars.data[0].marker.color) == [colors[names[0]], colors[names[1]], V.GREY]
    cells = _colors(viz.curves({c: ([1], [1.0]) for c in ("RNN", "LSTM", "GRU")}, "L", "e", "l"))
    assert cells == {c: viz.COLORS[c.lower()] for c in ("RNN", "LSTM", "GRU")}  # a cell keeps its colour
    ens = viz.curves({n: ([1], [1.0]) for n in ("GRU", "GRU #2")}, "L", "e", "l").data
    assert ens[0].line.color == ens[1].line.color and ens[0].line.dash != ens[1].line.dash


def test_every_token_row_of_the_probability_heatmap_is_labelled_and_readable():
    vocab = [str(d) for d in range(10)] + ["영", "일", "이", "삼", "사", "<pad>", "</s>"]
    fig = viz_seq.prob_heatmap(
        np.full((6, len(vocab)), 1 / len(vocab)), list("사오칠구영") + ["</s>"], vocab, "p", "x", "y"
    )
    assert list(fig.layout.yaxis.tickvals) == list(range(len(vocab)))
    assert list(fig.layout.yaxis.ticktext)[-2:] == ["&lt;pad&gt;", "&lt;/s&gt;"]
    assert _plot_px(fig) >= ROW_PX * len(vocab)
    small = viz_seq.prob_heatmap(np.full((2, 4), 0.25), ["a", "b"], list("abcd"), "p", "x", "y")
    assert fig.layout.height > small.layout.height  # the figure grows with the rows


def test_chance_and_training_range_are_named_in_the_legend_not_written_over_the_data():
    bars = V.accuracy_bars({"RNN": 0.2, "LSTM": 1.0, "GRU": 0.25}, 0.25, "t", "acc", "chance level")
    assert not [a for a in bars.layout.annotations if a.text == "chance level"]
    assert any(d.name == "chance level" for d in bars.data) and bars.layout.showlegend
    sweep = V.sweep({}, [5, 20, 50, 100, 200], 0.25, "t", "T", "acc", "chance level")
    assert not [a for a in sweep.layout.annotations if a.text == "chance level"]
    ext = V.extrapolation(np.arange(5.0), np.ones(5), np.arange(5.0), 0.5, "t", "x", "y", ("a", "b", "range"))
    assert not [a for a in ext.layout.annotations if a.text == "range"]
    assert "range" in [d.name for d in ext.data]


def test_an_empty_sweep_spreads_its_t_ticks_level_across_the_axis():
    lengths = [5, 20, 50, 100, 200]
    axis = V.sweep({}, lengths, 0.25, "t", "T", "acc", "chance").layout.xaxis
    assert axis.type == "log" and list(axis.tickvals) == lengths and axis.tickangle == 0
    lo, hi = axis.range  # fixed before any point lands: the shortest T at the left, the longest at the right
    assert lo < np.log10(5) < np.log10(200) < hi and (np.log10(200) - np.log10(5)) / (hi - lo) > 0.8


def test_log_axes_show_enough_ticks_to_be_read_as_log():
    grads = viz.step_bars([0.45, 1.3, 3.3, 0.8], list("abcd"), "g", "n", log_y=True).layout.yaxis
    assert len(grads.tickvals) >= 3 and grads.range[0] <= np.log10(0.45) and grads.range[1] >= np.log10(3.3)
    norms = V.norm_lines({"no": np.linspace(1.0, 2.5, 50), "clip": np.linspace(1.0, 2.0, 50)}, "t", "t", "h")
    axis = norms.layout.yaxis
    assert len(axis.tickvals) >= 3 and axis.range[0] < 0 < np.log10(2.5) < axis.range[1]
    wide = viz.curves({"a": ([1, 2, 3], [1.0, 1e-3, 1e-6])}, "t", "x", "y", log_y=True).layout.yaxis
    assert "1e-6" in wide.ticktext and 3 <= len(wide.tickvals) <= 7  # powers of ten, "1e-3" style


def test_epoch_axes_tick_whole_epochs_only():
    early = viz.curves({"a": ([1, 2, 3], [1.0, 0.5, 0.3])}, "L", "epoch", "loss", log_y=True).layout.xaxis
    assert early.dtick == 1 and early.tickformat == "d"  # not 1.5, 2.5
    late = viz.curves({"a": (np.arange(1, 101), np.ones(100))}, "L", "epoch", "loss").layout.xaxis
    assert late.tickformat == "d" and late.dtick is None  # plotly's steps are whole past ten
    acc = viz.accuracy_curves(([1, 2], [0.5, 0.9]), None, ("t", "h"), "a", "epoch", "y").layout.xaxis
    assert acc.dtick == 1


def test_fonts_are_classroom_sized_even_where_streamlit_themes_smaller():
    figs = [
        viz.curves({"a": ([1, 2], [1.0, 0.5]), "b": ([1, 2], [1.0, 0.4])}, "Loss", "epoch", "loss"),
        V.accuracy_bars({"RNN": 0.2}, 0.25, "t", "acc", "chance"),
        viz.confusion_figure(np.eye(3, dtype=int), list("abc"), "c", "true", "pred"),
        viz_seq.length_chart([1, 2], {"none": [1.0, 0.5]}, (1, 2), "t", "len", "acc"),
    ]
    for fig in figs:
        lay = fig.layout
        # Streamlit's template writes 12 px legends and ticks: only sizes set here override it
        assert lay.legend.font.size >= 14 and lay.xaxis.tickfont.size >= 14 and lay.yaxis.tickfont.size >= 14
        assert (
            lay.xaxis.title.font.size >= 14 and lay.title.font.size >= 16 and lay.hoverlabel.font.size >= 14
        )
        go.Figure(fig.to_dict())  # still a valid figure
    assert TICK_SIZE >= 14 and FONT_SIZE >= 14


def test_heatmap_rows_stay_readable_and_months_are_labelled_by_year():
    dates = [f"{y}-{m:02d}" for y in range(1949, 1961) for m in range(1, 13)]
    fig = viz.time_heatmap(np.random.rand(len(dates), 8), dates, "h", "unit")
    assert _plot_px(fig) >= 8 * ROW_PX  # each of 8 units a readable row, whatever the screen
    axis = fig.layout.xaxis
    assert list(axis.ticktext) == ["1956", "1957", "1958", "1959", "1960"] and axis.tickangle == 0
    assert fig.data[0].customdata[0][0] == "1956-01"  # the hover still names the month
    many = viz.time_heatmap(np.random.rand(60, 64), dates[-60:], "h", "unit")
    assert _plot_px(many) >= 16 * ROW_PX and len(many.layout.yaxis.tickvals) <= 16
    other = viz.time_heatmap(np.random.rand(40, 4), [f"day {i}" for i in range(40)], "h", "unit")
    assert len(other.layout.xaxis.tickvals) <= 6
    steps = viz.step_heatmap(np.random.rand(12, 8), [f"w{i}" for i in range(12)], "h", "unit", "step")
    assert _plot_px(steps) >= 8 * ROW_PX
