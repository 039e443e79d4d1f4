"""The Sequence-to-sequence lab's views: valid Plotly, readable from the back of a classroom."""

import numpy as np
import plotly.graph_objects as go
import pytest

from rnnlab import viz_seq
from rnnlab.viz_layout import TITLE_UNITS, units
from rnnlab.viz_shapes import SHAPES, shape_diagram

LONG = "어텐션: 출력 스텝마다 입력의 어디를 보는지 (각 행의 합은 1), a long title that must wrap"


def _views():
    rng = np.random.default_rng(0)
    probs = rng.dirichlet(np.ones(13), 6)  # (T, V)
    yield viz_seq.prob_heatmap(
        probs, list("51413") + ["</s>"], [str(i) for i in range(13)], LONG, "step", "토큰"
    )
    yield viz_seq.attention_heatmap(
        rng.dirichlet(np.ones(5), 6), list("31415"), list("51413") + ["</s>"], LONG, "in", "out"
    )
    yield viz_seq.context_bars(rng.normal(size=16), LONG, "unit", "value")
    yield viz_seq.length_chart(
        [4, 5, 6], {"none": [1, 0.5, 0.2], "dot": [1, 1, 0.9]}, (4, 6), LONG, "length", "정확도"
    )
    yield viz_seq.tag_probs(rng.dirichlet(np.ones(3), 5), list("31452"), ["-", "up", "down"], LONG, "step")
    for kind in SHAPES:
        yield shape_diagram(kind, LONG, ["a", "b", "c"], ["x", "y", "z"], "context")


@pytest.mark.parametrize("fig", list(_views()), ids=lambda f: f.layout.title.text[:0] or "view")
def test_views_are_valid_and_readable(fig):
    go.Figure(fig.to_dict())  # full validation of every property
    lines = fig.layout.title.text.split("<br>")
    assert len(lines) >= 2 and all(units(line) <= TITLE_UNITS for line in lines)  # wrapped, not cut
    assert fig.layout.font.size >= 14
    assert fig.layout.yaxis.title.text is None  # any y title is drawn horizontally


def test_length_chart_shows_percent_per_kind_and_shades_the_trained_lengths():
    fig = viz_seq.length_chart([4, 5], {"none": [1.0, 0.25]}, (4, 5), "t", "x", "y", {"none": "plain"})
    assert list(fig.data[0].y) == [100.0, 25.0] and fig.data[0].name == "plain"
    assert (fig.layout.shapes[0].x0, fig.layout.shapes[0].x1) == (3.5, 5.5)
