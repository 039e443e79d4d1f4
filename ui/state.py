"""A lab's settings as one table of fields, serialised to and from the URL's query string.

Like the TensorFlow Playground's state object: every setting that changes a run (seed included) is
a field, so a copied link reproduces the run. ``decode`` never fails: a bad value falls back to the
default and yields a message naming the field, the value and what is allowed.
"""

from dataclasses import dataclass
from typing import Any

from rnnlab.config import fmt
from rnnlab.errors import Note


class LinkProblem(ValueError):
    """A value a field cannot take: ``note`` says why, keyed (``link_*`` in rnnlab/messages/link.*.toml)."""

    def __init__(self, key: str, **values):
        self.key, self.values = key, values
        super().__init__(key)

    def note(self, field: str, value: str) -> Note:
        return Note(self.key, field=field, value=value, **self.values)


@dataclass(frozen=True)
class Field:
    name: str  # the query-string key (short, stable: links must survive releases)
    kind: type  # int, float, bool or str
    default: Any
    choices: tuple = ()  # allowed values for str fields
    lo: float | None = None  # inclusive range for numbers
    hi: float | None = None
    help: str = ""  # what it sets (for the table in the docs)

    def parse(self, text: str):
        """Text from a URL -> value; raises :class:`LinkProblem` with the reason."""
        if self.kind is bool:
            if text.lower() in ("1", "true", "yes", "on"):
                return True
            if text.lower() in ("0", "false", "no", "off"):
                return False
            raise LinkProblem("link_bool")
        try:
            value = self.kind(text)
        except ValueError:
            raise LinkProblem("link_whole" if self.kind is int else "link_number") from None
        if self.kind is float and value != value:  # NaN passes every comparison below
            raise LinkProblem("link_number")
        if self.choices and value not in self.choices:
            raise LinkProblem("link_choice", choices=", ".join(map(str, self.choices)))
        if self.lo is not None and value < self.lo or self.hi is not None and value > self.hi:
            raise LinkProblem("link_range", lo=fmt(self.lo), hi=fmt(self.hi))
        return value

    def format(self, value) -> str:
        if self.kind is bool:
            return "1" if value else "0"
        if self.kind is float:
            return f"{value:g}"
        return str(value)


RESERVED = {"embed", "embed_options"}  # query parameters Streamlit keeps for itself


def decode(params, fields: list[Field]) -> tuple[dict, list[Note]]:
    """Query params (a mapping of str -> str) -> values for every field, and keyed notes for bad ones
    (a :class:`Note` is its English text; ``say(note, lang)`` gives the visitor's language)."""
    values, problems = {}, []
    for f in fields:
        values[f.name] = f.default
        if f.name in params:
            raw = params[f.name]
            try:
                values[f.name] = f.parse(str(raw))
            except LinkProblem as err:
                problems.append(err.note(f.name, str(raw)))
    return values, problems


def encode(values: dict, fields: list[Field], always: tuple[str, ...] = ("seed",)) -> dict[str, str]:
    """Values -> query params: the fields that differ from their default, plus ``always`` ones."""
    return {
        f.name: f.format(values[f.name])
        for f in fields
        if f.name in values and (values[f.name] != f.default or f.name in always)
    }


def model_fields(
    cell="gru", hidden=16, epochs=150, lr=0.02, batch=10, embed=8, max_hidden=256
) -> list[Field]:
    """The settings every lab shares; defaults differ per lab."""
    return [
        Field("cell", str, cell, ("rnn", "lstm", "gru"), help="recurrent cell"),
        Field("layers", int, 1, lo=1, hi=4, help="stacked layers"),
        Field("hidden", int, hidden, lo=1, hi=max_hidden, help="hidden units per layer"),
        Field("bidir", bool, False, help="also read right to left"),
        Field(
            "emb",
            int,
            embed,
            lo=1,
            hi=64,
            help="embedding size (not `embed`: Streamlit reserves that parameter)",
        ),
        Field("opt", str, "adam", ("adam", "sgd"), help="optimizer"),
        Field("lr", float, lr, lo=1e-5, hi=1.0, help="learning rate"),
        Field("epochs", int, epochs, lo=1, hi=5000, help="maximum epochs"),
        Field("batch", int, batch, lo=1, hi=512, help="batch size"),
        Field("clip", float, 0.0, lo=0.0, hi=100.0, help="gradient clipping (0 = off)"),
        Field("seed", int, 0, lo=0, hi=2**31 - 1, help="random seed"),
        Field("cmp", bool, False, help="train RNN, LSTM and GRU side by side"),
    ]


EMOJI_FIELDS = model_fields() + [
    Field("enc", str, "embedding", ("embedding", "tutorial"), help="emoji encoding"),
    Field("msg", str, "🐱🤖🐷❤️", help="the message to read"),
    Field("data", str, "", help="edited training table (empty = the 10 built-in messages)"),
]


def pack_messages(rows: list[tuple[str, int]]) -> str:
    """[("🐱 🤖", 1), ...] -> "🐱🤖:1|..." (spaces dropped: the tokenizer does not need them)."""
    return "|".join(f"{''.join(text.split())}:{label}" for text, label in rows)


def unpack_messages(text: str) -> list[tuple[str, int]]:
    """Inverse of :func:`pack_messages`; raises ValueError on a malformed row."""
    rows = []
    for part in text.split("|"):
        msg, sep, label = part.rpartition(":")
        if not sep or label not in ("0", "1") or not msg:
            raise LinkProblem("link_rows")
        rows.append((msg, int(label)))
    return rows


# engine config names -> URL field names
_FIELD_OF = {
    "cell": "cell",
    "num_layers": "layers",
    "hidden_size": "hidden",
    "bidirectional": "bidir",
    "embedding_dim": "emb",
    "optimizer": "opt",
    "lr": "lr",
    "epochs": "epochs",
    "batch_size": "batch",
    "clip": "clip",
    "encoding": "enc",
    "window": "window",
    "preprocess": "prep",
    "vocab_size": "vocab",
    "max_len": "maxlen",
    "tokens": "tok",
}


def preset_values(preset, fields: list[Field]) -> dict:
    """A task preset as field values; fields it does not name go back to their defaults (seed and
    lab-specific inputs such as the message are kept)."""
    named = {
        _FIELD_OF[k]: v
        for part in (preset.model, preset.train, preset.data)
        for k, v in part.items()
        if k in _FIELD_OF
    }
    keep = {"seed", "msg", "data", "cmp", "src"}
    return {f.name: named.get(f.name, f.default) for f in fields if f.name not in keep}


def to_configs(values: dict) -> tuple[dict, dict]:
    """Field values -> (ModelConfig fields, TrainConfig fields)."""
    model = {
        "cell": values["cell"],
        "num_layers": values["layers"],
        "hidden_size": values["hidden"],
        "bidirectional": values["bidir"],
        "embedding_dim": values.get("emb", 16),
    }
    train = {
        "optimizer": values["opt"],
        "lr": values["lr"],
        "epochs": values["epochs"],
        "batch_size": values["batch"],
        "clip": values["clip"],
        "seed": values["seed"],
    }
    return model, train


FORECAST_FIELDS = [
    f for f in model_fields(cell="gru", hidden=8, epochs=60, lr=0.01, batch=8) if f.name != "emb"
] + [
    Field("window", int, 13, lo=1, hi=36, help="months the model reads before predicting the next"),
    Field(
        "prep",
        str,
        "seasonal-diff",
        ("none", "standardize", "log", "seasonal-diff", "leaky-standardize"),
        help="preprocessing",
    ),
    Field("test", int, 28, lo=6, hi=60, help="months held out at the end for testing"),
    Field(
        "mode", str, "one-step", ("one-step", "recursive"), help="forecast from true or from predicted inputs"
    ),
    Field("horizon", int, 28, lo=1, hi=60, help="months ahead for recursive forecasts"),
]


SENTENCE_FIELDS = model_fields(cell="lstm", hidden=16, epochs=120, lr=0.02, batch=12) + [
    Field(
        "src",
        str,
        "en",
        ("en", "ko", "movies", "paste", "upload", "nsmc", "imdb", "reuters"),
        help="data set",
    ),
    Field("subset", int, 2000, lo=100, hi=50000, help="training texts drawn from a downloaded corpus"),
    Field("topics", int, 8, lo=2, hi=46, help="Reuters: keep the most frequent topics"),
    Field(
        "neutral",
        float,
        0.0,
        lo=0.0,
        hi=2.0,
        help="movie snippets: drop ratings closer to 0 than this (-4..+4 scale)",
    ),
    Field(
        "tok",
        str,
        "word",
        ("word", "char", "morpheme"),
        help="tokens: words, characters (Korean syllables) or morphemes",
    ),
    Field("vocab", int, 6000, lo=3, hi=20000, help="vocabulary size, <pad> and <unk> included"),
    Field("maxlen", int, 40, lo=2, hi=200, help="longest sequence; longer ones are cut"),
    Field("msg", str, "", help="the sentence to read (empty = an example)"),
]
