"""One declaration per knob: its one name, what it sets, its range and what changing it does.

A knob's ``name`` is the page's URL key (``?hidden=32``) and the CLI's flag (``--hidden 32``); ``target``
and ``field`` say what it sets: a :class:`ModelConfig` field, a :class:`TrainConfig` field, an argument
of the task's data builder, or (``site``) something only a page reads. ``role`` says what a change does
to a run: ``model`` builds a new run, ``live`` is applied to the running trainer (learning rate, epoch
limit), ``view`` never resets. The site's link fields (``ui.state``) and the CLI's flags are both made
from this table, so the names cannot drift apart.
"""

import inspect
from dataclasses import fields

from .config import ModelConfig, TrainConfig
from .knob import ROLES, TARGETS, Knob
from .knobs_labs import MEMORY_KNOBS, MEMORY_VIEWS, SEQ2SEQ_KNOBS

__all__ = [
    "KNOBS",
    "LIVE",
    "MEMORY_VIEWS",
    "ROLES",
    "TARGETS",
    "Knob",
    "applies",
    "defaults",
    "knob_of",
    "split",
]

_K = Knob
KNOBS: dict[str, Knob] = {
    k.name: k
    for k in [
        _K("cell", "model", "cell", str, choices=("rnn", "lstm", "gru"), help="recurrent cell"),
        _K("layers", "model", "num_layers", int, 1, 4, help="stacked recurrent layers"),
        _K("hidden", "model", "hidden_size", int, 1, 256, help="hidden units per layer"),
        _K(
            "bidir",
            "model",
            "bidirectional",
            bool,
            aliases=("--bidirectional",),
            help="also read right to left",
        ),
        _K("emb", "model", "embedding_dim", int, 1, 64, help="embedding size (`embed` is Streamlit's)"),
        _K("filters", "model", "conv_filters", int, 0, 128, help="conv front-end feature maps (0 = none)"),
        _K(
            "kernel",
            "model",
            "conv_kernel",
            int,
            choices=(1, 3, 5, 7, 9),
            help="conv front-end: tokens each map reads",
        ),
        _K("pool", "model", "conv_pool", int, 1, 8, help="conv front-end: max-pooling width"),
        _K(
            "readout",
            "model",
            "readout",
            str,
            choices=("last", "max", "mean"),
            help="what the head reads: the last state or the max/mean over all steps",
        ),
        _K(
            "drop",
            "model",
            "input_dropout",
            float,
            0.0,
            0.9,
            help="dropout on the RNN's and the head's inputs",
        ),
        _K(
            "skip",
            "model",
            "linear_skip",
            bool,
            help="forecasts: add a linear readout of the window to the RNN's output",
        ),
        _K("opt", "train", "optimizer", str, choices=("adam", "sgd"), help="optimizer"),
        _K("lr", "train", "lr", float, 1e-5, 1.0, role="live", help="learning rate"),
        _K("epochs", "train", "epochs", int, 1, 5000, role="live", help="maximum epochs"),
        _K("batch", "train", "batch_size", int, 1, 512, aliases=("--batch-size",), help="batch size"),
        _K("clip", "train", "clip", float, 0.0, 100.0, help="gradient clipping (0 = off)"),
        _K("seed", "train", "seed", int, 0, 2**31 - 1, help="seeds weights, shuffling and dropout"),
        _K(
            "ensemble",
            "train",
            "ensemble",
            int,
            1,
            10,
            help="average K models trained from seeds seed..seed+K-1",
        ),
        _K("enc", "data", "encoding", str, choices=("embedding", "tutorial"), help="emoji encoding"),
        _K(
            "window",
            "data",
            "window",
            int,
            1,
            36,
            per_task={"sine": (2, 1000), "next-value": (2, 100)},
            help="values the model reads before predicting the next",
        ),
        _K(
            "prep",
            "data",
            "preprocess",
            str,
            choices=("none", "standardize", "log", "seasonal-diff", "leaky-standardize"),
            help="preprocessing",
        ),
        _K("test", "data", "n_test", int, 6, 60, help="months held out at the end for testing"),
        _K(
            "tok",
            "data",
            "tokens",
            str,
            choices=("word", "char", "morpheme"),
            aliases=("--tokens",),
            help="tokens",
        ),
        _K("vocab", "data", "vocab_size", int, 3, 20000, help="vocabulary size, <pad> and <unk> included"),
        _K("maxlen", "data", "max_len", int, 2, 200, help="longest sequence; longer ones are cut"),
        _K("neutral", "data", "neutral", float, 0.0, 2.0, help="movie snippets: drop ratings closer to 0"),
        _K("cmp", "site", "cmp", bool, help="train RNN, LSTM and GRU side by side"),
        _K("msg", "site", "msg", str, role="view", help="the message to read"),
        _K("data", "site", "data", str, help="edited training table (empty = the built-in one)"),
        _K(
            "src",
            "site",
            "src",
            str,
            choices=("en", "ko", "movies", "paste", "upload", "files", "nsmc", "imdb", "reuters"),
            help="data set",
        ),
        _K("subset", "site", "subset", int, 100, 50000, help="training texts drawn from a downloaded corpus"),
        _K("topics", "site", "topics", int, 2, 46, help="Reuters: keep the most frequent topics"),
        _K(
            "mode",
            "site",
            "mode",
            str,
            choices=("one-step", "recursive"),
            role="view",
            help="forecast inputs",
        ),
        _K(
            "horizon", "site", "horizon", int, 1, 60, role="view", help="months ahead for recursive forecasts"
        ),
    ]
}
for _k in MEMORY_KNOBS + SEQ2SEQ_KNOBS:
    assert _k.name not in KNOBS, f"knob {_k.name} declared twice"
    KNOBS[_k.name] = _k
LIVE = tuple(k.name for k in KNOBS.values() if k.role == "live")  # applied to a running trainer


def split(values: dict) -> tuple[dict, dict, dict]:
    """Knob values by name -> (ModelConfig fields, TrainConfig fields, data builder arguments)."""
    out = {"model": {}, "train": {}, "data": {}}
    for name, value in values.items():
        knob = KNOBS.get(name)
        if knob is not None and knob.target in out:
            out[knob.target][knob.field] = value
    return out["model"], out["train"], out["data"]


def knob_of(target: str, field_name: str) -> Knob | None:
    """The knob that sets ``field_name`` of ``target`` ("model", "train" or "data"), if any."""
    return next((k for k in KNOBS.values() if k.target == target and k.field == field_name), None)


def builder_args(build) -> dict:
    """A data builder's arguments and their defaults."""
    return {
        n: p.default
        for n, p in inspect.signature(build).parameters.items()
        if p.default is not inspect.Parameter.empty
    }


def applies(knob: Knob, task) -> bool:
    """Whether ``knob`` means something for ``task`` (a data knob: the task's builder takes it)."""
    return knob.target != "data" or knob.field in builder_args(task.build)


def defaults(task, preset: str = "default") -> dict:
    """Every knob's value in ``task``'s preset: the preset's own, else the builder's or the config's
    default. Written once, in the task's preset; the page's fields take theirs from here."""
    p = task.presets[preset]
    base = {
        "model": {f.name: f.default for f in fields(ModelConfig)},
        "train": {f.name: f.default for f in fields(TrainConfig)},
        "data": builder_args(task.build),
    }
    given = {"model": p.model, "train": p.train, "data": p.data}
    out = {}
    for k in KNOBS.values():
        if k.target in given:
            value = given[k.target].get(k.field, base[k.target].get(k.field))
            if value is not None:
                out[k.name] = value
    return out
