"""The Memory lab's views: every figure passes Plotly's validation, is readable (fonts >= 14, long titles
wrapped, the y title written horizontally) and draws the numbers it was given."""

import numpy as np
import plotly.graph_objects as go
from apptest import arr

from rnnlab import viz_memory as V
from rnnlab.memory.activations import curves, derivative_product


def _check(fig: go.Figure) -> dict:
    spec = go.Figure(fig.to_dict()).to_dict()  # validates every property
    lay = spec["layout"]
    assert lay["font"]["size"] >= 14 and lay["xaxis"]["tickfont"]["size"] >= 14
    for line in lay["title"]["text"].split("<br>"):
        assert len(line) <= 40
    assert "title" not in lay["yaxis"]  # written horizontally above the axis instead
    assert all(a.get("textangle", 0) == 0 for a in lay.get("annotations", []))
    return spec


def test_every_view_validates_and_is_readable():
    long = "How much of the gradient is left t steps back, for each activation and weight"
    figs = [
        V.activations(curves(), long, "a", "f(a)", "derivative"),
        V.products({"sigmoid": derivative_product("sigmoid", 50)}, long, "t", "product"),
        V.extrapolation(
            np.arange(3.0), np.ones(3), np.arange(3.0) + 0.4, 0.5, "t", "start", "next", ("a", "b", "c")
        ),
        V.error_bars({"RNN 1": 0.002, "last value": 0.003}, 0.00083, "t", "MSE", "floor", ("last value",)),
        V.series_examples(
            np.zeros((3, 50)), np.ones(3), {"1 layer": np.ones(3)}, "t", "step", "value", "truth"
        ),
        V.accuracy_bars({"RNN": 0.25, "LSTM": 1.0, "GRU": 0.98}, 0.25, "t", "accuracy", "chance"),
        V.sweep({"rnn": ([5, 20], [1.0, 0.3])}, [5, 20, 50], 0.25, "t", "T", "acc", "chance"),
        V.flow_lines({"RNN": np.logspace(-20, 0, 100)}, "t", "t", "|dL/dx_t|"),
        V.flow_heatmap(np.logspace(-5, 0, 20).reshape(2, 10), [0, 1], "t", "t", "epoch", "log10"),
        V.unit_heatmap(np.random.default_rng(0).random((10, 4)), [2], "t", "t", "unit", gate=True),
        V.unit_lines(np.zeros((10, 4)), [1], "t", "t", "c", "unit"),
        V.norm_lines({"x1": np.ones(5), "x3": np.logspace(0, 3, 5)}, "t", "t", "||h||"),
        V.loss_lines({"no clip": ([1], [2.0]), "clip": ([1, 2], [2.0, 1.0])}, "t", "epoch", "loss"),
    ]
    specs = [_check(f) for f in figs]
    assert specs[0]["layout"]["title"]["text"].replace("<br>", " ") == long  # wrapped, not cut
    assert any(a["text"] == "product" for a in specs[1]["layout"]["annotations"])  # the y title
    # a many-line title is anchored by its first line, above the y title (Chromium draws the rest below)
    lay = specs[0]["layout"]
    assert lay["title"]["y"] == 1 - 34 / lay["height"] and lay["margin"]["t"] >= 16 + 24 * 2 + 26
    ticks = specs[1]["layout"]["yaxis"]["tickvals"]  # 50 steps of sigmoid' span 31 decades: fewer ticks
    assert 3 <= len(ticks) <= 7 and ticks[1] / ticks[0] >= 100


def test_views_draw_the_numbers_they_were_given():
    spec = _check(V.sweep({"lstm": ([5, 50], [1.0, 0.25])}, [5, 50], 0.25, "t", "T", "acc", "chance"))
    assert list(arr(spec["data"][0]["x"])) == [5, 50] and list(arr(spec["data"][0]["y"])) == [1.0, 0.25]
    g = np.array([[1e-4, 1e-2, 1.0]])
    spec = _check(V.flow_heatmap(g, [0], "t", "t", "epoch", "log10"))
    np.testing.assert_allclose(arr(spec["data"][0]["z"]).reshape(-1), [-4, -2, 0])
    spec = _check(V.unit_heatmap(np.zeros((3, 4)), [2], "t", "t", "unit", gate=True))
    assert list(arr(spec["data"][0]["y"])) == ["1", "2", "★ 3", "4"]
