"""Initial weights come from the run's own generator, with exactly PyTorch's default numbers.

``init_params`` must give the weights that ``torch.manual_seed(seed); Model(...)`` gives (so seeded
results and the exported script, which seeds the global generator, stay the same), while leaving
torch's global generator as it was.
"""

import pytest
import torch
import torch.nn as nn

from rnnlab.config import ModelConfig
from rnnlab.init_params import blank, init_params, seeded
from rnnlab.models import SeqModel, blank_model, seeded_model
from rnnlab.seq2seq.charlm import CharLM
from rnnlab.seq2seq.config import CharLMConfig, Seq2SeqConfig, TaggerConfig
from rnnlab.seq2seq.model import Seq2Seq
from rnnlab.seq2seq.tagging import TAG_TASKS, Tagger

SHAPES = {
    "gru": dict(cell="gru"),
    "lstm-2-bi": dict(cell="lstm", num_layers=2, bidirectional=True),
    "lstm-no-forget-bias": dict(cell="lstm", forget_bias=0.0),
    "rnn-relu-3-onehot": dict(cell="rnn", activation="relu", num_layers=3, input_kind="onehot"),
    "gru-conv": dict(cell="gru", conv_filters=6, conv_kernel=3),
    "lstm-features": dict(cell="lstm", input_kind="features", input_size=3, num_layers=2, dropout=0.3),
    "gru-skip": dict(cell="gru", input_kind="features", head="regression", window=5, linear_skip=True),
}
OTHERS = {
    "seq2seq-additive": lambda: Seq2Seq(Seq2SeqConfig(attention="additive", cell="lstm")),
    "charlm": lambda: CharLM(CharLMConfig(), 30),
    "tagger": lambda: Tagger(TaggerConfig(), TAG_TASKS["rise"]),
}


def _global_seeded(make, seed):
    """The old way: seed torch's global generator, then build (test code may; the engine may not)."""
    with torch.random.fork_rng(devices=[]):
        torch.manual_seed(seed)
        return make()


def _equal(a: nn.Module, b: nn.Module) -> bool:
    sa, sb = a.state_dict(), b.state_dict()
    return sa.keys() == sb.keys() and all(torch.equal(sa[k], sb[k]) for k in sa)


@pytest.mark.parametrize("name", SHAPES)
def test_seeded_model_equals_pytorch_default_init_from_the_same_seed(name):
    cfg = ModelConfig(vocab_size=11, hidden_size=6, **SHAPES[name]).validate()
    torch.manual_seed(123)
    before = torch.get_rng_state()
    model = seeded_model(cfg, 7)
    assert torch.equal(torch.get_rng_state(), before)  # the global generator was neither read nor moved
    assert _equal(model, _global_seeded(lambda: SeqModel(cfg), 7))
    assert not _equal(model, seeded_model(cfg, 8))  # the seed matters, so equality means something


def test_the_forget_gate_starts_open_after_init():
    cfg = ModelConfig(vocab_size=5, hidden_size=4, cell="lstm", forget_bias=1.0)
    b_ih, b_hh = seeded_model(cfg, 0).rnn.bias_ih_l0, seeded_model(cfg, 0).rnn.bias_hh_l0
    assert torch.all(b_ih[4:8] == 1.0) and torch.all(b_hh[4:8] == 0.0)


@pytest.mark.parametrize("name", OTHERS)
def test_the_sequence_to_sequence_models_equal_pytorch_default_init(name):
    torch.manual_seed(9)
    before = torch.get_rng_state()
    model = seeded(OTHERS[name], 4)
    assert torch.equal(torch.get_rng_state(), before)
    assert _equal(model, _global_seeded(OTHERS[name], 4))


def test_a_blank_model_loads_weights_without_drawing():
    cfg = ModelConfig(vocab_size=7, hidden_size=5, num_layers=2)
    saved = seeded_model(cfg, 1).state_dict()
    before = torch.get_rng_state()
    model = blank_model(cfg)
    model.load_state_dict(saved)
    assert torch.equal(torch.get_rng_state(), before) and _equal(model, seeded_model(cfg, 1))


def test_a_module_of_an_unknown_kind_is_refused_not_left_uninitialised():
    make = lambda: nn.Sequential(nn.Linear(2, 2), nn.LayerNorm(2))
    with pytest.raises(TypeError, match="expected parameters only in .* got LayerNorm"):
        init_params(blank(make), torch.Generator().manual_seed(0))


def test_the_linear_skip_path_starts_at_zero():
    cfg = ModelConfig(input_kind="features", head="regression", window=4, linear_skip=True, hidden_size=3)
    skip = seeded_model(cfg, 0).skip
    assert not skip.weight.any() and not skip.bias.any()
