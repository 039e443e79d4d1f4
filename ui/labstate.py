"""A visitor's state of one lab page, typed, under one session key: ``st.session_state["_lab:<key>"]``.

No widget uses that key, so a click that reruns the page, or a run interrupted by one, never drops it
(widget keys alone can lose the state of widgets a run did not draw). The run's lock lives here too:
it outlives any one run, so building a run and using its weights share it.

A page with several parts, each training its own run (the Memory lab's sine pair, memory task and sweep),
keeps one ``LabState`` per part in ``parts``: its own run, lock, task and memo, under the same session key.
"""

import threading
from dataclasses import dataclass, field
from typing import Any

import streamlit as st


@dataclass
class LabState:
    values: dict[str, Any]  # field values of record; widgets are copied from them, the URL written from them
    url_problems: list[str]  # link values that were ignored, each with why (shown under the title)
    lock: threading.RLock = field(default_factory=threading.RLock)  # held while building or using weights
    run: Any = None  # the live run (ui.live.LabRun), None before the first render and after Reset
    task: Any = None  # the task data the run trains on (rnnlab.tasks.TaskData)
    task_key: tuple | None = None  # what ``task`` was built from; a new key builds it again
    memo: dict[str, Any] = field(default_factory=dict)  # a page's own small state (e.g. the table's base)
    parts: dict[str, "LabState"] = field(default_factory=dict)  # name -> a part's own run, lock and task

    def part(self, name: str) -> "LabState":
        """The state of the page's part ``name`` (its own run and lock; the page's values stay here)."""
        if name not in self.parts:
            self.parts[name] = LabState(self.values, [])
        return self.parts[name]


def session_key(page: str) -> str:
    return f"_lab:{page}"


def has_state(page: str) -> bool:
    return session_key(page) in st.session_state


def state(page: str) -> LabState:
    """The page's state (an empty one for a page, or a part of one, that keeps no settings)."""
    key = session_key(page)
    if key not in st.session_state:
        st.session_state[key] = LabState({}, [])
    return st.session_state[key]
