import numpy as np
import pytest

from rnnlab.data import corpus
from rnnlab.errors import RNNLabError
from rnnlab.textclf import build_text_task, tokenize


def test_pasted_pairs_tab_or_comma_and_empty_lines():
    ts = corpus.parse_pairs("i am happy\tpos\n\nwell, that was bad,neg\nfine\tpos\nawful,neg\n")
    assert ts.texts == ["i am happy", "well, that was bad", "fine", "awful"] and ts.classes == ["neg", "pos"]
    assert ts.labels == [1, 0, 1, 0] and "1 empty line(s) skipped." in ts.notes


@pytest.mark.parametrize(
    "text,words",
    [
        ("a\t1\nb\t1\nc\t1\nd\t1", "only one class"),
        ("a\t1\nno label here\nc\t0\nd\t1", r"line\(s\) 2 have no label"),
        ("a\t1\nb\t0", "at least 4"),
        ("\n".join(f"s{i}\t{i % 2}" for i in range(50_000)), "at most 20,000"),
    ],
)
def test_bad_pasted_data_is_explained(text, words):
    with pytest.raises(RNNLabError, match=words):
        corpus.parse_pairs(text)


def test_tables_guess_the_delimiter_and_need_two_columns():
    df = corpus.read_table("text\tlabel\tsource\ngreat film\t1\tx\nbad film\t0\ty\n")
    assert list(df.columns) == ["text", "label", "source"]
    ts = corpus.from_table(
        corpus.read_table("review,stars\nloved it,5\nhated it,1\n,3\nok,3\nmeh,1\n"), "review", "stars"
    )
    assert ts.classes == ["1", "3", "5"] and len(ts.texts) == 4 and "1 row(s)" in ts.notes[0]
    with pytest.raises(RNNLabError, match="two columns"):
        corpus.read_table("just one column\nabc\n")
    with pytest.raises(RNNLabError, match="different columns"):
        corpus.from_table(df, "text", "text")


def test_movie_reviews_have_a_fixed_balanced_test_part():
    mr = corpus.movie_reviews()
    assert len(mr.texts) == 10_568 and 0.45 < np.mean(mr.labels) < 0.55
    train, test = mr.split()
    assert len(test) == 2_111 and len(np.intersect1d(train, test)) == 0
    assert np.array_equal(mr.split(seed=5)[1], test)  # fixed, whatever the seed
    strict = corpus.movie_reviews(neutral=1.0)
    assert len(strict.texts) < len(mr.texts) and "near-neutral" in strict.notes[0]


def test_text_task_vocabulary_from_training_part_only():
    ts = corpus.parse_pairs(
        "good movie\t1\nbad movie\t0\ngreat plot\t1\nawful plot\t0\nnice\t1\nugly\t0\nsuperb\t1\npoor\t0\n"
    )
    td = build_text_task(ts, vocab_size=100, max_len=3, test_share=0.25)
    texts, train_idx = td.text.data.texts, td.text.train_idx
    train_words = {w for i in train_idx for w in tokenize(texts[i])}
    assert set(td.text.vocab.tokens[2:]) == train_words and len(td.test) == 2
    share = dict(zip(td.text.vocab.tokens[2:], td.text.last_class_share))
    for w, got in share.items():
        having = [ts.labels[i] for i in train_idx if w in tokenize(texts[i])]
        assert got == pytest.approx(sum(having) / len(having))
    x, toks, warn = td.encode("good movie really was good and long")
    assert len(toks) == 3 and any("Only the first 3 tokens" in w for w in warn)
    assert td.model["head"] == "binary" and td.labels == ["0", "1"]


def test_korean_character_tokens_and_multiclass():
    assert tokenize("영화가 좋아", "char") == ["영", "화", "가", "좋", "아"]
    ts = corpus.from_pairs([(f"text {i}", ["a", "b", "c"][i % 3]) for i in range(12)])
    td = build_text_task(ts, "char")
    assert td.model["head"] == "multiclass" and td.model["num_classes"] == 3


def test_korean_morphemes_split_particles_and_endings():
    """Kiwi separates what Korean glues on: two forms of one word share their stem token."""
    a, b = tokenize("영화가 재미있었어요", "morpheme"), tokenize("영화를 재미있게 봤다", "morpheme")
    assert a[:2] == ["영화", "가"] and b[:2] == ["영화", "를"]
    assert (
        "재미있" in a
        and "재미있" in b
        and tokenize("영화가 재미있었어요", "word") == ["영화가", "재미있었어요"]
    )
    mixed = tokenize("정말 좋아요 👍", "morpheme")
    assert mixed[0] == "정말" and "👍" in "".join(mixed)


def test_morpheme_task_from_korean_sentences():
    from rnnlab.data import sentences

    ts = corpus.from_pairs([(t, sentences.LABELS[l]) for t, l in sentences.KOREAN])
    words, morphs = build_text_task(ts, "word"), build_text_task(ts, "morpheme")
    # an inflection never seen in training: a single unknown word, but a known stem as morphemes
    _, wtoks, wwarn = words.encode("재미있었어요")
    x, toks, warn = morphs.encode("재미있었어요")
    assert wtoks == ["재미있었어요"] and "unknown" in wwarn[0]
    assert (
        toks[0] == "재미있" and int(x[0]) == morphs.text.vocab.index["재미있"] > 1 and x.shape == (len(toks),)
    )


def test_vocabulary_counts_whole_training_texts_but_keeps_only_max_len_tokens():
    ts = corpus.from_pairs(
        [("a b c late", 1), ("a b c late", 1), ("d e", 0), ("e d", 0), ("a d", 1), ("b e", 0)]
    )
    td = build_text_task(ts, "word", max_len=2, held_out=False)
    assert td.text.vocab.counts["late"] == 2 and td.train.x.shape == (6, 2) and td.text.cut == 2
