"""The step-by-step replay must equal torch's fused modules, and its gates must obey the cell equations."""

import itertools

import numpy as np
import pytest
import torch

from rnnlab.config import ModelConfig
from rnnlab.models import seeded_model
from rnnlab.replay import trace

CASES = list(itertools.product(["rnn", "lstm", "gru"], [1, 2, 3], [False, True]))


def _fused_layers(model, x):
    """Each layer's (L, D*H) outputs from torch's own modules, layer by layer."""
    rnn = model.rnn
    inp = model.encode(x[None])
    outs = []
    for k in range(model.cfg.num_layers):
        single = type(rnn)(
            inp.shape[-1],
            rnn.hidden_size,
            batch_first=True,
            bidirectional=rnn.bidirectional,
            **({"nonlinearity": rnn.nonlinearity} if model.cfg.cell == "rnn" else {}),
        )
        for name, _ in single.named_parameters():
            getattr(single, name).data.copy_(getattr(rnn, name.replace("_l0", f"_l{k}")))
        inp, _ = single(inp)
        outs.append(inp[0].detach().double().numpy())
    return outs


@pytest.mark.parametrize("cell,layers,bidir", CASES)
def test_replay_matches_fused_modules(cell, layers, bidir):
    cfg = ModelConfig(
        cell=cell,
        num_layers=layers,
        bidirectional=bidir,
        hidden_size=7,
        vocab_size=12,
        embedding_dim=5,
        head="binary",
        activation="relu" if (cell == "rnn" and layers == 2) else "tanh",
    )
    model = seeded_model(cfg, seed=layers).eval()
    x = torch.tensor([2, 5, 3, 11, 1, 7, 4, 9, 2])
    tr = trace(model, x)
    fused = _fused_layers(model, x)
    assert len(tr.layers) == layers
    for got, want in zip(tr.layers, fused):
        assert got.h.shape == (9, 7 * (2 if bidir else 1))
        np.testing.assert_allclose(got.h, want, atol=1e-5)
    with torch.no_grad():
        final = model.predict(model(x[None]))[0].item()
    assert abs(tr.outputs[-1, 0] - final) < 1e-5
    assert abs(tr.final[0] - final) < 1e-6


def test_lstm_gate_identities():
    model = seeded_model(ModelConfig(cell="lstm", hidden_size=6, input_kind="features", input_size=3), 0)
    x = torch.randn(10, 3, generator=torch.Generator().manual_seed(1))
    layer = trace(model, x).layers[0]
    i, f, g, o = (layer.gates[k] for k in "ifgo")
    c_prev = np.vstack([np.zeros((1, 6)), layer.c[:-1]])
    np.testing.assert_allclose(layer.c, f * c_prev + i * g, atol=1e-12)
    np.testing.assert_allclose(layer.h, o * np.tanh(layer.c), atol=1e-12)
    assert ((i > 0) & (i < 1)).all() and ((g > -1) & (g < 1)).all()
    # the fused module's final cell state is the replay's last c
    _, (h_n, c_n) = model.rnn(x[None])
    np.testing.assert_allclose(layer.c[-1], c_n[0, 0].detach().double().numpy(), atol=1e-5)


def test_gru_gate_identity():
    model = seeded_model(ModelConfig(cell="gru", hidden_size=6, input_kind="features", input_size=2), 3)
    x = torch.randn(8, 2, generator=torch.Generator().manual_seed(2))
    layer = trace(model, x).layers[0]
    z, n = layer.gates["z"], layer.gates["n"]
    h_prev = np.vstack([np.zeros((1, 6)), layer.h[:-1]])
    np.testing.assert_allclose(layer.h, (1 - z) * n + z * h_prev, atol=1e-12)


def test_step_outputs_show_the_verdict_forming():
    """After step t, the one-directional model's answer equals the model run on the prefix."""
    model = seeded_model(ModelConfig(cell="gru", hidden_size=5, vocab_size=9, embedding_dim=4), 0).eval()
    x = torch.tensor([3, 4, 5, 6, 7])
    tr = trace(model, x)
    with torch.no_grad():
        prefix = [model.predict(model(x[None, : t + 1]))[0].item() for t in range(5)]
    np.testing.assert_allclose(tr.outputs[:, 0], prefix, atol=1e-5)
    bi = seeded_model(
        ModelConfig(cell="lstm", hidden_size=5, vocab_size=9, embedding_dim=4, bidirectional=True), 0
    ).eval()
    tr = trace(bi, x)
    with torch.no_grad():
        assert abs(tr.outputs[2, 0] - bi.predict(bi(x[None, :3]))[0].item()) < 1e-6


def test_tagging_trace_outputs_per_step():
    model = seeded_model(
        ModelConfig(
            cell="lstm", hidden_size=4, vocab_size=9, head="tagging", num_classes=3, bidirectional=True
        ),
        0,
    ).eval()
    x = torch.tensor([2, 3, 4, 5])
    tr = trace(model, x)
    with torch.no_grad():
        want = torch.softmax(model(x[None])[0], -1).double().numpy()
    np.testing.assert_allclose(tr.outputs, want, atol=1e-5)
