"""One server-wide place where every visitor's training runs: a few worker threads, round robin, a cap.

Where the time went (2 cores; ``bench/scale.py``, headless visitors on the Emoji default run, profiled
with a wall-clock stack sampler in the server): each visitor's run used to train inside its own
``st.fragment(run_every=0.1)``, 0.3 s of training per fragment run, so a run moved only while its page
kept asking, and every visitor's script thread trained at once. With 10 visitors the runs crawled
(epochs 7-125 of 150 after 60 s): a dozen threads fought for the GIL (a sampler thread that asks every
10 ms got it every ~75 ms), each tiny torch op gives the GIL up and waits to get it back, and about two
thirds of the script threads' time went to drawing (hashing each Plotly spec into an element id,
serialising it) rather than training; the event loop spent ~40% of its time in the file watcher
(fixed in ``.streamlit/config.toml``). One visitor that "stalled" in the first measurement was the load
client's fault, not the server's: it dropped the fragment's timer on the fragment's own ``new_session``.

So training moved here, away from the pages:

* ``WORKERS`` threads (one less than the cores, at least one; one torch thread each) train the admitted
  runs in slices of ``SLICE_SECONDS``, round robin (the run trained longest ago goes next), whether or
  not a page is asking; a run is trained by one worker at a time, under its lock, so the weights never
  see two threads and a run's numbers are those of the same link trained alone (chunking never changes
  them). Not one per core: tiny models spend most of their time in Python, and two workers on two cores
  fought over the GIL (ten Emoji runs: 9.8 s with two workers, 5.3 s with one, same load); the other
  core is left to the event loop and the pages' drawing (a shorter GIL switch interval, 0.5 ms, gave
  nothing measurable). ``RNNLAB_WORKERS`` overrides it.
* At most ``MAX_TRAINING`` runs are admitted at once (twice the workers: each admitted run still gets
  a slice every few tenths of a second); the others wait in order (``position``) and the page says how
  many are ahead, instead of every run crawling at once. A run leaves on Pause, Reset, its limit, a NaN
  stop or a bug (the run's ``failure``), and the next one waiting is admitted.
* A page redraws only what the workers did: ``redraw_gap`` grows with the number of runs training (a
  class redraws less often per visitor, the total stays about constant), and ``wait`` blocks a redraw
  until its run has a new slice (or a bounded time passed), so drawing never outruns training.
* Slices and redraws take turns (``TURN``): drawing is Python through and through, and a worker beside
  one Python-busy thread trained 8x slower, beside two 30x (each tiny torch op gives the GIL up and
  waits out a switch interval to get it back). A page waiting in the queue draws only its place.
* At most ``PAGE_RUNS`` full lab-page script runs (opening a lab, a click) go at once (``PAGES``, held in
  ``app.py`` around a lab page, never the home page; let go while a page waits for its run's next
  slice): thirty pages opening or clicking Train together were thirty Python threads sharing the GIL
  with the worker and with a late visitor's home page (11.5 s for that home page, 38.4 s for the slowest
  of 30 runs; figures in bench/results-scale.md).
* A run whose page stopped asking for ``PARK_SECONDS`` (a closed tab) is parked: it leaves the workers
  and keeps ``running``; the page's next redraw submits it again, at the end of the queue.

A job is any object with ``lock`` (held while its weights are used), ``running``, ``done``,
``train_slice(seconds)`` (trains, under the lock the worker holds) and ``stop_on_bug()``:
``ui.live.LabRun``. This module imports no streamlit; the one scheduler is ``SCHEDULER``.
"""

import logging
import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import torch

from .turns import TURN, WORKERS, env_int

MAX_TRAINING = env_int("RNNLAB_MAX_TRAINING", 2 * WORKERS, 1, 64)  # runs trained at once; others wait
SLICE_SECONDS = 0.1  # training time a worker gives one run before the next one's turn
BASE_GAP = 0.1  # seconds between two redraws of a run's page when it trains alone
MAX_GAP = 1.0  # ... and at most, however many train
PARK_SECONDS = 60.0  # a run whose page has not asked for this long leaves the workers (a closed tab)
WAIT_LIMIT = 2.0  # longest a redraw waits for its run's next slice
QUEUE_GAP = 2.0  # a waiting run's page redraws its new place at most this often
QUEUE_WAIT = 10.0  # longest a waiting run's page waits before it redraws the same place in the queue


@dataclass
class _Entry:
    """The scheduler's record of one submitted run."""

    job: Any  # the run (``ui.live.LabRun``)
    seen: float  # when its page last asked (monotonic seconds)
    slices: int = 0  # slices trained since it was submitted
    drawn: float = 0.0  # when its page last drew it
    busy: bool = False  # a worker is training it now
    shown_ahead: int | None = None  # the queue position its page last showed
    progressed: threading.Condition = field(default_factory=threading.Condition)  # notified per slice


class Scheduler:
    """Runs submitted jobs on ``workers`` threads, at most ``cap`` at once, in slices, round robin."""

    def __init__(self, workers: int = WORKERS, cap: int = MAX_TRAINING, slice_seconds: float = SLICE_SECONDS):
        self.workers, self.cap, self.slice_seconds = workers, cap, slice_seconds
        self._cond = threading.Condition()  # guards everything below; workers wait on it for work
        self._entries: dict[int, _Entry] = {}  # id(job) -> its record, while queued or admitted
        self._queue: deque[_Entry] = deque()  # waiting, first come first served
        self._ring: deque[_Entry] = deque()  # admitted; the left end is trained next
        self._threads: list[threading.Thread] = []

    # what pages call --------------------------------------------------------------------------------
    def submit(self, job: Any) -> None:
        """Train ``job`` (from Train, or a redraw of a running run): queued or admitted at once; a job
        already here only records that its page asked (``seen``)."""
        with self._cond:
            entry = self._entries.get(id(job))
            if entry is not None and entry.job is job:
                entry.seen = time.monotonic()
                return
            entry = _Entry(job, time.monotonic())
            self._entries[id(job)] = entry
            self._queue.append(entry)
            self._admit()
            self._start_workers()
            self._cond.notify_all()

    def cancel(self, job: Any) -> None:
        """Stop training ``job`` (Pause, Reset, a new run): it leaves the queue or the workers. The caller
        sets ``job.running`` to False under ``job.lock``, so a slice in progress ends first."""
        with self._cond:
            entry = self._entries.get(id(job))
            if entry is not None and entry.job is job:
                self._drop(entry)
                self._admit()
                self._cond.notify_all()

    def stop_all(self) -> None:
        """Stop every run here (each under its lock) and empty the queue: a test's cleanup."""
        with self._cond:
            entries = list(self._entries.values())
        for entry in entries:
            with entry.job.lock:
                entry.job.running = False
            self.cancel(entry.job)

    def position(self, job: Any) -> int | None:
        """How many runs wait ahead of ``job``; None when it is not waiting (admitted, or not here)."""
        with self._cond:
            for i, entry in enumerate(self._queue):
                if entry.job is job:
                    return i
        return None

    def counts(self) -> tuple[int, int]:
        """(runs admitted, runs waiting)."""
        with self._cond:
            return len(self._ring), len(self._queue)

    def redraw_gap(self) -> float:
        """Seconds between redraws of a training page: ``BASE_GAP`` while the workers have no more runs
        than threads, growing with the runs admitted and waiting, at most ``MAX_GAP``."""
        admitted, waiting = self.counts()
        load = (admitted + waiting) / self.workers
        return min(MAX_GAP, BASE_GAP * max(1.0, load))

    def wait(self, job: Any, interrupted: Callable[[], bool] = lambda: False) -> int | None:
        """Block a redraw of ``job`` until there is something new to draw, and return how many runs wait
        ahead of it (None once admitted). Admitted: a slice trained since the last redraw and
        ``redraw_gap`` passed since then (at most ``WAIT_LIMIT``). Waiting: its place in the queue
        changed (at most every ``QUEUE_GAP``, at least every ``QUEUE_WAIT``: a waiting page costs almost
        nothing). Either returns
        at once when the run stopped or ``interrupted()`` (the visitor clicked; checked every 0.1 s)."""
        entry = self._entries.get(id(job))
        if entry is None or entry.job is not job:
            return None
        gap, start = self.redraw_gap(), time.monotonic()
        seen = entry.slices if entry.drawn else 0  # the first redraw after Train waits for a slice
        while True:
            with self._cond:
                current = self._entries.get(id(job)) is entry
                ahead = self._queue.index(entry) if entry in self._queue else None
            now = time.monotonic()
            if not current or not job.running or interrupted():
                break
            if ahead is None:
                new = entry.slices > seen and now - entry.drawn >= gap
                if new or now - start >= WAIT_LIMIT:
                    break
            elif (ahead != entry.shown_ahead and now - entry.drawn >= QUEUE_GAP) or now - start >= QUEUE_WAIT:
                break
            with entry.progressed:
                entry.progressed.wait(0.1)
        entry.drawn, entry.shown_ahead = time.monotonic(), ahead
        return ahead

    # the workers ----------------------------------------------------------------------------------
    def _start_workers(self) -> None:
        while len(self._threads) < self.workers:
            t = threading.Thread(target=self._work, name=f"rnnlab-train-{len(self._threads)}", daemon=True)
            self._threads.append(t)
            t.start()

    def _admit(self) -> None:
        """Move waiting runs into the ring while there is room (under ``_cond``); stale ones are parked."""
        now = time.monotonic()
        while self._queue and len(self._ring) < self.cap:
            entry = self._queue.popleft()
            if now - entry.seen > PARK_SECONDS or not entry.job.running:
                self._entries.pop(id(entry.job), None)
                continue
            self._ring.append(entry)

    def _drop(self, entry: _Entry) -> None:
        self._entries.pop(id(entry.job), None)
        for q in (self._queue, self._ring):
            if entry in q:
                q.remove(entry)
        with entry.progressed:
            entry.progressed.notify_all()

    def _next(self) -> _Entry | None:
        """The admitted run trained longest ago that no worker holds (moved to the ring's end)."""
        for _ in range(len(self._ring)):
            entry = self._ring[0]
            self._ring.rotate(-1)
            if not entry.busy:
                return entry
        return None

    def _work(self) -> None:
        if torch.get_num_threads() != 1:  # process-wide (app.py sets it too): tiny models are fastest on one
            torch.set_num_threads(1)
        while True:
            with self._cond:
                entry = self._next()
                while entry is None:
                    self._cond.wait()
                    entry = self._next()
                entry.busy = True
            finished = self._slice(entry)
            with self._cond:
                entry.busy = False
                stale = time.monotonic() - entry.seen > PARK_SECONDS
                if (finished or stale) and self._entries.get(id(entry.job)) is entry:
                    self._drop(entry)
                    self._admit()
                self._cond.notify_all()

    def _slice(self, entry: _Entry) -> bool:
        """Train one slice of the entry's job; True when it no longer trains (stopped, done, failed)."""
        job = entry.job
        try:
            with TURN.turn("worker"), job.lock:
                if not job.running:
                    return True
                job.train_slice(self.slice_seconds)
                if job.done:
                    job.running = False
        except Exception:  # a bug: logged for us; the page says the run stopped
            logging.getLogger("rnnlab").exception("training slice failed")
            job.stop_on_bug()
        with entry.progressed:
            entry.slices += 1
            entry.progressed.notify_all()
        return not job.running


SCHEDULER = Scheduler()  # the server's one scheduler (per process)
