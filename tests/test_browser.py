"""A real browser (Debian's Chromium via Playwright) opens the Emoji lab, trains, and sees the chart move."""

import os
import time
from pathlib import Path

import pytest
from browser import CHROMIUM, LAST_EPOCH_JS, browser_page, click_train, server_log, streamlit_server

from ui.i18n import t
from ui.registry import HOME, ready_labs


def test_every_registered_lab_opens_in_a_real_browser():
    """Each ready lab of the registry, by its address, in en and ko; /home (an old link) goes home; on a
    phone (390 x 844) a runtime lab shows Train within the first screen, its settings below."""
    with streamlit_server() as (url, proc), browser_page() as page:
        for lang in ("en", "ko"):
            for lab in [HOME, *ready_labs()]:
                page.goto(f"{url}/{lab.url_path}?lang={lang}")
                page.get_by_text(t(lab.marker, lang), exact=True).first.wait_for(timeout=30_000)
                assert page.get_by_text("Page not found").count() == 0, lab.url_path
                assert page.locator(".stException").count() == 0, lab.url_path
        page.set_viewport_size({"width": 390, "height": 844})  # a phone: Train within the first screen
        for lab in [lab for lab in ready_labs() if lab.runtime]:
            page.goto(f"{url}/{lab.url_path}?lang=ko")
            train = page.get_by_role("button", name=t("live.train", "ko"))
            train.wait_for(timeout=60_000)  # the previous lab's session may still be busy on a loaded machine
            page.wait_for_timeout(500)
            box, model = (
                train.bounding_box(),
                page.get_by_text(t("set.model", "ko"), exact=True).bounding_box(),
            )
            assert box["y"] + box["height"] <= 844 and model["y"] > box["y"], (lab.key, box, model)
        log = server_log(proc)
        assert "Traceback" not in log, log[-3000:]


def test_emoji_lab_trains_live_in_a_real_browser(tmp_path):
    if not Path(CHROMIUM).exists():
        pytest.fail(
            "Debian's chromium is missing: apt-get install -y chromium (tests/run.sh does this as root)"
        )
    shots = Path(os.environ.get("RNNLAB_SCREENSHOTS", tmp_path))
    shots.mkdir(parents=True, exist_ok=True)
    with streamlit_server() as (url, _), browser_page() as page:
        page.goto(url + "/emoji?epochs=3000&cell=gru")
        page.get_by_role("button", name="▶ Train").wait_for(timeout=30_000)
        click_train(page)
        seen = []
        deadline = time.time() + 30
        while time.time() < deadline and len(set(seen)) < 4:
            time.sleep(0.4)
            shown = page.evaluate(LAST_EPOCH_JS)  # 0 while a redraw swaps the chart: not a reading
            if shown:
                seen.append(shown)
        assert len(set(seen)) >= 3, f"the loss chart did not change over time: {seen}"
        assert seen[-1] > seen[0]
        page.get_by_role("button", name="⏸ Pause").click()
        # The chunk under way when Pause is pressed may still land (on a loaded machine, seconds later);
        # after that the counter must hold: two readings a second apart agree, within 20 s.
        readings, deadline = [], time.time() + 20
        while time.time() < deadline and not (len(readings) >= 2 and readings[-1] == readings[-2] != 0):
            time.sleep(1.0)
            readings.append(page.evaluate(LAST_EPOCH_JS))
        assert len(readings) >= 2 and readings[-1] == readings[-2] != 0, f"Pause did not hold: {readings}"
        time.sleep(1.5)
        assert page.evaluate(LAST_EPOCH_JS) == readings[-1]  # and it stays held
        assert page.locator(".stException").count() == 0
        assert page.get_by_text("Verdict").count() >= 1
        page.screenshot(path=str(shots / "emoji-lab.png"), full_page=True)
    assert (shots / "emoji-lab.png").stat().st_size > 10_000


def test_a_run_that_ends_before_its_panel_looks_still_greys_pause():
    """A short run can end while the page that drew its buttons (Pause offered) is still running; the
    panel must then redraw the page, or Pause stays offered for a finished run."""
    with streamlit_server() as (url, _), browser_page() as page:
        for epochs in (1, 60, 60, 30):  # the later visits find the server warm: the run ends sooner
            page.goto(url + f"/emoji?epochs={epochs}")
            page.get_by_role("button", name="▶ Train").wait_for(timeout=30_000)
            time.sleep(2)  # the page has drawn everything: the click's run is the only one
            click_train(page)
            page.get_by_text("Done:").first.wait_for(timeout=30_000)
            pause = page.get_by_role("button", name="⏸ Pause")
            deadline = time.time() + 10
            while time.time() < deadline and not pause.is_disabled():
                time.sleep(0.3)
            assert pause.is_disabled(), f"epochs={epochs}: Pause still offered after the run ended"


def test_forecast_upload_checks_files_in_a_real_browser(tmp_path):
    """AppTest cannot upload files; the browser can. A binary file is explained, a series with gaps
    asks what to do with them and then trains."""
    good = tmp_path / "sales.csv"
    rows = [
        f"{2000 + i // 12}-{i % 12 + 1:02d},{'' if i in (7, 30) else 100 + i + 10 * (i % 12)}"
        for i in range(96)
    ]
    good.write_text("month,sales\n" + "\n".join(rows) + "\n")
    binary = tmp_path / "photo.csv"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(200))
    with streamlit_server() as (url, _), browser_page() as page:
        page.goto(url + "/forecast?test=12&window=6")
        page.get_by_text("Your CSV file").click()
        # the data file's box, not the take-home expander's model box (.pt) that renders beside it
        chooser = page.locator("input[type=file][accept*='.csv']")
        chooser.wait_for(state="attached", timeout=30_000)
        chooser.set_input_files(str(binary))
        page.get_by_text("not a text file").wait_for(timeout=30_000)
        # the refused file's box is replaced by a fresh one; under load the old one lingers until the rerun ends
        page.wait_for_function(
            "document.querySelectorAll(\"input[type=file][accept*='.csv']\").length === 1", timeout=30_000
        )
        chooser.set_input_files(str(good))
        page.get_by_text("2 value(s) are missing").wait_for(timeout=30_000)
        click_train(page)
        page.get_by_text("RNN forecast").first.wait_for(timeout=60_000)
        assert page.locator(".stException").count() == 0


def test_sentence_upload_in_korean_windows_encoding(tmp_path):
    """A CP949 (Korean Windows) CSV is read, its columns offered, and the model trains on it."""
    rows = [("정말 좋아요", "긍정"), ("너무 싫어요", "부정"), ("최고예요", "긍정"), ("별로예요", "부정")] * 3
    f = tmp_path / "reviews.csv"
    f.write_bytes(("리뷰,평가\n" + "\n".join(f"{t},{l}" for t, l in rows) + "\n").encode("cp949"))
    with streamlit_server() as (url, _), browser_page() as page:
        page.goto(url + "/sentences?src=upload&epochs=20")
        chooser = page.locator("input[type=file][accept*='.csv']")  # not the take-home model box (.pt)
        chooser.wait_for(state="attached", timeout=30_000)
        chooser.set_input_files(str(f))
        page.get_by_text("Text column").wait_for(timeout=30_000)
        click_train(page)
        page.get_by_text("Held-out accuracy").wait_for(timeout=60_000)
        assert page.locator(".stException").count() == 0 and page.get_by_text("긍정").count() > 0
