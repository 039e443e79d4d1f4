import numpy as np
import torch

from rnnlab.config import ModelConfig
from rnnlab.gradients import input_gradients
from rnnlab.models import seeded_model


def test_gradient_norms_follow_the_recurrence_by_hand():
    """A 1-unit ReLU RNN with positive inputs is linear: h_L = sum_t a^(L-1-t) w x_t, so
    ||dy/dx_t|| shrinks by the factor a = W_hh per step back in time."""
    model = seeded_model(
        ModelConfig(
            cell="rnn",
            activation="relu",
            hidden_size=1,
            input_kind="features",
            input_size=1,
            head="regression",
        ),
        0,
    )
    a, w = 0.5, 2.0
    with torch.no_grad():
        model.rnn.weight_ih_l0.fill_(w)
        model.rnn.weight_hh_l0.fill_(a)
        model.rnn.bias_ih_l0.zero_()
        model.rnn.bias_hh_l0.zero_()
        model.head.weight.fill_(3.0)
        model.head.bias.zero_()
    x = torch.ones(6, 1)
    rep = input_gradients(model, x)
    np.testing.assert_allclose(rep.norms, [3 * w * a ** (5 - t) for t in range(6)], rtol=1e-5)
    np.testing.assert_allclose(rep.saliency, rep.norms * 1.0, rtol=1e-5)  # x_t = 1


def test_vanilla_rnn_forgets_early_steps_more_than_lstm():
    """30 steps back, an untrained LSTM (forget bias 1) keeps 100x more gradient than a vanilla RNN."""
    x = torch.randint(2, 20, (30,), generator=torch.Generator().manual_seed(0))
    for seed in range(3):
        ratio = {}
        for cell in ("rnn", "lstm"):
            m = seeded_model(ModelConfig(cell=cell, hidden_size=32, vocab_size=20, embedding_dim=8), seed)
            n = input_gradients(m, x, target=1).norms
            ratio[cell] = n[:5].mean() / n[-5:].mean()
        assert ratio["lstm"] > 100 * ratio["rnn"], ratio


def test_forget_bias_sets_the_sum_of_both_biases():
    m = seeded_model(
        ModelConfig(cell="lstm", hidden_size=4, vocab_size=5, num_layers=2, bidirectional=True), 0
    )
    for k in ("l0", "l1", "l0_reverse", "l1_reverse"):
        f = getattr(m.rnn, f"bias_ih_{k}")[4:8] + getattr(m.rnn, f"bias_hh_{k}")[4:8]
        assert torch.allclose(f, torch.ones(4))
    plain = seeded_model(ModelConfig(cell="lstm", hidden_size=4, vocab_size=5, forget_bias=0.0), 0)
    assert not torch.allclose(plain.rnn.bias_ih_l0[4:8] + plain.rnn.bias_hh_l0[4:8], torch.ones(4))
