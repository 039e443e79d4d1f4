"""The Sequence-to-sequence lab headless (AppTest): every part in en and ko on the Lab runtime, its
settings in the link, and bad input's messages."""

import numpy as np
import pytest
import torch
from apptest import app, arr, charts, lab_state, train_to_end

from rnnlab.errors import catalog, say
from ui.i18n import t

PAGE = "labs/seq2seq.py"


def _titles(at) -> list[str]:
    return [c["layout"]["title"]["text"].replace("<br>", " ") for c in charts(at)]


def _err(lang: str, key: str, **values) -> str:
    return catalog(lang)[f"err.{key}"].format(**values)


def _clean(at) -> None:
    assert not at.exception, at.exception
    assert not at.error, [e.value for e in at.error]


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_shapes_overview_draws_four_shapes_and_links_to_their_parts(lang):
    at = app(lang, PAGE)
    assert len(charts(at)) == 4
    assert t("s2s.shapes.aligned", lang) in _titles(at)
    at.button(key="seq2seq.open.tagging").click().run()
    assert at.radio(key="seq2seq.part").value == "tagging"
    assert t("s2s.tag.hidden_title", lang) in _titles(at)
    assert at.query_params["part"] == "tagging"


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_encoder_decoder_with_attention_trains_on_the_runtime_and_shows_its_views(lang):
    at = app(lang, PAGE, part="translate", att="dot", budget="40", seed="3")
    assert any(t("run.estimate_steps", lang).split("{")[0] in c.value for c in at.caption)  # before Train
    run = train_to_end(at, "seq2seq", part="translate")
    trainer = run.trainer
    assert trainer.step == 40 and trainer.cfg.attention == "dot" and trainer.budget.seed == 3
    assert str(trainer.device) == "cpu"
    _clean(at)
    assert any(s.value == t("run.done_steps", lang, steps=40, seconds=trainer.seconds) for s in at.success)
    titles = _titles(at)
    for key in ("probs_title", "attn_title", "context_title", "study_title"):
        assert t(f"s2s.tr.{key}", lang) in titles
    attn = next(c for c in charts(at) if c["layout"]["title"]["text"] == t("s2s.tr.attn_title", lang))
    z = arr(attn["data"][0]["z"])
    assert np.allclose(z.sum(1), 1, atol=1e-5)  # each output step's weights sum to 1
    assert any(t("s2s.tr.expected", lang) in m.value for m in at.markdown)


def test_live_budget_and_lr_go_to_the_running_trainer_and_model_settings_reset_it():
    at = app("en", PAGE, part="translate", budget="20", hidden="16")
    run = train_to_end(at, "seq2seq", part="translate")
    assert run.done and run.trainer.step == 20
    at.number_input(key="seq2seq.budget").set_value(30).run()
    at.select_slider(key="seq2seq.lr").set_value(0.01).run()
    same = lab_state(at, "seq2seq", "translate").run
    assert same is run and not run.done and run.trainer.budget.lr == 0.01  # resumes from step 20
    run = train_to_end(at, "seq2seq", part="translate")
    assert run is same and run.trainer.step == 30 and len(run.trainer.losses) == 30
    at.radio(key="seq2seq.cell").set_value("lstm").run()
    new = lab_state(at, "seq2seq", "translate").run
    assert new is not run and new.at == 0 and any("reset" in i.value for i in at.info)


def test_pause_says_at_which_step_it_stopped():
    at = app("en", PAGE, part="generate", gbudget="5000", ghid="32")
    at.button(key="seq2seq.generate.train").click().run()
    if any(b.key == "seq2seq.generate.confirm" for b in at.button):
        at.button(key="seq2seq.generate.confirm").click().run()
    run = lab_state(at, "seq2seq", "generate").run
    for _ in range(30):  # until some steps landed (the trainer may run on another thread)
        at.run()
        if run.at > 0:
            break
    at.button(key="seq2seq.generate.pause").click().run()
    assert not run.running and 0 < run.at < 5000
    assert t("run.paused_step", "en", n=run.at) in [c.value for c in at.caption]
    at.run()
    assert lab_state(at, "seq2seq", "generate").run.at == run.at  # paused means paused


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_a_diverged_run_stops_and_says_what_to_change(lang):
    at = app(lang, PAGE, part="tagging", tbudget="50", tlr="0.05")
    run = lab_state(at, "seq2seq", "tagging").run
    with torch.no_grad():
        run.trainer.model.head.bias.fill_(float("nan"))  # the loss of the first step is NaN
    run = train_to_end(at, "seq2seq", part="tagging")
    assert run.done and run.trainer.stop_reason == "nan" and run.trainer.step == 0
    assert say(run.trainer.message, lang) in [e.value for e in at.error]  # in words, with a lower rate
    assert "0.005" in say(run.trainer.message, lang) and not at.exception


def test_without_attention_there_is_no_attention_chart():
    at = app("en", PAGE, part="translate")
    assert t("s2s.tr.attn_title", "en") not in _titles(at)
    assert t("s2s.tr.context_title", "en") in _titles(at)


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_tagging_trains_and_shows_tags_under_the_input(lang):
    at = app(lang, PAGE, part="tagging", tbudget="30")
    trainer = train_to_end(at, "seq2seq", part="tagging").trainer
    assert trainer.step == 30 and trainer.cfg.task == ("pos-ko" if lang == "ko" else "rise")
    _clean(at)
    assert len(at.dataframe) == 1
    table = at.dataframe[0].value
    text = at.text_input(key=f"seq2seq.tag.input.{trainer.cfg.task}").value
    tokens = text.split() if trainer.task.sep else list(text)
    assert list(table.iloc[0]) == tokens and len(table) == 3  # input, predicted, right tag
    assert t("s2s.tag.hidden_title", lang) in _titles(at)
    hidden = next(c for c in charts(at) if c["layout"]["title"]["text"] == t("s2s.tag.hidden_title", lang))
    assert arr(hidden["data"][0]["z"]).shape == (16, len(tokens))  # units x steps


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_generation_trains_live_and_writes_samples(lang):
    at = app(lang, PAGE, part="generate", gbudget="30", ghid="32", temp="1.2")
    trainer = train_to_end(at, "seq2seq", part="generate").trainer
    _clean(at)
    assert trainer.samples and trainer.samples[-1][0] == 30
    assert at.code and at.code[0].value.startswith(trainer.default_seed())
    assert at.slider(key="seq2seq.temp").value == 1.2
    assert t("s2s.gen.by_heart", lang) not in [c.value for c in at.caption]  # 30 steps copy nothing yet
    if lang == "ko":
        at.radio(key="seq2seq.unit").set_value("jamo").run()
        run = lab_state(at, "seq2seq", "generate").run
        assert run.trainer.cfg.jamo and len(run.trainer.vocab) < 60 and run.at == 0
        assert at.query_params["unit"] == "jamo"


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_a_sample_that_copies_the_poem_says_the_model_learned_it_by_heart(lang, monkeypatch):
    """With the defaults the model writes the sonnet back word for word (loss 0.1): the page says why.
    The prompt box is "Start text", not a second "Seed" beside the random seed."""
    from rnnlab.seq2seq.charlm import CharLMTrainer

    def copy(self, prompt, length=200, temperature=0.8, rng_seed=0):
        text = "".join(self.symbols)
        return text[len(prompt) : len(prompt) + length]

    monkeypatch.setattr(CharLMTrainer, "sample", copy)
    at = app(lang, PAGE, part="generate", gbudget="10", ghid="32")
    train_to_end(at, "seq2seq", part="generate")
    _clean(at)
    assert t("s2s.gen.by_heart", lang) in [c.value for c in at.caption]
    labels = [w.label for w in at.text_input] + [w.label for w in at.number_input]
    assert t("s2s.gen.seed_text", lang) in labels
    assert sum(label.startswith(("Seed", "시드")) for label in labels) == 1, labels


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_bad_input_gets_a_clear_message_never_a_traceback(lang):
    at = app(lang, PAGE, part="translate")
    assert any(t("s2s.tr.caps", lang, max=8, tokens="").split("{")[0][:6] in c.value for c in at.caption)
    box = at.text_input(key="seq2seq.tr.input.spell-ko" if lang == "ko" else "seq2seq.tr.input.reverse")
    for text, expected in [
        ("", _err(lang, "s2s_empty")),
        ("12a4", _err(lang, "s2s_unknown", tokens="a", allowed=" ".join("0123456789"))),
        ("1234567890", _err(lang, "s2s_too_long", max=8, got=10)),
    ]:
        box.set_value(text).run()
        assert [e.value for e in at.error] == [expected]
    at.number_input(key="seq2seq.lmin").set_value(12).run()  # shortest > longest
    assert [e.value for e in at.error] == [_err(lang, "s2s_lengths", lo=12, hi=8, cap=40)]
    at.radio(key="seq2seq.part").set_value("generate").run()
    at.radio(key="seq2seq.text").set_value("paste").run()
    assert not at.error and t("s2s.gen.paste_first", lang, min=100) in [i.value for i in at.info]
    at.text_area(key="seq2seq.gen.paste").set_value("short").run()
    assert [e.value for e in at.error] == [_err(lang, "s2s_text_short", min=100, got=5)]
    at.text_area(key="seq2seq.gen.paste").set_value("abc de. " * 131_072).run()  # 1 MB
    assert len(at.warning) == 1 and "100,000" in at.warning[0].value
    seed = next(w for w in at.text_input if w.key.startswith("seq2seq.gen.seed"))
    seed.set_value("").run()
    assert [e.value for e in at.error] == [_err(lang, "s2s_seed_empty")]
    seed.set_value("ab Ж").run()
    assert [e.value for e in at.error] == [_err(lang, "s2s_seed_unknown", chars="Ж")]
    seed.set_value("a" * 201).run()
    assert [e.value for e in at.error] == [_err(lang, "s2s_seed_long", max=200, got=201)]
    assert not at.exception


@pytest.mark.parametrize(
    "param, value, words",
    [
        ("part", "nonsense", "expected one of shapes"),
        ("hidden", "100000", "expected 1 to 256"),
        ("att", "bahdanau", "expected one of none"),
        ("temp", "hot", "expected a number"),
    ],
)
def test_a_bad_value_in_the_link_falls_back_with_the_message_other_labs_give(param, value, words):
    at = app("en", PAGE, **{"part": "translate", param: value})
    assert not at.exception
    assert any(param in w.value and value in w.value and words in w.value for w in at.warning)
    defaults = {"part": "shapes", "hidden": 64, "att": "none", "temp": 0.8}
    assert lab_state(at, "seq2seq").values[param] == defaults[param]


def test_a_copied_link_reproduces_the_run():
    link = {"part": "translate", "task": "sort", "att": "additive", "cell": "lstm", "hidden": "32"}
    link |= {"lmin": "4", "lmax": "6", "budget": "15", "lr": "0.01", "seed": "7"}
    a = app("en", PAGE, **link)
    query = {k: v for k, v in a.query_params.items() if k != "lang"}
    assert {k: query[k] for k in link} == link  # every setting is in the address
    runs = [train_to_end(at, "seq2seq", part="translate") for at in (a, app("en", PAGE, **query))]
    assert runs[0].trainer.losses == runs[1].trainer.losses and len(runs[0].trainer.losses) == 15


def test_the_length_study_is_a_part_that_stops_and_goes_on():
    at = app("ko", PAGE, part="translate", longest="6", sbudget="20", hidden="16")
    assert t("s2s.tr.study_title", "ko") in _titles(at)  # the measured figures, at once
    assert any("모델 3개" in c.value for c in at.caption)  # the expected time, before it runs
    run = train_to_end(at, "seq2seq", part="study")
    study = run.trainer
    assert study.done and set(study.results) == {"none", "dot", "additive"}
    assert study.lengths == [4, 5, 6] and all(len(v) == 3 for v in study.results.values())
    assert _titles(at).count(t("s2s.tr.study_title", "ko")) == 2  # measured and the visitor's own
    _clean(at)
