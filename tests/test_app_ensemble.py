"""The Forecast lab's ensemble ("average K models"), run headless in English and Korean."""

import numpy as np
from apptest import app, arr, charts, train_to_end

from ui.i18n import t


def test_the_control_reads_in_korean():
    at = app("ko", page="labs/forecast.py", ensemble="2")
    box = at.number_input(key="forecast.ensemble")
    assert box.value == 2 and box.label == t("set.ensemble", "ko") != t("set.ensemble", "en")


def test_ensemble_control_trains_k_models_and_shows_their_band_and_rows(lang="en"):
    at = app(lang, page="labs/forecast.py", ensemble="3", epochs="3")
    box = at.number_input(key="forecast.ensemble")
    assert box.value == 3 and box.label == t("set.ensemble", lang)
    run = train_to_end(at, "forecast")
    assert list(run.trainers) == ["GRU", "GRU #2", "GRU #3"]
    assert [x.cfg.seed for x in run.trainers.values()] == [0, 1, 2] and run.epoch == 3
    table = next(d.value for d in at.dataframe if "RMSE" in d.value.columns)
    names = list(table.iloc[:, 0])
    assert names[:4] == [t("ens.row_ensemble", lang)] + [t("ens.row_member", lang, k=k) for k in (1, 2, 3)]
    fc = next(c for c in charts(at) if len(c["data"]) > 4 and any(d.get("fill") for d in c["data"]))
    band = [d for d in fc["data"] if d["name"] == t("ens.band", lang)]
    high, low = arr(band[0]["y"]), arr(band[1]["y"])
    mean = arr(next(d for d in fc["data"] if d["name"] == t("ens.line", lang))["y"])
    assert len(mean) == 28 and np.all(low <= mean) and np.all(mean <= high) and np.any(high > low)
    assert at.query_params["ensemble"] == "3"


def test_one_model_has_no_ensemble_rows_and_a_new_size_resets_the_run():
    at = app(page="labs/forecast.py", epochs="2")
    table = next(d.value for d in at.dataframe if "RMSE" in d.value.columns)
    assert t("ens.row_ensemble") not in list(table.iloc[:, 0]) and "trained network" in list(table.iloc[:, 0])
    at.number_input(key="forecast.ensemble").set_value(2).run()
    assert not at.exception
    assert list(at.session_state["_lab:forecast"].run.trainers) == ["GRU", "GRU #2"]
