"""Tagging and character generation: they learn, they are reproducible, bad text gets its message."""

import pytest
import torch

from rnnlab.errors import RNNLabError, say
from rnnlab.seq2seq.charlm import MAX_TEXT, CharLMTrainer
from rnnlab.seq2seq.config import CharLMConfig, TaggerConfig, TrainBudget
from rnnlab.seq2seq.tagging import TAG_TASKS, TaggerTrainer
from rnnlab.seq2seq.texts import shipped

SMALL = CharLMConfig(hidden_size=16, embedding_dim=8, window=16)


def test_rise_tagger_learns_and_shows_every_step():
    t = TaggerTrainer(TaggerConfig(task="rise"), TrainBudget(steps=200, batch_size=32, lr=0.01))
    t.run()
    assert t.scores[-1][1] > 0.95
    out = t.tag(list("31452"))
    assert (
        out["tags"] == TAG_TASKS["rise"].truth(list("31452")) == ["-", "down/same", "up", "up", "down/same"]
    )
    assert out["states"].shape == (5, 16) and out["probs"].shape == (5, 3)


def test_korean_tagging_sentences_have_a_tag_per_word():
    task = TAG_TASKS["pos-ko"]
    words = "고양이 가 잔다".split()
    assert task.parse("고양이 가 잔다", 12) == words and task.truth(words) == ["NOUN", "PART", "VERB"]


@pytest.mark.parametrize("jamo", [False, True])
def test_generation_is_reproducible_and_korean_comes_back_as_syllables(jamo):
    runs = []
    for _ in range(2):
        t = CharLMTrainer(
            shipped("ko"),
            CharLMConfig(hidden_size=16, embedding_dim=8, window=16, jamo=jamo),
            TrainBudget(steps=5, batch_size=4),
        )
        t.run()
        runs.append(t.sample("나 보기가", 40, temperature=1.0, rng_seed=3))
    assert runs[0] == runs[1] and len(runs[0]) > 0
    if jamo:
        assert len(t.vocab) < 60  # letters, not syllables


def test_bad_text_and_seed_each_get_their_message():
    with pytest.raises(RNNLabError) as err:
        CharLMTrainer("too short", SMALL, TrainBudget(steps=1))
    assert err.value.key == "s2s_text_short" and "100" in say(err.value, "ko")
    big = CharLMTrainer("abc def. " * 120_000, SMALL, TrainBudget(steps=1))  # about 1 MB
    assert len(big.symbols) == MAX_TEXT and big.notes[0].key == "s2s_text_cut"
    t = CharLMTrainer(shipped("en"), SMALL, TrainBudget(steps=1))
    for seed, key in [("", "s2s_seed_empty"), ("Shall Ж", "s2s_seed_unknown"), ("a" * 201, "s2s_seed_long")]:
        with pytest.raises(RNNLabError) as err:
            t.sample(seed, 10)
        assert err.value.key == key
    assert "Ж" in str(pytest.raises(RNNLabError, t.sample, "Ж", 10).value)


@pytest.mark.parametrize("cell", ["gru", "lstm"])
def test_the_fast_sampling_step_gives_the_model_own_numbers(cell):
    t = CharLMTrainer(
        shipped("en"),
        CharLMConfig(cell=cell, hidden_size=16, embedding_dim=8, window=16),
        TrainBudget(steps=3),
    )
    t.run()
    ids = torch.tensor([[3, 7, 1, 9]])
    logits, _ = t.model(ids)  # (1, 4, V)
    step, state = t.model.stepper(), None
    h = torch.zeros(1, 16)
    state = (h, h.clone()) if cell == "lstm" else h
    for k, i in enumerate(ids[0].tolist()):
        out, state = step(i, state)
        assert torch.allclose(out, logits[0, k : k + 1], atol=1e-5)


def test_tagging_tasks_train_from_the_command_line(capsys):
    from rnnlab.cli import main

    assert main(["train", "tag-pos-en", "--epochs", "40", "--predict", "the cat sleeps"]) == 0
    assert "the/DET cat/NOUN sleeps/VERB" in capsys.readouterr().out
    assert main(["train", "tag-rise", "--epochs", "1", "--predict", "12x"]) == 2
    assert "Not in the model's vocabulary: x" in capsys.readouterr().err
