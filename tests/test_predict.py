"""One prediction rule for the CLI and the pages: the label at P >= 0.5, its own probability, all classes'."""

import numpy as np
import torch

from rnnlab.config import ModelConfig
from rnnlab.models import evaluating, seeded_model
from rnnlab.predict import THRESHOLD, decide, from_output, predict


def test_binary_probability_is_that_of_the_chosen_label():
    low = from_output("binary", torch.tensor([-4.5]))  # P(last) = 0.011
    assert low.label == 0 and abs(low.probability - 0.989) < 1e-3
    assert np.allclose(low.probs, [low.probability, 1 - low.probability])
    high = from_output("binary", torch.tensor([2.0]))
    assert high.label == 1 and high.probability == high.probs[1] > 0.5


def test_the_threshold_is_inclusive():
    assert THRESHOLD == 0.5 and decide(0.5) == 1 and decide(0.4999) == 0
    assert from_output("binary", torch.tensor([0.0])).label == 1


def test_multiclass_is_argmax_with_every_class():
    p = from_output("multiclass", torch.tensor([0.1, 2.0, -1.0]))
    assert p.label == 1 and abs(p.probs.sum() - 1) < 1e-9 and p.probability == p.probs.max()


def test_predict_reads_in_eval_mode_and_keeps_the_mode():
    cfg = ModelConfig(vocab_size=6, num_layers=2, dropout=0.9, hidden_size=8)
    model = seeded_model(cfg, 0).train()
    x = torch.tensor([2, 3, 4])
    a, b = predict(model, x), predict(model, x)
    assert model.training and np.array_equal(a.probs, b.probs)  # no dropout while predicting
    with evaluating(model):
        assert not model.training
    assert model.training
