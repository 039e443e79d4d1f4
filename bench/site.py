"""The site measured in a real browser, in one run: render times, live training, redraw cost, memory.

    python bench/site.py

Starts `streamlit run app.py` on a free loopback port and drives Debian's Chromium with Playwright.
Memory is the server process's resident set (VmRSS), before and after visitors train models.
Targets: a page renders in < 2 s on a warm server; the emoji tutorial preset finishes < 3 s from the
click with >= 4 chart updates per second; redraws stay flat over 3,000 epochs; one visitor < 600 MB,
each further visitor with a trained model < 50 MB; on a second, fresh server, one and then two visitors
training on Korean morphemes (the Kiwi analyser loads on first use and is shared).
"""

import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
from browser import ARGS, CHROMIUM, LAST_EPOCH_JS, streamlit_server  # noqa: E402
from playwright.sync_api import sync_playwright  # noqa: E402

TUTORIAL = "/emoji?cell=rnn&hidden=32&enc=tutorial&lr=0.001&epochs=300&batch=32"
DONE_JS = "() => !!document.querySelector('[data-testid=stAlertContentSuccess]')"


def rss_mb(pid: int, field: str = "VmRSS") -> float:
    """Resident memory of the server; field RssAnon is its heap alone (RssFile: code and files mapped in,
    paid once per process, e.g. torch kernels the first time a kind of model trains)."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1]) / 1024
    return float("nan")


def render_seconds(page, url: str, ready: str) -> float:
    t = time.perf_counter()
    page.goto(url)
    page.get_by_text(ready, exact=False).first.wait_for(timeout=30_000)
    return time.perf_counter() - t


SAMPLER_JS = """(probe) => { const f = eval(probe); window.__updates = []; let last = null;
  window.__sampler = setInterval(() => { const e = f();
    if (e && e !== last) { window.__updates.push([performance.now() / 1000, e]); last = e; } }, 10); }"""


def live_run(page, url: str, limit: float = 60.0, button: str = "▶ Train"):
    """Click Train; a sampler inside the page notes each new epoch the loss chart shows (every 10 ms).
    Returns (seconds from the click to the "done" message, [(seconds, epoch shown), ...])."""
    page.goto(url)
    page.get_by_role("button", name=button).wait_for(timeout=30_000)
    page.wait_for_timeout(1500)
    page.evaluate(SAMPLER_JS, LAST_EPOCH_JS)
    t0 = time.perf_counter()
    t0_page = page.evaluate("performance.now() / 1000")
    page.get_by_role("button", name=button).click()
    done = float("nan")
    while time.perf_counter() - t0 < limit:
        if page.evaluate(DONE_JS):
            done = time.perf_counter() - t0
            break
        page.wait_for_timeout(50)
    updates = [(t - t0_page, e) for t, e in page.evaluate("window.__updates")]
    return done, updates


def korean_morphemes() -> tuple[float, float]:
    """A fresh server: RSS after one visitor, then after a second, each training on the Korean set with
    Kiwi morphemes (the analyser, ~230 MB, loads on the first use and is shared)."""
    url_path = "/sentences?src=ko&tok=morpheme&epochs=100&lang=ko"
    out = []
    with streamlit_server() as (url, proc), sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        render_seconds(browser.new_page(), url, "Labs")  # warm up
        for _ in range(2):
            page = browser.new_context(viewport={"width": 1400, "height": 1000}).new_page()
            live_run(page, url + url_path, button="▶ 학습")
            out.append(rss_mb(proc.pid))
        browser.close()
    return out[0], out[1]


def main() -> None:
    with streamlit_server() as (url, proc), sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        idle = rss_mb(proc.pid)
        page = browser.new_page(viewport={"width": 1400, "height": 1000})
        render_seconds(page, url, "Labs")  # warm up
        home = statistics.median(render_seconds(page, url, "Labs") for _ in range(3))
        lab = statistics.median(render_seconds(page, url + "/emoji", "Training messages") for _ in range(3))
        tutorial = [live_run(page, url + TUTORIAL) for _ in range(3)]
        done = statistics.median(d for d, _ in tutorial)
        updates = tutorial[0][1]
        done_all = ", ".join(f"{d:.2f}" for d, _ in tutorial)
        one_visitor = rss_mb(proc.pid)
        # a long run: are late redraws slower than early ones?
        done_long, long_updates = live_run(page, url + "/emoji?epochs=3000&cell=gru", limit=240)
        times = [t for t, _ in long_updates]
        rate = (len(times) - 1) / (times[-1] - times[0])
        gaps = [b - a for a, b in zip(times, times[1:])]
        q = max(1, len(gaps) // 4)
        early, late = statistics.median(gaps[:q]), statistics.median(gaps[-q:])
        after_long = rss_mb(proc.pid)
        # more visitors, each in its own browser context (own session), each training a model
        per_visitor = []
        for _ in range(4):
            before = rss_mb(proc.pid)
            ctx = browser.new_context(viewport={"width": 1400, "height": 1000})
            live_run(ctx.new_page(), url + "/emoji?cell=lstm&hidden=64&epochs=200")
            per_visitor.append(rss_mb(proc.pid) - before)
        movie = []
        for _ in range(2):
            before, anon = rss_mb(proc.pid), rss_mb(proc.pid, "RssAnon")
            ctx = browser.new_context(viewport={"width": 1400, "height": 1000})
            live_run(
                ctx.new_page(),
                url + "/sentences?src=movies&cell=gru&hidden=64&emb=64&epochs=1&lr=0.003&batch=64&maxlen=50",
                limit=120,
            )
            movie.append((rss_mb(proc.pid) - before, rss_mb(proc.pid, "RssAnon") - anon))
        final = rss_mb(proc.pid)
        browser.close()
    korean = korean_morphemes()
    print("| measure | value | target |\n|---|---|---|")
    print(f"| home page render, warm server (median of 3) | {home:.2f} s | < 2 s |")
    print(f"| Emoji lab render, warm server (median of 3) | {lab:.2f} s | < 2 s |")
    print(
        f"| emoji tutorial preset (300 epochs), click to done (median of 3: {done_all}) | {done:.2f} s | < 3 s |"
    )
    print(f"| emoji tutorial preset: loss-chart redraws before done | {len(updates)} | |")
    print(f"| loss-chart updates while training (3,000-epoch run) | {rate:.1f} per s | >= 4 per s |")
    print(f"| 3,000-epoch run: click to done | {done_long:.1f} s | |")
    print(
        f"| 3,000-epoch run: gap between redraws, first vs last quarter | {early * 1000:.0f} ms vs {late * 1000:.0f} ms | flat |"
    )
    print(
        "| server RSS: idle / one visitor trained / after the 3,000-epoch run | "
        f"{idle:.0f} / {one_visitor:.0f} / {after_long:.0f} MB | < 600 MB |"
    )
    print(
        "| server RSS added per further visitor with a trained LSTM(64) | "
        f"{', '.join(f'{v:.1f}' for v in per_visitor)} MB | < 50 MB each |"
    )
    print(
        f"| server RSS added by the first and second visitor training on the 10.6k movie reviews, GRU(64) "
        f"(of which heap) | {movie[0][0]:.0f} ({movie[0][1]:.0f}), {movie[1][0]:.0f} ({movie[1][1]:.0f}) MB | < 50 MB each |"
    )
    print(f"| server RSS at the end (7 visitors) | {final:.0f} MB | |")
    print(
        f"| fresh server, one visitor training on the Korean set with Kiwi morphemes | {korean[0]:.0f} MB | < 600 MB |"
    )
    print(
        f"| the same, a second visitor with morphemes (the analyser is shared) | {korean[1] - korean[0]:+.0f} MB | < 50 MB |"
    )


if __name__ == "__main__":
    main()
