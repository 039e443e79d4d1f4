"""The site, run headless with Streamlit's AppTest: pages load in both languages, the Emoji lab trains."""
import base64
import json

import numpy as np

import pytest
from streamlit.testing.v1 import AppTest

APP = str(__import__("pathlib").Path(__file__).resolve().parents[1] / "app.py")


def _app(lang="en", page=None, **params) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params["lang"] = lang
    for k, v in params.items():
        at.query_params[k] = v
    at.run()
    if page:
        at.switch_page(page).run()
    assert not at.exception, at.exception
    return at


def _arr(v):
    """Plotly 7 sends NumPy arrays as {"dtype", "bdata" (base64), "shape"}; plain lists pass through."""
    if isinstance(v, dict) and "bdata" in v:
        a = np.frombuffer(base64.b64decode(v["bdata"]), dtype=v["dtype"])
        return a.reshape([int(n) for n in str(v["shape"]).split(",")]) if "shape" in v else a
    return np.asarray(v)


def _charts(at) -> list[dict]:
    return [json.loads(el.proto.spec) for el in at.get("plotly_chart")]


def _train_to_end(at, limit=60):
    at.button(key="emoji.train").click().run()
    for _ in range(limit):
        if at.session_state["emoji/_run"].done:
            break
        at.run()
    assert not at.exception, at.exception
    return at.session_state["emoji/_run"]


@pytest.mark.parametrize("lang,title", [("en", "RNN Lab"), ("ko", "RNN Lab")])
@pytest.mark.parametrize("page,marker", [(None, {"en": "Labs", "ko": "실험실"}), ("labs/emoji.py", {"en": "Training messages", "ko": "학습 메시지"}),
                                         ("labs/forecast.py", {"en": "Data", "ko": "데이터"})])
def test_every_page_loads_in_both_languages(lang, title, page, marker):
    at = _app(lang, page)
    texts = [h.value for h in at.subheader] + [h.value for h in at.title]
    assert marker[lang] in texts
    assert not at.error


def test_emoji_lab_trains_and_shows_the_verdict_and_insides():
    at = _app(page="labs/emoji.py", cell="lstm", epochs="120", lr="0.02")
    at.text_input(key="emoji.msg").set_value("🐱 🤖 ❤️ ❗️").run()
    run = _train_to_end(at)
    assert run.epoch == 120 and run.trainer.history.accuracy[-1] == 1.0
    assert any("GOOD" in m.value for m in at.markdown if m.value.startswith("### "))
    assert any("Done: 120 epochs" in s.value for s in at.success)
    charts = _charts(at)
    titles = [c["layout"]["title"]["text"] for c in charts]
    assert "Loss while training (log scale)" in titles
    loss = next(c for c in charts if c["layout"]["title"]["text"].startswith("Loss"))
    y = _arr(loss["data"][0]["y"])
    assert len(y) == 120 and y[-1] < 0.1 * y[0]
    strip = next(c for c in charts if c["layout"]["title"]["text"].startswith("The verdict forming"))
    assert strip["layout"]["xaxis"]["ticktext"] == ["🐱", "🤖", "❤️", "❗️"] and _arr(strip["data"][0]["y"])[-1] > 0.5
    hidden = next(c for c in charts if c["layout"]["title"]["text"] == "Hidden state h, layer 1")
    assert _arr(hidden["data"][0]["z"]).shape == (16, 4)  # units x steps
    at.segmented_control(key="emoji.view").set_value("gates").run()
    titles = [c["layout"]["title"]["text"] for c in _charts(at)]
    assert not any(t.startswith("Hidden state") for t in titles)  # only the chosen view is drawn
    gates = [t for t in titles if "gate" in t.lower() or "Candidate" in t]
    assert len(gates) == 4 and "Cell state c (the LSTM's long-term memory)" in titles


def test_pause_stops_and_step_trains_one_epoch():
    at = _app(page="labs/emoji.py", epochs="3000")
    at.button(key="emoji.train").click().run()
    at.run()
    at.button(key="emoji.pause").click().run()
    run = at.session_state["emoji/_run"]
    paused_at = run.epoch
    assert not run.running and 0 < paused_at < 3000
    at.run()
    assert at.session_state["emoji/_run"].epoch == paused_at
    at.button(key="emoji.step").click().run()
    assert at.session_state["emoji/_run"].epoch == paused_at + 1


def test_model_settings_reset_the_run_but_learning_rate_does_not():
    at = _app(page="labs/emoji.py")
    at.button(key="emoji.step").click().run()
    first = at.session_state["emoji/_run"]
    at.select_slider(key="emoji.lr").set_value(0.003).run()
    assert at.session_state["emoji/_run"] is first and first.trainer.opt.param_groups[0]["lr"] == 0.003
    at.selectbox(key="emoji.cell").set_value("rnn").run()
    new = at.session_state["emoji/_run"]
    assert new is not first and new.epoch == 0 and new.trainer.model.cfg.cell == "rnn"
    assert any("reset" in i.value for i in at.info)
    assert at.query_params["cell"] == "rnn" and at.query_params["lr"] == "0.003"


def test_tutorial_preset_and_compare_mode():
    at = _app(page="labs/emoji.py")
    at.button(key="emoji.preset_tutorial").click().run()
    assert at.selectbox(key="emoji.cell").value == "rnn" and at.number_input(key="emoji.hidden").value == 32
    assert at.selectbox(key="emoji.enc").value == "tutorial"
    at.toggle(key="emoji.cmp").set_value(True).run()
    run = _train_to_end(at)
    assert set(run.trainers) == {"RNN", "LSTM", "GRU"} and all(t.epoch == 300 for t in run.trainers.values())
    loss = next(c for c in _charts(at) if c["layout"]["title"]["text"].startswith("Loss"))
    assert [d["name"] for d in loss["data"]] == ["RNN", "LSTM", "GRU"]


def test_shuffle_shows_every_order():
    at = _app(page="labs/emoji.py", msg="🐱🤖❤️❗️")
    _train_to_end(at)
    at.button(key="emoji.shuffle").click().run()
    table = next(d.value for d in at.dataframe if "Verdict" in d.value.columns)
    assert len(table) == 24 and {"GOOD", "BAD"} >= set(table["Verdict"])
    assert any("24" in m.value and "orders" in m.value for m in at.markdown)


@pytest.mark.parametrize("msg,words", [("", "empty"), ("🐱" * 60, "at most 50"), ("🐱🐸", "Not in the training data")])
def test_bad_messages_get_a_clear_message(msg, words):
    at = _app(page="labs/emoji.py")
    at.text_input(key="emoji.msg").set_value(msg).run()
    shown = [e.value for e in at.error] + [w.value for w in at.warning]
    assert any(words in s for s in shown), shown
    assert not at.exception


def test_bad_links_and_tables_are_explained():
    at = _app(page="labs/emoji.py", hidden="99999", data="🐱:1|🐶:1")
    assert any("hidden='99999'" in w.value for w in at.warning)
    assert any("one GOOD and one BAD" in e.value for e in at.error)
    assert "emoji/_run" not in at.session_state


def test_korean_labels_in_the_lab():
    at = _app("ko", "labs/emoji.py")
    assert at.button(key="emoji.train").label == "▶ 학습"
    assert at.selectbox(key="emoji.cell").label == "셀"


def test_table_edits_apply_once_to_a_fixed_base():
    at = _app(page="labs/emoji.py", data="🐱🤖:1|🤖🐱:0|🐶🐷:0")
    at.run()
    at.run()
    assert at.session_state["emoji/_table_base"] == [("🐱🤖", 1), ("🤖🐱", 0), ("🐶🐷", 0)]
    assert at.session_state["emoji/_run"].trainer.train_data.x.shape[0] == 3


def _train_page_to_end(at, page, limit=80):
    at.button(key=f"{page}.train").click().run()
    for _ in range(limit):
        if at.session_state[f"{page}/_run"].done:
            break
        at.run()
    assert not at.exception, at.exception
    return at.session_state[f"{page}/_run"]


def test_forecast_lab_trains_and_beats_the_baselines():
    at = _app(page="labs/forecast.py")
    run = _train_page_to_end(at, "forecast")
    assert run.epoch == 60
    table = next(d.value for d in at.dataframe if "RMSE" in d.value.columns).set_index("")
    assert table.loc["seasonal naive (a year before)", "RMSE"] == pytest.approx(46.34, abs=0.01)
    assert table.loc["RNN forecast", "RMSE"] < table.loc["seasonal naive (a year before)", "RMSE"]
    fc = next(c for c in _charts(at) if c["layout"]["title"]["text"].startswith("Forecast on the test months"))
    model_line = next(d for d in fc["data"] if d["name"] == "RNN forecast")
    assert len(model_line["x"]) == 28 and 300 < _arr(model_line["y"]).mean() < 600  # passengers, not scaled units
    assert any(b.label.startswith("⬇") for b in at.get("download_button"))
    held_out = next(m for m in at.metric if m.label == "Held-out loss")  # regression: no accuracy to show
    assert float(held_out.value) == pytest.approx(run.trainer.history.val_loss[-1], abs=1e-4)


def test_forecast_presets_recursive_mode_and_link():
    at = _app(page="labs/forecast.py", window="200", prep="magic")
    assert sum("ignored" in w.value for w in at.warning) == 2
    at.button(key="forecast.preset_tutorial").click().run()
    assert (at.slider(key="forecast.window").value, at.selectbox(key="forecast.cell").value) == (4, "rnn")
    assert at.selectbox(key="forecast.prep").value == "leaky-standardize" and at.number_input(key="forecast.batch").value == 8
    assert any("leaks" in c.value for c in at.caption)
    _train_page_to_end(at, "forecast")
    at.radio(key="forecast.mode").set_value("recursive").run()
    at.number_input(key="forecast.horizon").set_value(12).run()
    fc = next(c for c in _charts(at) if c["layout"]["title"]["text"].startswith("Forecast on the test months"))
    assert "recursive" in fc["layout"]["title"]["text"] and len(fc["data"][1]["x"]) == 12
    assert at.query_params["mode"] == "recursive" and at.query_params["window"] == "4"
    assert at.session_state["forecast/_run"].epoch == 10  # the forecast mode does not reset training


@pytest.mark.parametrize("src,message,label", [("en", "i am not sad", None), ("ko", "이 영화 재미있어", None)])
def test_sentence_lab_trains_on_the_built_in_sets(src, message, label):
    at = _app(page="labs/sentences.py", src=src, epochs="60", msg=message)
    run = _train_page_to_end(at, "sentences")
    assert run.epoch == 60 and run.trainer.history.val_epoch
    titles = [c["layout"]["title"]["text"] for c in _charts(at)]
    assert "Accuracy while training" in titles and "Confusion matrix (held-out)" in titles
    assert any(t.startswith("Learned word vectors") for t in titles)
    assert any(m.value.startswith("### Verdict") for m in at.markdown)
    strip = next(c for c in _charts(at) if c["layout"]["title"]["text"].startswith("The verdict forming"))
    assert strip["layout"]["xaxis"]["ticktext"] == message.split()
    at.segmented_control(key="sentences.view").set_value("grad").run()
    assert any(c["layout"]["title"]["text"].startswith("Gradient × input") for c in _charts(at))


def test_pasted_data_with_three_classes():
    at = _app(page="labs/sentences.py", src="paste", epochs="30", msg="so so")
    lines = "\n".join(f"{w}\t{c}" for c, ws in {"pos": ["great", "good fun", "loved it", "superb"],
                                                  "neg": ["awful", "bad", "hated it", "boring"],
                                                  "mid": ["so so", "fine i guess", "okay", "average"]}.items() for w in ws)
    at.text_area(key="sentences.paste").set_value(lines).run()
    run = _train_page_to_end(at, "sentences")
    assert run.trainer.model.cfg.head == "multiclass" and run.trainer.model.cfg.num_classes == 3
    assert any(m.value.startswith("### Verdict") for m in at.markdown) and not at.error


@pytest.mark.parametrize("text,words", [("a\t1\nb\t1\nc\t1\nd\t1", "only one class"), ("a\t1\nb\nc\t0\nd\t1", "no label")])
def test_bad_pasted_data_in_the_page(text, words):
    at = _app(page="labs/sentences.py", src="paste")
    at.text_area(key="sentences.paste").set_value(text).run()
    assert any(words in e.value for e in at.error) and not at.exception


def test_downloadable_corpus_offline_is_explained(tmp_path, monkeypatch):
    monkeypatch.setenv("RNNLAB_CACHE", str(tmp_path))
    at = _app(page="labs/sentences.py", src="nsmc")
    assert any("Download the corpus once" in i.value for i in at.info)
    at.button(key="sentences.download").click().run()  # no network here: a clear message, no traceback
    assert any("offline" in e.value and "Upload" in e.value for e in at.error) and not at.exception
    assert not list(tmp_path.rglob("*.part"))


def test_cached_corpus_trains_with_an_expected_time(tmp_path, monkeypatch):
    import shutil
    from pathlib import Path
    samples = Path(__file__).resolve().parent / "samples"
    (tmp_path / "nsmc").mkdir()
    for name, sample in (("ratings_train.txt", "nsmc_ratings_train.txt"), ("ratings_test.txt", "nsmc_ratings_test.txt")):
        shutil.copy(samples / sample, tmp_path / "nsmc" / name)
    monkeypatch.setenv("RNNLAB_CACHE", str(tmp_path))
    at = _app(page="labs/sentences.py", src="nsmc", epochs="5")
    run = _train_page_to_end(at, "sentences")
    assert len(run.trainer.train_data) == 11 and not at.error


def test_movie_review_source_loads_the_corpus_with_its_fixed_split():
    at = _app(page="labs/sentences.py", src="movies", cell="gru", hidden="64", emb="64", batch="64", epochs="1")
    run = at.session_state["sentences/_run"]
    assert len(run.trainer.train_data) == 8_457 and len(at.session_state["sentences/_task"].test) == 2_111
    assert any("Expected training time" in c.value for c in at.caption) and not at.error


def test_reuters_topics_train_as_multiclass(tmp_path, monkeypatch):
    import shutil
    from pathlib import Path
    samples = Path(__file__).resolve().parent / "samples"
    (tmp_path / "reuters").mkdir()
    shutil.copy(samples / "reuters_sample.npz", tmp_path / "reuters" / "reuters.npz")
    shutil.copy(samples / "reuters_word_index_sample.json", tmp_path / "reuters" / "reuters_word_index.json")
    monkeypatch.setenv("RNNLAB_CACHE", str(tmp_path))
    at = _app(page="labs/sentences.py", src="reuters", topics="4", epochs="20", lr="0.03", msg="opec crude oil output")
    run = _train_page_to_end(at, "sentences")
    td = at.session_state["sentences/_task"]
    assert td.labels == ["earn", "acq", "crude", "money-fx"] and run.trainer.model.cfg.num_classes == 4
    cm = next(c for c in _charts(at) if c["layout"]["title"]["text"] == "Confusion matrix (held-out)")
    assert len(cm["data"][0]["x"]) == 4 and not at.error
    assert any("crude" in m.value for m in at.markdown if m.value.startswith("### Verdict"))


def test_korean_morphemes_in_the_page():
    at = _app(lang="ko", page="labs/sentences.py", src="ko", tok="morpheme", epochs="5", msg="영화가 재미있었어요")
    td = at.session_state["sentences/_task"]
    assert "재미있" in td.extra["vocab"].index and not at.error
    strip = next(c for c in _charts(at) if c["layout"]["title"]["text"].startswith("판정이"))
    assert strip["layout"]["xaxis"]["ticktext"][:2] == ["영화", "가"]


def test_near_neutral_movie_snippets_can_be_dropped():
    at = _app(page="labs/sentences.py", src="movies", neutral="1.5", epochs="1")
    from rnnlab.data.corpus import movie_reviews
    every = len(movie_reviews().texts)  # the 10,605 snippets but the 37 rated exactly 0
    data = at.session_state["sentences/_task"].extra["data"]
    assert 2_000 < len(data.texts) < every and any("near-neutral" in c.value for c in at.caption)
    assert all(abs(float(r)) >= 1.5 for r in _ratings(data.texts))
    at.select_slider(key="sentences.neutral").set_value(0.0).run()
    assert len(at.session_state["sentences/_task"].extra["data"].texts) == every and not at.error


def _ratings(texts):
    import gzip
    from rnnlab.data.corpus import ASSETS
    with gzip.open(ASSETS / "movie-review-snippets.tsv.gz", "rt", encoding="utf-8") as f:
        rating = {t.rstrip("\n"): r for _, r, t in (line.split("\t") for line in f)}
    return [rating[t] for t in texts]


def test_bad_input_is_explained_in_korean():
    at = _app(lang="ko", page="labs/sentences.py", src="ko", msg="가" * 2_100)  # longer than a message may be
    assert any("입력이 너무 깁니다: 2,100자" in e.value for e in at.error) and not at.exception
