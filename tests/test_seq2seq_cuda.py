"""The Sequence-to-sequence lab on a CUDA GPU: run only where torch sees one (skipped otherwise, with the
reason). On a GPU machine: ``.venv/bin/python -m pytest -q tests/test_seq2seq_cuda.py``."""

import math

import pytest
import torch

from rnnlab.seq2seq.charlm import CharLMTrainer
from rnnlab.seq2seq.config import CharLMConfig, Seq2SeqConfig, TaggerConfig, TrainBudget
from rnnlab.seq2seq.evaluate import exact_match
from rnnlab.seq2seq.study import LengthStudy
from rnnlab.seq2seq.tagging import TaggerTrainer
from rnnlab.seq2seq.texts import shipped
from rnnlab.seq2seq.train import Seq2SeqTrainer
from tests.apptest import app, train_to_end

pytestmark = pytest.mark.skipif(
    not torch.cuda.is_available(),
    reason="no CUDA GPU here (torch.cuda.is_available() is False, or torch is the CPU-only build); "
    "run on a GPU machine: .venv/bin/python -m pytest -q tests/test_seq2seq_cuda.py",
)


@pytest.mark.parametrize("attention", ["none", "dot", "additive"])
def test_the_encoder_decoder_trains_and_decodes_on_the_gpu(attention):
    t = Seq2SeqTrainer(Seq2SeqConfig(attention=attention), TrainBudget(steps=30, seed=0), "cuda")
    t.run()
    assert next(t.model.parameters()).is_cuda and all(math.isfinite(x) for x in t.losses)
    assert t.losses[-1] < t.losses[0] and 0 <= exact_match(t.model, t.task, 6, 20) <= 1


def test_the_tagger_the_character_model_and_the_study_run_on_the_gpu():
    tagger = TaggerTrainer(TaggerConfig(), TrainBudget(steps=20, batch_size=32), "cuda")
    tagger.run()
    assert tagger.tag(list("3145"))["states"].shape == (4, 16)
    lm = CharLMTrainer(shipped("ko"), CharLMConfig(hidden_size=32, jamo=True), TrainBudget(steps=20), "cuda")
    lm.run()
    assert len(lm.sample(lm.default_seed(), 50, 0.8)) > 0
    study = LengthStudy(
        Seq2SeqConfig(hidden_size=8, min_len=4, max_len=6), TrainBudget(steps=5), device="cuda"
    )
    study.run()
    study.run()
    study.run()
    assert study.done and all(next(t.model.parameters()).is_cuda for t in study.trainers.values())


def test_the_page_trains_on_the_device_the_sidebar_names():
    at = app("en", "labs/seq2seq.py", part="generate", gbudget="20", ghid="32")
    assert at.session_state["device"] == "cuda"  # offered first
    run = train_to_end(at, "seq2seq", part="generate")
    assert run.done and run.trainer.device.type == "cuda" and not at.exception
