"""The Forecast lab, run headless with Streamlit's AppTest."""

import pytest
from apptest import app, arr, charts, lab_state, train_to_end

UNTRAINED = "untrained network"
PREP_ALONE = "preprocessing alone"


def test_before_training_the_table_shows_the_untrained_network_and_the_preprocessing_alone():
    at = app(page="labs/forecast.py", prep="none")
    table = next(d.value for d in at.dataframe if "RMSE" in d.value.columns).set_index("forecaster")
    assert (
        table.loc[PREP_ALONE, "RMSE"] == table.loc["naive (last month)", "RMSE"]
    )  # none: the naive forecast
    assert table.loc[UNTRAINED, "RMSE"] == table.loc["trained network", "RMSE"]  # nothing trained yet


def test_forecast_lab_trains_and_beats_the_baselines():
    at = app(page="labs/forecast.py")
    run = train_to_end(at, "forecast")
    assert run.epoch == 60
    table = next(d.value for d in at.dataframe if "RMSE" in d.value.columns).set_index("forecaster")
    assert table.loc["seasonal naive (a year before)", "RMSE"] == pytest.approx(46.34, abs=0.01)
    trained, untrained = table.loc["trained network", "RMSE"], table.loc[UNTRAINED, "RMSE"]
    assert trained < table.loc["seasonal naive (a year before)", "RMSE"] and trained != untrained
    # the default preprocessing alone (seasonal difference of the log) already beats both baselines
    assert table.loc[PREP_ALONE, "RMSE"] < table.loc["seasonal naive (a year before)", "RMSE"]
    fc = next(c for c in charts(at) if c["layout"]["title"]["text"].startswith("Forecast on the test months"))
    model_line = next(d for d in fc["data"] if d["name"] == "RNN forecast")
    assert (
        len(model_line["x"]) == 28 and 300 < arr(model_line["y"]).mean() < 600
    )  # passengers, not scaled units
    assert any(b.label.startswith("⬇") for b in at.get("download_button"))
    held_out = next(m for m in at.metric if m.label == "Held-out loss")  # regression: no accuracy to show
    assert float(held_out.value) == pytest.approx(run.trainer.history.val_loss[-1], abs=1e-4)


def test_forecast_presets_recursive_mode_and_link():
    at = app(page="labs/forecast.py", window="200", prep="magic")
    assert sum("ignored" in w.value for w in at.warning) == 2
    at.button(key="forecast.preset_tutorial").click().run()
    assert (at.slider(key="forecast.window").value, at.selectbox(key="forecast.cell").value) == (4, "rnn")
    assert (
        at.selectbox(key="forecast.prep").value == "leaky-standardize"
        and at.number_input(key="forecast.batch").value == 8
    )
    assert any("leaks" in c.value for c in at.caption)
    train_to_end(at, "forecast")
    at.radio(key="forecast.mode").set_value("recursive").run()
    at.number_input(key="forecast.horizon").set_value(12).run()
    fc = next(c for c in charts(at) if c["layout"]["title"]["text"].startswith("Forecast on the test months"))
    assert "recursive" in fc["layout"]["title"]["text"] and len(fc["data"][1]["x"]) == 12
    assert at.query_params["mode"] == "recursive" and at.query_params["window"] == "4"
    assert lab_state(at, "forecast").run.epoch == 10  # the forecast mode does not reset training


def test_the_error_table_shows_two_decimals_in_every_cell():
    """Streamlit's grid drops trailing zeros unless a column has a format: 19.0 read "19" beside 18.36."""
    import json

    at = app(page="labs/forecast.py")
    grid = next(d for d in at.dataframe if "RMSE" in d.value.columns)
    config = json.loads(grid.proto.columns)
    for column in ("RMSE", "MAE", "MAPE %"):
        assert config[column]["type_config"]["format"] == "%.2f", config
