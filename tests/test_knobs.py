"""One name per knob: the page's link, the configs and the CLI's flags agree, ranges are keyed errors."""

import pytest

from rnnlab.cli import CLI_KNOBS, _parser, main
from rnnlab.errors import RNNLabError
from rnnlab.knobs import KNOBS, LIVE, applies, split
from rnnlab.tasks import TASKS, resolve
from ui.state import (
    EMOJI_FIELDS,
    FORECAST_FIELDS,
    SENTENCE_FIELDS,
    decode,
    encode,
    field,
    to_configs,
    to_data,
)


def _task_for(knob) -> str:
    return next(t for t in ("emoji", "airline", "movie-reviews", "sine") if applies(knob, TASKS[t]))


def _other_value(knob):
    """A valid value that is not the knob's lower bound or first choice."""
    if knob.kind is bool:
        return True
    if knob.choices:
        return knob.choices[1]
    lo, hi = knob.bounds()
    return knob.kind(hi) if knob.kind is int else knob.kind((lo + hi) / 2)


@pytest.mark.parametrize("name", sorted(CLI_KNOBS))
def test_every_knob_round_trips_link_config_and_cli(name):
    knob, value = KNOBS[name], _other_value(KNOBS[name])
    f = field(name, None)
    query = encode({name: value}, [f], always=())
    back, problems = decode(query, [f])
    assert not problems and back[name] == value and set(query) == {name}  # the URL key is the name
    from_link = (*to_configs(back), to_data(back))
    argv = ["train", _task_for(knob), f"--{name}"] + ([] if knob.kind is bool else [str(value)])
    a = _parser().parse_args(argv)
    from_cli = split({n: getattr(a, n) for n in CLI_KNOBS if getattr(a, n) is not None})
    assert from_link == from_cli
    target = {"model": 0, "train": 1, "data": 2}[knob.target]
    assert from_cli[target] == {knob.field: value}


@pytest.mark.parametrize("name", sorted(n for n, k in CLI_KNOBS.items() if k.lo is not None))
def test_ranges_are_enforced_with_keyed_messages(name, capsys):
    knob = KNOBS[name]
    task = _task_for(knob)
    too_big = knob.kind(knob.bounds(task)[1] * 2 + 1)
    with pytest.raises(RNNLabError) as err:
        knob.check(too_big, task)
    assert err.value.key in ("whole_range", "number_range") and err.value.values["name"] == name
    _, problems = decode({name: str(too_big)}, [field(name, knob.lo)])
    assert problems[0].key == "link_range"
    assert main(["train", task, f"--{name}", str(too_big)]) == 2
    out = capsys.readouterr().err
    assert out.startswith(f"error: {name} must be") and out.count("\n") == 1


def test_window_range_is_per_task():
    assert KNOBS["window"].check(50, "sine") == 50
    with pytest.raises(RNNLabError, match="from 1 to 36; got 40"):
        KNOBS["window"].check(40, "airline")


def test_old_flags_still_work():
    a = _parser().parse_args(
        ["train", "movie-reviews", "--batch-size", "7", "--tokens", "char", "--bidirectional"]
    )
    assert (a.batch, a.tok, a.bidir) == (7, "char", True)


@pytest.mark.parametrize(
    "fields,task", [(EMOJI_FIELDS, "emoji"), (FORECAST_FIELDS, "airline"), (SENTENCE_FIELDS, "sentences")]
)
def test_lab_defaults_are_the_task_default_preset(fields, task):
    values = {f.name: f.default for f in fields}
    td, mc, tc = resolve(task)
    model, train = to_configs(values)
    assert all(
        getattr(mc, k) == v for k, v in model.items() if k != "embedding_dim" or mc.input_kind == "embedding"
    )
    assert all(getattr(tc, k) == v for k, v in train.items())
    preset = TASKS[task].presets["default"]
    assert all(to_data(values).get(k, v) == v for k, v in preset.data.items())


def test_live_knobs_are_the_learning_rate_and_the_epoch_limit():
    assert set(LIVE) == {"lr", "epochs"}
    assert all(
        k.role in ("model", "live", "view") and k.target in ("model", "train", "data", "site")
        for k in KNOBS.values()
    )
