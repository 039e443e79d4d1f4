"""One declaration per knob: its one name, what it sets, its range and what changing it does.

A knob's ``name`` is the page's URL key (``?hidden=32``) and the CLI's flag (``--hidden 32``); ``target``
and ``field`` say what it sets: a :class:`ModelConfig` field, a :class:`TrainConfig` field, an argument
of the task's data builder, or (``site``) something only a page reads. ``role`` says what a change does
to a run: ``model`` builds a new run, ``live`` is applied to the running trainer (learning rate, epoch
limit), ``view`` never resets. The site's link fields (``ui.state``) and the CLI's flags are both made
from this table, so the names cannot drift apart.
"""

import inspect
from dataclasses import dataclass, field, fields

from .config import CELLS, ModelConfig, TrainConfig, check_choice, check_number, check_whole

TARGETS = ("model", "train", "data", "site")
MEMORY_VIEWS = ("act", "count", "sine", "recall", "flow", "gates", "explode")  # the Memory lab's parts
ROLES = ("model", "live", "view")


@dataclass(frozen=True)
class Knob:
    name: str  # the one name: URL key and CLI flag (--name); short and stable, links must survive
    target: str  # "model" (ModelConfig), "train" (TrainConfig), "data" (builder argument) or "site"
    field: str  # the config field or builder argument it sets (the name itself for site knobs)
    kind: type  # int, float, bool or str
    lo: float | None = None  # inclusive range for numbers
    hi: float | None = None
    choices: tuple = ()  # allowed values for str knobs
    role: str = "model"  # "model": a change resets the run; "live": applied to it; "view": never resets
    aliases: tuple[str, ...] = ()  # older CLI flags still accepted (e.g. --batch-size)
    per_task: dict = field(default_factory=dict)  # task -> (lo, hi) where a task narrows the range
    help: str = ""  # what it sets, one line (CLI --help and the docs)

    def bounds(self, task: str | None = None) -> tuple:
        return self.per_task.get(task, (self.lo, self.hi))

    def check(self, value, task: str | None = None):
        """``value`` if allowed (for ``task``), else a keyed error naming the knob and its range."""
        if self.choices:
            check_choice(self.name, value, self.choices)
        elif self.kind is int:
            check_whole(self.name, value, *self.bounds(task))
        elif self.kind is float:
            check_number(self.name, value, *self.bounds(task))
        return value


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
# The Memory lab (rnnlab.memory): its parts train several models at once, so their settings have names of
# their own (site knobs, only its page reads them); T and dist are also the CLI's (task memory), act any
# task's vanilla cell. Added here so no name can be taken twice (a dict would keep the last one silently).
_MEMORY_KNOBS = [
    _K("act", "model", "activation", str, choices=("tanh", "relu"), help="the vanilla cell's nonlinearity"),
    _K(
        "T",
        "data",
        "length",
        int,
        5,
        200,
        help="memory task: steps per sequence, the first one is the answer",
    ),
    _K("dist", "data", "distractors", int, 1, 8, help="memory task: distinct distractor tokens"),
    _K("view", "site", "view", str, choices=MEMORY_VIEWS, role="view", help="Memory lab: the part shown"),
    _K("steps", "site", "steps", int, 1, 200, role="view", help="warm-up: T of the product of derivatives"),
    _K("w", "site", "w", float, 0.1, 4.0, role="view", help="warm-up: recurrent weight in the product"),
    _K("ccell", "site", "ccell", str, choices=CELLS, help="counting: the model's cell"),
    _K("win", "site", "win", str, role="view", help="counting: the window typed for the model"),
    _K("scell", "site", "scell", str, choices=CELLS, help="sine: cell of both models"),
    _K("shid", "site", "shid", int, 1, 64, help="sine: units per layer of both models"),
    _K("deep", "site", "deep", int, 2, 4, help="sine: layers of the deep model"),
    _K("sep", "site", "sep", int, 1, 200, role="live", help="sine: epochs of both models"),
    _K("sbatch", "site", "sbatch", int, 8, 1024, help="sine: batch size of both models"),
    _K("slr", "site", "slr", float, 1e-4, 0.1, role="live", help="sine: Adam's learning rate"),
    _K("leak", "site", "leak", bool, help="sine: the tutorial's leak (the target ends the window)"),
    _K("hid", "site", "hid", int, 2, 64, help="memory task: units of the RNN, LSTM and GRU"),
    _K("keep", "site", "keep", float, 0.0, 5.0, help="memory task: starting LSTM forget / GRU update bias"),
    _K("rep", "site", "rep", int, 1, 200, role="live", help="memory task and clipping: epochs"),
    _K("scale", "site", "scale", float, 0.1, 5.0, help="exploding gradients: recurrent weight scale"),
]
# The Sequence-to-sequence lab (rnnlab.seq2seq: its own configs, no CLI command): ``cell`` (narrowed to GRU
# and LSTM), ``hidden``, ``lr`` and ``seed`` above set its encoder-decoder; its other parts have names of their
# own (t: tagging, g: generation), budgets in optimizer steps.
_SEQ2SEQ_KNOBS = [
    _K(
        "part",
        "site",
        "part",
        str,
        choices=("shapes", "translate", "tagging", "generate"),
        role="view",
        help="the part of the Sequence-to-sequence lab shown",
    ),
    _K(
        "task",
        "site",
        "task",
        str,
        choices=("reverse", "sort", "spell-en", "spell-ko", "read-en", "read-ko"),
        help="toy translation of the encoder-decoder",
    ),
    _K("att", "site", "att", str, choices=("none", "dot", "additive"), help="attention over the encoder"),
    _K("lmin", "site", "lmin", int, 1, 16, help="shortest input length the encoder-decoder trains on"),
    _K("lmax", "site", "lmax", int, 1, 16, help="longest input length it trains on (and accepts)"),
    _K("budget", "site", "budget", int, 10, 20000, role="live", help="encoder-decoder: training steps"),
    _K("longest", "site", "longest", int, 6, 16, help="length study: longest training length (from 4)"),
    _K("sbudget", "site", "sbudget", int, 20, 5000, help="length study: training steps per model"),
    _K("tag", "site", "tag", str, choices=("rise", "pos-en", "pos-ko"), help="tagging task"),
    _K("tcell", "site", "tcell", str, choices=("gru", "lstm"), help="tagger: recurrent cell"),
    _K("thid", "site", "thid", int, 1, 64, help="tagger: hidden units"),
    _K("tbudget", "site", "tbudget", int, 10, 20000, role="live", help="tagger: training steps"),
    _K("tlr", "site", "tlr", float, 1e-4, 0.1, role="live", help="tagger: Adam's learning rate"),
    _K("text", "site", "text", str, choices=("en", "ko", "paste"), help="generation: text to learn"),
    _K(
        "unit",
        "site",
        "unit",
        str,
        choices=("syllable", "jamo"),
        help="generation: Korean by syllable or jamo",
    ),
    _K("gcell", "site", "gcell", str, choices=("gru", "lstm"), help="character model: recurrent cell"),
    _K("ghid", "site", "ghid", int, 8, 256, help="character model: hidden units"),
    _K("gbudget", "site", "gbudget", int, 10, 20000, role="live", help="character model: training steps"),
    _K("glr", "site", "glr", float, 1e-4, 0.1, role="live", help="character model: Adam's learning rate"),
    _K("temp", "site", "temp", float, 0.1, 2.0, role="view", help="generation: sampling temperature"),
    _K("glen", "site", "glen", int, 10, 1000, role="view", help="generation: characters to write"),
]
for _k in _MEMORY_KNOBS + _SEQ2SEQ_KNOBS:
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
