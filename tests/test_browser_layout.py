"""In Chromium, at a projector's 1280x900 and a phone's 390x844: no chart title or axis label runs past
its chart or the viewport, no chart text is under 14 px, and on the phone the Train button is within the
first screen.

The second checks the lab runtime's phone layout (ui/lab.py: the training column, with its Train row,
comes before the settings)."""

import re
import time

import pytest
from browser import browser_page

LABS = ["emoji", "sentences", "forecast"]
SIZES = [(1280, 900, "en"), (390, 844, "ko")]  # Hangul on the phone: the narrowest case

OVERFLOW_JS = """() => {
  const vw = document.documentElement.clientWidth, bad = [];
  for (const plot of document.querySelectorAll('.js-plotly-plot')) {
    const box = plot.getBoundingClientRect();
    if (box.width === 0) continue;  // not drawn (a folded part of the page)
    for (const el of plot.querySelectorAll('.gtitle, .xtitle, .ytitle, .annotation-text, .xtick text, .ytick text')) {
      const r = el.getBoundingClientRect();
      if (r.width === 0) continue;
      if (r.left < box.left - 1 || r.right > box.right + 1 || r.right > vw + 1 || r.left < -1)
        bad.push(`${el.textContent.slice(0, 40)} [${Math.round(r.left)}..${Math.round(r.right)}] `
                 + `outside [${Math.round(box.left)}..${Math.round(box.right)}] (viewport ${vw})`);
    }
  }
  const small = [];  // chart text under the classroom minimum (Streamlit's template draws 12 px)
  for (const el of document.querySelectorAll('.js-plotly-plot text')) {
    if (!el.textContent.trim() || el.getBoundingClientRect().width === 0) continue;
    const px = parseFloat(getComputedStyle(el).fontSize);
    if (px < 14) small.push(`${el.textContent.slice(0, 30)} (${el.getAttribute('class')}) ${px}px`);
  }
  return {plots: document.querySelectorAll('.js-plotly-plot').length, bad, small};
}"""


def _wait_for_charts(page, least: int = 2, timeout: float = 60) -> None:
    deadline = time.time() + timeout
    while time.time() < deadline:
        if page.locator(".js-plotly-plot .gtitle").count() >= least:
            time.sleep(1.5)  # let the last ones draw
            return
        time.sleep(0.3)
    raise AssertionError(f"fewer than {least} charts drew in {timeout} s")


@pytest.mark.parametrize("width,height,lang", SIZES)
def test_chart_text_is_readable_and_stays_inside_its_chart_and_the_viewport(server, width, height, lang):
    problems = []
    with browser_page(width, height) as page:
        for lab in LABS:
            page.goto(f"{server}/{lab}?lang={lang}")
            _wait_for_charts(page)
            found = page.evaluate(OVERFLOW_JS)
            assert found["plots"] >= 2, f"{lab}: charts did not draw"
            problems += [f"{lab} {width}px: {b}" for b in found["bad"]]
            problems += [f"{lab} {width}px: small text {b}" for b in found["small"]]
    assert not problems, "\n".join(problems)


def test_on_a_phone_train_is_within_the_first_screen(server):
    width, height = 390, 844
    below = []
    with browser_page(width, height) as page:
        for lab in LABS:
            page.goto(f"{server}/{lab}?lang=ko")
            _wait_for_charts(page)  # measured once the page has drawn, not mid-layout
            train = page.get_by_role("button", name=re.compile(r"^\W*(Train|학습)$")).first
            train.wait_for(timeout=60_000)
            top = train.bounding_box()["y"]
            if top + 30 > height:
                below.append(f"{lab}: Train at y={top:.0f}, the screen is {height} px tall")
    assert not below, "\n".join(below)


ROWS_JS = """() => {
  const rows = [];
  for (const box of document.querySelectorAll('[class*="st-key-"][class*="_controls"]')) {
    const tops = [...box.querySelectorAll('button')].map(b => b.getBoundingClientRect())
      .filter(r => r.width > 0).map(r => Math.round(r.top));  // a help icon's hidden button has no box
    if (tops.length) rows.push({key: [...box.classList].find(c => c.endsWith('_controls')), tops});
  }
  return rows;
}"""
PARTS = ["emoji", "memory?view=recall", "seq2seq?part=translate", "seq2seq?part=generate"]


def test_on_a_phone_every_runs_buttons_stay_on_one_row(server):
    """Train / Pause / Step / Reset (a sweep's Run / Stop) side by side at 390 px, in the labs' parts too:
    four buttons stacked one per line push the charts a screen down."""
    broken, seen = [], 0
    with browser_page(390, 844) as page:
        for link in PARTS:
            page.goto(f"{server}/{link}{'&' if '?' in link else '?'}lang=ko")
            page.locator('[class*="_controls"] button').first.wait_for(timeout=60_000)
            time.sleep(1.5)  # every part's buttons drawn
            for row in page.evaluate(ROWS_JS):
                seen += 1
                if max(row["tops"]) - min(row["tops"]) > 4:
                    broken.append(f"{link}: {row['key']} buttons at y = {row['tops']}")
    assert seen >= len(PARTS) + 1, seen  # the memory page has its run and the sweep's
    assert not broken, "\n".join(broken)
