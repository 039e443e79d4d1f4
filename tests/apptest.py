"""Helpers for the AppTest suites: the site run headless, its Plotly specs read back as data."""

import base64
import json
from pathlib import Path

import numpy as np
from streamlit.testing.v1 import AppTest

APP = str(Path(__file__).resolve().parents[1] / "app.py")


def app(lang="en", page=None, **params) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params["lang"] = lang
    for k, v in params.items():
        at.query_params[k] = v
    at.run()
    if page:
        at.switch_page(page).run()
    assert not at.exception, at.exception
    return at


def arr(v):
    """Plotly 7 sends NumPy arrays as {"dtype", "bdata" (base64), "shape"}; plain lists pass through."""
    if isinstance(v, dict) and "bdata" in v:
        a = np.frombuffer(base64.b64decode(v["bdata"]), dtype=v["dtype"])
        return a.reshape([int(n) for n in str(v["shape"]).split(",")]) if "shape" in v else a
    return np.asarray(v)


def charts(at) -> list[dict]:
    """Every chart's spec; a title wrapped with <br> (rnnlab.viz_layout.wrap) reads as one line here."""
    specs = [json.loads(el.proto.spec) for el in at.get("plotly_chart")]
    for spec in specs:
        title = spec["layout"].get("title") or {}
        if "text" in title:
            title["text"] = title["text"].replace("<br>", " ")
    return specs


def train_to_end(at, page: str = "emoji", limit: int = 80, part: str | None = None):
    """Click Train, then rerun (each rerun draws the live fragment once, after the scheduler's workers
    trained a new slice) until the run is done, and once more: a worker may finish the run after the
    last redraw. ``part`` names a part's run (``lab.part``: buttons ``<page>.<part>.train``)."""
    key = page if part is None else f"{page}.{part}"
    at.button(key=f"{key}.train").click().run()
    if _has_button(at, f"{key}.confirm"):
        at.button(key=f"{key}.confirm").click().run()  # a long run asks first
    for _ in range(limit):
        if lab_state(at, page, part).run.done:
            break
        at.run()
    at.run()
    assert not at.exception, at.exception
    return lab_state(at, page, part).run


def lab_state(at, page: str, part: str | None = None):
    """The page's LabState (ui.labstate): values, run, task, memo; or its part's (run, lock)."""
    ls = at.session_state[f"_lab:{page}"]
    return ls if part is None else ls.parts[part]


def _has_button(at, key: str) -> bool:
    return any(b.key == key for b in at.button)
