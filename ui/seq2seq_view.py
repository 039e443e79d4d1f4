"""The Sequence-to-sequence lab's shared page parts: its step budgets, the run of a part, typed input.

Every trainable part (translate, the length study, tagging, generate) is a part of the Lab runtime
(``lab.part(name)``, ui/lab.py): its own run and lock in the page's ``LabState``, Train / Pause / Reset
keyed ``seq2seq.<part>.train``, the expected time (and a confirmation for a long run) before Train, a
Pause that says at which step it stopped, a NaN stop in words, and the step budget and learning rate
applied to the running trainer (``live`` knobs). Models train on the device the sidebar names.
"""

from collections.abc import Callable, Hashable

import streamlit as st

from rnnlab.device import pick_device
from rnnlab.errors import RNNLabError

from . import live, live_progress
from .frame import lang, reason, show_error, tr
from .i18n import t
from .lab import Lab, by_steps

P = "seq2seq"
LRS = (0.001, 0.002, 0.005, 0.01, 0.02)  # the learning rates offered (a link's own value is added)


def label(prefix: str) -> Callable[[str], str]:
    """A widget's ``format_func``: option -> its string, in the language of this script run (bound
    now, so the function gives the same text wherever it is called later)."""
    language = lang()
    return lambda option: t(f"{prefix}{option}", language)


def options(offered, current) -> list:
    """A select slider's options: those offered, plus the current value (a link may name another)."""
    return sorted({*offered, current})


def device(lab: Lab) -> str:
    """The device the sidebar names, as the trainers take it ("cpu", "cuda", ...)."""
    return str(pick_device(lab.device))


def budget_controls(lab: Lab, budget: str, lr: str) -> None:
    """Step budget, learning rate and seed: what every part's training shares (budget and learning
    rate go to the running trainer; the seed is the whole page's)."""
    c = st.columns(3)
    c[0].number_input(
        tr("s2s.budget"), 10, 20_000, step=50, **lab.arg(budget), help=tr("s2s.budget_help"), value=None
    )
    c[1].select_slider(
        tr("set.lr"), options(LRS, lab.value(lr)), **lab.arg(lr), format_func=lambda x: f"{x:g}"
    )
    c[2].number_input(tr("s2s.seed"), 0, 2**31 - 1, **lab.arg("seed"), value=None)


def train_part(
    lab: Lab,
    name: str,
    signature: Hashable,
    make: Callable[[], object],
    budget: str,
    lr: str,
    score: str | None = None,
) -> live.LabRun | None:
    """The part's run (a new one when ``signature`` changed: ``make()`` builds its trainer) with its
    buttons and estimate; the budget and learning rate fields are live. None, with the reason in the
    page, when the settings cannot build a model (a paste too short, ...)."""
    v = lab.values
    try:
        return lab.part(name).run(
            (signature, device(lab)),
            lambda: ({name: make()}, name),
            meter=live_progress.steps(score),
            estimate=by_steps(v[budget]),
            live_values=(v[lr], v[budget]),
            step=False,  # Step trains an epoch; these trainers count steps
        )
    except RNNLabError as err:
        show_error(reason(err))
        return None


def read_input(task, text: str, max_len: int, run: live.LabRun) -> list[str] | None:
    """The typed input as tokens (or its keyed message in the page and None); notes an untrained model."""
    try:
        tokens = task.parse(text, max_len)
    except RNNLabError as err:
        show_error(reason(err))
        return None
    if run.at == 0:
        st.caption(tr("s2s.untrained"))
    return tokens
