"""A lab's settings as one table of fields, serialised to and from the URL's query string.

Like the TensorFlow Playground's state object: every setting that changes a run (seed included) is
a field, so a copied link reproduces the run. ``decode`` never fails: a bad value falls back to the
default and yields a message naming the field, the value and what is allowed.
"""

from dataclasses import dataclass
from typing import Any

from rnnlab.config import fmt
from rnnlab.errors import Note
from rnnlab.knobs import KNOBS, LIVE, defaults, knob_of, split
from rnnlab.tasks import TASKS

__all__ = [
    "Field",
    "decode",
    "encode",
    "field",
    "lab_fields",
    "preset_values",
    "to_configs",
    "to_data",
    "LIVE",
]


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


SHARED = ("cell", "layers", "hidden", "bidir", "emb", "opt", "lr", "epochs", "batch", "clip", "seed", "cmp")


def field(name: str, default) -> Field:
    """The link field of knob ``name`` (rnnlab.knobs: its one name, kind, range and choices)."""
    k = KNOBS[name]
    return Field(k.name, k.kind, default, k.choices, k.lo, k.hi, k.help)


def lab_fields(task: str, names: tuple[str, ...], site: dict | None = None) -> list[Field]:
    """A lab's fields: ``names`` in order, each defaulting to ``task``'s default preset (written once,
    in rnnlab.tasks); ``site`` gives the defaults of knobs the task does not know (the message, ...)."""
    values = {**defaults(TASKS[task]), **(site or {})}
    return [field(n, values[n]) for n in names]


def model_fields(task: str = "emoji") -> list[Field]:
    """The settings every lab shares, with ``task``'s defaults."""
    return lab_fields(task, SHARED, {"cmp": False})


EMOJI_FIELDS = lab_fields(
    "emoji", (*SHARED, "enc", "msg", "data"), {"cmp": False, "msg": "🐱🤖🐷❤️", "data": ""}
)


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


def preset_values(preset, fields: list[Field]) -> dict:
    """A task preset as field values; fields it does not name go back to their defaults (the seed and
    what only the page knows, such as the message, are kept)."""
    named = {}
    for target, part in (("model", preset.model), ("train", preset.train), ("data", preset.data)):
        for k, v in part.items():
            knob = knob_of(target, k)
            if knob is not None:
                named[knob.name] = v
    keep = {"seed"} | {k.name for k in KNOBS.values() if k.target == "site"}
    return {f.name: named.get(f.name, f.default) for f in fields if f.name not in keep}


def to_configs(values: dict) -> tuple[dict, dict]:
    """Field values -> (ModelConfig fields, TrainConfig fields), through the knob table."""
    model, train, _ = split(values)
    return model, train


def to_data(values: dict) -> dict:
    """Field values -> the task's data builder arguments (window, prep, tok, ...)."""
    return split(values)[2]


FORECAST_FIELDS = lab_fields(
    "airline",
    tuple(n for n in SHARED if n != "emb")
    + ("ensemble", "skip", "window", "prep", "test", "mode", "horizon"),
    {"cmp": False, "mode": "one-step", "horizon": 28},
)


CONV = ("filters", "kernel", "pool", "readout", "drop")  # the Sentence lab's conv front-end and readout
SENTENCE_FIELDS = lab_fields(
    "sentences",
    (*SHARED, "ensemble", *CONV, "src", "subset", "topics", "neutral", "tok", "vocab", "maxlen", "msg"),
    {
        "cmp": False,
        "src": "en",
        "subset": 2000,
        "topics": 8,
        "neutral": 0.0,
        "vocab": 6000,
        "maxlen": 40,
        "msg": "",
    },
)
