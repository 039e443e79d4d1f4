"""Issue 10 in the pages: compare mode names its models, small held-out parts say so, Korean visitors get
Korean data and examples, the movie-review note agrees with its setting."""

from apptest import app, lab_state, train_to_end

from rnnlab.data import corpus
from rnnlab.errors import say


def test_compare_mode_tabulates_the_three_models_and_names_the_one_shown():
    at = app(page="labs/emoji.py", cmp="1", epochs="4")
    train_to_end(at, "emoji")
    table = next(d.value for d in at.dataframe if "model" in d.value.columns)
    assert list(table["model"]) == ["RNN", "LSTM", "GRU"] and list(table["Epoch"]) == [4, 4, 4]
    assert table["Loss"].notna().all() and len(set(table["Loss"])) == 3  # three different runs
    assert any(m.value.startswith("### Verdict of the GRU") for m in at.markdown)
    at.segmented_control(key="emoji.shown").set_value("LSTM").run()
    assert any(m.value.startswith("### Verdict of the LSTM") for m in at.markdown)
    assert lab_state(at, "emoji").run.main == "LSTM"


def test_one_model_gets_no_compare_table_and_an_unnamed_verdict():
    at = app(page="labs/emoji.py")
    assert not any("model" in d.value.columns for d in at.dataframe)
    assert any(m.value.startswith("### Verdict:") for m in at.markdown)


def test_a_held_out_part_too_small_to_mean_anything_says_so():
    at = app(page="labs/sentences.py", src="en", epochs="5")
    train_to_end(at, "sentences")
    assert any("Only 2 sentence(s) are held out" in i.value for i in at.info)


def test_korean_visitors_start_on_korean_sentences_with_a_korean_example():
    ko = app(lang="ko", page="labs/sentences.py")
    assert ko.selectbox(key="sentences.src").value == "ko"
    assert ko.text_input(key="sentences.msg").placeholder == "이 영화 재미있지 않아"
    linked = app(lang="ko", page="labs/sentences.py", src="en")  # a link's choice wins
    assert linked.selectbox(key="sentences.src").value == "en"
    assert linked.text_input(key="sentences.msg").placeholder == "you are not happy"  # follows the data
    en = app(lang="en", page="labs/sentences.py")
    assert en.selectbox(key="sentences.src").value == "en"


def test_pasted_korean_data_gets_a_korean_example():
    at = app(lang="en", page="labs/sentences.py", src="paste")
    rows = ["정말 좋아요\t긍정", "너무 싫어요\t부정", "최고예요\t긍정", "별로예요\t부정"] * 3
    at.text_area(key="sentences.paste").set_value("\n".join(rows)).run()
    assert not at.error, [e.value for e in at.error]
    assert at.text_input(key="sentences.msg").placeholder == "이 영화 재미있지 않아"


def test_movie_reviews_keep_all_says_what_it_drops():
    note = corpus.movie_reviews(0.0).notes[0]
    assert note.key == "zero_rated_dropped" and "rated exactly 0" in str(note) and "0점" in say(note, "ko")
    assert corpus.movie_reviews(1.0).notes[0].key == "neutral_dropped"


def test_the_home_diagram_speaks_the_visitors_language():
    ko = app(lang="ko")
    en = app(lang="en")
    pictures = [next(e for e in at.main.children.values() if type(e).__name__ == "Image") for at in (ko, en)]
    assert pictures[0].proto.imgs[0].url != pictures[1].proto.imgs[0].url
    from pathlib import Path

    svg = (Path(__file__).resolve().parents[1] / "assets" / "unrolled.ko.svg").read_text(encoding="utf-8")
    assert "좋음" in svg and "GOOD" not in svg and "same weights" not in svg


def test_a_table_row_with_too_many_emoji_is_named():
    at = app(page="labs/emoji.py", data="🐱🤖:1|" + "🐶" * 60 + ":0")
    assert any("row 2 of the table has 60 emoji" in e.value for e in at.error), [e.value for e in at.error]


def test_an_empty_sentence_says_whose_verdict_is_shown_and_pad_unk_are_counted():
    at = app(page="labs/sentences.py", src="en")
    assert any("The box is empty, so the example «you are not happy»" in c.value for c in at.caption)
    vocab = next(d.value for d in at.dataframe if "token" in d.value.columns and "id" in d.value.columns)
    pad, unk = vocab.iloc[0], vocab.iloc[1]
    assert (pad["token"], unk["token"]) == ("<pad>", "<unk>") and pad["count"] > 0 and unk["count"] >= 0
    at.text_input(key="sentences.msg").set_value("i am happy").run()
    assert not any("The box is empty" in c.value for c in at.caption)


def test_the_emoji_best_preset_is_not_the_default_and_solves_the_messages():
    from rnnlab.models import seeded_model
    from rnnlab.tasks import TASKS, resolve
    from rnnlab.train import Trainer

    presets = TASKS["emoji"].presets
    assert presets["best"] != presets["default"]
    td, mc, tc = resolve("emoji", preset="best")
    t = Trainer(seeded_model(mc, 0), td.train, tc).run()
    assert t.history.accuracy[-1] == 1.0 and t.history.loss[-1] < 0.01


def test_a_long_unknown_word_is_quoted_with_an_ellipsis():
    at = app(page="labs/sentences.py", src="en")
    at.text_input(key="sentences.msg").set_value("i am " + "z" * 1990).run()
    note = next(w.value for w in at.warning if "<unk>" in w.value)
    assert "…" in note and len(note) < 200 and "z" * 60 not in note


def test_a_nan_in_a_link_is_a_link_warning_not_a_crash():
    at = app(page="labs/emoji.py", clip="nan")
    assert any("clip='nan'" in w.value for w in at.warning) and not at.error
