"""The Memory lab's settings as link fields (``?view=recall&T=100&act=relu``), made from the knob table
(``rnnlab.knobs``: one name, range and role per knob); only the defaults are the page's own."""

from rnnlab.knobs import MEMORY_VIEWS as VIEWS
from rnnlab.tasks import TASKS
from ui.state import Field, lab_fields

NAMES = ("view", "act", "seed", "steps", "w", "ccell", "win", "scell", "shid", "deep", "sep", "sbatch", "slr")
NAMES += ("leak", "T", "hid", "keep", "dist", "rep", "scale", "clip")
PAGE_DEFAULTS = {  # T, dist, act and seed come from the memory task's default preset (rnnlab.tasks)
    "view": "act",
    # warm-up
    "steps": 30,
    "w": 1.0,
    # counting
    "ccell": "rnn",
    "win": "0.1 0.2 0.3 0.4",
    # sine (the classic tutorial's pair)
    "scell": "rnn",
    "shid": 20,
    "deep": 2,
    "sep": 20,
    "sbatch": 256,
    "slr": 1e-3,
    "leak": False,
    # memory task (recall, flow, gates, explode)
    "hid": 16,
    "keep": 3.0,
    "rep": 10,
    # exploding gradients
    "scale": 3.0,
    "clip": 1.0,
}

MEMORY_FIELDS: list[Field] = lab_fields("memory", NAMES, PAGE_DEFAULTS)
_TUT, _DEEP = TASKS["sine"].presets["tutorial"], TASKS["sine"].presets["tutorial-deep"]
SINE_TUTORIAL = {  # the sine part's one-click preset: the tutorial's SimpleRNN(20) and its two-layer twin
    "scell": _TUT.model["cell"],
    "shid": _TUT.model["hidden_size"],
    "deep": _DEEP.model["num_layers"],
    "sep": _TUT.train["epochs"],
    "sbatch": _TUT.train["batch_size"],
    "slr": _TUT.train["lr"],
    "leak": False,
}
_BEST = TASKS["sine"].presets["best"]
SINE_BEST = {  # the engine's best sine preset in both models (the deep one two layers of it)
    "scell": _BEST.model["cell"],
    "shid": _BEST.model["hidden_size"],
    "deep": 2,
    "sep": _BEST.train["epochs"],
    "sbatch": _BEST.train["batch_size"],
    "slr": _BEST.train["lr"],
    "leak": False,
}
_BY_NAME = {f.name: f for f in MEMORY_FIELDS}


def span(name: str) -> tuple:
    """(lo, hi) of field ``name``: a widget's range is the link's (a link value always fits its widget)."""
    f = _BY_NAME[name]
    return f.kind(f.lo), f.kind(f.hi)


__all__ = ["VIEWS", "MEMORY_FIELDS", "SINE_BEST", "SINE_TUTORIAL", "span"]
