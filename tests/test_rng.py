"""Visitors train in threads of one server process: a run's numbers must not depend on who else trains.

Model initialisation and dropout draw from torch's global generator (rnnlab.rng guards it); here two
runs with different seeds train at the same time in two threads, many small chunks each, while a third
thread keeps building and training other models, and each must equal the same run trained alone.
(Code outside the engine that reseeds torch's global generator without rnnlab.rng would still spoil
dropout runs: PyTorch's fused multi-layer RNN takes no generator.)
"""

import threading

import torch

from rnnlab import rng
from rnnlab.models import seeded_model
from rnnlab.tasks import resolve
from rnnlab.train import Trainer

SETTINGS = {"num_layers": 2, "dropout": 0.5, "hidden_size": 12}  # stacked, with dropout: global RNG in use


def _trainer(seed: int, **model) -> Trainer:
    td, mc, tc = resolve("sentences", model={**SETTINGS, **model}, train={"epochs": 12, "seed": seed})
    return Trainer(seeded_model(mc, tc.seed), td.train, tc)


def _result(t: Trainer) -> tuple[list[float], list[torch.Tensor]]:
    return t.history.loss, [p.detach().clone() for p in t.model.parameters()]


def _solo(seed: int, **model):
    return _result(_trainer(seed, **model).run())


def _together(seeds, **model):
    out, errors, stop = {}, [], threading.Event()

    def visitor(seed):
        try:
            t = _trainer(seed, **model)  # built while the other thread is training
            while not t.done:
                t.run(steps=1)
            out[seed] = _result(t)
        except Exception as e:  # pragma: no cover - reported below
            errors.append(e)

    def noise():  # a third visitor building models and training with dropout the whole time
        while not stop.is_set():
            _trainer(7).run(steps=1)

    threads = [threading.Thread(target=visitor, args=(s,)) for s in seeds]
    spoiler = threading.Thread(target=noise)
    spoiler.start()
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    stop.set()
    spoiler.join()
    assert not errors, errors
    return out


def _same(a, b) -> bool:
    return a[0] == b[0] and all(torch.equal(p, q) for p, q in zip(a[1], b[1]))


def test_two_seeds_trained_at_once_equal_their_solo_runs_with_dropout():
    solo = {s: _solo(s) for s in (3, 4)}
    assert not _same(solo[3], solo[4])  # the seeds do differ, so equality below means something
    together = _together((3, 4))
    assert _same(together[3], solo[3]) and _same(together[4], solo[4])


def test_a_model_without_dropout_trains_without_the_global_generator():
    t = _trainer(5, dropout=0.0)
    assert not rng.uses_global_rng(t.model) and rng.uses_global_rng(_trainer(5).model)
    solo = _solo(5, dropout=0.0)
    assert _same(_together((5,), dropout=0.0)[5], solo)
