"""The Forecast lab's linear skip path and best preset, run headless in English and Korean."""

from apptest import app, lab_state

from ui.i18n import t


def test_the_toggle_reads_in_korean_and_follows_the_link():
    at = app("ko", page="labs/forecast.py", skip="1")
    box = at.toggle(key="forecast.skip")
    assert box.value is True and box.label == t("set.skip", "ko") != t("set.skip", "en")
    assert box.help == t("set.skip_help", "ko")


def test_the_toggle_starts_a_new_run_with_the_path(lang="en"):
    at = app(lang, page="labs/forecast.py", epochs="2")
    box = at.toggle(key="forecast.skip")
    assert box.value is False and box.label == t("set.skip", lang)
    at.button(key="forecast.step").click().run()
    first = lab_state(at, "forecast").run
    assert not first.trainer.model.cfg.linear_skip
    at.toggle(key="forecast.skip").set_value(True).run()  # a model setting: a new run with the path
    run = lab_state(at, "forecast").run
    assert run is not first and run.trainer.model.cfg.linear_skip and run.epoch == 0
    assert at.query_params["skip"] == "1"


def test_the_best_preset_button_sets_the_record_settings():
    at = app(page="labs/forecast.py")
    at.button(key="forecast.preset_best").click().run()
    assert not at.exception
    assert at.toggle(key="forecast.skip").value is True
    assert at.slider(key="forecast.window").value == 15
    assert at.number_input(key="forecast.ensemble").value == 5
    assert at.number_input(key="forecast.hidden").value == 4
