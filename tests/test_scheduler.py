"""The server's training scheduler (ui/scheduler.py): runs trained in slices by a worker, at most ``cap`` at
once, the rest waiting in order; each run's numbers exactly those of the same run trained alone; a bug in
one run stops that run with its reason. And in the page: a queued run says its place and starts when a
place frees."""

import threading
import time

from apptest import app, lab_state

from rnnlab.tasks import TASKS
from rnnlab.train import Trainer
from ui import lab, scheduler, turns
from ui.i18n import t
from ui.live import LabRun
from ui.state import EMOJI_FIELDS

EPOCHS = 40


def emoji_run(seed: int) -> LabRun:
    values = {f.name: f.default for f in EMOJI_FIELDS} | {"seed": seed, "epochs": EPOCHS}
    trainers, main = lab.make_trainers(TASKS["emoji"].build(), values, "cpu")
    return LabRun(("test", seed), trainers, main)


def until(condition, seconds: float = 60.0) -> bool:
    end = time.monotonic() + seconds
    while not condition() and time.monotonic() < end:
        time.sleep(0.01)
    return condition()


def test_runs_wait_in_order_and_each_ends_with_its_solo_numbers():
    s = scheduler.Scheduler(workers=1, cap=1, slice_seconds=0.005)
    runs = [emoji_run(seed) for seed in (1, 2, 3)]
    for run in runs:
        run.running = True
        s.submit(run)
    assert [s.position(r) for r in runs][1:] == [0, 1] and s.position(runs[0]) is None
    assert until(lambda: not any(r.running for r in runs))
    assert s.counts() == (0, 0)
    for seed, run in zip((1, 2, 3), runs, strict=True):
        solo = emoji_run(seed).trainer.run()
        assert run.epoch == EPOCHS and run.trainer.history.loss == solo.history.loss


def test_a_cancelled_run_frees_its_place_and_trains_no_more():
    s = scheduler.Scheduler(workers=1, cap=1, slice_seconds=0.005)
    first, second = emoji_run(1), emoji_run(2)
    first.trainer.set_epochs(5000)
    for run in (first, second):
        run.running = True
        s.submit(run)
    assert until(lambda: first.epoch > 0) and s.position(second) == 0
    with first.lock:
        first.running = False
    s.cancel(first)
    stopped_at = first.epoch
    assert until(lambda: not second.running) and second.epoch == EPOCHS
    assert first.epoch == stopped_at


def test_a_bug_in_one_run_stops_it_with_its_reason_and_the_others_go_on():
    s = scheduler.Scheduler(workers=1, cap=2, slice_seconds=0.005)
    broken, fine = emoji_run(1), emoji_run(2)

    def explode(seconds: float) -> None:
        raise RuntimeError("a bug")

    broken.train_slice = explode
    for run in (broken, fine):
        run.running = True
        s.submit(run)
    assert until(lambda: not fine.running and not broken.running)
    assert broken.failure == "run.bug_stop" and fine.failure is None and fine.epoch == EPOCHS


def test_redraws_grow_rarer_with_the_runs_training():
    s = scheduler.Scheduler(workers=1, cap=2)
    assert s.redraw_gap() == scheduler.BASE_GAP
    lock = threading.RLock()  # jobs that never train: the scheduler's bookkeeping alone
    idle = [LabRun(("idle", i), {}, "", lock=lock) for i in range(30)]
    s._start_workers = lambda: None
    for run in idle:
        run.running = True
        s.submit(run)
    assert s.counts() == (2, 28) and s.redraw_gap() == scheduler.MAX_GAP


def test_the_queue_reads_in_both_languages():
    assert t("server.waiting", "en", n=3, cap=4).startswith("Waiting: 3 ahead")
    assert t("server.waiting", "ko", n=3, cap=4).startswith("대기 중: 앞에 3명")


def test_a_queued_run_shows_its_place_and_starts_when_a_place_frees(monkeypatch):
    monkeypatch.setattr(scheduler.SCHEDULER, "cap", 1)
    monkeypatch.setattr(scheduler, "QUEUE_WAIT", 0.2)
    monkeypatch.setattr(Trainer, "estimate_epoch_seconds", lambda self: 0.001, raising=False)
    first = app(page="labs/emoji.py", epochs="5000", seed="1")
    first.button(key="emoji.train").click().run()
    assert lab_state(first, "emoji").run.epoch > 0
    second = app(page="labs/emoji.py", epochs=str(EPOCHS), seed="2")
    second.button(key="emoji.train").click().run()
    waiting = lab_state(second, "emoji").run
    assert waiting.running and waiting.epoch == 0
    assert any(i.value.startswith("Waiting: you are next") for i in second.info)
    first.button(key="emoji.pause").click().run()
    for _ in range(40):
        if waiting.done:
            break
        second.run()
    second.run()
    assert waiting.epoch == EPOCHS and not any(i.value.startswith("Waiting") for i in second.info)
    assert any(f"Done: {EPOCHS} epochs" in s.value for s in second.success)
    assert waiting.trainer.history.loss == emoji_run(2).trainer.run().history.loss


def test_the_page_gate_lets_n_in_and_a_waiting_page_lends_its_place():
    gate, inside, entered = turns.Gate(1), threading.Event(), threading.Event()

    def second():
        with gate.hold():
            entered.set()

    with gate.hold():
        t = threading.Thread(target=second, daemon=True)
        t.start()
        assert not entered.wait(0.2)  # the one place is taken
        with gate.lent():  # waiting for a slice: the other page goes in meanwhile
            assert entered.wait(10)
            t.join(10)
        inside.set()  # the place came back to this thread
    assert inside.is_set() and not t.is_alive()
    with gate.lent():  # a thread that holds no place lends nothing
        pass
    with gate.hold():  # and the place is free again
        pass
