"""The Memory lab, run headless: every part in both languages, its presets, live runs, the sweep's Stop,
and bad input answered in the page."""

import re
import tomllib
from pathlib import Path

import pytest
from apptest import app, arr, charts, lab_state, train_to_end

from ui.memory_fields import VIEWS

PAGE = "labs/memory.py"


def _titles(at) -> list[str]:
    return [c["layout"]["title"]["text"].replace("<br>", " ") for c in charts(at)]


@pytest.mark.parametrize("lang", ["en", "ko"])
@pytest.mark.parametrize("view", VIEWS)
def test_every_part_renders_in_both_languages(lang, view):
    at = app(lang, PAGE, view=view, T="20")
    assert not at.exception and not at.error, (at.exception, [e.value for e in at.error])
    assert at.get("plotly_chart") or view in ("gates",)  # every part draws (gates after its first draw)
    assert len(at.latex) >= 1  # the equations, with no command run into the next symbol ("\\quadh")
    assert not any(re.search(r"\\q?quad[a-zA-Z]", eq.value) for eq in at.latex)


def test_warmup_slider_changes_the_product():
    at = app("en", PAGE, view="act", steps="10")
    assert any("tanh keeps" in c.value for c in at.caption)
    before = next(c.value for c in at.caption if "tanh keeps" in c.value)
    at.slider(key="memory.steps").set_value(100).run()
    after = next(c.value for c in at.caption if "tanh keeps" in c.value)
    assert before != after and "T = 100" in after


def test_counting_trains_and_answers_and_explains_a_bad_window():
    at = app("en", PAGE, view="count", seed="0")
    run = train_to_end(at, "memory", part="count")
    assert run.done and run.trainer.history.loss[-1] < run.trainer.history.loss[0]
    assert any("The model says" in m.value for m in at.markdown)
    at.text_input(key="memory.win").set_value("0.1, 0.2, x, 0.4").run()
    assert not at.exception
    assert any("'x' is not a number" in e.value for e in at.error)
    at.text_input(key="memory.win").set_value("0.1 0.2").run()
    assert any("exactly 4 numbers" in e.value for e in at.error)


def test_sine_tutorial_preset_is_one_click_and_the_leak_zeroes_the_last_value_baseline():
    at = app("en", PAGE, view="sine", shid="5", sep="3", deep="3", sbatch="64")
    at.button(key="memory.sine_tutorial").click().run()
    v = lab_state(at, "memory").values
    assert (v["shid"], v["deep"], v["sep"], v["sbatch"], v["slr"]) == (20, 2, 20, 256, 1e-3)
    at.button(key="memory.sine_best").click().run()  # the engine's best sine preset (rnnlab.tasks)
    v = lab_state(at, "memory").values
    assert (v["scell"], v["shid"], v["sep"], v["sbatch"], v["slr"]) == ("lstm", 32, 20, 128, 0.01)
    at.button(key="memory.sine_tutorial").click().run()
    at.toggle(key="memory.leak").set_value(True).run()
    assert not at.exception and any("Leak on" in w.value for w in at.warning)
    bars = next(c for c in charts(at) if c["layout"]["title"]["text"].startswith("Test MSE"))
    vals = dict(zip(arr(bars["data"][0]["y"]), arr(bars["data"][0]["x"])))
    assert vals["last value"] == 0.0 and vals["linear regression"] < 1e-6


def test_recall_trains_three_cells_at_once():
    at = app("en", PAGE, view="recall", T="20", rep="3", hid="8")
    run = train_to_end(at, "memory", part="recall")
    assert set(run.trainers) == {"RNN", "LSTM", "GRU"} and all(t.epoch == 3 for t in run.trainers.values())
    assert any(t.startswith("Held-out accuracy at T = 20") for t in _titles(at))


def test_sweep_lands_points_and_stops():
    at = app("en", PAGE, view="recall", T="20", hid="4")
    assert any("The sweep trains 15 small models" in c.value for c in at.caption)  # the expected time
    at.button(key="memory.sweep.train").click().run()
    if any(b.key == "memory.sweep.confirm" for b in at.button):  # a loaded machine expects over a minute
        at.button(key="memory.sweep.confirm").click().run()
    run = lab_state(at, "memory", "sweep").run
    for _ in range(20):
        if run.trainer.results:
            break
        at.run()
    assert run.running and run.trainer.results
    at.button(key="memory.sweep.pause").click().run()
    s = run.trainer
    landed = len(s.results)
    assert not run.running and 0 < landed < len(s.plan)
    assert any("Stopped after" in i.value for i in at.info)
    at.run()
    assert len(lab_state(at, "memory", "sweep").run.trainer.results) == landed  # nothing after Stop


def test_flow_and_gates_views_draw_after_a_step():
    at = app("en", PAGE, view="flow", T="20", hid="8")
    at.button(key="memory.recall.step").click().run()
    titles = _titles(at)
    assert any(t.startswith("g_t") for t in titles) and any("log₁₀ g_t over training" in t for t in titles)
    at.radio(key="memory.view").set_value("gates").run()
    assert not at.exception
    assert any("units holding the first symbol" in m.value for m in at.markdown)


def test_exploding_run_says_it_diverged_and_the_fix():
    at = app("en", PAGE, view="explode", act="relu", scale="3", T="50", rep="2")
    train_to_end(at, "memory", part="explode")
    msgs = [e.value for e in at.error]
    assert any("diverged" in m and "clipping" in m for m in msgs), msgs
    # two runs: the counters name the one they show, and the loss chart draws each in its own colour
    assert "Loss (clipped at 1)" in [m.label for m in at.metric]
    loss = next(c for c in charts(at) if c["layout"]["title"]["text"].startswith("Loss"))
    assert [d["name"] for d in loss["data"]] == ["no clipping", "clipped at 1"]
    assert len({d["line"]["color"] for d in loss["data"]}) == 2


def test_a_bad_link_value_falls_back_with_a_message():
    at = app("ko", PAGE, view="recall", T="500")
    assert lab_state(at, "memory").values["T"] == 50
    assert at.warning and not at.exception


KO = tomllib.loads(Path("ui/locales/memory.ko.toml").read_text(encoding="utf-8"))["mem"]
# symbols each part's charts and its equations share (a symbol on a chart is one the latex defines)
SYMBOLS = {"act": ("f'(",), "sine": ("MSE",), "flow": ("g_t",), "gates": ("f_t", "z_t", "c_t", "h_t")}
SYMBOLS["explode"] = ("h_t",)


def _chart_text(at) -> str:
    out = []
    for c in charts(at):
        lay = c["layout"]
        out.append(lay.get("title", {}).get("text", ""))
        for axis in ("xaxis", "yaxis"):
            out.append(str(lay.get(axis, {}).get("title", {}).get("text", "")))
        for d in c["data"]:
            out += [str(d.get("name", "")), str(d.get("colorbar", {}).get("title", {}).get("text", ""))]
    return " ".join(out)


@pytest.mark.parametrize("view", VIEWS)
def test_every_part_explains_itself_in_korean_with_equations_and_the_same_symbols_on_its_charts(view):
    at = app("ko", PAGE, view=view, T="20", hid="8", rep="2", shid="4", sep="1")
    if view in ("flow", "gates"):  # their heatmaps are drawn after a first epoch
        at.button(key="memory.recall.step").click().run()
    assert not at.exception and not at.error
    assert any(m.value == KO[view]["text"] for m in at.markdown)  # the explanation, in Korean
    latex = " ".join(eq.value for eq in at.latex)
    assert latex
    text = _chart_text(at)
    for sym in SYMBOLS.get(view, ()):
        assert sym in latex.replace("\\", "") and sym in text.replace("′", "'"), (sym, text)
