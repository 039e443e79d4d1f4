"""A headless visitor that costs the server, not a browser: it speaks Streamlit's own websocket protocol.

One visitor opens ``/_stcore/stream`` on a loopback server, asks for a lab with a link (``page`` and its
query string) the way the browser does (a ``BackMsg.rerun_script`` with the page's url path), finds the
Train button in the deltas by its key (``<page>.train``: Streamlit puts a widget's key at the end of its
id), presses it (a rerun whose widget state holds the button's trigger value), answers the runtime's
"over a minute" confirmation (``<page>.confirm``) when asked, and keeps the live fragment going the way
the browser does (``ForwardMsg.auto_rerun`` -> a fragment rerun every ``interval`` seconds). It reads the
page's own numbers: the last point of the loss chart (key ``<page>.loss*``: the epoch and the loss, full
precision) and the green "done" box. N visitors run at once with asyncio, each bounded in time.

    .venv/bin/python bench/loadclient.py http://127.0.0.1:8501 -n 10 --page emoji --query "seed={i}"

prints one line per visitor and a summary (finished, slowest, median); ``{i}`` is the visitor's number.
"""

import argparse
import asyncio
import json
import statistics
import sys
import time
import urllib.parse
from dataclasses import dataclass, field

import websockets
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

MAX_VISITORS = 100  # more at once is not a class, it is an attack
MAX_SECONDS = 600.0  # no visit lasts longer than this


@dataclass
class Visit:
    """What one headless visitor saw; times in seconds from its own start."""

    page: str  # the lab's url path, e.g. "emoji"
    query: str  # the link's query string, e.g. "seed=3"
    opened: float | None = None  # the first full page run finished
    clicked: float | None = None  # Train pressed
    done: float | None = None  # the run's "done" box arrived
    epoch: int = 0  # the last epoch on the loss chart
    loss: float | None = None  # the last loss on the loss chart (the run's final loss once done)
    confirmed: bool = False  # the page asked "over a minute?" and the visitor said yes
    waiting: list[str] = field(default_factory=list)  # queue notes the page showed (texts, in order)
    fragment_runs: int = 0  # live-panel reruns the visitor asked for
    error: str | None = None  # why the visit failed (timeout, exception in the page, connection)

    @property
    def train_seconds(self) -> float | None:
        """Click to done."""
        return self.done - self.clicked if self.done is not None and self.clicked is not None else None


def _is_local(url: str) -> bool:
    return urllib.parse.urlsplit(url).hostname in ("127.0.0.1", "localhost", "::1")


def _last_point(spec: str) -> tuple[int, float] | None:
    """The last (x, y) of a Plotly spec's first trace; arrays may come as base64 (Plotly 7)."""
    import base64

    import numpy as np

    data = json.loads(spec).get("data") or []
    if not data:
        return None

    def arr(v):
        if isinstance(v, dict) and "bdata" in v:
            return np.frombuffer(base64.b64decode(v["bdata"]), dtype=v["dtype"])
        return np.asarray(v)

    x, y = arr(data[0].get("x", [])), arr(data[0].get("y", []))
    return (int(x[-1]), float(y[-1])) if len(x) and len(y) else None


class _Session:
    """The protocol side of one visitor: what the server said, and how to answer it."""

    def __init__(self, ws, visit: Visit, t0: float):
        self.ws, self.v, self.t0 = ws, visit, t0
        self.page_hash = ""  # the page's script hash, from new_session
        self.buttons: dict[str, tuple[str, bool]] = {}  # user key -> (widget id, disabled)
        self.timers: dict[str, asyncio.Task] = {}  # fragment id -> its auto-rerun task
        self.finished = asyncio.Event()  # a full script run finished
        self.done = asyncio.Event()
        self.fragment_running = False

    def now(self) -> float:
        return time.perf_counter() - self.t0

    async def rerun(self, trigger: str | None = None, fragment_id: str = "") -> None:
        msg = BackMsg()
        cs = msg.rerun_script
        cs.query_string = self.v.query
        cs.page_name = "" if self.page_hash else self.v.page
        cs.page_script_hash = self.page_hash
        cs.context_info.locale = "en-US"
        cs.context_info.timezone = "UTC"
        if fragment_id:
            cs.fragment_id, cs.is_auto_rerun = fragment_id, True
        if trigger:
            w = cs.widget_states.widgets.add()
            w.id, w.trigger_value = trigger, True
        await self.ws.send(msg.SerializeToString())

    async def _auto(self, fragment_id: str, interval: float) -> None:
        while True:  # the browser's setInterval
            await asyncio.sleep(interval)
            self.v.fragment_runs += 1
            await self.rerun(fragment_id=fragment_id)

    def handle(self, fm: ForwardMsg) -> None:
        kind = fm.WhichOneof("type")
        if kind == "navigation":  # the page that ran: later reruns name it by its hash, as the browser does
            self.page_hash = fm.navigation.page_script_hash or self.page_hash
        elif kind == "new_session" and not fm.metadata.run.fragment_ids:
            for task in self.timers.values():  # a full run registers its fragments again; a fragment's
                task.cancel()  # own run (fragment_ids set) keeps them, as the browser's timers go on
            self.timers.clear()
        elif kind == "auto_rerun":
            a = fm.auto_rerun
            if a.fragment_id in self.timers:
                self.timers[a.fragment_id].cancel()
            self.timers[a.fragment_id] = asyncio.create_task(self._auto(a.fragment_id, a.interval))
        elif kind == "stop_auto_rerun":
            for fid in fm.stop_auto_rerun.fragment_ids:
                if fid in self.timers:
                    self.timers.pop(fid).cancel()
        elif kind == "script_finished":
            self.finished.set()
            if self.v.done is not None:  # the run that drew the done box also drew the final chart
                self.done.set()
        elif kind == "delta" and fm.delta.WhichOneof("type") == "new_element":
            self._element(fm.delta.new_element)

    def _element(self, el) -> None:
        kind = el.WhichOneof("type")
        if kind == "button":
            b = el.button
            user_key = b.id.rsplit("-", 1)[-1] if b.id else ""
            self.buttons[user_key] = (b.id, b.disabled)
        elif kind == "plotly_chart" and el.plotly_chart.id.rsplit("-", 1)[-1].startswith(
            f"{self.v.page}.loss"
        ):
            point = _last_point(el.plotly_chart.spec)
            if point:
                self.v.epoch, self.v.loss = point
        elif kind == "alert":
            a = el.alert
            if a.format == a.SUCCESS and self.v.clicked is not None and a.icon == "✅":
                self.v.done = self.v.done or self.now()
            elif a.format == a.ERROR:
                self.v.error = self.v.error or f"error box: {a.body[:120]}"
            elif a.icon == "⏳":
                self.v.waiting.append(a.body)
        elif kind == "exception":
            self.v.error = f"exception: {el.exception.type}: {el.exception.message[:120]}"


async def visit(base_url: str, page: str, query: str, seconds: float = 120.0, train: bool = True) -> Visit:
    """One visitor: open ``page?query``, press Train, follow the run to done (or to ``seconds``);
    ``train=False`` only opens the page (``page`` "" is the home page) and records when it arrived."""
    if not _is_local(base_url):
        raise ValueError(f"expected a loopback server (127.0.0.1 or localhost), got {base_url}")
    v = Visit(page, query)
    t0 = time.perf_counter()
    ws_url = base_url.replace("http", "ws", 1).rstrip("/") + "/_stcore/stream"
    try:
        async with websockets.connect(
            ws_url, subprotocols=["streamlit"], max_size=None, compression=None, open_timeout=seconds
        ) as ws:
            s = _Session(ws, v, t0)
            reader = asyncio.create_task(_read(ws, s))
            drive = asyncio.create_task(_drive(s, train))
            try:  # the visit ends when the run is done, the time is up, or the server closed the connection
                done, _ = await asyncio.wait(
                    {drive, reader}, timeout=min(seconds, MAX_SECONDS), return_when=asyncio.FIRST_COMPLETED
                )
                if drive in done:
                    drive.result()
                elif reader in done:  # e.g. its replica went away: a browser would reconnect
                    why = reader.exception()
                    v.error = v.error or f"connection closed at epoch {v.epoch}" + (
                        f" ({why})" if why else ""
                    )
                else:
                    raise TimeoutError
            finally:
                for task in s.timers.values():
                    task.cancel()
                drive.cancel()
                reader.cancel()
    except TimeoutError:
        v.error = v.error or f"timeout after {seconds:.0f} s at epoch {v.epoch}"
    except (OSError, websockets.WebSocketException) as err:
        v.error = v.error or f"connection: {err}"
    return v


async def _read(ws, s: _Session) -> None:
    async for data in ws:
        fm = ForwardMsg()
        fm.ParseFromString(data)
        s.handle(fm)


async def _drive(s: _Session, train_it: bool = True) -> None:
    train, confirm = f"{s.v.page}.train", f"{s.v.page}.confirm"
    await s.rerun()
    await s.finished.wait()
    s.v.opened = s.now()
    if not train_it:
        return
    if train not in s.buttons:
        raise RuntimeError(f"expected a button with key {train} on the page, got {sorted(s.buttons)}")
    s.finished.clear()
    s.v.clicked = s.now()
    await s.rerun(trigger=s.buttons[train][0])
    await s.finished.wait()
    if confirm in s.buttons:  # the page expects over a minute and asks first
        s.v.confirmed = True
        await s.rerun(trigger=s.buttons[confirm][0])
    await s.done.wait()


async def crowd(
    base_url: str, page: str, queries: list[str], seconds: float, spread: float = 0.0
) -> list[Visit]:
    """``len(queries)`` visitors at once (the i-th starts after ``spread * i / n`` seconds)."""
    if not 1 <= len(queries) <= MAX_VISITORS:
        raise ValueError(f"expected 1 to {MAX_VISITORS} visitors, got {len(queries)}")

    async def one(i: int, q: str) -> Visit:
        await asyncio.sleep(spread * i / len(queries))
        return await visit(base_url, page, q, seconds)

    return await asyncio.gather(*(one(i, q) for i, q in enumerate(queries)))


def run_crowd(base_url: str, page: str, queries: list[str], seconds: float = 120.0, spread: float = 0.0):
    return asyncio.run(crowd(base_url, page, queries, seconds, spread))


def summary(visits: list[Visit]) -> dict:
    """finished count, slowest and median click-to-done seconds, errors."""
    times = [v.train_seconds for v in visits if v.train_seconds is not None and v.error is None]
    return {
        "visitors": len(visits),
        "finished": len(times),
        "slowest": max(times) if times else None,
        "median": statistics.median(times) if times else None,
        "errors": [v.error for v in visits if v.error],
    }


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("url", help="the server, e.g. http://127.0.0.1:8501 (loopback only)")
    p.add_argument("-n", type=int, default=5, help=f"visitors at once (1-{MAX_VISITORS})")
    p.add_argument("--page", default="emoji", help="the lab's url path")
    p.add_argument("--query", default="seed={i}", help="the link's query string; {i} is the visitor's number")
    p.add_argument("--seconds", type=float, default=120.0, help="each visit's time limit")
    p.add_argument("--spread", type=float, default=0.0, help="seconds over which the visitors arrive")
    a = p.parse_args(argv)
    try:
        visits = run_crowd(a.url, a.page, [a.query.format(i=i) for i in range(a.n)], a.seconds, a.spread)
    except ValueError as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
    for v in visits:
        t = v.train_seconds
        print(
            f"{v.query:>16}  opened {v.opened or 0:6.2f} s  train {t if t is not None else float('nan'):6.2f} s"
            f"  epoch {v.epoch:4d}  loss {v.loss!r}  {v.error or ''}"
        )
    print(json.dumps(summary(visits)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
