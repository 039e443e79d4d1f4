"""Average K models (rnnlab.ensemble): one member is the model alone, the band holds every member."""

import json

import numpy as np
import pytest

from rnnlab import forecast
from rnnlab.cli import main
from rnnlab.config import TrainConfig
from rnnlab.ensemble import member_configs, member_seeds, spread
from rnnlab.errors import RNNLabError
from rnnlab.metrics import regression_errors
from rnnlab.models import seeded_model
from rnnlab.tasks import resolve
from rnnlab.train import Trainer


def _members(k: int, seed: int = 3, epochs: int = 2):
    td, mc, tc = resolve("airline", train={"epochs": epochs, "seed": seed, "ensemble": k})
    models = [Trainer(seeded_model(mc, m.seed), td.train, m).run().model for m in member_configs(tc)]
    return td, models


def test_member_seeds_start_at_the_runs_seed_and_bad_sizes_are_keyed():
    assert member_seeds(7, 3) == [7, 8, 9]
    assert [c.seed for c in member_configs(TrainConfig(seed=5, ensemble=2))] == [5, 6]
    for bad in (0, 11):
        with pytest.raises(RNNLabError, match=f"from 1 to 10 models; got {bad}"):
            member_seeds(0, bad)
    with pytest.raises(RNNLabError, match="smaller seed"):
        member_seeds(2**31 - 1, 2)


def test_an_ensemble_of_one_is_the_model_alone_exactly():
    td, (model,) = _members(1)
    w, y = td.forecast.windows, td.forecast.series
    for mode in ("one-step", "recursive"):
        _, alone = forecast.held_out_forecasts(model, model, w, y, mode, 12)
        months, s = forecast.ensemble_forecasts([model], w, y, mode, 12)
        assert np.array_equal(s.mean, alone["model"]) and np.array_equal(s.low, s.high)
        assert len(months) == len(alone["model"])


def test_the_band_contains_every_members_forecast_and_the_mean():
    td, models = _members(3)
    w, y = td.forecast.windows, td.forecast.series
    for mode in ("one-step", "recursive"):
        _, s = forecast.ensemble_forecasts(models, w, y, mode, 20)
        assert s.members.shape == (3, len(s.mean))
        assert np.all(s.low <= s.members) and np.all(s.members <= s.high)
        assert np.all(s.low <= s.mean) and np.all(s.mean <= s.high)
        assert np.any(s.high - s.low > 0.1)  # three seeds do differ
    with pytest.raises(RNNLabError, match="models x steps"):
        spread([1.0, 2.0])


def _json(capsys, *args):
    assert main(["train", "airline", "--epochs", "2", "--json", *args]) == 0
    return json.loads(capsys.readouterr().out)


def test_cli_ensemble_averages_the_members_forecasts(capsys):
    one = _json(capsys, "--seed", "4")
    same = _json(capsys, "--seed", "4", "--ensemble", "1")
    assert same["metrics"]["test_rmse"] == one["metrics"]["test_rmse"] and "members" not in same["metrics"]
    both = _json(capsys, "--seed", "4", "--ensemble", "2", "--predict", " ".join(["300"] * 25))
    members = both["metrics"]["members"]
    assert members[0]["rmse"] == one["metrics"]["test_rmse"] and len(members) == 2
    td, models = _members(2, seed=4)
    pred = np.mean(
        [forecast.one_step(m, td.forecast.windows, td.forecast.series)[-28:] for m in models], axis=0
    )
    assert both["metrics"]["test_rmse"] == pytest.approx(regression_errors(pred, td.truth)["rmse"], rel=1e-9)
    assert both["config"]["train"]["ensemble"] == 2 and 100 < both["predictions"][0]["value"] < 600


@pytest.mark.parametrize(
    "args,words",
    [
        (["train", "tag-rise", "--ensemble", "2"], "tags every step"),
        (["train", "airline", "--ensemble", "0"], "from 1 to 10; got 0"),
        (["train", "airline", "--ensemble", "2", "--save", "x.pt"], "--save keeps one model"),
        (["train", "movie-reviews", "--preset", "best", "--save", "x.pt"], "a preset that averages 3"),
    ],
)
def test_cli_ensemble_bad_input_is_one_line(capsys, args, words):
    assert main(args) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: ") and words in err and err.count("\n") == 1


def test_cli_ensemble_of_classifiers_averages_their_probabilities(capsys):
    args = ["train", "emoji", "--epochs", "3", "--json", "--predict", "🐱🤖❤️"]
    assert main([*args, "--ensemble", "3"]) == 0
    r = json.loads(capsys.readouterr().out)
    singles = []
    for seed in (0, 1, 2):
        assert main([*args, "--seed", str(seed)]) == 0
        singles.append(json.loads(capsys.readouterr().out))
    assert [m["accuracy"] for m in r["metrics"]["members"]] == [
        s["metrics"]["test_accuracy"] for s in singles
    ]
    mean = np.mean([s["predictions"][0]["probabilities"]["GOOD"] for s in singles])
    assert r["predictions"][0]["probabilities"]["GOOD"] == pytest.approx(mean, abs=1e-5)
    assert r["predictions"][0]["label"] == ("GOOD" if mean >= 0.5 else "BAD")


def test_class_vote_averages_probabilities_and_scores_the_mean():
    from rnnlab.ensemble import class_vote

    mean, acc = class_vote([[0.9, 0.2, 0.4], [0.3, 0.4, 0.7]], [1, 0, 1])  # binary: P(class 1) per member
    assert mean[:, 1] == pytest.approx([0.6, 0.3, 0.55]) and acc == 1.0
    mean, acc = class_vote([[[0.5, 0.3, 0.2]], [[0.1, 0.6, 0.3]]], [1])  # three classes
    assert mean[0] == pytest.approx([0.3, 0.45, 0.25]) and acc == 1.0


@pytest.mark.parametrize("task", ["sentences", "airline"])  # word vectors with dropout; a regression
def test_members_trained_side_by_side_equal_members_trained_one_after_another(task):
    """train_all on two threads: each member's weights and loss history are exactly its solo run's."""
    from rnnlab.ensemble import train_all

    train = {"epochs": 2, "ensemble": 3, "seed": 4}
    model = {"hidden_size": 8, "embedding_dim": 8, "input_dropout": 0.2}
    td, mc, tc = resolve(
        task, model=model, train=train, data={"subset": 300} if task == "movie-reviews" else {}
    )

    def members():
        return [Trainer(seeded_model(mc, m.seed), td.train, m) for m in member_configs(tc)]

    alone, side = members(), members()
    train_all(alone, threads=1)
    train_all(side, threads=2)
    for a, b in zip(alone, side):
        assert a.history.loss == b.history.loss and a.epoch == b.epoch == 2
        assert all(np.array_equal(v, b.model.state_dict()[k]) for k, v in a.model.state_dict().items())
    assert alone[0].history.loss != alone[1].history.loss  # the members differ: a real test of each one


def test_a_members_error_reaches_the_caller():
    from rnnlab.ensemble import train_all

    class Broken:
        def run(self):
            raise RuntimeError("member 2 failed")

    td, mc, tc = resolve("emoji", train={"epochs": 1})
    with pytest.raises(RuntimeError, match="member 2 failed"):
        train_all([Trainer(seeded_model(mc, 0), td.train, tc), Broken()], threads=2)
