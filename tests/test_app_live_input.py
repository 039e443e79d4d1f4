"""Typed input into a live run's settings: letters in a number box, and a limit lowered below the run."""

import ast
from pathlib import Path

import pytest
from apptest import app, lab_state, train_to_end

PAGES = [("labs/forecast.py", "forecast"), ("labs/emoji.py", "emoji"), ("labs/sentences.py", "sentences")]


@pytest.mark.parametrize("path,page", PAGES)
def test_letters_in_epochs_keep_the_value_and_say_so(path, page):
    """The browser sends no number for letters (or a cleared box) on Enter. Streamlit used to put the
    box's minimum in its place: a run of 2000 epochs became 1, and the link said epochs=1."""
    at = app(page=path, epochs="2000")
    at.button(key=f"{page}.step").click().run()
    at.number_input(key=f"{page}.epochs").set_value(None).run()
    assert not at.exception, at.exception
    ls = lab_state(at, page)
    assert ls.values["epochs"] == 2000 and ls.run.trainer.cfg.epochs == 2000 and not ls.run.done
    assert at.number_input(key=f"{page}.epochs").value == 2000
    assert at.query_params["epochs"] in ("2000", ["2000"])
    assert any("Not a number: the box keeps 2000" in t.value for t in at.toast)


def test_letters_say_so_in_korean_and_in_any_number_box(monkeypatch):
    monkeypatch.setattr("ui.frame.lang", lambda: "ko")  # AppTest formats the options in the test's thread
    at = app("ko", page="labs/emoji.py", hidden="12")
    at.number_input(key="emoji.hidden").set_value(None).run()
    assert lab_state(at, "emoji").values["hidden"] == 12
    assert any("숫자가 아니에요" in t.value and "12" in t.value for t in at.toast)


@pytest.mark.parametrize(
    "lang,counter,said",
    [
        ("en", "Epoch", "Stopped at epoch 3: the new limit 1 is below it"),
        ("ko", "에포크", "3 에포크에서 멈췄어요: 새 한도 1"),
    ],
)
def test_a_limit_below_the_epochs_done_stops_there_and_says_so(lang, counter, said, monkeypatch):
    monkeypatch.setattr("ui.frame.lang", lambda: lang)
    at = app(lang, page="labs/forecast.py", epochs="50")
    for _ in range(3):
        at.button(key="forecast.step").click().run()
    at.number_input(key="forecast.epochs").set_value(1).run()
    run = lab_state(at, "forecast").run
    assert run.done and run.epoch == 3
    labels = [m.label for m in at.metric]
    assert counter in labels and not any("(" in label and label.startswith(counter) for label in labels)
    assert any(said in i.value for i in at.info), [i.value for i in at.info]
    assert not any("Done" in s.value or "완료" in s.value for s in at.success)


def test_every_number_box_sends_none_for_letters_instead_of_its_minimum():
    """With a default (Streamlit's is the minimum) a box sends that default for letters; with value=None it
    sends None, which ``ui.settings.keep`` turns back into the value it had."""
    root = Path(__file__).resolve().parents[1]
    missing = []
    for path in [*root.glob("ui/*.py"), *root.glob("labs/*.py")]:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "attr", None) == "number_input":
                value = [k.value for k in node.keywords if k.arg == "value"]
                if not (value and isinstance(value[0], ast.Constant) and value[0].value is None):
                    missing.append(f"{path.name}:{node.lineno}")
    assert not missing, missing


@pytest.mark.parametrize(
    "lang,names",
    [("en", ["embedding", "GRU layer 1", "head"]), ("ko", ["임베딩", "GRU 1층", "출력층"])],
)
def test_the_parameter_table_names_its_layers_in_the_page_language_and_shows_every_formula(
    lang, names, monkeypatch
):
    """The Korean page listed 'embedding', 'gru layer 1', 'head' in English; a scrolling grid cut the
    formula column off at 1280 px: a static table (st.table) wraps its cells instead."""
    monkeypatch.setattr("ui.frame.lang", lambda: lang)
    at = app(lang, page="labs/emoji.py", cell="gru", layers="1")
    at.button(key="emoji.step").click().run()
    at.segmented_control(key="emoji.view").set_value("summary").run()
    assert not at.exception, at.exception
    table = at.table[0].value
    assert list(table.iloc[:, 0]) == names
    assert table.iloc[1, 2].startswith("3·")  # G·H·(H_in + H + 2): the whole formula is in the cell


def test_a_step_budget_below_the_steps_done_says_so_too():
    at = app(page="labs/seq2seq.py", part="generate", gbudget="30", ghid="32")
    run = train_to_end(at, "seq2seq", part="generate")
    done = run.at
    assert done == 30
    at.number_input(key="seq2seq.gbudget").set_value(10).run()
    assert run.done and run.at == done
    assert "Training step" in [m.label for m in at.metric]
    assert any(f"Stopped at step {done:,}: the new step budget 10 is below it" in i.value for i in at.info)
