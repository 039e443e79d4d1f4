"""Dropout from the run's generator: the same masks PyTorch's fused kernels draw from the global one."""

import pytest
import torch
import torch.nn as nn
from torch.nn.utils.rnn import pack_padded_sequence

from rnnlab.config import ModelConfig
from rnnlab.dropout import Dropout, stacked
from rnnlab.models import seeded_model


def _fused(cell, x, p, seed):
    """The old way (test code may): the fused module's own dropout, from the global generator."""
    torch.manual_seed(0)
    rnn = cell(3, 4, num_layers=3, batch_first=True, bidirectional=True, dropout=p)
    torch.manual_seed(seed)
    return rnn, rnn(x)


@pytest.mark.parametrize("cell", [nn.RNN, nn.LSTM, nn.GRU])
@pytest.mark.parametrize("packed", [False, True])
def test_stacked_layers_with_the_runs_generator_equal_the_fused_module(cell, packed):
    x = torch.randn(5, 7, 3, generator=torch.Generator().manual_seed(1))
    if packed:
        x = pack_padded_sequence(x, torch.tensor([7, 3, 5, 1, 6]), batch_first=True, enforce_sorted=False)
    with torch.random.fork_rng(devices=[]):
        rnn, (want, want_state) = _fused(cell, x, 0.4, seed=9)
        before = torch.get_rng_state()
        rnn.dropout = 0.0  # as the engine builds it
        got, got_state = stacked(rnn, x, 0.4, torch.Generator().manual_seed(9))
        assert torch.equal(torch.get_rng_state(), before)
    if packed:
        want, got = want.data, got.data
    assert torch.equal(got, want)
    for a, b in zip(
        got_state if cell is nn.LSTM else [got_state], want_state if cell is nn.LSTM else [want_state]
    ):
        assert torch.equal(a, b)


def test_dropout_in_training_needs_the_runs_generator_and_evaluation_none():
    drop = Dropout(0.5)
    with pytest.raises(ValueError, match="expected the run's torch.Generator"):
        drop(torch.ones(4), None)
    assert torch.equal(drop.eval()(torch.ones(4), None), torch.ones(4))
    model = seeded_model(ModelConfig(vocab_size=6, num_layers=2, dropout=0.5, hidden_size=4), 0)
    x = torch.tensor([[2, 3, 4]])
    with pytest.raises(ValueError, match="got None"):
        model(x)  # training mode, dropout between layers, no generator: refused, never the global one
    a = model(x, generator=torch.Generator().manual_seed(1))
    assert torch.equal(a, model(x, generator=torch.Generator().manual_seed(1)))
