"""Visitors train in threads of one server process: a run's numbers must not depend on who else trains.

The engine never seeds or reads torch's global generator: initial weights come from a generator seeded
with the run's seed (rnnlab.init_params), dropout masks and shuffling from the trainer's own generators
(rnnlab.dropout, rnnlab.train). Here two runs with different seeds train at the same time in two
threads, many small chunks each, while a third thread keeps reseeding and drawing from the global
generator; each must equal the same run trained alone. Then every task family is built and trained
with the global generator watched: its state must not move.
"""

import re
import threading
from pathlib import Path

import pytest
import torch

from rnnlab import checkpoint, resume
from rnnlab.memory.cells import memory_model
from rnnlab.memory.sweep import Sweep, SweepConfig
from rnnlab.models import seeded_model
from rnnlab.seq2seq.charlm import CharLMTrainer
from rnnlab.seq2seq.config import CharLMConfig, Seq2SeqConfig, TaggerConfig, TrainBudget
from rnnlab.seq2seq.tagging import TaggerTrainer
from rnnlab.seq2seq.texts import shipped
from rnnlab.seq2seq.train import Seq2SeqTrainer
from rnnlab.tasks import resolve
from rnnlab.train import Trainer

ENGINE = Path(__file__).resolve().parents[1] / "rnnlab"
RUNS = {  # task, model, train: the Emoji lab's default run, and a stacked model with dropout
    "emoji-default": ("emoji", {}, {}),
    "dropout": (
        "sentences",
        {"num_layers": 2, "dropout": 0.5, "input_dropout": 0.2, "hidden_size": 12},
        {"epochs": 8},
    ),
}


def _trainer(run: str, seed: int) -> Trainer:
    task, model, train = RUNS[run]
    td, mc, tc = resolve(task, model=model, train={**train, "seed": seed})
    return Trainer(seeded_model(mc, tc.seed), td.train, tc)


def _result(t: Trainer) -> tuple[list[float], list[torch.Tensor]]:
    return t.history.loss, [p.detach().clone() for p in t.model.parameters()]


def _same(a, b) -> bool:
    return a[0] == b[0] and all(torch.equal(p, q) for p, q in zip(a[1], b[1]))


def _together(run: str, seeds) -> dict:
    out, errors, stop = {}, [], threading.Event()

    def visitor(seed):
        try:
            t = _trainer(run, seed)  # built while the other thread is training
            while not t.done:
                t.run(steps=1)
            out[seed] = _result(t)
        except Exception as e:  # pragma: no cover - reported below
            errors.append(e)

    def spoiler():  # code outside the engine reseeding and drawing from torch's global generator
        i = 0
        while not stop.is_set():
            torch.manual_seed(i)
            torch.rand(50)
            i += 1

    threads = [threading.Thread(target=visitor, args=(s,)) for s in seeds]
    noise = threading.Thread(target=spoiler)
    noise.start()
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    stop.set()
    noise.join()
    assert not errors, errors
    return out


@pytest.mark.parametrize("run", RUNS)
def test_two_seeds_trained_at_once_equal_their_solo_runs(run):
    with torch.random.fork_rng(devices=[]):
        together = _together(run, (3, 4))
    solo = {s: _result(_trainer(run, s).run()) for s in (3, 4)}
    assert not _same(solo[3], solo[4])  # the seeds do differ, so equality below means something
    assert _same(together[3], solo[3]) and _same(together[4], solo[4])


def _text_and_resume():
    t = _trainer("dropout", 1).run(epochs=2)
    saved = resume.read(resume.to_bytes(t, {"task": "sentences"}))
    back = _trainer("dropout", 1)
    resume.restore(back, saved)
    back.run(epochs=1)
    saved.model()


def _checkpoint(tmp_path):
    t = _trainer("emoji-default", 2).run(epochs=3)
    checkpoint.save(t.model, tmp_path / "m.pt")
    checkpoint.load(tmp_path / "m.pt")
    t.estimate_epoch_seconds()


def _forecast():
    td, mc, tc = resolve("airline", model={"num_layers": 2, "dropout": 0.2}, train={"epochs": 2})
    Trainer(seeded_model(mc, tc.seed), td.train, tc, val=td.test).run()


def _memory():
    td, mc, _ = resolve("memory", data={"length": 10})
    memory_model(mc, 0, keep_bias=3.0)
    Sweep(SweepConfig(cells=("gru",), lengths=(5,), n_train=32, n_test=16, epochs=1)).step()


def _seq2seq():
    small = TrainBudget(steps=3, batch_size=4)
    Seq2SeqTrainer(Seq2SeqConfig(attention="additive"), small).run()
    TaggerTrainer(TaggerConfig(task="rise"), small).run()


def _charlm():
    t = CharLMTrainer(
        shipped("en"), CharLMConfig(hidden_size=8, embedding_dim=4, window=8), TrainBudget(steps=3)
    )
    t.sample(t.default_seed(), 10)


GLOBAL_API = [(torch, n) for n in ("manual_seed", "seed", "get_rng_state", "set_rng_state")]
GLOBAL_API += [
    (torch.random, n) for n in ("manual_seed", "seed", "get_rng_state", "set_rng_state", "fork_rng")
]


def _refuse(name):
    def refuse(*args, **kwargs):
        raise AssertionError(f"the engine called torch's global-generator function {name}")

    return refuse


@pytest.mark.parametrize("family", ["text", "checkpoint", "forecast", "memory", "seq2seq", "charlm"])
def test_the_engine_never_reads_or_moves_the_global_generator(family, tmp_path, monkeypatch):
    work = {
        "text": _text_and_resume,
        "checkpoint": lambda: _checkpoint(tmp_path),
        "forecast": _forecast,
        "memory": _memory,
        "seq2seq": _seq2seq,
        "charlm": _charlm,
    }[family]
    torch.manual_seed(123)
    get_state = torch.get_rng_state
    before = get_state()
    for module, name in GLOBAL_API:  # a use that restores the state afterwards is caught here
        monkeypatch.setattr(module, name, _refuse(name))
    work()
    monkeypatch.undo()
    assert torch.equal(get_state(), before), f"{family}: the global generator moved"


FORBIDDEN = re.compile(
    r"torch\.(?:random\.|cuda\.)?(?:manual_seed|manual_seed_all|seed|set_rng_state|get_rng_state|fork_rng)\b"
    r"|nn\.Dropout\(|F\.dropout\("
)


def test_no_engine_code_seeds_the_global_generator_or_uses_its_dropout():
    hits = [
        f"{path.relative_to(ENGINE)}:{i}: {line.strip()}"
        for path in sorted(ENGINE.rglob("*.py"))  # the export templates (*.py.txt) are standalone scripts
        for i, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if FORBIDDEN.search(line)
    ]
    assert not hits, "\n".join(hits)
