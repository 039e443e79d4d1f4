"""A visitor who keeps interacting while a long run trains (issue 9: the run used to die silently).

Each tap or Enter starts a new script run while the previous one may still be inside a training chunk
(Streamlit's fast reruns); the run must still reach its limit, the page must never show the crash
box, and the server must log no error. About a minute on an idle 2-core machine; the limits are
generous for a loaded one.
"""

import re
import time
from pathlib import Path

import pytest
from browser import CHROMIUM, LAST_EPOCH_JS, browser_page, click_train, server_log, streamlit_server
from playwright.sync_api import TimeoutError as PlaywrightTimeout

TAP = 0.3  # seconds between a visitor's interactions


def _train_while(page, done_text: str, interact, limit: float) -> int:
    """Click Train, then call ``interact(i)`` every TAP seconds until ``done_text`` shows; the taps made.
    A tap the browser could not make in time (the page was redrawing it) is not counted."""
    click_train(page)
    deadline, taps = time.time() + limit, 0
    while time.time() < deadline:
        try:
            interact(taps)
            taps += 1
        except PlaywrightTimeout:
            pass
        page.wait_for_timeout(TAP * 1000)
        if page.get_by_text(done_text).count():
            return taps
    crash = page.get_by_text("Something went wrong").count()
    pytest.fail(f"no {done_text!r} after {limit:.0f} s and {taps} interactions (crash box shown: {crash})")


def _clean(page, proc) -> None:
    assert page.get_by_text("Something went wrong").count() == 0
    assert page.locator(".stException").count() == 0
    log = server_log(proc)
    assert "Traceback" not in log and "failed" not in log, log[-3000:]


def test_long_runs_survive_a_visitor_who_keeps_clicking_and_typing():
    if not Path(CHROMIUM).exists():
        pytest.fail("Debian's chromium is missing: apt-get install -y chromium")
    with streamlit_server() as (url, proc), browser_page() as page:
        page.goto(url + "/emoji?epochs=2500&cell=gru")
        page.get_by_role("button", name="▶ Train").wait_for(timeout=60_000)
        keys = ["🐱", "⌫", "🤖", "⌫"]

        def tap(i: int) -> None:
            page.get_by_role("button", name=keys[i % len(keys)], exact=True).click(
                timeout=3_000, no_wait_after=True
            )

        taps = _train_while(page, "Done: 2500 epochs", tap, limit=180)
        assert taps >= 5, taps  # the visitor really did interact during the run
        _clean(page, proc)

        page.goto(url + "/sentences?src=en&epochs=4000")
        page.get_by_role("button", name="▶ Train").wait_for(timeout=60_000)
        box = page.get_by_role("textbox", name="Your sentence", exact=True)

        def type_(i: int) -> None:
            box.fill("i am " + "not " * (i % 3) + "happy", timeout=3_000)
            box.press("Enter", timeout=3_000, no_wait_after=True)

        taps = _train_while(page, "Done: 4000 epochs", type_, limit=180)
        assert taps >= 5, taps
        _clean(page, proc)


def test_generation_pauses_where_the_visitor_asked_and_says_where():
    """A part of the Sequence-to-sequence lab (lab.part): Train, Pause while it trains; the run holds
    and the page says at which step it stopped."""
    if not Path(CHROMIUM).exists():
        pytest.fail("Debian's chromium is missing: apt-get install -y chromium")
    with streamlit_server() as (url, proc), browser_page() as page:
        page.goto(url + "/seq2seq?part=generate&gbudget=20000&ghid=32")
        page.get_by_role("button", name="▶ Train").wait_for(timeout=60_000)
        click_train(page)
        deadline = time.time() + 60
        while time.time() < deadline and page.evaluate(LAST_EPOCH_JS) < 2:  # the loss curve has steps
            page.wait_for_timeout(300)
        assert page.evaluate(LAST_EPOCH_JS) >= 2, "generation did not start training"
        page.get_by_role("button", name="⏸ Pause").click()
        paused = page.get_by_text("Paused at step")
        # The slice under way when Pause is pressed may still land, and a redraw then says the later step;
        # after that the counter holds: two readings a second apart agree, within 30 s.
        readings, deadline = [], time.time() + 30
        while time.time() < deadline and not (len(readings) >= 2 and readings[-1] == readings[-2] != 0):
            page.wait_for_timeout(1_000)
            readings.append(page.evaluate(LAST_EPOCH_JS))
        step = readings[-1]
        assert len(readings) >= 2 and step == readings[-2] and 0 < step < 20000, (
            f"Pause did not hold: {readings}"
        )
        paused.first.wait_for(timeout=10_000)
        assert f"{step:,}" in paused.first.inner_text()  # it says where it stopped
        page.wait_for_timeout(1_500)
        assert page.evaluate(LAST_EPOCH_JS) == step  # and it stays held
        _clean(page, proc)


SWEEP_POINTS_JS = """() => {
  const plots = [...document.querySelectorAll('.js-plotly-plot')];
  const title = p => String(p.layout && p.layout.title && p.layout.title.text).replace(/<br>/g, ' ');
  const s = plots.find(p => title(p).includes('against sequence length'));
  const cells = s ? s.data.filter(d => /^(RNN|LSTM|GRU)/.test(d.name || '')) : [];  // not the chance line
  return s ? cells.reduce((n, d) => n + (d.x ? d.x.length : 0), 0) : -1;  // the points drawn
}"""


def test_the_memory_sweep_stops_when_asked_and_keeps_its_points():
    """The Memory lab's sweep (3 cells x 5 lengths): Stop while it trains; the page says it stopped after
    N points, N stay on the chart and no more land."""
    if not Path(CHROMIUM).exists():
        pytest.fail("Debian's chromium is missing: apt-get install -y chromium")
    with streamlit_server() as (url, proc), browser_page() as page:
        page.goto(url + "/memory?view=recall&hid=4")
        page.get_by_role("button", name="Run the sweep").wait_for(timeout=60_000)
        page.get_by_role("button", name="Run the sweep").click()
        landed, confirm = (
            page.get_by_text(re.compile(r"^[1-9]\d* of 15 points$")),
            page.get_by_role("button", name="Yes, train"),
        )
        deadline = time.time() + 120
        while time.time() < deadline and not landed.count():  # a loaded machine asks first (over a minute)
            if confirm.count():  # it goes once clicked: a second look may find it gone
                try:
                    confirm.click(timeout=1_500)
                except Exception:
                    pass
            page.wait_for_timeout(300)
        assert landed.count(), "no point of the sweep landed"
        page.locator(".st-key-memory-sweep-pause button").click()
        stopped = page.get_by_text(re.compile(r"Stopped after \d+ points"))
        stopped.first.wait_for(timeout=30_000)  # the chunk under way may still land a point first
        n = int(re.search(r"after (\d+)", stopped.first.inner_text()).group(1))
        page.wait_for_timeout(2_000)
        assert 0 < n < 15 and page.evaluate(SWEEP_POINTS_JS) == n  # what landed stays, nothing more
        assert page.get_by_text(f"{n} of 15 points", exact=True).count() == 1
        _clean(page, proc)
