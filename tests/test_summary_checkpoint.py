import pytest
import torch

from rnnlab import checkpoint
from rnnlab.config import ModelConfig
from rnnlab.errors import RNNLabError
from rnnlab.models import seeded_model
from rnnlab.summary import keras_count, summarize, total


@pytest.mark.parametrize(
    "cfg",
    [
        ModelConfig(cell="rnn", hidden_size=3, input_kind="features", input_size=5),
        ModelConfig(
            cell="lstm", hidden_size=16, vocab_size=30, embedding_dim=8, num_layers=3, bidirectional=True
        ),
        ModelConfig(
            cell="gru", hidden_size=7, vocab_size=9, input_kind="onehot", head="multiclass", num_classes=4
        ),
    ],
)
def test_counts_match_the_model(cfg):
    model = seeded_model(cfg, 0)
    rows = summarize(model)
    assert total(rows) == sum(p.numel() for p in model.parameters())
    for r in rows:  # each formula evaluates to its count
        assert eval(r.formula.replace("·", "*")) == r.count


def test_keras_and_torch_counts_for_the_classic_example():
    assert keras_count("rnn", 3, 5) == 27
    rows = summarize(
        seeded_model(ModelConfig(cell="rnn", hidden_size=3, input_kind="features", input_size=5), 0)
    )
    assert rows[0].count == 30 and rows[0].formula == "1·3·(5 + 3 + 2)"


def test_save_and_load_round_trip(tmp_path):
    model = seeded_model(ModelConfig(cell="gru", vocab_size=12, num_layers=2), 3).eval()
    path = tmp_path / "m.pt"
    checkpoint.save(model, path, {"vocab": ["<pad>", "<unk>", "a"]})
    loaded, extra = checkpoint.load(path)
    x = torch.tensor([[2, 3, 4]])
    assert torch.equal(loaded(x), model(x)) and extra["vocab"][2] == "a"
    assert not (tmp_path / "m.pt.part").exists()


def test_loading_a_foreign_file_is_a_clear_error(tmp_path):
    bad = tmp_path / "x.pt"
    bad.write_bytes(b"not a model")
    with pytest.raises(RNNLabError, match="not an RNN Lab model"):
        checkpoint.load(bad)
    torch.save({"a": 1}, bad)
    with pytest.raises(RNNLabError, match="expected format"):
        checkpoint.load(bad)
