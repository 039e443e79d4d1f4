"""Helpers for real-browser tests: a streamlit server on a free loopback port and Debian's Chromium."""

import contextlib
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def streamlit_server(timeout: float = 60.0, port: int | None = None, env: dict | None = None):
    """Yields the base URL and the server process; stops the server afterwards. ``port``: a given one
    (a replica restarted where it was) instead of a free one; ``env``: more environment for the server.

    The server's output goes to a temporary file (a pipe nobody reads would fill and stall the
    server); ``server_log(proc)`` reads it so far.
    """
    port = port or free_port()
    log = tempfile.NamedTemporaryFile(prefix="rnnlab-server-", suffix=".log", delete=False)
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "streamlit",
            "run",
            "app.py",
            "--server.headless",
            "true",
            "--server.port",
            str(port),
            "--server.address",
            "127.0.0.1",
        ],
        cwd=ROOT,
        stdout=log,
        stderr=subprocess.STDOUT,
        env={**os.environ, **(env or {}), "PYTHONUNBUFFERED": "1"},
    )
    proc.log_path = log.name
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.time() + timeout
        while True:
            try:
                with urllib.request.urlopen(url + "/_stcore/health", timeout=2) as r:
                    if r.status == 200:
                        break
            except OSError:
                pass
            if proc.poll() is not None or time.time() > deadline:
                raise RuntimeError("streamlit did not start:\n" + server_log(proc)[-2000:])
            time.sleep(0.3)
        yield url, proc
    finally:
        stop(proc)
        log.close()
        os.unlink(log.name)


def stop(proc: subprocess.Popen) -> None:
    """End a server process: terminate, and kill it if it has not gone within 10 s."""
    proc.terminate()
    try:
        proc.wait(10)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


def server_log(proc) -> str:
    """Everything the server printed so far."""
    return Path(proc.log_path).read_text(errors="replace")


@contextlib.contextmanager
def browser_page(width: int = 1400, height: int = 1000):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        try:
            yield b.new_page(viewport={"width": width, "height": height})
        finally:
            b.close()


def click_train(page, name: str = "▶ Train", confirm: str = "Yes, train", timeout: float = 60) -> None:
    """Click Train and wait until the run has started (Train greys out while it trains or once it is
    done); when the page asks first (a run expected to take over a minute, as on a loaded machine), say
    yes. The question can come seconds after the click on a loaded machine, so it is watched for until
    the run starts, not only for a moment after the click."""
    train = page.get_by_role("button", name=name).first
    train.click()
    yes = page.get_by_role("button", name=confirm)
    deadline = time.time() + timeout
    while time.time() < deadline:
        if yes.count():
            try:
                yes.first.click(timeout=1_500)
            except Exception:  # gone between the look and the click: the run started
                pass
        elif train.is_disabled():
            return
        page.wait_for_timeout(200)
    raise AssertionError(f"the run did not start within {timeout} s of clicking {name}")


LAST_EPOCH_JS = """() => {
  const plots = [...document.querySelectorAll('.js-plotly-plot')];
  const loss = plots.find(p => p.layout && p.layout.title && String(p.layout.title.text).includes('Loss while training'));
  if (!loss || !loss.calcdata) return 0;
  const pts = loss.calcdata[0];
  return pts[pts.length - 1].x;  // the last epoch drawn
}"""
