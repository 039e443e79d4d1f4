"""The measured speed of the current model on each device, under the sidebar's device choice.

Measured once per model shape and device for each visitor (``rnnlab.speed``: a copy of the model takes a
warm-up step and at least three timed ones, about 0.05 s per device for a small model; the median step sets
the figure), kept in the visitor's session under ``_device_speed``.

This figure and the live "Steps / s" counter measure different things: here a copy of the model alone, one
batch over and over for a few hundredths of a second; there the real run, whole epochs with their
held-out evaluation, sharing the server with the page's redraws and other visitors' runs. A measurement
taken while the server was busy (a page opening, another run) can be several times off, so when the run,
paused or done after ``SETTLED_SECONDS`` of training, went ``RECHECK_RATIO`` times faster or slower than
the figure, the figure is measured once more (once per model shape and device in a visit).
"""

import copy

import streamlit as st

from rnnlab.device import available_devices, describe_device, pick_device
from rnnlab.speed import steps_per_second
from rnnlab.train import Trainer

from .frame import device_note, tr

CACHE = "_device_speed"  # session key (no widget uses it): {(model shape, device): steps per second}
RECHECKED = "_device_speed_rechecked"  # session key: the (model shape, device) measured a second time
SETTLED_SECONDS = 2.0  # training seconds after which the run's own rate is worth comparing
RECHECK_RATIO = 3.0  # the run's rate this many times above or below the figure: measure again


def shape(trainer: Trainer) -> tuple:
    """What decides a step's cost: the model's settings, the batch, the optimizer and the data's shape."""
    return (
        repr(trainer.model.cfg),
        trainer.cfg.batch_size,
        trainer.cfg.optimizer,
        tuple(trainer.train_data.x.shape),
    )


def measure(run) -> dict[str, float] | None:
    """Steps per second of the run's shown model on each available device (cached); None when the run
    does not train an epoch ``Trainer`` (the Sequence-to-sequence lab's step trainers)."""
    trainer = run.trainer
    if not isinstance(trainer, Trainer):
        return None
    cache = st.session_state.setdefault(CACHE, {})
    key = shape(trainer)
    _recheck(run, cache, key)
    speeds = {}
    for dev in available_devices():
        if (key, dev) not in cache:
            with run.lock:  # another thread may be training these weights: copy them whole, then let go
                model = copy.deepcopy(trainer.model)
            cache[(key, dev)] = steps_per_second(model, trainer.train_data, trainer.cfg, pick_device(dev))
        speeds[dev] = cache[(key, dev)]
    return speeds


def live_rate(run) -> float | None:
    """The run's own steps per second, once it trained a while and stands still (paused or done); None
    for a run of several models (compare, an ensemble), whose counter adds them up."""
    if len(run.trainers) != 1 or run.running or run.wall_seconds < SETTLED_SECONDS:
        return None
    return sum(run.trainer.history.steps) / run.wall_seconds


def _recheck(run, cache: dict, key: tuple) -> None:
    """Forget the figure of the run's device when the run's own rate is ``RECHECK_RATIO`` times off it."""
    dev = run.trainer.device.type
    rate, figure = live_rate(run), cache.get((key, dev))
    done = st.session_state.setdefault(RECHECKED, set())
    if rate and figure and (key, dev) not in done and max(rate / figure, figure / rate) > RECHECK_RATIO:
        done.add((key, dev))
        del cache[(key, dev)]


def rate_text(rate: float) -> str:
    """ "1,250", "42", "0.38": whole steps from 10 a second, two figures below."""
    return f"{rate:,.0f}" if rate >= 10 else f"{rate:.2g}"


def show(run) -> None:
    """Under the device choice: this model's steps per second on each device, the fastest named."""
    speeds = measure(run)
    if not speeds:
        return
    rates = " · ".join(
        describe_device(d) + " " + tr("frame.speed_rate", n=rate_text(r)) for d, r in speeds.items()
    )
    if len(speeds) == 1:
        device_note().caption(tr("frame.speed_one", rates=rates), help=tr("frame.speed_help"))
    else:
        best = max(speeds, key=speeds.get)
        device_note().caption(
            tr("frame.speed_many", rates=rates, best=describe_device(best)), help=tr("frame.speed_help")
        )
