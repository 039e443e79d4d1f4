"""The `best` presets are one set of settings for the page and the CLI: the button sets every field the
preset names, and those fields rebuild the preset's configs (rnnlab.tasks, issue 13 item 4)."""

import pytest
from apptest import app

from rnnlab.tasks import TASKS, resolve
from ui.i18n import t
from ui.state import FORECAST_FIELDS, SENTENCE_FIELDS, preset_values, to_configs, to_data

CASES = [("labs/forecast.py", "forecast", "airline", FORECAST_FIELDS, {})]
CASES += [("labs/sentences.py", "sentences", "movie-reviews", SENTENCE_FIELDS, {"src": "movies"})]


@pytest.mark.parametrize("page, key, task, fields, query", CASES)
def test_the_best_button_gives_the_cli_configs(page, key, task, fields, query):
    at = app(page=page, **query)
    at.button(key=f"{key}.preset_best").click().run()
    assert not at.exception
    values = {
        f.name: at.session_state[f"{key}.{f.name}"] for f in fields if f"{key}.{f.name}" in at.session_state
    }
    want = preset_values(TASKS[task].presets["best"], fields)
    assert {n: values[n] for n in want} == want  # every field the preset names, as the preset says
    model, train = to_configs(values)
    _, mc, tc = resolve(task, "best", train={"seed": values["seed"]})
    got_mc, got_tc = {k: getattr(mc, k) for k in model}, {k: getattr(tc, k) for k in train}
    assert model == got_mc and train == got_tc  # the page's run is the CLI's --preset best
    run = at.session_state[f"_lab:{key}"].run  # built, not trained: one trainer per member of the ensemble
    assert len(run.trainers) == tc.ensemble and [x.cfg.seed for x in run.trainers.values()] == list(
        range(tc.seed, tc.seed + tc.ensemble)
    )
    assert any(t("run.estimate_models", n=tc.ensemble) in c.value for c in at.caption)  # "× 3 models"
    p = TASKS[task].presets["best"]
    assert {k: v for k, v in to_data(values).items() if k in p.data} == p.data
