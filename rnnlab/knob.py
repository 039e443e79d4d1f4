"""A knob: one name (URL key and CLI flag), what it sets, its range, and what changing it does to a run.
The table of every knob is ``rnnlab.knobs``; the Memory and Sequence-to-sequence labs' own are in
``rnnlab.knobs_labs``."""

from dataclasses import dataclass, field

from .config import check_choice, check_number, check_whole

TARGETS = ("model", "train", "data", "site")
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
