"""In Chromium: words break only between words and text stays on the screen. The home page's card titles
(five cards in a row broke "Sentences" as "Sentence"/"s" at 1280 px), the Memory lab's equations on a
phone (they ran off the right edge), and the Memory sine presets' buttons (cut with "…" in Korean)."""

import pytest
from browser import browser_page

SPLIT_WORDS_JS = """(sel) => {
  const split = [];
  for (const el of document.querySelectorAll(sel)) {
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      for (const m of node.textContent.matchAll(/\\S+/g)) {
        const range = document.createRange();
        range.setStart(node, m.index);
        range.setEnd(node, m.index + m[0].length);
        const tops = [...range.getClientRects()].filter(r => r.width > 0).map(r => r.top);
        // one word on two lines (a glyph from a fallback font may sit a pixel or two higher)
        if (tops.length && Math.max(...tops) - Math.min(...tops) > 8) split.push(m[0]);
      }
    }
  }
  return split;
}"""

EQUATIONS_JS = """() => {
  const vw = document.documentElement.clientWidth;
  return [...document.querySelectorAll('.katex-display')].map(k => {
    const r = k.getBoundingClientRect();
    return {right: r.right, vw, hidden: k.scrollWidth - k.clientWidth};
  }).filter(k => k.right > k.vw + 1 || k.hidden > 4);
}"""

CUT_BUTTONS_JS = """() => [...document.querySelectorAll('[data-testid="stButton"] button [data-testid="stMarkdownContainer"]')]
  .filter(e => e.scrollWidth > e.clientWidth + 1).map(e => e.textContent)"""


@pytest.mark.parametrize("lang", ["en", "ko"])
@pytest.mark.parametrize("width,height", [(1280, 900), (900, 900), (390, 844)])
def test_home_card_titles_break_between_words(server, lang, width, height):
    with browser_page(width, height) as page:
        page.goto(f"{server}/?lang={lang}")
        page.locator(".st-key-home_cards h4").nth(4).wait_for(timeout=60_000)
        page.evaluate("document.fonts.ready")
        page.wait_for_timeout(1000)  # measured once the columns have settled, not mid-layout
        split = page.evaluate(SPLIT_WORDS_JS, ".st-key-home_cards h4")
    assert not split, f"{lang} {width}px: split across lines: {split}"


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_memory_equations_stay_on_a_phones_screen(server, lang):
    bad = {}
    with browser_page(390, 844) as page:
        for view in ("act", "count", "sine", "recall", "gates", "explode"):
            page.goto(f"{server}/memory?lang={lang}&view={view}")
            page.locator(".katex-display").first.wait_for(timeout=60_000)
            page.wait_for_timeout(500)  # the fonts
            if found := page.evaluate(EQUATIONS_JS):
                bad[view] = found
    assert not bad, bad


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_memory_sine_preset_buttons_show_their_whole_label(server, lang):
    with browser_page(1280, 900) as page:
        page.goto(f"{server}/memory?lang={lang}&view=sine")
        page.locator('[data-testid="stButton"]').first.wait_for(timeout=60_000)
        page.wait_for_timeout(500)
        cut = page.evaluate(CUT_BUTTONS_JS)
    assert not cut, cut
