import pytest
import torch

from rnnlab.config import ModelConfig
from rnnlab.data.seqdata import from_ids
from rnnlab.errors import RNNLabError
from rnnlab.models import PAD_ID, seeded_model


@pytest.mark.parametrize("cell", ["rnn", "lstm", "gru"])
@pytest.mark.parametrize("bidir", [False, True])
@pytest.mark.parametrize("head", ["binary", "multiclass", "tagging"])
def test_padding_never_changes_a_prediction(cell, bidir, head):
    cfg = ModelConfig(
        cell=cell,
        bidirectional=bidir,
        num_layers=2,
        hidden_size=6,
        vocab_size=20,
        embedding_dim=4,
        head=head,
        num_classes=3,
    )
    model = seeded_model(cfg, 1).eval()
    sentence = [5, 9, 3]
    batch = from_ids([sentence, [4, 4, 7, 8, 2, 11, 12], [6]], [0, 1, 0])
    assert batch.x[0, 3:].eq(PAD_ID).all()
    with torch.no_grad():
        alone = model(torch.tensor([sentence]))
        padded = model(batch.x, batch.lengths)
    if head == "tagging":
        torch.testing.assert_close(padded[0, :3], alone[0], atol=1e-6, rtol=0)
    else:
        torch.testing.assert_close(padded[0], alone[0], atol=1e-6, rtol=0)


def test_output_shapes_per_head():
    x = torch.randint(2, 10, (4, 6))
    for head, shape in [
        ("binary", (4,)),
        ("regression", (4,)),
        ("multiclass", (4, 5)),
        ("tagging", (4, 6, 5)),
    ]:
        m = seeded_model(ModelConfig(head=head, num_classes=5, vocab_size=10), 0)
        assert m(x).shape == shape
    onehot = seeded_model(ModelConfig(input_kind="onehot", vocab_size=10, cell="gru"), 0)
    assert onehot.input_width == 10 and onehot(x).shape == (4,)
    feats = seeded_model(ModelConfig(input_kind="features", input_size=3, head="regression"), 0)
    assert feats(torch.randn(4, 6, 3)).shape == (4,)


def test_same_seed_same_weights_and_global_rng_untouched():
    torch.manual_seed(123)
    before = torch.rand(1)
    torch.manual_seed(123)
    a = seeded_model(ModelConfig(vocab_size=10), 7)
    assert torch.rand(1).item() == before.item()
    b = seeded_model(ModelConfig(vocab_size=10), 7)
    c = seeded_model(ModelConfig(vocab_size=10), 8)
    assert all(torch.equal(p, q) for p, q in zip(a.parameters(), b.parameters()))
    assert not torch.equal(a.rnn.weight_hh_l0, c.rnn.weight_hh_l0)


@pytest.mark.parametrize(
    "field,value,words",
    [
        ("hidden_size", 0, "hidden must be"),
        ("hidden_size", 10_000, "hidden must be"),
        ("num_layers", 5, "layers"),
        ("cell", "transformer", "cell"),
    ],
)
def test_bad_model_settings_name_the_setting(field, value, words):
    with pytest.raises(RNNLabError, match=words):
        ModelConfig(**{field: value, "vocab_size": 10}).validate()
