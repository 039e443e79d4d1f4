"""How the server's threads share one interpreter: how many train, and who goes when.

``ui.scheduler`` trains every visitor's run on ``WORKERS`` threads; a page's redraw and a worker's
slice take turns (``TURN``: drawing is Python through and through, and a worker beside one Python-busy
thread trained 8x slower, beside two 30x), and at most ``PAGE_RUNS`` full lab-page script runs go at once
(``PAGES``, held in ``app.py``; the home page skips it). Why, with the measurements: ``ui.scheduler``'s
docstring and bench/results-scale.md. This module imports no streamlit.
"""

import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager


def env_int(name: str, default: int, lo: int, hi: int) -> int:
    """A whole number from the environment, else ``default``; bad values fall back, clamped to lo..hi."""
    try:
        return max(lo, min(hi, int(os.environ.get(name, default))))
    except ValueError:
        return default


CORES = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
WORKERS = env_int("RNNLAB_WORKERS", max(1, CORES - 1), 1, 16)  # training threads (one torch thread each)
PAGE_RUNS = env_int("RNNLAB_PAGE_RUNS", WORKERS, 1, 64)  # full lab-page script runs at once (``Gate``)


class Turns:
    """Training slices and page redraws take turns, never overlap, and alternate while both wait: a
    worker waits for at most one redraw, a page for at most one slice. (A first-come lock made the
    worker wait behind every page of a class; a plain lock let the worker, asking again the moment a
    slice ended, keep a page's redraw and the visitor's click behind it waiting for long.)"""

    def __init__(self):
        self._cond = threading.Condition()
        self._busy = False  # someone has the turn
        self._waiting = {"worker": 0, "page": 0}  # who waits for it
        self._last = "page"  # who had it last

    @contextmanager
    def turn(self, kind: str) -> Iterator[None]:
        """Hold the turn as ``kind`` ("worker" or "page")."""
        other = "page" if kind == "worker" else "worker"
        with self._cond:
            self._waiting[kind] += 1
            while self._busy or (self._waiting[other] and self._last == kind):
                self._cond.wait()
            self._waiting[kind] -= 1
            self._busy, self._last = True, kind
        try:
            yield
        finally:
            with self._cond:
                self._busy = False
                self._cond.notify_all()


TURN = Turns()  # a worker's slice and a page's redraw hold it in turns (see ``Turns``)


class Gate:
    """At most ``n`` threads inside at once (a lab page's full script run: ``hold``); a thread inside
    lets its place go while it only waits (``lent``: for its run's next slice, holding no other lock, so
    no gate-and-turn deadlock), and takes one again before it draws."""

    def __init__(self, n: int):
        self._sem = threading.Semaphore(n)
        self._local = threading.local()  # .held: this thread has a place

    @contextmanager
    def hold(self) -> Iterator[None]:
        self._sem.acquire()
        self._local.held = True
        try:
            yield
        finally:
            self._local.held = False
            self._sem.release()

    @contextmanager
    def lent(self) -> Iterator[None]:
        held = getattr(self._local, "held", False)
        if held:
            self._local.held = False
            self._sem.release()
        try:
            yield
        finally:
            if held:
                self._sem.acquire()
                self._local.held = True


PAGES = Gate(PAGE_RUNS)  # lab pages' full script runs (app.py); the home page and fragment redraws skip it
