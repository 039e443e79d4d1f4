import numpy as np
import pytest

from rnnlab.data import airline, emoji, nextvalue, sine
from rnnlab.data.files import read_upload
from rnnlab.data.sentences import ENGLISH, KOREAN
from rnnlab.data.text import Vocab, char_tokens, emoji_tokens, word_tokens
from rnnlab.errors import RNNLabError


def test_emoji_tokens_with_or_without_spaces():
    assert emoji_tokens("🐱🤖❤️❗️") == emoji_tokens("🐱 🤖 ❤️ ❗️") == ["🐱", "🤖", "❤️", "❗️"]
    assert emoji_tokens("❤ ❗") == ["❤️", "❗️"]  # without U+FE0F it is the same token
    assert emoji_tokens("1️⃣👍🏽👨‍👩‍👧") == ["1️⃣", "👍🏽", "👨‍👩‍👧"]  # keycap, skin tone, ZWJ family
    assert emoji_tokens("cat🐱") == ["cat", "🐱"]


@pytest.mark.parametrize("text,words", [("", "empty"), ("   ", "empty"), ("🐱" * 10_000, "too long")])
def test_bad_messages_are_rejected_clearly(text, words):
    with pytest.raises(RNNLabError, match=words):
        emoji_tokens(text)


def test_emoji_codec_unknown_and_tutorial_numbers():
    codec = emoji.EmojiCodec(emoji.MESSAGES, "tutorial")
    assert codec.sorted_tokens == [
        "❗️",
        "❤️",
        "🐱",
        "🐶",
        "🐷",
        "🤖",
    ]  # the Keras tutorial's sorted vocabulary
    x, unknown = codec.encode(["🐱", "🐸"])
    assert x[:, 0].tolist() == [2.0, 6.0] and unknown == ["🐸"]
    emb = emoji.EmojiCodec(emoji.MESSAGES)
    ids, unknown = emb.encode(["🐸", "🐱"])
    assert ids.tolist()[0] == 1 and unknown == ["🐸"]
    assert emoji.EmojiCodec.tokenize("🐱🐶") == ["🐱", "🐶"]
    with pytest.raises(RNNLabError, match="at most 50"):
        emoji.EmojiCodec.tokenize("🐱" * 51)


def test_message_table_checks():
    with pytest.raises(RNNLabError, match="GOOD and one BAD"):
        emoji.check_messages([("🐱", 1), ("🐶", 1)])
    assert emoji.check_messages([("🐱", 1), ("  ", 0), ("🐶", 0)]) == [("🐱", 1), ("🐶", 0)]


def test_words_chars_and_vocab():
    assert word_tokens("I am NOT sad!") == ["i", "am", "not", "sad", "!"]
    assert word_tokens("기분이 좋아 😀") == ["기분이", "좋아", "😀"]
    assert char_tokens("좋아 요") == ["좋", "아", "요"]
    v = Vocab.build([["a", "b", "a"], ["c", "a", "b"]], max_size=4)
    assert v.tokens == ["<pad>", "<unk>", "a", "b"] and v.counts["a"] == 3
    assert v.encode(["a", "c"]) == ([2, 1], ["c"])


def test_sentence_sets():
    assert len(ENGLISH) == 12 and sum(l for _, l in ENGLISH) == 6
    assert len(KOREAN) >= 40 and sum(l for _, l in KOREAN) * 2 == len(KOREAN)
    assert len({t for t, _ in KOREAN}) == len(KOREAN)


def test_airline_series_and_split():
    months, y = airline.load_airline()
    assert len(y) == 144 and months[0] == "1949-01" and y[0] == 112 and y[-1] == 432
    for window in (1, 4, 12, 36):
        w = airline.make_windows(y, window)
        assert len(w.t) - w.n_train == 28 and w.t[w.n_train] == 116  # last 28 months, whatever the window
        i = 5
        np.testing.assert_allclose(w.x[i], w.transform.forward(y)[w.t[i] - window : w.t[i]], rtol=1e-6)
    w = airline.make_windows(y, 4)
    assert w.n_train == 112  # the classic tutorial's 80% of the 140 size-4 windows


@pytest.mark.parametrize("kind", airline.PREPROCESS)
def test_preprocessing_round_trips_to_passengers(kind):
    _, y = airline.load_airline()
    w = airline.make_windows(y, 6, kind)
    back = w.transform.inverse(w.y, w.t, y)
    np.testing.assert_allclose(back, y[w.t], rtol=1e-5)


def test_scaling_is_fitted_on_the_training_part_only():
    _, y = airline.load_airline()
    fair = airline.make_windows(y, 4, "standardize").transform
    leaky = airline.make_windows(y, 4, "leaky-standardize").transform
    assert fair.mean == pytest.approx(y[:116].mean()) and leaky.mean == pytest.approx(y.mean())


def test_baselines_match_the_reference_figures():
    _, y = airline.load_airline()
    t = np.arange(116, 144)
    b = airline.baselines(y, t)
    rmse = {k: np.sqrt(np.mean((p - y[t]) ** 2)) for k, p in b.items()}
    assert rmse["seasonal naive"] == pytest.approx(46.34, abs=0.01) and rmse["naive"] == pytest.approx(
        53.36, abs=0.01
    )


def test_window_longer_than_the_series_is_explained():
    _, y = airline.load_airline()
    with pytest.raises(RNNLabError, match="at most 113"):
        airline.make_windows(y, 200)


def test_csv_with_non_numeric_values(tmp_path):
    f = tmp_path / "bad.csv"
    f.write_text("Month,Passengers\n1949-01,112\n1949-02,lots\n1949-03,130\n")
    with pytest.raises(RNNLabError, match=r"row 3 \('lots'\)"):
        airline.load_csv(f, "Passengers")


def test_generated_series():
    x, y = sine.generate(100, 50, seed=1)
    x2, _ = sine.generate(100, 50, seed=1)
    assert x.shape == (100, 50) and y.shape == (100,) and np.array_equal(x, x2)
    assert np.abs(x).max() < 0.7
    x, y = nextvalue.generate(50, 4)
    np.testing.assert_allclose(y - x[:, -1], x[:, 1] - x[:, 0], atol=1e-6)


def test_uploads_are_decoded_or_explained():
    csv = "Month,Value\n2020-01,5\n2020-02,6\n"
    assert read_upload(("\ufeff" + csv).encode("utf-8")) == csv  # BOM dropped
    assert read_upload("월,값\n1월,5\n".encode("cp949")) == "월,값\n1월,5\n"  # Korean Windows files
    for raw, words in [
        (b"", "empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00", "not a text file"),
        (b"x" * (2 * 2**20), "at most 1 MB"),
    ]:
        with pytest.raises(RNNLabError, match=words):
            read_upload(raw, max_mb=1)


def test_user_series_with_gaps_loads_and_reports_them(tmp_path):
    f = tmp_path / "s.csv"
    f.write_text("day,sales\n1,10\n2,\n3,14\n4,16\n")
    dates, v = airline.load_csv(f, "sales", "day")
    assert dates == ["1", "2", "3", "4"] and np.isnan(v[1])
    filled, n = airline.fill_missing(v)
    assert n == 1 and filled[1] == 12


def test_one_table_reader_for_both_uploads():
    """UTF-8 with a BOM, CP949 and a semicolon separator (with a keyed note) read the same way."""
    from rnnlab.data import airline, corpus
    from rnnlab.data.table import read_table

    rows = "text;label\n좋은 영화;1\n지루해요;0\n"
    for raw in (("\ufeff" + rows).encode("utf-8"), rows.encode("cp949")):
        df = corpus.read_table(raw)
        assert list(df.columns) == ["text", "label"] and df["text"][0] == "좋은 영화"
        assert [n.key for n in df.attrs["notes"]] == ["semicolon_sep"]
    series = airline.read_csv(b"Month;Passengers\n1949-01;112\n1949-02;\n1949-03;132\n")
    assert series.attrs["notes"][0].key == "semicolon_sep"
    assert (
        airline.series_from(series, "Passengers")[1][1] != airline.series_from(series, "Passengers")[1][1]
    )  # NaN
    assert read_table("a,b\tc\n1,2\t3\n", 10).columns.tolist() == ["a", "b\tc"]  # a comma wins ties
