"""The Memory lab's runs: the sweep (chunks, stop), exploding gradients and clipping, sine baselines
and the tutorial's leak, counting beyond the training range."""

import numpy as np

from rnnlab.config import ModelConfig, TrainConfig
from rnnlab.errors import say
from rnnlab.memory.counting import extrapolation
from rnnlab.memory.explode import diverged, state_norms, with_and_without_clip
from rnnlab.memory.recall import RecallConfig, build_recall
from rnnlab.memory.sinewave import NOISE_MSE, build_sine, mse
from rnnlab.memory.sweep import Sweep, SweepConfig
from rnnlab.models import seeded_model
from rnnlab.tasks import resolve
from rnnlab.train import Trainer

TINY = SweepConfig(cells=("rnn", "gru"), lengths=(5, 8), n_train=64, n_test=16, epochs=2)


def test_sweep_lands_the_same_points_however_it_is_chunked():
    whole = Sweep(TINY).run()
    chunked = Sweep(TINY)
    landed = []
    for _ in range(10_000):
        if chunked.done:
            break
        p = chunked.step(seconds=0.001)
        if p is not None:
            landed.append(p)
    assert [(p.cell, p.length) for p in whole.results] == [("rnn", 5), ("gru", 5), ("rnn", 8), ("gru", 8)]
    assert landed == chunked.results
    assert [(p.accuracy, p.epochs) for p in chunked.results] == [
        (p.accuracy, p.epochs) for p in whole.results
    ]
    assert whole.progress == 1.0 and whole.table()["gru"][0] == [5, 8]


def test_sweep_stops_between_points_and_keeps_what_landed():
    s = Sweep(TINY)
    while not s.results:
        s.step(seconds=0.01)
    s.stop()
    assert s.done and s.stopped and len(s.results) == 1
    assert s.step() is None and s.current() is None and s.progress == 0.25


def test_scaled_relu_rnn_explodes_without_clipping_and_not_with_it():
    """ReLU RNN, recurrent weights x3, SGD 0.01, T=50: measured: ||h_T|| ~300 at init; without
    clipping the loss is NaN in the first epoch, with clipping at 1.0 the run finishes."""
    td = build_recall(RecallConfig(length=50, n_train=128, n_test=16))
    mc = ModelConfig(cell="rnn", activation="relu", hidden_size=16, **td.model)
    runs = with_and_without_clip(td, mc, TrainConfig(epochs=2, lr=0.01, optimizer="sgd"), 3.0, 1.0)
    norms = state_norms(runs["clip"].model, td.test.x[0])
    assert norms[-1] > 50 * norms[0]
    for t in runs.values():
        t.run()
    assert runs["no clip"].stop_reason == "nan" and runs["clip"].stop_reason == "epochs"
    assert np.isfinite(runs["clip"].history.loss).all()
    note = diverged(runs["no clip"])
    assert note.key == "memory_diverged_clip" and "clip" in note and "0.001" in note
    assert "클리핑" in say(note, "ko") and diverged(runs["clip"]) is None


def test_a_diverging_learning_rate_gets_the_note_with_the_fix():
    td = build_recall(RecallConfig(length=20, n_train=64, n_test=8))
    mc = ModelConfig(cell="rnn", activation="relu", hidden_size=16, **td.model)
    t = with_and_without_clip(td, mc, TrainConfig(epochs=3, lr=10.0), 2.0, 1.0)["clip"]
    t.run()
    assert t.stop_reason == "nan"
    assert diverged(t).key == "memory_diverged" and "from 10 to 1 " in diverged(t)


def test_sine_baselines_and_the_tutorials_leak():
    honest = build_sine(n=2000)
    leaky = build_sine(n=2000, leak=True)
    h = {k: mse(v, honest.truth) for k, v in honest.baselines.items()}
    assert NOISE_MSE < h["linear regression"] < h["last value"], h
    assert mse(leaky.baselines["last value"], leaky.truth) == 0.0  # the answer is the window's last value
    np.testing.assert_array_equal(honest.truth, leaky.truth)  # same targets, only the window moved


def test_sine_models_train_side_by_side_from_the_same_seed():
    td = build_sine(n=400)
    outs = []
    for layers in (1, 2):
        mc = ModelConfig(cell="rnn", hidden_size=8, num_layers=layers, **td.model)
        t = Trainer(seeded_model(mc, 7), td.train, TrainConfig(epochs=2, lr=1e-2, batch_size=64, seed=7))
        t.run()
        outs.append(t.evaluate(td.test)[2].numpy())
    assert outs[0].shape == outs[1].shape == td.truth.shape and not np.allclose(outs[0], outs[1])


def test_a_tanh_counter_stops_counting_beyond_its_training_range():
    """next-value, tutorial preset (SimpleRNN(8), tanh): fine inside [0, 0.5], flat far beyond it."""
    td, mc, tc = resolve("next-value", "tutorial", train={"epochs": 60})
    t = Trainer(seeded_model(mc, 0), td.train, tc)
    t.run()
    starts, answers, truths = extrapolation(t.model, 4, step=0.1, starts=np.array([0.2, 4.0, 8.0]))
    assert abs(answers[0] - truths[0]) < 0.1  # inside: counts
    assert abs(answers[2] - truths[2]) > 3  # far outside: saturated
    assert abs(answers[2] - answers[1]) < 0.5 * (truths[2] - truths[1])  # the answer has flattened
