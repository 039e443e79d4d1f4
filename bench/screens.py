"""Screenshots of every lab, in English and Korean, on a projector-sized and a phone-sized screen,
before and after training, for looking at the site as a class would (and for the README's pictures).

    python bench/screens.py                      # everything: every page x 2 languages x 2 sizes x before/after
    python bench/screens.py --labs emoji --langs ko --sizes 390x844
    python bench/screens.py --readme             # retake the README's pictures (assets/screenshot-*.png)

Files go to bench/screens/ (not committed): <lab>-<lang>-<width>x<height>-<before|after>.png, full page.
Each file name is printed as it is written. Uses Debian's Chromium and the server of tests/browser.py.
"""

import argparse
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

sys.path.insert(0, str(ROOT))
from browser import ARGS, CHROMIUM, streamlit_server  # noqa: E402
from playwright.sync_api import TimeoutError as PlaywrightTimeout  # noqa: E402

from ui.registry import HOME  # noqa: E402
from ui.registry import LABS as REGISTRY  # noqa: E402

OUT = ROOT / "bench" / "screens"
LABS = {lab.key: lab.url_path for lab in (HOME, *REGISTRY) if lab.ready}  # every lab on the site
SIZES = ("1280x900", "390x844")
TRAIN = re.compile(r"^\W*(Train|학습)$")
PAUSE = re.compile(r"^\W*(Pause|일시정지)$")


def settle(page, seconds: float = 1.5) -> None:
    """Wait until Streamlit is not running the script, then let charts draw."""
    page.wait_for_selector('[data-testid="stApp"]', timeout=60_000)
    page.wait_for_selector("h1", timeout=90_000)  # the page's title: the script has started drawing
    deadline = time.time() + 60
    while time.time() < deadline and page.locator('[data-testid="stStatusWidget"]').count():
        time.sleep(0.3)
    time.sleep(seconds)


README_SHOTS = {  # the README's pictures: file -> (address, height of the picture)
    "screenshot-emoji.png": ("emoji?lang=en&cell=lstm&msg=🐷🐱🤖❤️", 1500),
    "screenshot-sentences-ko.png": ("sentences?lang=ko&src=ko&tok=morpheme&cell=lstm", 1700),
    "screenshot-forecast.png": ("forecast?lang=en", 2350),
}


def readme(url: str, browser) -> None:
    """Retake the README's pictures (assets/screenshot-*.png) at 1280 px, after training."""
    for name, (address, tall) in README_SHOTS.items():
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        page.goto(f"{url}/{address}")
        settle(page)
        done = train(page, "en")
        settle(page, 2.5)
        path = ROOT / "assets" / name
        shoot(page, path, 1280, 900, limit=tall)
        print(path.relative_to(ROOT), "" if done else "(training did not finish in time)", flush=True)
        page.close()


def shoot(page, path: Path, w: int, h: int, limit: int = 12_000) -> None:
    """The whole page: Streamlit scrolls inside its main block, not the document, so the viewport is
    stretched to the main block's height for the shot, then restored."""
    tall = page.evaluate(
        "() => Math.max(...[...document.querySelectorAll('[data-testid=\"stMain\"], section')]"
        ".map(e => e.scrollHeight), 0)"
    )
    page.evaluate(  # from the top (a click on Train scrolled the page down to it)
        "() => document.querySelectorAll('[data-testid=\"stMain\"], section').forEach(e => e.scrollTo(0, 0))"
    )
    page.set_viewport_size({"width": w, "height": max(h, min(int(tall), limit))})
    time.sleep(1.0)
    page.screenshot(path=str(path))
    page.set_viewport_size({"width": w, "height": h})


def train(page, lang: str, limit: float = 120) -> bool | None:
    """Click Train, and wait until both Train and Pause are disabled (the run is done); None when the page
    has no Train button."""
    button = page.get_by_role("button", name=TRAIN).first
    try:
        button.wait_for(timeout=20_000)
    except PlaywrightTimeout:  # a page whose parts train with their own buttons (Memory, Seq2seq)
        return None
    button.click(timeout=60_000)  # scrolls to it; waits until the page stops moving
    deadline = time.time() + limit
    while time.time() < deadline:
        time.sleep(0.5)
        pause = page.get_by_role("button", name=PAUSE).first
        if button.is_disabled() and pause.is_disabled():
            return True
    return False


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--labs", nargs="*", default=list(LABS), choices=list(LABS))
    ap.add_argument("--langs", nargs="*", default=["en", "ko"], choices=["en", "ko"])
    ap.add_argument("--sizes", nargs="*", default=list(SIZES))
    ap.add_argument("--out", default=str(OUT))
    ap.add_argument("--readme", action="store_true", help="retake the README's pictures instead")
    args = ap.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    from playwright.sync_api import sync_playwright

    with streamlit_server() as (url, _), sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        if args.readme:
            readme(url, browser)
            browser.close()
            return
        for size in args.sizes:
            w, h = (int(v) for v in size.split("x"))
            for lang in args.langs:
                for lab in args.labs:
                    page = browser.new_page(viewport={"width": w, "height": h})
                    t0 = time.perf_counter()
                    page.goto(f"{url}/{LABS[lab]}?lang={lang}")
                    settle(page)
                    name = out / f"{lab}-{lang}-{size}-before.png"
                    shoot(page, name, w, h)
                    print(name.relative_to(ROOT) if name.is_relative_to(ROOT) else name, flush=True)
                    if lab != "home":
                        done = train(page, lang)
                        if done is None:
                            print(f"  {lab}: no Train button; before only", flush=True)
                            page.close()
                            continue
                        settle(page, 2.5)
                        name = out / f"{lab}-{lang}-{size}-after.png"
                        shoot(page, name, w, h)
                        note = "" if done else " (training did not finish in time)"
                        print(
                            f"{name.relative_to(ROOT)}{note} [{time.perf_counter() - t0:.1f} s]", flush=True
                        )
                    page.close()
        browser.close()


if __name__ == "__main__":
    main()
