"""The Sentence lab, run headless with Streamlit's AppTest: every data source and the bad inputs."""

import pytest
from apptest import app, charts, lab_state, train_to_end


@pytest.mark.parametrize(
    "src,message,label", [("en", "i am not sad", None), ("ko", "이 영화 재미있어", None)]
)
def test_sentence_lab_trains_on_the_built_in_sets(src, message, label):
    at = app(page="labs/sentences.py", src=src, epochs="60", msg=message)
    run = train_to_end(at, "sentences")
    assert run.epoch == 60 and run.trainer.history.val_epoch
    titles = [c["layout"]["title"]["text"] for c in charts(at)]
    assert "Accuracy while training" in titles and "Confusion matrix (held-out)" in titles
    assert any(t.startswith("Learned word vectors") for t in titles)
    assert any(m.value.startswith("### Verdict") for m in at.markdown)
    strip = next(c for c in charts(at) if c["layout"]["title"]["text"].startswith("The verdict forming"))
    assert strip["layout"]["xaxis"]["ticktext"] == message.split()
    at.segmented_control(key="sentences.view").set_value("grad").run()
    assert any(c["layout"]["title"]["text"].startswith("Gradient × input") for c in charts(at))


def test_pasted_data_with_three_classes():
    at = app(page="labs/sentences.py", src="paste", epochs="30", msg="so so")
    lines = "\n".join(
        f"{w}\t{c}"
        for c, ws in {
            "pos": ["great", "good fun", "loved it", "superb"],
            "neg": ["awful", "bad", "hated it", "boring"],
            "mid": ["so so", "fine i guess", "okay", "average"],
        }.items()
        for w in ws
    )
    at.text_area(key="sentences.paste").set_value(lines).run()
    run = train_to_end(at, "sentences")
    assert run.trainer.model.cfg.head == "multiclass" and run.trainer.model.cfg.num_classes == 3
    assert any(m.value.startswith("### Verdict") for m in at.markdown) and not at.error


@pytest.mark.parametrize(
    "text,words", [("a\t1\nb\t1\nc\t1\nd\t1", "only one class"), ("a\t1\nb\nc\t0\nd\t1", "no label")]
)
def test_bad_pasted_data_in_the_page(text, words):
    at = app(page="labs/sentences.py", src="paste")
    at.text_area(key="sentences.paste").set_value(text).run()
    assert any(words in e.value for e in at.error) and not at.exception


def test_downloadable_corpus_offline_is_explained(tmp_path, monkeypatch):
    monkeypatch.setenv("RNNLAB_CACHE", str(tmp_path))
    at = app(page="labs/sentences.py", src="nsmc")
    assert any("Download the corpus once" in i.value for i in at.info)
    at.button(key="sentences.download").click().run()  # no network here: a clear message, no traceback
    assert any("offline" in e.value and "Upload" in e.value for e in at.error) and not at.exception
    assert not list(tmp_path.rglob("*.part"))


def test_cached_corpus_trains_with_an_expected_time(tmp_path, monkeypatch):
    import shutil
    from pathlib import Path

    samples = Path(__file__).resolve().parent / "samples"
    (tmp_path / "nsmc").mkdir()
    for name, sample in (
        ("ratings_train.txt", "nsmc_ratings_train.txt"),
        ("ratings_test.txt", "nsmc_ratings_test.txt"),
    ):
        shutil.copy(samples / sample, tmp_path / "nsmc" / name)
    monkeypatch.setenv("RNNLAB_CACHE", str(tmp_path))
    at = app(page="labs/sentences.py", src="nsmc", epochs="5")
    run = train_to_end(at, "sentences")
    assert len(run.trainer.train_data) == 11 and not at.error


def test_movie_review_source_loads_the_corpus_with_its_fixed_split():
    at = app(
        page="labs/sentences.py", src="movies", cell="gru", hidden="64", emb="64", batch="64", epochs="1"
    )
    run = lab_state(at, "sentences").run
    assert len(run.trainer.train_data) == 8_457 and len(lab_state(at, "sentences").task.test) == 2_111
    assert any("should take about" in c.value for c in at.caption) and not at.error


def test_reuters_topics_train_as_multiclass(tmp_path, monkeypatch):
    import shutil
    from pathlib import Path

    samples = Path(__file__).resolve().parent / "samples"
    (tmp_path / "reuters").mkdir()
    shutil.copy(samples / "reuters_sample.npz", tmp_path / "reuters" / "reuters.npz")
    shutil.copy(samples / "reuters_word_index_sample.json", tmp_path / "reuters" / "reuters_word_index.json")
    monkeypatch.setenv("RNNLAB_CACHE", str(tmp_path))
    at = app(
        page="labs/sentences.py",
        src="reuters",
        topics="4",
        epochs="20",
        lr="0.03",
        msg="opec crude oil output",
    )
    run = train_to_end(at, "sentences")
    td = lab_state(at, "sentences").task
    assert td.labels == ["earn", "acq", "crude", "money-fx"] and run.trainer.model.cfg.num_classes == 4
    cm = next(c for c in charts(at) if c["layout"]["title"]["text"] == "Confusion matrix (held-out)")
    assert len(cm["data"][0]["x"]) == 4 and not at.error
    assert any("crude" in m.value for m in at.markdown if m.value.startswith("### Verdict"))


def test_korean_morphemes_in_the_page():
    at = app(
        lang="ko", page="labs/sentences.py", src="ko", tok="morpheme", epochs="5", msg="영화가 재미있었어요"
    )
    td = lab_state(at, "sentences").task
    assert "재미있" in td.text.vocab.index and not at.error
    strip = next(c for c in charts(at) if c["layout"]["title"]["text"].startswith("판정이"))
    assert strip["layout"]["xaxis"]["ticktext"][:2] == ["영화", "가"]


def test_near_neutral_movie_snippets_can_be_dropped():
    at = app(page="labs/sentences.py", src="movies", neutral="1.5", epochs="1")
    from rnnlab.data.corpus import movie_reviews

    every = len(movie_reviews().texts)  # the 10,605 snippets but the 37 rated exactly 0
    data = lab_state(at, "sentences").task.text.data
    assert 2_000 < len(data.texts) < every and any("near-neutral" in c.value for c in at.caption)
    assert all(abs(float(r)) >= 1.5 for r in _ratings(data.texts))
    at.select_slider(key="sentences.neutral").set_value(0.0).run()
    assert len(lab_state(at, "sentences").task.text.data.texts) == every and not at.error


def _ratings(texts):
    import gzip

    from rnnlab.data.corpus import ASSETS

    with gzip.open(ASSETS / "movie-review-snippets.tsv.gz", "rt", encoding="utf-8") as f:
        rating = {t.rstrip("\n"): r for _, r, t in (line.split("\t") for line in f)}
    return [rating[t] for t in texts]


def test_bad_input_is_explained_in_korean():
    at = app(lang="ko", page="labs/sentences.py", src="ko", msg="가" * 2_100)  # longer than a message may be
    assert any("입력이 너무 깁니다: 2,100자" in e.value for e in at.error) and not at.exception


def korean_widgets(monkeypatch, lang: str) -> None:
    """AppTest formats a widget's choices outside the page's run, where the visitor's language is unknown
    (English): the Korean tests make it Korean there too, so clicks on a Korean page find their choices."""
    if lang == "ko":
        monkeypatch.setattr("ui.frame.lang", lambda: "ko")


@pytest.mark.parametrize(
    "lang,src,msg,maps_title",
    [("en", "en", "you are not happy", "Feature maps"), ("ko", "ko", "이 영화 정말 재미있어", "특징 맵")],
)
def test_the_conv_front_end_from_its_controls_to_the_feature_maps(lang, src, msg, maps_title, monkeypatch):
    from rnnlab.knobs import KNOBS

    korean_widgets(monkeypatch, lang)
    at = app(lang=lang, page="labs/sentences.py", src=src, epochs="15", msg=msg)
    filters = at.number_input(key="sentences.filters")
    assert (filters.value, filters.min, filters.max) == (0, KNOBS["filters"].lo, KNOBS["filters"].hi)
    assert at.select_slider(key="sentences.kernel").options == ["1", "3", "5", "7", "9"]
    assert at.select_slider(key="sentences.kernel").disabled  # no maps, no kernel to choose
    assert (at.slider(key="sentences.pool").min, at.slider(key="sentences.pool").max) == (1, 8)
    about = "n-gram" if lang == "en" else "국소 패턴"  # the two sentences on what the convolution adds
    assert any(about in c.value for c in at.caption)
    filters.set_value(8).run()
    at.slider(key="sentences.drop").set_value(0.2).run()
    at.segmented_control(key="sentences.readout").set_value("max").run()
    assert at.query_params["filters"] == "8" and at.query_params["readout"] == "max"
    assert not at.select_slider(key="sentences.kernel").disabled
    run = train_to_end(at, "sentences")
    cfg = run.trainer.model.cfg
    got = (cfg.conv_filters, cfg.conv_kernel, cfg.conv_pool, cfg.readout, cfg.input_dropout)
    assert got == (8, 3, 2, "max", 0.2)
    words = msg.split()
    strip = next(c for c in charts(at) if c["layout"]["title"]["text"].startswith(("The verdict", "판정이")))
    pairs = [" ".join(words[i : i + 2]) for i in range(0, len(words), 2)]  # one RNN step per pooled pair
    assert strip["layout"]["xaxis"]["ticktext"] == pairs
    at.segmented_control(key="sentences.view").set_value("maps").run()
    maps = next(c for c in charts(at) if c["layout"]["title"]["text"].startswith(maps_title))
    assert len(maps["layout"]["xaxis"]["ticktext"]) == len(words)
    assert maps["layout"]["meta"]["pool_lines"] == len(pairs) - 1
    at.segmented_control(key="sentences.view").set_value("summary").run()
    count = f"{8 * (8 * 3 + 1):,}"  # F·(E·K + 1), E = 8
    assert any(c.value.startswith(("Convolution:", "합성곱:")) and count in c.value for c in at.caption)
    assert not at.error and not at.exception


def _samples() -> list[tuple[str, bytes, str]]:
    from pathlib import Path

    folder = Path(__file__).resolve().parent / "samples"
    return [(n, (folder / n).read_bytes(), "text/csv") for n in ("True.csv", "Fake.csv")]


def test_one_file_per_class_trains_on_the_chosen_columns():
    at = app(page="labs/sentences.py", src="files", epochs="10", lr="0.01")
    box = at.file_uploader[0]
    assert box.accept_multiple_files and any("one per class" in i.value for i in at.info)
    box.set_value(_samples()).run()
    td = lab_state(at, "sentences").task
    assert td.labels == ["Fake", "True"] and len(td.text.data.texts) == 48
    assert at.multiselect[0].value == ["title"] and at.multiselect[0].options == [
        "title",
        "text",
        "subject",
        "date",
    ]
    assert any("first 1,000 characters" in c.value for c in at.caption)  # the stated cut
    at.multiselect[0].set_value(["title", "text"]).run()
    data = lab_state(at, "sentences").task.text.data
    assert data.texts[0].startswith("Harbor city council approves budget for new water plant\nHARBORVILLE")
    run = train_to_end(at, "sentences")
    assert run.epoch == 10 and any(m.value.startswith("### Verdict") for m in at.markdown)
    at.multiselect[0].set_value(["text"]).run()  # the fake row with an empty text is skipped, said so
    assert any("Fake.csv: 1 row(s) with an empty text skipped" in c.value for c in at.caption)
    assert not at.error and not at.exception


def test_one_file_alone_waits_for_the_other_and_a_bad_file_is_let_go():
    at = app(page="labs/sentences.py", src="files")
    at.file_uploader[0].set_value(_samples()[:1]).run()
    assert any("at least two" in e.value and "True.csv" in e.value for e in at.error)
    assert at.file_uploader[0].key == "sentences.file0"  # kept: the second file may come next
    at.file_uploader[0].set_value([_samples()[0], ("Fake.csv", b"", "text/csv")]).run()
    assert any("Fake.csv: the file is empty" in e.value for e in at.error) and not at.exception
    assert at.file_uploader[0].key == "sentences.file1"  # a fresh, empty box under the reason


def test_several_files_in_korean_with_cp949_and_a_mixed_file(monkeypatch):
    korean_widgets(monkeypatch, "ko")
    at = app(lang="ko", page="labs/sentences.py", src="files", epochs="5")
    assert any("두 개 이상" in i.value for i in at.info)
    good = ("긍정.csv", "title,text\n정말 좋아요,x\n최고의 하루,x\n행복해요,x\n".encode("cp949"), "text/csv")
    bad = ("부정.csv", "title,text\n별로예요,x\n".encode() + "최악이에요,x\n".encode("cp949"), "text/csv")
    at.file_uploader[0].set_value([good, bad]).run()
    assert any("부정.csv: 파일에 인코딩이 섞여" in e.value and "3번째 줄" in e.value for e in at.error)
    fixed = ("부정.csv", "\ufefftitle,text\n별로예요,x\n최악이에요,x\n지루해요,x\n".encode(), "text/csv")
    at.file_uploader[0].set_value([good, fixed]).run()
    td = lab_state(at, "sentences").task
    assert td.labels == ["긍정", "부정"] and "정말 좋아요" in td.text.data.texts
    assert any("1,000자" in c.value for c in at.caption) and not at.error and not at.exception
