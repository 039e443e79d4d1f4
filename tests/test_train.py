import math

import pytest
import torch

from rnnlab.config import ModelConfig, TrainConfig
from rnnlab.data.seqdata import from_features, from_ids
from rnnlab.models import seeded_model
from rnnlab.tasks import resolve
from rnnlab.train import Trainer


def _emoji_trainer(epochs=40, seed=0, **train):
    td, mc, tc = resolve("emoji", train={"epochs": epochs, "seed": seed, "batch_size": 4, **train})
    return Trainer(seeded_model(mc, tc.seed), td.train, tc, val=td.test)


def test_chunks_give_the_same_numbers_as_one_run():
    whole = _emoji_trainer().run()
    parts = _emoji_trainer()
    other = _emoji_trainer(seed=5)  # another visitor's run interleaved must not disturb this one
    while not parts.done:
        parts.run(steps=3)
        other.run(epochs=1)
    assert parts.epoch == whole.epoch == 40
    assert parts.history.loss == whole.history.loss
    assert all(torch.equal(p, q) for p, q in zip(parts.model.parameters(), whole.model.parameters()))


def test_dropout_runs_are_reproducible_whatever_the_global_generator_does():
    def run():
        td, mc, tc = resolve("sentences", model={"num_layers": 2, "dropout": 0.5}, train={"epochs": 5})
        return Trainer(seeded_model(mc, tc.seed), td.train, tc).run(epochs=2).history.loss

    a = run()
    torch.rand(100)
    assert run() == a


def test_emoji_learns_and_stops_at_max_epochs():
    tr = _emoji_trainer(epochs=150, lr=0.02).run()
    assert tr.done and tr.stop_reason == "epochs" and tr.epoch == 150
    assert tr.history.loss[-1] < 0.1 * tr.history.loss[0]
    assert tr.history.accuracy[-1] == 1.0
    assert tr.history.val_epoch == [150] and tr.history.val_accuracy[-1] == 1.0
    assert len(tr.history.seconds) == 150 and tr.train_seconds > 0


def test_target_loss_stops_early():
    tr = _emoji_trainer(epochs=1000, lr=0.02, target_loss=0.05).run()
    assert tr.stop_reason == "target" and tr.epoch < 1000 and tr.history.loss[-1] <= 0.05


def test_divergence_stops_cleanly_with_advice():
    x = torch.randn(64, 5, 1) * 100
    data = from_features(x, x.sum((1, 2)) * 1e3)
    model = seeded_model(
        ModelConfig(cell="rnn", activation="relu", input_kind="features", head="regression"), 0
    )
    tr = Trainer(model, data, TrainConfig(epochs=50, lr=5.0, optimizer="sgd")).run()
    assert tr.stop_reason == "nan" and tr.done
    assert "lower the learning rate" in tr.message and "clipping" in tr.message
    assert all(math.isfinite(v) for v in tr.history.loss)
    assert all(torch.isfinite(p).all() for p in model.parameters())  # the bad step was never taken
    tr.run()  # a finished run stays finished
    assert tr.stop_reason == "nan"


def test_learning_rate_change_reaches_the_live_optimizer():
    tr = _emoji_trainer().run(epochs=1)
    tr.set_lr(0.5)
    assert tr.opt.param_groups[0]["lr"] == 0.5 and tr.cfg.lr == 0.5


def test_engine_equals_a_bare_torch_loop():
    """The tutorial configuration trained by the engine gives exactly a hand-written loop's numbers."""
    td, mc, tc = resolve("emoji", "tutorial", train={"epochs": 30})
    tr = Trainer(seeded_model(mc, 0), td.train, tc).run()
    torch.manual_seed(0)
    rnn, head = torch.nn.RNN(1, 32, batch_first=True), torch.nn.Linear(32, 1)
    opt = torch.optim.Adam([*rnn.parameters(), *head.parameters()], 1e-3)
    x, y = td.train.x, td.train.y.float()
    for _ in range(30):
        opt.zero_grad()
        loss = torch.nn.functional.binary_cross_entropy_with_logits(head(rnn(x)[0][:, -1]).squeeze(-1), y)
        loss.backward()
        opt.step()
    assert tr.history.loss[-1] == pytest.approx(loss.item(), abs=1e-6)


def test_variable_length_batches_train():
    data = from_ids([[2, 3], [4, 5, 6, 7], [3], [7, 6, 5, 4, 3, 2]], [0, 1, 0, 1])
    model = seeded_model(ModelConfig(cell="gru", vocab_size=8, hidden_size=8), 0)
    tr = Trainer(model, data, TrainConfig(epochs=60, lr=0.05, batch_size=3)).run()
    loss, acc, out = tr.evaluate(data)
    assert acc == 1.0 and out.shape == (4,)


def _emoji_run(optimizer="adam", seed=3):
    td, mc, tc = resolve("emoji", train={"optimizer": optimizer, "seed": seed, "epochs": 40})
    return Trainer(seeded_model(mc, tc.seed), td.train, tc)


@pytest.mark.parametrize("optimizer", ["adam", "sgd"])
def test_timing_an_epoch_leaves_the_run_as_it_was(optimizer):
    """estimate_epoch_seconds trains one real epoch, then puts weights, optimizer, RNG and history back."""
    plain, timed = _emoji_run(optimizer), _emoji_run(optimizer)
    plain.run(epochs=5)
    timed.run(epochs=5)
    seconds = timed.estimate_epoch_seconds()
    assert seconds > 0 and timed.epoch == 5 and len(timed.history.loss) == 5
    plain.run(epochs=10)
    timed.run(epochs=10)
    assert plain.history.loss == timed.history.loss
    assert all(torch.equal(p, q) for p, q in zip(plain.model.parameters(), timed.model.parameters()))


def test_set_epochs_reopens_a_finished_run_and_closes_one_past_the_limit():
    tr = _emoji_run()
    tr.set_epochs(3)
    tr.run()
    assert tr.done and tr.stop_reason == "epochs" and tr.epoch == 3
    tr.set_epochs(5)
    assert not tr.done
    tr.run()
    assert tr.epoch == 5 and tr.done
    tr2 = _emoji_run()
    tr2.run(epochs=4)
    tr2.set_epochs(2)
    assert tr2.done and tr2.stop_reason == "epochs"
