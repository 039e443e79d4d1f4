"""Views build plain specs without Plotly's validation for speed, so every view is validated here."""

import numpy as np
import plotly.graph_objects as go

from rnnlab import viz, viz_heatmaps


def _valid(fig: go.Figure) -> go.Figure:
    """Rebuild the figure with validation on (raises ValueError on any invalid property or value)."""
    go.Figure(fig.to_plotly_json())
    return fig


def test_every_view_is_a_valid_plotly_figure():
    labels = ["🐱", "🤖", "🐱"]
    _valid(
        viz.curves(
            {"LSTM": ([1, 2, 3], [0.9, 0.5, 0.2]), "RNN": ([1, 2], [1.0, 0.8])}, "t", "x", "y", log_y=True
        )
    )
    heat = _valid(viz.step_heatmap(np.random.rand(3, 5) - 0.5, labels, "h", "unit", "step"))
    assert np.asarray(heat.data[0].z).shape == (5, 3)
    assert list(heat.layout.xaxis.ticktext) == labels and list(heat.layout.xaxis.tickvals) == [
        0,
        1,
        2,
    ]  # repeats stay
    scale = heat.data[0].colorscale  # red for positive, blue for negative, whatever plotly.js names mean
    assert scale[-1][1] == "#b2182b" and scale[0][1] == "#2166ac" and heat.data[0].zmid == 0
    gate = _valid(viz.step_heatmap(np.random.rand(3, 5), labels, "f", "unit", "step", gate=True))
    assert (gate.data[0].zmin, gate.data[0].zmax) == (0.0, 1.0)
    strip = _valid(viz.verdict_strip([0.2, 0.7, 0.9], labels, "v", "p", "GOOD", "BAD"))
    assert list(strip.data[0].marker.color) == [viz.BAD, viz.GOOD, viz.GOOD]
    _valid(viz.step_bars([1e-3, 1e-1, 1.0], labels, "g", "n", log_y=True))
    _valid(viz.step_bars([-0.5, 0.1, 0.3], labels, "s", "c", signed=True))
    dates = [f"1950-{m:02d}" for m in range(1, 13)]
    fig = _valid(
        viz.series_figure(
            dates,
            np.arange(12.0),
            8,
            "s",
            "y",
            {"truth": "truth", "test": "test", "target": "t"},
            window=(2, 6),
            lines={"model": (dates[8:], np.arange(4.0)), "naive": (dates[8:], np.ones(4))},
        )
    )
    assert (
        len(fig.layout.shapes) == 2
        and fig.layout.shapes[1].x0 == "1950-03"
        and fig.data[-1].x == ("1950-07",)
    )
    _valid(viz.time_heatmap(np.random.rand(12, 4), dates, "h", "unit"))
    _valid(viz.confusion_figure([[3, 1], [0, 4]], ["neg", "pos"], "c", "true", "pred"))


def test_long_curves_are_thinned_and_keep_the_last_point():
    x = np.arange(1, 10_001)
    tx, ty = viz.thin(x, x * 2.0)
    assert len(tx) <= viz.MAX_POINTS + 1 and tx[-1] == 10_000 and ty[-1] == 20_000 and tx[0] == 1
    fig = viz.curves({"a": (x, x * 1.0)}, "t", "x", "y")
    assert len(fig.data[0].x) <= viz.MAX_POINTS + 1


def test_a_confusion_matrix_of_many_classes_stays_readable():
    few = viz.confusion_figure(np.eye(3, dtype=int), ["a", "b", "c"], "t", "true", "pred")
    many = viz.confusion_figure(np.eye(40, dtype=int), [f"topic{i}" for i in range(40)], "t", "true", "pred")
    assert few.data[0].texttemplate == "%{text}"
    plot_px = few.layout.height - few.layout.margin.t - few.layout.margin.b
    assert plot_px / 3 >= viz_heatmaps.MIN_CELL_PX - 8  # cells a projector can show (axes take a little)
    assert many.data[0].texttemplate is None and many.layout.height == 160 + 20 * 40  # counts on hover
    assert many.layout.xaxis.dtick == 1 and many.layout.yaxis.dtick == 1  # every topic named on both axes
