"""The site, run headless with Streamlit's AppTest: every page in both languages, and the Emoji lab."""

import re

import pytest
from apptest import app, arr, charts, lab_state, train_to_end

from rnnlab.tasks import TASKS
from ui.i18n import strings, t
from ui.registry import HOME, LABS, ROOT, ready_labs


@pytest.mark.parametrize("lang", ["en", "ko"])
@pytest.mark.parametrize("lab", [HOME, *ready_labs()], ids=lambda lab: lab.key)
def test_every_registered_page_loads_in_both_languages(lang, lab):
    at = app(lang, None if lab is HOME else lab.page)
    texts = [h.value for h in at.subheader] + [h.value for h in at.title]
    assert t(lab.marker, lang) in texts
    assert not at.error


def test_the_registry_is_complete():
    """What "Add a lab in five steps" (README) promises: a ready lab has its page file, its tasks and
    its strings in both languages; a coming lab has at least its card."""
    keys = [lab.key for lab in LABS]
    assert len(set(keys)) == len(keys) and len({lab.url_path for lab in LABS}) == len(LABS)
    for lab in LABS:
        for lang in ("en", "ko"):
            assert lab.title_key in strings(lang) and lab.card_key in strings(lang), (lab.key, lang)
        if lab.ready:
            assert (ROOT / lab.page).is_file() and lab.page.startswith("labs/"), lab.page
            assert lab.tasks and all(task in TASKS for task in lab.tasks), lab.tasks
            assert all(lab.marker in strings(lang) for lang in ("en", "ko"))
        if lab.ready and lab.runtime:  # a page on the Lab runtime: its title and lead, and thin
            assert all(f"{lab.area}.{k}" in strings(g) for k in ("title", "lead") for g in ("en", "ko"))
            page = (ROOT / lab.page).read_text(encoding="utf-8")
            assert "Lab(" in page and len(page.splitlines()) <= 60, (lab.page, len(page.splitlines()))
    assert ready_labs()


def test_home_cards_come_from_the_registry():
    at = app("ko")
    cards = [m.value for m in at.markdown if m.value.startswith("#### ")]
    assert cards == [f"#### {lab.icon} {t(lab.title_key, 'ko')}" for lab in LABS]
    assert len([c for c in at.caption if c.value == t("home.soon", "ko")]) == len(LABS) - len(ready_labs())


def test_emoji_lab_trains_and_shows_the_verdict_and_insides():
    at = app(page="labs/emoji.py", cell="lstm", epochs="120", lr="0.02")
    at.text_input(key="emoji.msg").set_value("🐱 🤖 ❤️ ❗️").run()
    run = train_to_end(at)
    assert run.epoch == 120 and run.trainer.history.accuracy[-1] == 1.0
    assert any("GOOD" in m.value for m in at.markdown if m.value.startswith("### "))
    assert any("Done: 120 epochs" in s.value for s in at.success)
    specs = charts(at)
    titles = [c["layout"]["title"]["text"] for c in specs]
    assert "Loss while training (log scale)" in titles
    loss = next(c for c in specs if c["layout"]["title"]["text"].startswith("Loss"))
    y = arr(loss["data"][0]["y"])
    assert len(y) == 120 and y[-1] < 0.1 * y[0]
    strip = next(c for c in specs if c["layout"]["title"]["text"].startswith("The verdict forming"))
    assert (
        strip["layout"]["xaxis"]["ticktext"] == ["🐱", "🤖", "❤️", "❗️"]
        and arr(strip["data"][0]["y"])[-1] > 0.5
    )
    hidden = next(c for c in specs if c["layout"]["title"]["text"] == "Hidden state h, layer 1")
    assert arr(hidden["data"][0]["z"]).shape == (16, 4)  # units x steps
    at.segmented_control(key="emoji.view").set_value("gates").run()
    titles = [c["layout"]["title"]["text"] for c in charts(at)]
    assert not any(t.startswith("Hidden state") for t in titles)  # only the chosen view is drawn
    gates = [t for t in titles if "gate" in t.lower() or "Candidate" in t]
    assert len(gates) == 4 and "Cell state c (the LSTM's long-term memory)" in titles


def test_pause_stops_and_step_trains_one_epoch():
    at = app(page="labs/emoji.py", epochs="3000")
    at.button(key="emoji.train").click().run()
    at.run()
    at.button(key="emoji.pause").click().run()
    run = lab_state(at, "emoji").run
    paused_at = run.epoch
    assert not run.running and 0 < paused_at < 3000
    assert any(f"Paused at epoch {paused_at}" in c.value for c in at.caption)
    at.run()
    assert lab_state(at, "emoji").run.epoch == paused_at
    at.button(key="emoji.step").click().run()
    assert lab_state(at, "emoji").run.epoch == paused_at + 1


def test_model_settings_reset_the_run_but_learning_rate_does_not():
    at = app(page="labs/emoji.py")
    at.button(key="emoji.step").click().run()
    first = lab_state(at, "emoji").run
    at.select_slider(key="emoji.lr").set_value(0.003).run()
    assert lab_state(at, "emoji").run is first and first.trainer.opt.param_groups[0]["lr"] == 0.003
    at.selectbox(key="emoji.cell").set_value("rnn").run()
    new = lab_state(at, "emoji").run
    assert new is not first and new.epoch == 0 and new.trainer.model.cfg.cell == "rnn"
    assert any("reset" in i.value for i in at.info)
    assert at.query_params["cell"] == "rnn" and at.query_params["lr"] == "0.003"


def test_tutorial_preset_and_compare_mode():
    at = app(page="labs/emoji.py")
    at.button(key="emoji.preset_tutorial").click().run()
    assert at.selectbox(key="emoji.cell").value == "rnn" and at.number_input(key="emoji.hidden").value == 32
    assert at.selectbox(key="emoji.enc").value == "tutorial"
    at.toggle(key="emoji.cmp").set_value(True).run()
    run = train_to_end(at)
    assert set(run.trainers) == {"RNN", "LSTM", "GRU"} and all(t.epoch == 300 for t in run.trainers.values())
    loss = next(c for c in charts(at) if c["layout"]["title"]["text"].startswith("Loss"))
    assert [d["name"] for d in loss["data"]] == ["RNN", "LSTM", "GRU"]


def test_shuffle_shows_every_order():
    at = app(page="labs/emoji.py", msg="🐱🤖❤️❗️")
    train_to_end(at)
    at.button(key="emoji.shuffle").click().run()  # Shuffle shuffles: the same emoji, another order
    shuffled = at.text_input(key="emoji.msg").value
    assert shuffled != "🐱🤖❤️❗️" and sorted(shuffled) == sorted("🐱🤖❤️❗️")
    assert not any("Verdict" in d.value.columns for d in at.dataframe)
    at.button(key="emoji.orders").click().run()  # and the table of every order has its own button
    table = next(d.value for d in at.dataframe if "Verdict" in d.value.columns)
    assert len(table) == 24 and {"GOOD", "BAD"} >= set(table["Verdict"])
    assert any("24" in m.value and "orders" in m.value for m in at.markdown)


@pytest.mark.parametrize(
    "msg,words", [("", "empty"), ("🐱" * 60, "at most 50"), ("🐱🐸", "Not in the training data")]
)
def test_bad_messages_get_a_clear_message(msg, words):
    at = app(page="labs/emoji.py")
    at.text_input(key="emoji.msg").set_value(msg).run()
    shown = [e.value for e in at.error] + [w.value for w in at.warning]
    assert any(words in s for s in shown), shown
    assert not at.exception


def test_bad_links_and_tables_are_explained():
    at = app(page="labs/emoji.py", hidden="99999", data="🐱:1|🐶:1")
    assert any("hidden='99999'" in w.value for w in at.warning)
    assert any("one GOOD and one BAD" in e.value for e in at.error)
    assert lab_state(at, "emoji").run is None


def test_link_problems_read_in_korean_on_the_korean_page():
    at = app("ko", "labs/emoji.py", hidden="abc", clip="nan", cell="elman")
    warnings = [w.value for w in at.warning]
    assert len(warnings) == 3 and all("링크" in w for w in warnings)
    assert not any(re.search(r"\b(ignored|expected|link)\b", w) for w in warnings), warnings


def test_korean_labels_in_the_lab():
    at = app("ko", "labs/emoji.py")
    assert at.button(key="emoji.train").label == "▶ 학습"
    assert at.selectbox(key="emoji.cell").label == "셀"


def test_table_edits_apply_once_to_a_fixed_base():
    at = app(page="labs/emoji.py", data="🐱🤖:1|🤖🐱:0|🐶🐷:0")
    at.run()
    at.run()
    assert lab_state(at, "emoji").memo["table_base"] == [("🐱🤖", 1), ("🤖🐱", 0), ("🐶🐷", 0)]
    assert lab_state(at, "emoji").run.trainer.train_data.x.shape[0] == 3
