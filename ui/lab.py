"""The Lab runtime: the protocol every lab page shares, so that a page reads as its lesson.

A page, in order::

    lab = Lab("emoji", EMOJI_FIELDS)          # title, lead, settings from the link, link problems
    with lab.settings():                       # the settings column
        ...                                    # the page's data widgets
        lab.model_settings(extra=("enc",))     # presets, model and training widgets, compare toggle
    with lab.main():                           # the training column
        td = lab.task(key, build, "emoji.bad_table")   # built once per key; a keyed message if it fails
        run = lab.run(td, key)                 # the run, its live values, Train / Pause / Step / Reset
        ...                                    # the page's input (the message box)
        lab.live(draw)                         # the fragment that trains and redraws the views

A page with several parts, each with its own run (the Memory lab, the Sequence-to-sequence lab), asks
for them by name: ``part = lab.part("sine")``, then ``part.run(signature, make, ...)`` and
``part.live(draw)``. Each part keeps its run and its lock in the page's ``LabState`` (``parts``), its
buttons are keyed ``<lab>.<part>.train``, and it gets what the page's one run gets: the lock, the
expected time and the confirmation, Pause that says where it stopped, stop reasons in words.

What resets a run is decided in one place, by each knob's role in ``rnnlab.knobs`` (``role_of``):
``model`` fields and the data are the run's signature (a change builds a new run); ``live`` fields go to
the running trainer (learning rate, epoch limit); ``view`` fields never touch the run.
"""

from collections.abc import Callable, Hashable
from typing import Any

import streamlit as st

from rnnlab.config import ModelConfig, TrainConfig
from rnnlab.device import pick_device
from rnnlab.ensemble import member_configs, member_name
from rnnlab.errors import RNNLabError
from rnnlab.knobs import KNOBS
from rnnlab.models import seeded_model
from rnnlab.tasks import TASKS, TaskData
from rnnlab.train import Trainer
from ui.registry import lab as registry_entry
from ui.state import Field, to_configs

from . import compare_view, device_speed, live, live_controls, settings, takehome
from .frame import reason, show_error, tr
from .labstate import LabState


def role_of(f: Field | str) -> str:
    """ "model" (a change resets the run), "live" (applied to the running trainer) or "view" (never
    resets), as the knob table (``rnnlab.knobs``) declares it; a field it does not know is "model"."""
    knob = KNOBS.get(f if isinstance(f, str) else f.name)
    return knob.role if knob is not None else "model"


def signature(values: dict, device: str, data_key: Hashable) -> tuple:
    """What defines a run: the model-role values, the device and the data."""
    return (tuple(sorted((k, v) for k, v in values.items() if role_of(k) == "model")), device, data_key)


def make_trainers(td: TaskData, values: dict, device: str) -> tuple[dict[str, Trainer], str]:
    """One trainer, or one per cell when comparing, each times the ensemble's K members (trained side
    by side, seeds seed..seed+K-1: ``rnnlab.ensemble``); the name of the one the views show."""
    model, train = to_configs(values)
    cells = ["rnn", "lstm", "gru"] if values.get("cmp") else [values["cell"]]
    trainers = {}
    for cell in cells:
        mc = ModelConfig(**{**model, "cell": cell, **td.model}).validate()
        tc = TrainConfig(**train, device=device).validate()
        for k, member in enumerate(member_configs(tc)):
            trainers[member_name(cell.upper(), k)] = Trainer(
                seeded_model(mc, member.seed),
                td.train,
                member,
                val=td.test if td.held_out else None,
                device=pick_device(device),
            )
    return trainers, values["cell"].upper()


NARROW = """@media (max-width: 640px) {
  [data-testid="stColumn"]:has(.st-key-KEY_settings) { order: 2; }
}"""  # on a phone the training column (its input, Train / Pause / Step / Reset) comes before the settings
LONG_RUN = 60.0  # seconds: a run expected to take longer asks before it starts


def duration(seconds: float) -> str:
    """ "12 s", "3 min": what a visitor reads in an estimate."""
    return tr("run.seconds", n=max(1, seconds)) if seconds < 120 else tr("run.minutes", n=seconds / 60)


def measured_once(run: live.LabRun, key: str, measure: Callable[[], float]) -> float:
    """``measure()`` (a timing of the run's trainer) under the run's lock, once per run, kept in its extras."""
    if key not in run.extra:
        with run.lock:
            run.extra[key] = measure()
    return run.extra[key]


def epoch_seconds(run: live.LabRun) -> float:
    """Seconds one epoch of the shown model takes on this server (one real epoch with the run's own
    optimizer, then everything put back: ``Trainer.estimate_epoch_seconds``); measured once per run."""
    return measured_once(run, "epoch_seconds", run.trainer.estimate_epoch_seconds)


def by_epochs(epochs: int) -> Callable[[live.LabRun], tuple[float, str]]:
    """The estimate of a run of epoch trainers: (total seconds, the sentence that says it)."""

    def estimate(run: live.LabRun) -> tuple[float, str]:
        secs, n = epoch_seconds(run), len(run.trainers)
        total = secs * epochs * n
        models = tr("run.estimate_models", n=n) if n > 1 else ""
        return total, tr("run.estimate", epochs=epochs, total=duration(total), s=secs, models=models)

    return estimate


def by_steps(steps: int) -> Callable[[live.LabRun], tuple[float, str]]:
    """The estimate of a run of step trainers (a copy of the trainer takes a few timed steps, once per run)."""

    def estimate(run: live.LabRun) -> tuple[float, str]:
        secs, n = measured_once(run, "step_seconds", run.trainer.estimate_step_seconds), len(run.trainers)
        total = secs * steps * n
        models = tr("run.estimate_models", n=n) if n > 1 else ""
        return total, tr(
            "run.estimate_steps", steps=steps, total=duration(total), ms=secs * 1000, models=models
        )

    return estimate


class Part:
    """One run of a page: the page's own (``name`` None: buttons ``<lab>.train``) or a named part's
    (buttons ``<lab>.<name>.train``), with its state and lock."""

    def __init__(self, lab: "Lab", name: str | None):
        self.key = lab.key if name is None else f"{lab.key}.{name}"
        self.state: LabState = lab.state if name is None else lab.state.part(name)

    def run(
        self,
        signature: tuple,
        make: Callable[[], tuple[dict, str]],
        meter: Callable | None = None,
        estimate: Callable[[live.LabRun], tuple[float, str]] | None = None,
        live_values: tuple[float, int] | None = None,
        step: bool = True,
        labels: tuple[str, str] | None = None,
        chunk_seconds: float | None = None,
        install: Callable[[live.LabRun], None] | None = None,
    ) -> live.LabRun:
        """The part's run for ``signature`` (``make`` builds it when that changed: trainers and the shown
        one's name), ``live_values`` (learning rate, limit) applied to it, the expected time before Train
        (``estimate``: ``by_epochs``, ``by_steps`` or the page's own) and the buttons."""
        run = live.ensure_run(self.state, signature, make, meter, chunk_seconds)
        device_speed.show(run)  # this model's steps per second on each device, under the device choice
        if install is not None:  # e.g. an uploaded model file becomes the run's weights
            install(run)
        if live_values is not None:
            live.sync_live_settings(run, *live_values)
        total = None
        if estimate is not None and run.at == 0 and not run.running:  # before Train: how long it should take
            total, text = estimate(run)
            st.caption(text)
        confirm = duration(total) if total and total > LONG_RUN else None
        live_controls.controls(self.key, self.state, run, confirm=confirm, step=step, labels=labels)
        return run

    def live(self, draw: Callable[[live.LabRun], None], progress: Callable | None = None) -> None:
        """The fragment that trains the part's run in chunks and redraws ``progress`` and ``draw(run)``."""
        live.panel(self.key, self.state.run, draw, progress)


class Lab:
    """One render of a lab page: its fields, its typed state (``LabState``) and the steps above."""

    def __init__(self, key: str, fields: list[Field], columns: bool = True):
        self.entry = registry_entry(key)
        self.key, self.fields = key, fields
        st.title(tr(f"{self.entry.area}.title"))
        st.markdown(tr(f"{self.entry.area}.lead"))
        self.state: LabState = settings.load_from_url(key, fields)
        for problem in self.state.url_problems:
            st.warning(reason(problem))
        if columns:
            self.columns()

    # the two columns -------------------------------------------------------------------------------
    def columns(self, name: str = "") -> None:
        """The settings and training columns (a page of parts makes them inside the part shown)."""
        key = f"{self.key}{name}"
        left, right = st.columns([2, 3], gap="large")
        self._left, self._right = left.container(key=f"{key}_settings"), right.container(key=f"{key}_main")
        st.html(f"<style>{NARROW.replace('KEY', key)}</style>")

    def settings(self):
        return self._left

    def main(self):
        return self._right

    @property
    def device(self) -> str:
        """The device the visitor trains on (the sidebar's choice)."""
        return st.session_state["device"]

    def part(self, name: str) -> Part:
        """The page's part ``name``: its own run, lock and buttons."""
        return Part(self, name)

    # settings ------------------------------------------------------------------------------------
    @property
    def values(self) -> dict:
        return settings.values(self.key, self.fields)

    def arg(self, name: str) -> dict:
        """key and on_change for the widget of field ``name``."""
        return settings.widget_args(self.key, name)

    def value(self, name: str) -> Any:
        return self.state.values[name]

    def set(self, name: str, value: Any) -> None:
        settings.set_value(self.key, name, value)

    def model_settings(self, task: str | None = None, extra: tuple[str, ...] = ()) -> None:
        """The model heading, the task's preset buttons, the model and training widgets, compare."""
        st.subheader(tr("set.model"))
        settings.preset_buttons(self.key, TASKS[task or self.entry.tasks[0]].presets, self.fields)
        settings.model_controls(self.key, self.fields, extra=extra)
        st.toggle(tr("live.compare"), **self.arg("cmp"), help=tr("live.compare_help"))

    def write_url(self) -> None:
        """Put the current values in the address bar (a copied link reproduces the run)."""
        settings.write_url(self.key, self.fields)

    def stop(self) -> None:
        """Nothing to train yet (no data): keep the link current and end this render."""
        self.write_url()
        st.stop()

    # the task and the run --------------------------------------------------------------------------
    def task(self, key: Hashable, build: Callable[[], TaskData], error: str, spinner: str | None = None):
        """The task data, built again only when ``key`` changes; a failure shows ``error`` (a locale key
        with ``{reason}``) and ends the render."""
        settings.write_url(self.key, self.fields)
        ls = self.state
        if ls.task_key != key:
            try:
                with st.spinner(spinner or tr("run.preparing")):
                    ls.task = build()
                ls.task_key = key
            except RNNLabError as err:
                ls.task, ls.task_key = None, None
                show_error(tr(error, reason=reason(err)))
                st.stop()
        return ls.task

    def run(self, td: TaskData, data_key: Hashable) -> live.LabRun:
        """The run for the current model values (a new one when they changed), with the live values
        applied, and the Train / Pause / Step / Reset row."""
        values, device = self.values, self.device
        loaded = takehome.take_loaded(self.state)  # an uploaded model file waiting to become the run
        return Part(self, None).run(
            signature(values, device, data_key),
            lambda: make_trainers(td, values, device),
            estimate=by_epochs(values["epochs"]),
            live_values=(values["lr"], values["epochs"]),
            install=(lambda run: takehome.install(run, loaded)) if loaded is not None else None,
        )

    def live(self, draw: Callable[[live.LabRun], None]) -> None:
        """Train while running, redraw progress and curves, the compare table (and the chooser of the
        model shown) when several train, then ``draw(run)``: the lab's own views."""

        def views(run: live.LabRun) -> None:
            compare_view.compare(self.key, run)
            draw(run)
            title = tr(f"{self.entry.area}.title")
            takehome.downloads(self.key, run, self.state.task, self.entry.tasks[0], title, self.values)

        Part(self, None).live(views)
