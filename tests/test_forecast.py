import numpy as np
import pytest
import torch

from rnnlab import forecast
from rnnlab.data import airline
from rnnlab.errors import RNNLabError
from rnnlab.models import seeded_model
from rnnlab.tasks import resolve
from rnnlab.train import Trainer


@pytest.fixture(scope="module")
def trained():
    td, mc, tc = resolve("airline", train={"epochs": 30})
    tr = Trainer(seeded_model(mc, 0), td.train, tc).run()
    return tr.model, td.forecast.windows, td.forecast.series


def test_one_step_equals_the_engine_evaluation(trained):
    model, w, y = trained
    pred = forecast.one_step(model, w, y)
    assert pred.shape == w.t.shape and 100 < pred.mean() < 600
    # an oracle model: if the model predicted the true z, the forecast would be the truth
    np.testing.assert_allclose(w.transform.inverse(w.y, w.t, y), y[w.t], rtol=1e-5)


def test_recursive_feeds_predictions_back(trained):
    model, w, y = trained
    origin, horizon = 116, 24
    rec = forecast.recursive(model, w, y, origin, horizon)
    assert rec.shape == (24,)
    # the first recursive step sees only true values: it equals the one-step forecast of that month
    first = forecast.one_step(model, w, y)[list(w.t).index(origin)]
    assert rec[0] == pytest.approx(first, rel=1e-5)
    # later steps differ from one-step ones because they read predictions, not the truth
    assert not np.allclose(rec[1:], forecast.one_step(model, w, y)[-28:][1:24])
    # changing the truth after the origin cannot change a recursive forecast
    y2 = y.copy()
    y2[origin:] = 1.0
    np.testing.assert_allclose(forecast.recursive(model, w, y2, origin, horizon), rec)


def test_recursive_baselines():
    _, y = airline.load_airline()
    b = forecast.recursive_baselines(y, 116, 14)
    assert (
        (b["naive"] == y[115]).all()
        and b["seasonal naive"][12] == y[104]
        and b["seasonal naive"][0] == y[104]
    )


def test_window_states_match_the_replay(trained):
    from rnnlab.replay import trace

    model, w, _ = trained
    states = forecast.window_states(model, w)
    assert len(states) == 1 and states[0].shape == (len(w.t), 8)
    last = trace(model, torch.tensor(w.x[5])[:, None]).layers[0].h[-1]
    np.testing.assert_allclose(states[0][5], last, atol=1e-5)


def test_missing_values_drop_or_interpolate():
    v = np.array([1.0, np.nan, 3.0, np.nan, np.nan, 6.0])
    filled, n = airline.fill_missing(v)
    assert n == 3 and filled.tolist() == [1, 2, 3, 4, 5, 6]
    dropped, n = airline.fill_missing(v, "drop")
    assert n == 3 and dropped.tolist() == [1, 3, 6]
    with pytest.raises(RNNLabError, match="every value"):
        airline.fill_missing(np.array([np.nan]))


def test_the_untrained_row_is_the_model_at_init_with_the_same_seed():
    td, mc, tc = resolve("airline", train={"epochs": 3})
    w, y = td.forecast.windows, td.forecast.series
    trained = Trainer(seeded_model(mc, 5), td.train, tc).run().model
    months, rows = forecast.held_out_forecasts(trained, forecast.untrained_like(trained, 5), w, y)
    np.testing.assert_allclose(rows["untrained"], forecast.one_step(seeded_model(mc, 5), w, y)[w.n_train :])
    assert not np.allclose(rows["untrained"], rows["model"])  # training changed something
    assert set(rows) == {"model", "untrained", "preprocessing", "naive", "seasonal naive"}
    assert all(v.shape == months.shape for v in rows.values())


def test_the_preprocessing_alone_is_its_naive_forecast_mapped_back():
    _, y = airline.load_airline()
    w = airline.make_windows(y, 4, "none")
    np.testing.assert_allclose(forecast.one_step(forecast.last_value, w, y), y[w.t - 1])  # none = naive
    w = airline.make_windows(y, 4, "seasonal-diff")
    t = w.t
    expected = y[t - 12] * y[t - 1] / y[t - 13]  # last year's month, times this year's growth
    np.testing.assert_allclose(forecast.one_step(forecast.last_value, w, y), expected, rtol=1e-5)
    rec = forecast.recursive(forecast.last_value, airline.make_windows(y, 4, "none"), y, 116, 5)
    np.testing.assert_allclose(rec, np.full(5, y[115]))  # fed back, the naive forecast stays flat
