"""The Sentence lab's ensemble ("average K models"), run headless in English and Korean: the vote of K
models is the CLI's ``--ensemble K``, one model is the model alone, and the inside views name their model."""

import json
from dataclasses import asdict

import numpy as np
import pytest
import torch
from apptest import app, charts, lab_state, train_to_end
from test_app_sentences import korean_widgets

from rnnlab.cli import main
from rnnlab.ensemble import vote
from ui import takehome
from ui.i18n import t
from ui.state import to_data


def _table(at, lang: str):
    return next(d.value for d in at.dataframe if t("ens.row_ensemble", lang) in list(d.value.iloc[:, 0]))


@pytest.mark.parametrize(
    "lang,src,msg", [("en", "en", "you are not happy"), ("ko", "ko", "이 영화 정말 재미있어")]
)
def test_the_control_trains_k_models_and_shows_their_vote(lang, src, msg, monkeypatch):
    korean_widgets(monkeypatch, lang)
    at = app(lang, page="labs/sentences.py", src=src, ensemble="3", epochs="8", msg=msg)
    box = at.number_input(key="sentences.ensemble")
    assert box.value == 3 and box.label == t("set.ensemble", lang)
    run = train_to_end(at, "sentences")
    assert list(run.trainers) == ["LSTM", "LSTM #2", "LSTM #3"] and run.epoch == 8
    assert [x.cfg.seed for x in run.trainers.values()] == [0, 1, 2]
    table = _table(at, lang)
    assert list(table.iloc[:, 0]) == [t("ens.row_ensemble", lang)] + [
        t("ens.row_seed", lang, k=k + 1, seed=k) for k in range(3)
    ]
    members = [x.model for x in run.trainers.values()]
    v = vote(list(run.trainers.values()), lab_state(at, "sentences").task.test)
    assert list(table["LSTM"]) == [f"{a:.1%}" for a in (v.accuracy, *v.members)]
    result = t("ens.test_result", lang, acc=v.accuracy, n=len(v.pred), k=3, model="LSTM")
    assert any(m.value == result for m in at.markdown)
    verdict = next(m.value for m in at.markdown if m.value.startswith("### "))
    assert verdict.startswith(f"### {t('ens.verdict', lang, k=3, model='LSTM')}:")
    x, _, _ = lab_state(at, "sentences").task.encode(msg)
    with torch.no_grad():  # the strip's last bar: the three models' mean probability of the last class
        p = np.mean([torch.sigmoid(m.eval()(x[None], torch.tensor([len(x)]))).item() for m in members])
    strip = next(c for c in charts(at) if c["layout"]["title"]["text"] == t("inspect.strip_title", lang))
    assert f"{max(p, 1 - p):.1%}" in verdict and len(strip["data"]) >= 1
    captions = [c.value for c in at.caption]
    assert t("ens.inside", lang, k=3, name="LSTM", seed=0) in captions
    assert t("ens.verdict_help", lang, k=3) in captions and t("ens.curves", lang, name="LSTM") in captions
    assert t("ens.takehome", lang, name="LSTM", seed=0, k=3) in captions  # the file holds one model
    assert at.query_params["ensemble"] == "3" and not at.error
    if lang == "ko":
        assert box.label != t("set.ensemble", "en") and table.iloc[0, 0] == "앙상블 (모델들의 평균)"


def test_one_model_is_the_model_alone_exactly():
    at = app(page="labs/sentences.py", src="en", epochs="6")
    run = train_to_end(at, "sentences")
    td = lab_state(at, "sentences").task
    (single,) = run.trainers.values()
    _, acc, out = single.evaluate(td.test)
    v = vote([single], td.test)
    assert v.accuracy == acc and v.members == [acc]  # not recomputed from rounded probabilities
    assert np.array_equal(v.probs[:, 1], torch.sigmoid(out).numpy()) and np.array_equal(
        v.pred, (out > 0).long().numpy()
    )
    assert any(m.value == t("sent.test_result", acc=acc, n=len(td.test)) for m in at.markdown)
    assert not any(t("ens.row_ensemble") in list(d.value.iloc[:, 0]) for d in at.dataframe)
    assert any(m.value.startswith(f"### {t('inspect.verdict')}:") for m in at.markdown)
    # the ensemble's first member is this same model: same seed, same weights after the same training
    at2 = app(page="labs/sentences.py", src="en", epochs="6", ensemble="2")
    first = train_to_end(at2, "sentences").trainers["LSTM"]
    for a, b in zip(single.model.parameters(), first.model.parameters()):
        assert torch.equal(a, b)


def test_the_page_vote_is_the_cli_ensemble(capsys):
    """Movie reviews (the page's source = the CLI's task), a tiny seeded GRU, one epoch, K = 2."""
    knobs = dict(
        cell="gru", hidden="8", emb="8", epochs="1", lr="0.01", batch="64", vocab="2000", maxlen="20"
    )
    knobs.update(seed="3", ensemble="2")
    at = app(page="labs/sentences.py", src="movies", **knobs)
    run = train_to_end(at, "sentences")
    args = [a for k, v in knobs.items() if k != "cell" for a in (f"--{k}", v)]
    assert main(["train", "movie-reviews", "--cell", "gru", *args, "--json"]) == 0
    cli = json.loads(capsys.readouterr().out)
    first = run.trainers["GRU"]
    assert asdict(first.model.cfg) == cli["config"]["model"]  # the same run on both sides
    assert {**asdict(first.cfg), "device": "auto", "seed": 3} == cli["config"]["train"]
    v = vote([run.trainers["GRU"], run.trainers["GRU #2"]], lab_state(at, "sentences").task.test)
    assert v.accuracy == cli["metrics"]["test_accuracy"]
    assert v.members == [m["accuracy"] for m in cli["metrics"]["members"]]
    assert any(f"**{v.accuracy:.1%}**" in m.value for m in at.markdown)


def test_compare_cells_makes_each_cell_an_ensemble():
    at = app(page="labs/sentences.py", src="en", epochs="3", ensemble="2", cmp="1")
    run = train_to_end(at, "sentences")
    assert list(run.trainers) == ["RNN", "RNN #2", "LSTM", "LSTM #2", "GRU", "GRU #2"]
    table = _table(at, "en")
    assert list(table.columns)[1:] == ["RNN", "LSTM", "GRU"] and len(table) == 3


def test_an_ensemble_out_of_range_in_the_link_falls_back_with_a_message():
    at = app(page="labs/sentences.py", src="en", ensemble="11")
    assert at.number_input(key="sentences.ensemble").value == 1
    assert any("ensemble" in w.value and "ignored" in w.value for w in at.warning) and not at.exception


def test_a_downloaded_member_comes_back_as_one_model():
    """The model file holds the shown member; uploaded again it is one model at its epoch, not one trained
    member beside K - 1 untrained ones."""
    at = app(page="labs/sentences.py", src="en", epochs="4", ensemble="3")
    run = train_to_end(at, "sentences")
    ls = lab_state(at, "sentences")
    data = takehome.model_bytes(run.trainer, ls.task, "sentences", to_data(ls.values))
    other = app(page="labs/sentences.py", src="en", ensemble="2")
    next(u for u in other.file_uploader if u.key.startswith("sentences.model.file")).upload(
        "m.pt", data
    ).run()
    assert not other.exception and not other.error
    mine = lab_state(other, "sentences")
    assert mine.values["ensemble"] == 1 and list(mine.run.trainers) == ["LSTM"] and mine.run.epoch == 4
    assert other.query_params.get("ensemble", "1") == "1"  # the link follows (a default may be left out)
