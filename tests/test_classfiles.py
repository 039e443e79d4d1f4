"""Several uploaded files, one class per file (the fake-news tutorial's True.csv and Fake.csv)."""

import io
import tomllib
from pathlib import Path

import numpy as np
import pytest
from news_files import news_csv

from rnnlab.data import classfiles, table
from rnnlab.data import files as upload_files
from rnnlab.data.classfiles import read_class_files, shared_columns, text_columns, to_text_set
from rnnlab.errors import RNNLabError, say
from rnnlab.textclf import build_text_task

SAMPLES = Path(__file__).resolve().parent / "samples"


def samples() -> list[tuple[str, bytes]]:
    return [(name, (SAMPLES / name).read_bytes()) for name in ("True.csv", "Fake.csv")]


def refused(files, columns=("title",)) -> RNNLabError:
    with pytest.raises(RNNLabError) as err:
        to_text_set(read_class_files(files), list(columns))
    return err.value


def test_the_tutorial_files_become_two_classes_named_after_the_files():
    files = read_class_files(samples())
    assert [f.label for f in files] == ["True", "Fake"]
    assert shared_columns(files) == ["title", "text", "subject", "date"] and text_columns(files) == ["title"]
    data = to_text_set(files, ["title"])
    assert data.classes == ["Fake", "True"] and len(data.texts) == 48  # classes sorted: Fake 0, True 1
    assert data.labels.count(0) == data.labels.count(1) == 24 and not data.notes
    assert data.texts[0] == "Harbor city council approves budget for new water plant"
    td = build_text_task(data, "word", 2000, 30)
    assert td.labels == ["Fake", "True"] and len(td.test.y) + len(td.train.y) == 48


def test_title_and_text_joined_and_empty_texts_skipped_with_a_note():
    files = read_class_files(samples())
    both = to_text_set(files, ["title", "text"])
    first = both.texts[0].split("\n")
    assert first[0].startswith("Harbor city") and first[1].startswith("HARBORVILLE (Newswire)")
    assert len(both.texts) == 48  # the fake row with an empty text keeps its title
    only_text = to_text_set(files, ["text"])
    assert len(only_text.texts) == 47
    assert [n.key for n in only_text.notes] == ["files_empty_texts"] and "Fake.csv" in only_text.notes[0]


def test_long_articles_are_cut_to_the_stated_length_with_a_note(monkeypatch):
    monkeypatch.setattr(classfiles, "ARTICLE_CHARS", 60)
    data = to_text_set(read_class_files(samples()), ["text"])
    assert max(len(t) for t in data.texts) == 60
    note = next(n for n in data.notes if n.key == "files_cut")
    assert note.values["max"] == 60 and note.values["n"] == sum(len(t) == 60 for t in data.texts)


def test_a_file_per_class_three_classes_and_encodings_mixed_across_files():
    files = [
        (
            "sport.csv",
            "title,text\nteam wins cup,x\nstriker scores twice,x\ncoach resigns,x\n".encode("utf-8-sig"),
        ),
        ("경제.csv", "title,text\n금리 동결,x\n수출 증가,x\n물가 안정,x\n".encode("cp949")),
        ("weather.tsv", b"title\ttext\nrain tomorrow\tx\nsunny weekend\tx\nstorm warning\tx\n"),
    ]
    data = to_text_set(read_class_files(files), ["title"])
    assert data.classes == ["sport", "weather", "경제"] and len(data.texts) == 9
    assert "금리 동결" in data.texts and data.labels[data.texts.index("금리 동결")] == 2


def test_a_file_that_mixes_encodings_is_refused_by_line():
    raw = "title,text\n금리 동결,x\n".encode() + "수출 증가,x\n".encode("cp949")
    err = refused([("True.csv", samples()[0][1]), ("mixed.csv", raw)])
    assert err.key == "in_file" and err.values["file"] == "mixed.csv"
    assert "line 3" in str(err) and "UTF-8" in str(err)
    assert say(err, "ko").startswith("mixed.csv: 파일에 인코딩이 섞여") and "3번째 줄" in say(err, "ko")


@pytest.mark.parametrize(
    "files,key,words",
    [
        (lambda s: [s[0]], "files_one", "at least two"),
        (lambda s: [], "files_one", "at least two"),
        (lambda s: [s[0], ("Fake.csv", b"")], "in_file", "Fake.csv: the file is empty"),
        (
            lambda s: [s[0], ("Fake.csv", b"title,text,subject,date\n")],
            "in_file",
            "Fake.csv: the CSV file has no",
        ),
        (lambda s: [s[0], ("true.csv", s[1][1])], "files_same_class", "rename one"),
        (lambda s: [s[0], ("Fake.csv", b"\x00\x01\x02")], "in_file", "not a text file"),
        (lambda s: [s[0], ("Fake.csv", b"headline,body\na,b\n")], "files_no_column", "no column 'title'"),
        (lambda s: [s[0], ("Fake.csv", b"title,text\n ,x\n,y\n")], "files_no_texts", "every row is empty"),
    ],
)
def test_bad_files_are_refused_with_a_message_that_names_them(files, key, words):
    err = refused(files(samples()))
    assert err.key == key and words in str(err), str(err)
    assert say(err, "ko") != str(err)  # said in Korean too


def test_sizes_are_capped_per_file_and_together(monkeypatch):
    monkeypatch.setattr(classfiles, "MAX_FILE_MB", 0.004)
    err = refused(samples())
    assert err.key == "in_file" and "True.csv: the file is 0.0 MB; at most 0.004 MB" == str(err)
    monkeypatch.setattr(classfiles, "MAX_TOTAL_MB", 0.005)
    assert refused(samples()).key == "files_big"
    monkeypatch.setattr(classfiles, "MAX_FILES", 1)
    assert refused(samples()).key == "files_many"


def test_no_shared_column_and_no_column_chosen_are_explained():
    with pytest.raises(RNNLabError) as err:
        shared_columns(read_class_files([samples()[0], ("Fake.csv", b"headline\nsome words\n")]))
    assert err.value.key == "files_no_shared" and "Fake.csv: headline" in str(err.value)
    assert refused(samples(), columns=()).key == "files_no_columns"


def test_a_long_file_gives_a_seeded_draw_in_file_order(monkeypatch):
    monkeypatch.setattr(classfiles, "MAX_FILE_ROWS", 10)
    a = to_text_set(read_class_files(samples(), seed=0), ["title"])
    b = to_text_set(read_class_files(samples(), seed=0), ["title"])
    assert a.texts == b.texts and len(a.texts) == 20
    assert sum(n.key == "files_sampled" for n in a.notes) == 2
    true_rows = [t for t, l in zip(a.texts, a.labels) if l == 1]
    order = [line.split(",")[0] for line in (SAMPLES / "True.csv").read_text().splitlines()[1:]]
    assert [order.index(t) for t in true_rows] == sorted(order.index(t) for t in true_rows)


def test_the_cut_is_counted_when_the_kept_part_ends_in_a_space(monkeypatch):
    """Cells are cut as they are read; a cell cut just after a space still counts as cut."""
    monkeypatch.setattr(classfiles, "ARTICLE_CHARS", 10)
    one = b"text\n" + b"abcd efgh ijklmnop\nshort\n"
    data = to_text_set(read_class_files([("a.csv", one), ("b.csv", b"text\nx\ny\n")]), ["text"])
    assert "abcd efgh " in data.texts and "short" in data.texts
    assert next(n for n in data.notes if n.key == "files_cut").values["n"] == 1


def test_a_long_file_of_multiline_articles_is_drawn_and_cut_as_pandas_read_it(monkeypatch):
    """A few MB in the tutorial's shape (quoted articles with commas, quotes and newlines) and more rows
    than the cap: the rows kept are the seeded draw the whole-file reader gave, each text cut."""
    monkeypatch.setattr(classfiles, "MAX_FILE_ROWS", 300)
    raw = news_csv(1200, 2000, seed=3)
    assert len(raw) > 2 * 2**20 and b'""sources""' in raw and b"\n\n" in raw
    files = read_class_files([("True.csv", io.BytesIO(raw)), ("Fake.csv", news_csv(50, 500, seed=4))])
    assert files[0].rows == 1200 and len(files[0].table) == 300 and files[1].rows == len(files[1].table) == 50
    whole = table.read_table(raw, 10**6, max_mb=100)  # the reader before: the whole file as text
    keep = np.sort(np.random.default_rng(0).choice(1200, 300, replace=False))
    want = [f"{a.strip()}\n{b.strip()}"[:1000] for a, b in whole.iloc[keep][["title", "text"]].values]
    data = to_text_set(files, ["title", "text"])
    true_texts = [t for t, label in zip(data.texts, data.labels) if data.classes[label] == "True"]
    assert true_texts == want and max(map(len, data.texts)) == 1000
    long = sum(len(f"{a.strip()}\n{b.strip()}") > 1000 for a, b in whole.iloc[keep][["title", "text"]].values)
    assert long > 50 and classfiles.cut_count(files[0], ["title", "text"]) == long


def test_encodings_are_checked_across_the_chunks_a_stream_is_read_in():
    big = "title,text\n" + "금리 동결,뉴스 본문입니다\n" * 60_000  # > 1 MB: several chunks
    assert len(big.encode()) > 2 * upload_files.CHUNK
    cp949 = read_class_files([("경제.csv", big.encode("cp949")), ("b.csv", b"title\nx\n")])
    assert cp949[0].rows == 60_000 and set(cp949[0].table["title"]) == {"금리 동결"}
    mixed = big.encode() + "수출 증가,x\n".encode("cp949")
    err = refused([("mixed.csv", mixed), ("b.csv", b"title\nx\n")])
    assert err.key == "in_file" and err.values["reason"].values["line"] == 60_002


def test_the_caps_are_said_at_their_sizes(monkeypatch):
    """The tutorial's files fit (51 + 63 MB); a larger file or set is refused with its size, before it is
    read (small caps here: no test writes 100 MB)."""
    assert classfiles.MAX_FILE_MB >= 63 and classfiles.MAX_TOTAL_MB >= 51 + 63
    monkeypatch.setattr(classfiles, "MAX_FILE_MB", 1)
    over = b"title\n" + b"x" * (3 * 2**19) + b"\n"  # 1.5 MB
    err = refused([("True.csv", over), samples()[1]])
    assert str(err) == "True.csv: the file is 1.5 MB; at most 1 MB" and "1.5 MB" in say(err, "ko")
    monkeypatch.setattr(classfiles, "MAX_FILE_MB", 2)
    monkeypatch.setattr(classfiles, "MAX_TOTAL_MB", 2)
    err = refused([("True.csv", over), ("Fake.csv", over)])
    assert err.key == "files_big" and "3.0 MB; at most 2 MB together" in str(err)


def test_the_server_takes_files_as_large_as_the_cap():
    config = tomllib.loads((SAMPLES.parents[1] / ".streamlit" / "config.toml").read_text())
    assert config["server"]["maxUploadSize"] == classfiles.MAX_FILE_MB


def test_rows_wider_than_the_header_are_refused_unless_only_separators_trail():
    trailing = read_class_files([("a.csv", b"title,text\nx,y,\nz,w,,\n"), ("b.csv", b"title\nq\n")])
    assert trailing[0].table.values.tolist() == [["x", "y"], ["z", "w"]]
    err = refused([("a.csv", b"title,text\nx,y,extra\n"), ("b.csv", b"title\nq\n")])
    assert err.key == "in_file" and "expected 2 fields in row 2, saw 3" in str(err)
