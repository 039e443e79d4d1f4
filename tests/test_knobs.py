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
    return next(t for t in ("emoji", "airline", "movie-reviews", "sine", "memory") if applies(knob, TASKS[t]))


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


def test_live_knobs_are_learning_rates_and_limits():
    memory, seq2seq = {"slr", "sep", "rep"}, {"budget", "tlr", "tbudget", "glr", "gbudget"}  # per part
    assert set(LIVE) == {"lr", "epochs"} | memory | seq2seq
    assert all(
        k.role in ("model", "live", "view") and k.target in ("model", "train", "data", "site")
        for k in KNOBS.values()
    )


def test_memory_lab_fields_are_knobs_and_its_old_links_still_work():
    from ui.memory_fields import MEMORY_FIELDS

    for f in MEMORY_FIELDS:
        k = KNOBS[f.name]
        assert (f.kind, f.choices, f.lo, f.hi) == (k.kind, k.choices, k.lo, k.hi), f.name
    # a link with every field away from its default, each at an end of the range the page had before
    old = {"view": "explode", "act": "relu", "seed": "7", "steps": "200", "w": "0.1", "ccell": "gru"}
    old |= {"win": "1 2 3 4", "scell": "lstm", "shid": "64", "deep": "4", "sep": "1", "sbatch": "8"}
    old |= {"slr": "0.0001", "leak": "1", "T": "200", "hid": "2", "keep": "0", "dist": "8", "rep": "200"}
    old |= {"scale": "5", "clip": "0.1"}
    values, problems = decode(old, MEMORY_FIELDS)
    assert not problems and (values["T"], values["leak"], values["clip"]) == (200, True, 0.1)
    assert encode(values, MEMORY_FIELDS) == old
    _, problems = decode({"T": "4", "view": "x", "keep": "6"}, MEMORY_FIELDS)
    assert sorted((p.key, p.values["field"]) for p in problems) == [
        ("link_choice", "view"),
        ("link_range", "T"),
        ("link_range", "keep"),
    ]
    # T, dist and act mean the same on the command line: the memory task's length and fillers, the cell
    assert split({"T": 8, "dist": 2, "act": "relu"}) == (
        {"activation": "relu"},
        {},
        {"length": 8, "distractors": 2},
    )
