"""Engine of the Sequence-to-sequence lab: the bridge, attention, the reverse target, bad input."""

import numpy as np
import pytest
import torch

from rnnlab.errors import RNNLabError, say
from rnnlab.seq2seq import hangul
from rnnlab.seq2seq.config import Seq2SeqConfig, TrainBudget
from rnnlab.seq2seq.evaluate import exact_match
from rnnlab.seq2seq.model import Seq2Seq
from rnnlab.seq2seq.toy import TOY_TASKS
from rnnlab.seq2seq.train import Seq2SeqTrainer, seeded


def _decode_with(model, src, change_from: int | None):
    """Logits of a teacher-forced decode after adding noise to encoder states [0, change_from)."""
    enc, final = model.encode(src)
    enc = enc.clone()
    if change_from is not None:
        enc[:, :change_from] += torch.randn_like(enc[:, :change_from]) * 3
    _, tgt_in, _ = TOY_TASKS["reverse"].batch(np.random.default_rng(1), src.shape[0], src.shape[1])
    return model.decode(enc, final, tgt_in)[0]


@pytest.mark.parametrize("cell", ["gru", "lstm"])
def test_without_attention_the_decoder_sees_only_the_final_state(cell):
    src, _, _ = TOY_TASKS["reverse"].batch(np.random.default_rng(0), 4, 6)
    plain = seeded(lambda: Seq2Seq(Seq2SeqConfig(cell=cell, attention="none")), 0).eval()
    with torch.no_grad():
        assert torch.equal(_decode_with(plain, src, None), _decode_with(plain, src, 5))
        dot = seeded(lambda: Seq2Seq(Seq2SeqConfig(cell=cell, attention="dot")), 0).eval()
        assert not torch.allclose(_decode_with(dot, src, None), _decode_with(dot, src, 5))


@pytest.mark.parametrize("kind", ["dot", "additive"])
def test_attention_weights_sum_to_one_per_output_step(kind):
    model = seeded(lambda: Seq2Seq(Seq2SeqConfig(attention=kind)), 3).eval()
    src, tgt_in, _ = TOY_TASKS["sort"].batch(np.random.default_rng(2), 5, 7)
    _, weights = model(src, tgt_in)  # (N, T, S)
    assert weights.shape == (5, 8, 7)
    assert torch.allclose(weights.sum(-1), torch.ones(5, 8), atol=1e-6)
    out = model.greedy(src[:1])
    assert torch.allclose(out["attention"].sum(-1), torch.ones(1, out["ids"].shape[1]), atol=1e-6)


def test_reverse_reaches_95_percent_with_a_small_seeded_budget():
    trainer = Seq2SeqTrainer(Seq2SeqConfig(attention="dot"), TrainBudget(steps=500, lr=0.01, seed=0))
    trainer.run()
    acc = np.mean([exact_match(trainer.model, trainer.task, n, 100) for n in range(5, 9)])
    assert acc > 0.95, acc


def test_same_seed_same_numbers_and_chunks_do_not_matter():
    a = Seq2SeqTrainer(Seq2SeqConfig(hidden_size=8), TrainBudget(steps=20, seed=4))
    b = Seq2SeqTrainer(Seq2SeqConfig(hidden_size=8), TrainBudget(steps=20, seed=4))
    a.run()
    for _ in range(4):
        b.run(steps=5)
    assert a.losses == b.losses


def test_spelling_tasks_speak_en_and_ko():
    assert TOY_TASKS["spell-ko"].expected(list("314")) == ["삼", "일", "사"]
    assert TOY_TASKS["read-en"].expected("three one four".split()) == ["3", "1", "4"]
    assert TOY_TASKS["sort"].expected(list("3141")) == list("1134")


@pytest.mark.parametrize(
    "text, key",
    [("", "s2s_empty"), ("   ", "s2s_empty"), ("12x4", "s2s_unknown"), ("1234567890", "s2s_too_long")],
)
def test_bad_toy_input_gets_its_message_in_both_languages(text, key):
    with pytest.raises(RNNLabError) as err:
        TOY_TASKS["reverse"].parse(text, 8)
    assert err.value.key == key
    assert say(err.value, "ko") != say(err.value, "en")


def test_bad_settings_say_what_was_expected():
    with pytest.raises(RNNLabError, match="got 'bahdanau'"):
        Seq2SeqConfig(attention="bahdanau").validate()
    with pytest.raises(RNNLabError, match="shortest 9, longest 4"):
        Seq2SeqConfig(min_len=9, max_len=4).validate()


def test_jamo_round_trip():
    text = "진달래꽃 아름 따다, ok! 밟고"
    jamo = hangul.decompose(text)
    assert len(jamo) > len(text) and not any(hangul.is_syllable(c) for c in jamo)
    assert hangul.decompose("각") == "\u1100\u1161\u11a8"
    assert hangul.compose(jamo) == text
    assert hangul.compose("\u1100") == "\u1100"  # a half-written letter stays as it is


def test_the_lab_knobs_name_what_the_engine_takes():
    from rnnlab.knobs import KNOBS
    from rnnlab.seq2seq.config import ATTENTIONS, CELLS
    from rnnlab.seq2seq.tagging import TAG_TASKS
    from ui.seq2seq_fields import seq2seq_fields

    assert KNOBS["task"].choices == tuple(TOY_TASKS) and KNOBS["att"].choices == ATTENTIONS
    assert KNOBS["tag"].choices == tuple(TAG_TASKS) and KNOBS["tcell"].choices == CELLS
    for lang in ("en", "ko"):
        fields = seq2seq_fields(lang)
        assert len({f.name for f in fields}) == len(fields)
        for f in fields:  # each a knob, its default inside the knob's range
            assert f.name in KNOBS and f.kind is KNOBS[f.name].kind
            assert f.parse(f.format(f.default)) == f.default
    live = {f.name for f in seq2seq_fields() if KNOBS[f.name].role == "live"}
    assert live == {"budget", "lr", "tbudget", "tlr", "gbudget", "glr"}


def test_the_length_study_trains_on_the_device_it_is_given_and_estimates_its_time():
    from rnnlab.seq2seq.study import LengthStudy

    cfg = Seq2SeqConfig(hidden_size=8, min_len=4, max_len=6)
    study = LengthStudy(cfg, TrainBudget(steps=6, seed=1), n_test=10, device="cpu")
    assert study.estimate_seconds() > 0 and study.steps == 0  # timed on copies
    while not study.done:
        study.run(seconds=0.05)
    assert study.steps == 18 and study.current() is None
    assert all(str(t.device) == "cpu" and t.step == 6 for t in study.trainers.values())
    again = LengthStudy(cfg, TrainBudget(steps=6, seed=1), n_test=10)
    again.run()
    again.run()
    again.run()
    assert again.results == study.results  # chunks do not change the numbers
