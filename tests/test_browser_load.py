"""A real page still animates while headless visitors load the server (issue 14): five headless visitors
(bench/loadclient.py) train at once, then a Chromium page trains a longer run beside them (the server's
cap raised so that none waits); its loss chart must be redrawn at several epochs before the run is done,
every headless run must finish, and the server must log no error. Limits are generous for a loaded
machine; nothing here is timed."""

import sys
import threading
from pathlib import Path

import pytest
from browser import CHROMIUM, LAST_EPOCH_JS, ROOT, browser_page, click_train, server_log, streamlit_server

sys.path.insert(0, str(ROOT / "bench"))
import loadclient  # noqa: E402

HEADLESS = 5


def test_a_page_animates_while_headless_visitors_train(monkeypatch):
    if not Path(CHROMIUM).exists():
        pytest.fail("Debian's chromium is missing: apt-get install -y chromium")
    monkeypatch.setenv("RNNLAB_MAX_TRAINING", str(HEADLESS + 1))  # all six train at once: none waits
    with streamlit_server() as (url, proc), browser_page() as page:
        crowd: list = []
        queries = [f"seed={i}&epochs=300" for i in range(HEADLESS)]
        load = threading.Thread(target=lambda: crowd.extend(loadclient.run_crowd(url, "emoji", queries, 180)))
        load.start()
        page.goto(url + "/emoji?epochs=1500&seed=9")
        page.get_by_role("button", name="▶ Train").wait_for(timeout=60_000)
        click_train(page)
        drawn = set()
        for _ in range(900):  # up to ~180 s
            page.wait_for_timeout(200)
            drawn.add(page.evaluate(LAST_EPOCH_JS))
            if page.get_by_text("Done: 1500 epochs").count():
                break
        load.join(200)
        assert page.get_by_text("Done: 1500 epochs").count(), sorted(drawn)
        assert len({e for e in drawn if 0 < e < 1500}) >= 3, sorted(drawn)  # the chart moved while training
        summary = loadclient.summary(crowd)
        assert summary["finished"] == HEADLESS, summary
        assert "Traceback" not in server_log(proc), server_log(proc)[-3000:]
