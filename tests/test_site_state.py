"""URL state and strings: the parts of the site that live in the engine, tested without a browser."""

import re

import pytest

from rnnlab.tasks import TASKS
from ui.i18n import LANGS, pick_language, strings, t
from ui.state import (
    EMOJI_FIELDS,
    FORECAST_FIELDS,
    RESERVED,
    SENTENCE_FIELDS,
    decode,
    encode,
    pack_messages,
    preset_values,
    unpack_messages,
)


def test_url_round_trip_reproduces_every_setting():
    values, problems = decode({}, EMOJI_FIELDS)
    assert problems == []
    values.update(
        cell="lstm",
        layers=3,
        hidden=48,
        bidir=True,
        lr=0.003,
        epochs=777,
        seed=42,
        enc="tutorial",
        cmp=True,
        msg="🐷🐶",
        data=pack_messages([("🐱 🤖", 1), ("🤖 🐱", 0)]),
    )
    query = encode(values, EMOJI_FIELDS)
    assert (
        query["seed"] == "42" and "batch" not in query
    )  # defaults stay out of the link, the seed never does
    back, problems = decode(query, EMOJI_FIELDS)
    assert back == values and problems == []
    assert unpack_messages(back["data"]) == [("🐱🤖", 1), ("🤖🐱", 0)]


@pytest.mark.parametrize(
    "param,value,words",
    [
        ("hidden", "100000", "expected 1 to 256"),
        ("cell", "transformer", "expected one of"),
        ("lr", "fast", "expected a number"),
        ("bidir", "maybe", "expected 1 or 0"),
    ],
)
def test_bad_link_values_fall_back_with_a_message(param, value, words):
    values, problems = decode({param: value}, EMOJI_FIELDS)
    default = next(f.default for f in EMOJI_FIELDS if f.name == param)
    assert values[param] == default and len(problems) == 1 and words in problems[0] and param in problems[0]


def test_presets_map_onto_fields():
    tut = preset_values(TASKS["emoji"].presets["tutorial"], EMOJI_FIELDS)
    assert (tut["cell"], tut["hidden"], tut["enc"], tut["epochs"], tut["lr"]) == (
        "rnn",
        32,
        "tutorial",
        300,
        1e-3,
    )
    assert tut["layers"] == 1 and "seed" not in tut


def test_both_languages_have_every_string_with_the_same_placeholders():
    en, ko = strings("en"), strings("ko")
    assert set(en) == {
        k for k in ko if not k.startswith("err.")
    }  # English errors are the engine's own messages
    for key in en:
        assert set(re.findall(r"{(\w+)", en[key])) == set(re.findall(r"{(\w+)", ko[key])), key
        assert ko[key].strip(), key


def test_every_string_the_site_uses_exists(root):
    used = set()
    for path in list((root / "ui").glob("*.py")) + list((root / "labs").glob("*.py")) + [root / "app.py"]:
        used |= set(re.findall(r'tr\("([\w.]+)"', path.read_text()))
    missing = sorted(k for k in used if k not in strings("en"))
    assert not missing and len(used) > 60


def test_language_choice():
    assert pick_language("ko", "en-US") == "ko"
    assert (
        pick_language(None, "ko-KR") == "ko"
        and pick_language("xx", "de-DE") == "en"
        and pick_language(None, None) == "en"
    )
    assert t("live.epoch_of", "ko", n=5) == "에포크 (5 중)" and t("no.such.key", "ko") == "no.such.key"
    assert set(LANGS) == {"en", "ko"}


def test_no_link_field_uses_a_name_streamlit_reserves():
    for fields in (EMOJI_FIELDS, FORECAST_FIELDS, SENTENCE_FIELDS):
        names = [f.name for f in fields]
        assert len(names) == len(set(names)) and not RESERVED & set(names)


def test_engine_errors_read_in_korean_and_the_english_says_the_same_as_the_engine():
    from rnnlab.data import corpus, files
    from rnnlab.errors import RNNLabError
    from rnnlab.textclf import build_text_task
    from ui.i18n import explain

    bad = [
        lambda: corpus.parse_pairs("a\t1\nb\t1\nc\t1\nd\t1"),
        lambda: corpus.parse_pairs("a\t1\nb\nc\t0\nd\t1"),
        lambda: corpus.read_table("only one column\nx\n"),
        lambda: files.read_upload(b"\x00\x01binary", 5),
        lambda: files.read_upload(b"", 5),
        lambda: corpus.from_pairs([("a", 1), ("b", 0)]),
        lambda: build_text_task(corpus.from_pairs([(f"t{i}", i % 2) for i in range(6_000)]), max_len=500),
    ]
    for make in bad:
        with pytest.raises(RNNLabError) as err:
            make()
        e = err.value
        assert e.key and explain(e, "en") == str(e)
        ko = explain(e, "ko")
        assert ko != str(e) and re.search("[가-힣]", ko), e.key
        assert all(str(v) in ko or f"{v:,}" in ko for v in e.values.values() if isinstance(v, int)), (
            e.key,
            ko,
        )


def test_notes_read_in_both_languages_and_stay_plain_strings_for_the_command_line():
    from rnnlab.tasks import resolve
    from ui.i18n import explain

    td, _, _ = resolve("sentences-ko", data={"max_len": 3})
    _, _, notes = td.encode("영화 🎬 정말 재미있어")
    assert [n.key for n in notes] == ["unknown", "cut"] and all(isinstance(n, str) for n in notes)
    assert explain(notes[1], "en") == "Only the first 3 tokens are read (the maximum length)."
    assert explain(notes[1], "ko") == "앞의 3개 토큰만 읽습니다(최대 길이)."
    assert (
        explain(notes[0], "ko") == "학습 데이터에 없어서 <unk>(모름)로 읽었어요: 🎬"
        and notes[0] == "Not in the training data, read as <unk> (unknown): 🎬"
    )


def test_what_reading_data_dropped_is_said_in_korean_too():
    import pandas as pd

    from rnnlab.data import corpus
    from ui.i18n import explain

    ts = corpus.from_table(
        pd.DataFrame({"t": ["좋아", "", "싫어", "최고", "별로"], "l": ["1", "0", "0", "1", "0"]}), "t", "l"
    )
    assert ts.notes == ["1 row(s) with an empty text or label skipped."]
    assert explain(ts.notes[0], "ko") == "텍스트나 라벨이 빈 행 1개를 건너뛰었습니다."
