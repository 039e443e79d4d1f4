"""The conv front-end (Conv1D + max-pooling before the RNN) and pooling over time: shapes, the hand
count of parameters, padding, the replay, the feature-map view and the keyed errors."""

import json

import numpy as np
import plotly.graph_objects as go
import pytest
import torch

from rnnlab import viz
from rnnlab.config import ModelConfig
from rnnlab.data.seqdata import from_ids
from rnnlab.errors import RNNLabError, say
from rnnlab.models import seeded_model
from rnnlab.replay import trace
from rnnlab.summary import summarize, total


def conv_cfg(**kw) -> ModelConfig:
    base = dict(cell="gru", hidden_size=5, vocab_size=30, embedding_dim=8, conv_filters=6, conv_kernel=3)
    return ModelConfig(**{**base, **kw})


def test_shapes_through_the_front_end():
    model = seeded_model(conv_cfg(conv_pool=3), 0).eval()
    x = torch.randint(2, 30, (4, 7))  # (N, L)
    inp = model.encode(x)  # (N, L, E)
    assert model.feature_maps(inp).shape == (4, 7, 6)  # (N, L, F): "same" padding keeps L
    s, lengths = model.front(inp, torch.tensor([7, 6, 4, 1]))
    assert s.shape == (4, 3, 6)  # (N, ceil(7 / 3), F)
    assert lengths.tolist() == [3, 2, 2, 1]
    assert model(x).shape == (4,)
    assert model.step_labels(list("abcdefg")) == ["a b c", "d e f", "g"]


def test_parameter_count_against_a_hand_count():
    model = seeded_model(conv_cfg(), 0)
    # embedding 30*8, conv 6*(8*3 + 1), GRU 3*5*(6 + 5 + 2) (it reads the 6 maps), head 1*(5 + 1)
    hand = 30 * 8 + 6 * (8 * 3 + 1) + 3 * 5 * (6 + 5 + 2) + 1 * (5 + 1)
    rows = summarize(model)
    assert hand == 591 == total(rows) == sum(p.numel() for p in model.parameters())
    conv = next(r for r in rows if r.layer == "conv1d")
    assert conv.count == 150 and conv.formula == "6·(8·3 + 1)" and conv.shapes == "W (6, 8, 3), b (6)"
    for r in rows:
        assert eval(r.formula.replace("·", "*")) == r.count


@pytest.mark.parametrize("readout", ["last", "max", "mean"])
@pytest.mark.parametrize("bidir", [False, True])
@pytest.mark.parametrize("filters", [0, 4])
def test_padding_never_changes_a_prediction(readout, bidir, filters):
    model = seeded_model(
        conv_cfg(conv_filters=filters, readout=readout, bidirectional=bidir, num_layers=2), 1
    )
    model.eval()
    rows = [[5, 9, 3, 8, 2], [4, 4, 7, 8, 2, 11, 12, 13, 6], [6]]
    batch = from_ids(rows, [0, 1, 0])
    with torch.no_grad():
        padded = model(batch.x, batch.lengths)
        alone = torch.cat([model(torch.tensor([r])) for r in rows])
    torch.testing.assert_close(padded, alone, atol=1e-6, rtol=0)


@pytest.mark.parametrize("readout", ["last", "max", "mean"])
@pytest.mark.parametrize("bidir", [False, True])
def test_the_replay_reads_pooled_steps_and_ends_at_the_model_output(readout, bidir):
    model = seeded_model(conv_cfg(conv_pool=2, readout=readout, bidirectional=bidir), 2).eval()
    x = torch.tensor([3, 4, 5, 6, 7, 8, 9])
    t = trace(model, x)
    with torch.no_grad():
        p = torch.sigmoid(model(x[None]))[0].item()
    assert t.maps.shape == (7, 6) and (t.maps >= 0).all()  # (L, F) after ReLU
    assert t.layers[0].h.shape == (4, 5 * (2 if bidir else 1))  # (L', D*H): ceil(7 / 2) steps
    assert t.outputs.shape == (4, 1)
    assert t.final[0] == pytest.approx(p, abs=1e-6) and t.outputs[-1, 0] == pytest.approx(p, abs=1e-6)


def test_pooling_over_time_answers_after_each_step_from_the_steps_so_far():
    model = seeded_model(conv_cfg(conv_filters=0, readout="max"), 3).eval()
    x = torch.tensor([3, 4, 5, 6])
    t = trace(model, x)
    with torch.no_grad():
        prefix = [torch.sigmoid(model(x[None, : k + 1]))[0].item() for k in range(4)]
    np.testing.assert_allclose(t.outputs[:, 0], prefix, atol=1e-6)


@pytest.mark.parametrize(
    "kw, key",
    [
        ({"conv_kernel": 4}, "kernel_odd"),
        ({"conv_pool": 9}, "whole_range"),
        ({"readout": "first"}, "choice"),
        ({"head": "tagging", "num_classes": 3}, "tagging_front"),
    ],
)
def test_bad_front_end_settings_are_keyed(kw, key):
    with pytest.raises(RNNLabError) as err:
        conv_cfg(**kw).validate()
    assert err.value.key == key and say(err.value, "ko") != str(err.value)


def test_feature_map_view_marks_the_pooled_groups_for_a_classroom():
    maps = np.abs(np.random.default_rng(0).normal(size=(7, 6)))
    fig = viz.feature_map_heatmap(maps, list("abcdefg"), 3, "특징 맵", "맵", "토큰")
    heat = fig.data[0]
    assert np.asarray(heat.z).shape == (6, 7) and heat.zmin == 0
    assert [s.x0 for s in fig.layout.shapes] == [2.5, 5.5]  # between c|d and f|g
    assert fig.layout.xaxis.title.text == "토큰" and fig.layout.xaxis.tickfont.size >= 14
    note = next(a for a in fig.layout.annotations if a.name == "y-title")
    assert note.text == "맵" and note.textangle in (None, 0)
    go.Figure(fig.to_plotly_json())  # validates against plotly's schema


def test_the_cli_trains_and_traces_a_conv_front_end(capsys):
    from rnnlab.cli import main

    args = ["train", "sentences", "--epochs", "2", "--filters", "4", "--kernel", "3", "--pool", "2"]
    assert main([*args, "--readout", "max", "--json", "--trace", "i am not sad"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["config"]["model"]["conv_filters"] == 4 and out["config"]["model"]["readout"] == "max"
    assert [s["token"] for s in out["trace"]["steps"]] == ["i am", "not sad"]
    assert len(out["trace"]["feature_maps"]) == 4 and len(out["trace"]["feature_maps"][0]["m"]) == 4
    assert main([*args[:-2], "--kernel", "4"]) == 2
    assert "kernel must be one of 1, 3, 5, 7, 9; got 4" in capsys.readouterr().err
