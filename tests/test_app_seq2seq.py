"""The Sequence-to-sequence lab headless (AppTest): every part in en and ko, and bad input's messages."""

import numpy as np
import pytest
from apptest import app, arr, charts

from rnnlab.errors import catalog
from ui.i18n import t

PAGE = "labs/seq2seq.py"


def _train(at, part: str, steps: int, limit: int = 60):
    at.number_input(key=f"seq2seq.{part}.steps").set_value(steps).run()
    at.button(key=f"seq2seq.{part}.train").click().run()
    for _ in range(limit):
        if at.session_state["seq2seq/_state"][part].trainer.done:
            break
        at.run()
    assert not at.exception, at.exception
    assert not at.error, [e.value for e in at.error]
    return at.session_state["seq2seq/_state"][part].trainer


def _titles(at) -> list[str]:
    return [c["layout"]["title"]["text"].replace("<br>", " ") for c in charts(at)]


def _err(lang: str, key: str, **values) -> str:
    return catalog(lang)[f"err.{key}"].format(**values)


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_shapes_overview_draws_four_shapes_and_links_to_their_parts(lang):
    at = app(lang, PAGE)
    assert len(charts(at)) == 4
    assert t("s2s.shapes.aligned", lang) in _titles(at)
    at.button(key="seq2seq.open.tagging").click().run()
    assert at.radio(key="seq2seq.part").value == "tagging"
    assert t("s2s.tag.hidden_title", lang) in _titles(at)


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_encoder_decoder_with_attention_trains_and_shows_its_views(lang):
    at = app(lang, PAGE, part="translate")
    at.radio(key="seq2seq.attention").set_value("dot").run()
    trainer = _train(at, "translate", 40)
    assert trainer.step == 40
    titles = _titles(at)
    for key in ("probs_title", "attn_title", "context_title", "study_title"):
        assert t(f"s2s.tr.{key}", lang) in titles
    attn = next(
        c
        for c in charts(at)
        if c["layout"]["title"]["text"].replace("<br>", " ") == t("s2s.tr.attn_title", lang)
    )
    z = arr(attn["data"][0]["z"])
    assert np.allclose(z.sum(1), 1, atol=1e-5)  # each output step's weights sum to 1
    assert any(t("s2s.tr.expected", lang) in m.value for m in at.markdown)


def test_without_attention_there_is_no_attention_chart():
    at = app("en", PAGE, part="translate")
    assert t("s2s.tr.attn_title", "en") not in _titles(at)
    assert t("s2s.tr.context_title", "en") in _titles(at)


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_tagging_trains_and_shows_tags_under_the_input(lang):
    at = app(lang, PAGE, part="tagging")
    trainer = _train(at, "tagging", 30)
    assert trainer.step == 30
    assert len(at.dataframe) == 1
    table = at.dataframe[0].value
    text = at.text_input(key=f"seq2seq.tag.input.{trainer.cfg.task}").value
    tokens = text.split() if trainer.task.sep else list(text)
    assert list(table.iloc[0]) == tokens and len(table) == 3  # input, predicted, right tag
    assert t("s2s.tag.hidden_title", lang) in _titles(at)


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_generation_trains_live_and_writes_samples(lang):
    at = app(lang, PAGE, part="generate")
    trainer = _train(at, "generate", 30)
    assert trainer.samples and trainer.samples[-1][0] == 30
    assert at.code and at.code[0].value.startswith(trainer.default_seed())
    if lang == "ko":
        at.radio(key="seq2seq.gen.unit").set_value("jamo").run()
        assert len(at.session_state["seq2seq/_state"]["generate"].trainer.vocab) < 60


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_bad_input_gets_a_clear_message_never_a_traceback(lang):
    at = app(lang, PAGE, part="translate")
    box = at.text_input(key="seq2seq.tr.input.spell-ko" if lang == "ko" else "seq2seq.tr.input.reverse")
    for text, expected in [
        ("", _err(lang, "s2s_empty")),
        ("12a4", _err(lang, "s2s_unknown", tokens="a", allowed=" ".join("0123456789"))),
        ("1234567890", _err(lang, "s2s_too_long", max=8, got=10)),
    ]:
        box.set_value(text).run()
        assert [e.value for e in at.error] == [expected]
    at.radio(key="seq2seq.part").set_value("generate").run()
    at.radio(key="seq2seq.gen.source").set_value("paste").run()
    at.text_area(key="seq2seq.gen.paste").set_value("short").run()
    assert [e.value for e in at.error] == [_err(lang, "s2s_text_short", min=100, got=5)]
    at.text_area(key="seq2seq.gen.paste").set_value("abc de. " * 131_072).run()  # 1 MB
    assert len(at.warning) == 1 and "100,000" in at.warning[0].value
    seed = next(w for w in at.text_input if w.key.startswith("seq2seq.gen.seed"))
    seed.set_value("").run()
    assert [e.value for e in at.error] == [_err(lang, "s2s_seed_empty")]
    seed.set_value("ab Ж").run()
    assert [e.value for e in at.error] == [_err(lang, "s2s_seed_unknown", chars="Ж")]
    assert not at.exception


def test_a_bad_part_in_the_link_falls_back_with_a_message():
    at = app("en", PAGE, part="nonsense")
    assert at.radio(key="seq2seq.part").value == "shapes"
    assert "nonsense" in at.warning[0].value


def test_the_length_study_runs_in_chunks_with_and_without_attention():
    at = app("ko", PAGE, part="translate")
    assert t("s2s.tr.study_title", "ko") in _titles(at)  # the measured figures, at once
    at.slider(key="seq2seq.study.longest").set_value(6).run()
    at.number_input(key="seq2seq.study.steps").set_value(20).run()
    at.button(key="seq2seq.study.run").click().run()
    for _ in range(60):
        if at.session_state["seq2seq/_state"]["study"]["study"].done:
            break
        at.run()
    study = at.session_state["seq2seq/_state"]["study"]["study"]
    assert study.done and set(study.results) == {"none", "dot", "additive"}
    assert study.lengths == [4, 5, 6] and all(len(v) == 3 for v in study.results.values())
    assert _titles(at).count(t("s2s.tr.study_title", "ko")) == 2  # measured and the visitor's own
    assert not at.exception and not at.error
