"""Steps per second of a model on a device (rnnlab.speed): measured on a copy, nothing else changes."""

import math
import time

import pytest
import torch

from rnnlab import speed
from rnnlab.models import seeded_model
from rnnlab.speed import steps_per_second
from rnnlab.tasks import resolve


def test_a_rate_is_measured_on_a_copy_and_leaves_the_model_and_the_global_generator_alone():
    td, mc, tc = resolve(
        "emoji",
        model={"cell": "lstm", "hidden_size": 8, "num_layers": 2, "dropout": 0.3},
        train={"clip": 1.0},
    )
    model = seeded_model(mc, 0)
    before = {k: v.clone() for k, v in model.state_dict().items()}
    rng = torch.get_rng_state()
    rate = steps_per_second(model, td.train, tc, "cpu", seconds=0.02, max_steps=5)
    assert math.isfinite(rate) and rate > 0
    assert all(torch.equal(before[k], v) for k, v in model.state_dict().items())
    assert torch.equal(rng, torch.get_rng_state())  # dropout draws from the copy's own generator


def test_the_sidebar_shows_this_models_speed_once_measured_per_shape():
    from tests.apptest import app

    at = app(page="labs/emoji.py")
    note = " ".join(c.value for c in at.sidebar.caption)
    assert "CPU" in note and "training steps per second" in note, note
    cache = at.session_state["_device_speed"]
    assert len(cache) == 1 and all(r > 0 for r in cache.values())
    at.run()
    assert at.session_state["_device_speed"] == cache  # not measured again for the same model
    at.number_input(key="emoji.hidden").set_value(32).run()
    assert len(at.session_state["_device_speed"]) == 2  # a new shape: measured once more
    ko = app(lang="ko", page="labs/emoji.py")
    assert "초당" in " ".join(c.value for c in ko.sidebar.caption)


def test_a_big_model_costs_two_steps(monkeypatch):
    td, mc, tc = resolve("emoji")
    calls = []
    model = seeded_model(mc, 0)
    model.register_forward_hook(lambda *_: calls.append(1))  # the copy keeps it (the same function)
    monkeypatch.setattr(speed, "SLOW", 0.0)  # every step is "big"
    rate = steps_per_second(model, td.train, tc, "cpu", seconds=0.0)
    assert len(calls) == 2 and rate > 0  # the warm-up, then one step longer than SLOW


@pytest.mark.parametrize("slow", [1, 2, 4])  # the warm-up step; the first timed one; one in the middle
def test_one_step_caught_behind_another_thread_does_not_set_the_speed(slow):
    td, mc, tc = resolve("emoji")
    calls = []

    def one_slow(*_):
        calls.append(1)
        if len(calls) == slow:
            time.sleep(0.3)  # another visitor's thread held the core

    model = seeded_model(mc, 0)
    model.register_forward_hook(one_slow)
    rate = steps_per_second(model, td.train, tc, "cpu", seconds=0.05)
    assert len(calls) >= 4 and rate > 20, (
        len(calls),
        rate,
    )  # hundreds a second; 0.3 s in the sum would say < 10
    from ui.device_speed import rate_text

    assert (rate_text(1250.4), rate_text(42.2), rate_text(0.384)) == ("1,250", "42", "0.38")


def test_the_sidebar_says_its_figure_is_the_model_alone_and_measures_again_when_the_run_disagrees():
    """The sidebar said 'CPU 29/s' while the live counter said 133-200: measured once on a copy, maybe
    while the server was busy. It says what it measured (help: why the two differ), and when a paused
    run's own rate is over 3x off, the figure is measured once more (once: no loop on a busy server)."""
    from tests.apptest import app, lab_state

    at = app(page="labs/emoji.py")
    note = next(c for c in at.sidebar.caption if "training steps per second" in c.value)
    assert "This model alone" in note.value and "live Steps / s" in note.proto.help
    at.button(key="emoji.step").click().run()
    run = lab_state(at, "emoji").run
    (key,) = at.session_state["_device_speed"]
    at.session_state["_device_speed"][key] = 0.001  # a figure taken on a very busy server
    run.wall_seconds = 5.0  # trained a while: its own rate is steps / 5 s, far above 0.001
    at.run()
    assert at.session_state["_device_speed"][key] > 0.001  # measured again
    at.session_state["_device_speed"][key] = 0.001
    at.run()
    assert at.session_state["_device_speed"][key] == 0.001  # once per model shape and device
    ko = app(lang="ko", page="labs/emoji.py")
    assert any("따로 잰" in c.value and "초당 스텝" in c.proto.help for c in ko.sidebar.caption)
