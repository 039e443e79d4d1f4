"""A page's model file: download -> upload gives the same weights and predictions, and training goes on
from the saved epoch exactly as if it had never stopped; every kind of wrong file is refused by key."""

import io
import pickle
from dataclasses import replace

import pytest
import torch

from rnnlab import resume
from rnnlab.config import ModelConfig
from rnnlab.errors import RNNLabError
from rnnlab.models import seeded_model
from rnnlab.tasks import resolve
from rnnlab.train import Trainer


def _trainer(td, mc, tc, seed=None):
    return Trainer(seeded_model(mc, tc.seed if seed is None else seed), td.train, tc, val=td.test)


def _extra(td, task="emoji", data=None):
    tokens = td.emoji.codec.vocab.tokens if td.emoji else td.text.vocab.tokens if td.text else []
    return {"task": task, "labels": list(td.labels or []), "tokens": list(tokens), "data": data or {}}


@pytest.mark.parametrize(
    "task,model,train",
    [
        ("emoji", {"cell": "gru", "hidden_size": 8}, {"epochs": 8, "optimizer": "adam", "batch_size": 3}),
        # two layers with dropout: the dropout stream must resume too; SGD with momentum keeps its buffer
        (
            "emoji",
            {"cell": "lstm", "num_layers": 2, "dropout": 0.3},
            {"epochs": 8, "optimizer": "sgd", "batch_size": 4},
        ),
        ("airline", {"cell": "rnn", "hidden_size": 4}, {"epochs": 8}),
    ],
)
def test_round_trip_same_weights_predictions_and_training_goes_on(task, model, train):
    torch.set_num_threads(1)
    train = {**train, "momentum": 0.9} if train.get("optimizer") == "sgd" else train
    td, mc, tc = resolve(task, "default", model, train)
    whole = _trainer(td, mc, replace(tc)).run()  # 8 epochs without stopping
    half = _trainer(td, mc, replace(tc)).run(epochs=3)
    half.run(steps=1)  # stopped mid-epoch: the shuffle order and position must come back too
    saved = resume.read(resume.to_bytes(half, _extra(td, task)))
    assert saved.epoch == 3 and saved.extra["task"] == task

    back = _trainer(td, mc, replace(tc), seed=tc.seed + 99)  # other initial weights: all must be replaced
    resume.restore(back, saved)
    assert back.epoch == 3 and back.history.loss == half.history.loss
    for a, b in zip(back.model.state_dict().values(), half.model.state_dict().values()):
        assert torch.equal(a, b)
    with torch.no_grad():
        x, n = td.test.x, td.test.lengths
        assert torch.equal(back.model.eval()(x, n), half.model.eval()(x, n))
        assert torch.equal(saved.model()(x, n), half.model(x, n))

    back.run()  # on to the limit: the same numbers as the run that never stopped
    assert back.epoch == whole.epoch == 8
    assert back.history.loss[3:] == whole.history.loss[3:]
    for a, b in zip(back.model.state_dict().values(), whole.model.state_dict().values()):
        assert torch.equal(a, b)


@pytest.fixture(scope="module")
def emoji_file():
    td, mc, tc = resolve("emoji", "default", {"hidden_size": 4}, {"epochs": 2})
    t = _trainer(td, mc, tc).run()
    return td, mc, resume.to_bytes(t, _extra(td, data={"encoding": "embedding"}))


def _key(fn) -> str:
    with pytest.raises(RNNLabError) as e:
        fn()
    return e.value.key


def test_a_file_too_large_is_refused_before_it_is_parsed(emoji_file):
    data = emoji_file[2]
    assert _key(lambda: resume.read(data, "m.pt", max_mb=len(data) / 2**20 / 2)) == "upload_too_large"
    assert _key(lambda: resume.read(b"\0" * (2**20 + 1), max_mb=1)) == "upload_too_large"


def test_files_that_are_not_models_are_refused():
    class Evil:
        def __reduce__(self):
            return (print, ("pwned",))

    tensor_only = io.BytesIO()
    torch.save(torch.zeros(3), tensor_only)
    foreign = io.BytesIO()
    torch.save(
        {"format": "rnnlab-model-1", "config": {"cell": "lstm", "bogus": 1}, "state": {}, "extra": {}},
        foreign,
    )
    for data in (
        b"hello, this is a CSV\n1,2\n",
        pickle.dumps(Evil()),
        tensor_only.getvalue(),
        foreign.getvalue(),
    ):
        assert _key(lambda d=data: resume.read(d, "x.pt")) == "upload_not_model"


def test_a_model_the_page_cannot_take_is_refused_by_what_differs(emoji_file):
    td, mc, data = emoji_file
    saved = resume.read(data)
    tokens, labels = td.emoji.codec.vocab.tokens, td.labels
    ok = dict(task="emoji", labels=labels, tokens=tokens, data={"encoding": "embedding"}, built=mc)
    resume.check_fits(saved, **ok)  # the page it came from takes it
    assert _key(lambda: resume.check_fits(saved, **{**ok, "task": "airline"})) == "upload_task"
    assert _key(lambda: resume.check_fits(saved, **{**ok, "labels": ["a", "b", "c"]})) == "upload_labels"
    assert _key(lambda: resume.check_fits(saved, **{**ok, "tokens": [*tokens, "🦄"]})) == "upload_vocab"
    with pytest.raises(RNNLabError) as e:
        resume.check_fits(saved, **{**ok, "data": {"encoding": "tutorial"}})
    assert e.value.key == "upload_data" and e.value.values["name"] == "enc"
    other = replace(mc, dropout=0.5)
    assert _key(lambda: resume.check_fits(saved, **{**ok, "built": other})) == "upload_shape"
    with pytest.raises(RNNLabError) as e:
        resume.check_fits(saved, **{**ok, "built": replace(mc, hidden_size=9)})
    assert e.value.values == {"name": "hidden_size", "saved": 4, "have": 9}


def test_a_cli_file_loads_its_weights_and_starts_counting_at_zero(tmp_path, emoji_file):
    from rnnlab import checkpoint

    td, mc, _ = emoji_file
    model = seeded_model(mc, 5)
    checkpoint.save(model, tmp_path / "m.pt", extra=_extra(td))
    saved = resume.read((tmp_path / "m.pt").read_bytes())
    assert saved.trainer is None and saved.epoch == 0
    t = _trainer(td, mc, resolve("emoji", "default", {"hidden_size": 4})[2])
    resume.restore(t, saved)
    assert t.epoch == 0 and torch.equal(t.model.head.weight, model.head.weight)
    assert isinstance(saved.config, ModelConfig)


def test_every_refusal_reads_in_korean_with_its_values(emoji_file):
    from rnnlab.errors import say

    td, mc, data = emoji_file
    saved = resume.read(data)
    ok = dict(task="emoji", labels=td.labels, tokens=td.emoji.codec.vocab.tokens, data={}, built=mc)
    calls = [
        lambda: resume.read(data, "m.pt", max_mb=0.001),
        lambda: resume.read(b"csv,file", "m.pt"),
        lambda: resume.check_fits(saved, **{**ok, "task": "airline"}),
        lambda: resume.check_fits(saved, **{**ok, "labels": ["x"]}),
        lambda: resume.check_fits(saved, **{**ok, "tokens": ["🦄"]}),
        lambda: resume.check_fits(saved, **{**ok, "data": {"encoding": "tutorial"}}),
        lambda: resume.check_fits(saved, **{**ok, "built": replace(mc, hidden_size=5)}),
    ]
    for call in calls:
        with pytest.raises(RNNLabError) as e:
            call()
        ko, en = say(e.value, "ko"), str(e.value)
        assert ko != en and any("\uac00" <= c <= "\ud7a3" for c in ko), (e.value.key, ko)
        assert all(
            str(v) in ko for v in e.value.values.values() if isinstance(v, int | str) and len(str(v)) < 12
        )


def test_a_file_with_a_broken_generator_state_is_refused(emoji_file):
    _, _, data = emoji_file
    blob = torch.load(io.BytesIO(data), weights_only=True)
    blob["trainer"]["dropout"] = torch.zeros(3, dtype=torch.uint8)  # not a generator's state
    broken = io.BytesIO()
    torch.save(blob, broken)
    assert _key(lambda: resume.read(broken.getvalue(), "m.pt")) == "upload_not_model"
