"""Compare mode: RNN, LSTM and GRU trained side by side. A small table of where each one ended, and a
chooser for the model whose verdict and insides the page shows (the page names it)."""

import math

import pandas as pd
import streamlit as st

from .frame import tr


def _last(values: list[float]) -> float | None:
    return round(values[-1], 4) if values and not math.isnan(values[-1]) else None


def table(run) -> pd.DataFrame:
    """One row per model: final training loss, and accuracy and held-out accuracy (classifiers) or the
    held-out loss (regression); empty cells before the first epoch."""
    rows = []
    for name, t in run.trainers.items():
        h = t.history
        row = {tr("cls.cmp_model"): name, tr("live.epoch"): t.epoch, tr("live.loss"): _last(h.loss)}
        if t.model.cfg.head == "regression":
            row[tr("live.val_loss")] = _last(h.val_loss)
        else:
            acc, val = _last(h.accuracy), _last(h.val_accuracy)
            row[tr("live.accuracy")] = f"{acc:.0%}" if acc is not None else "–"
            if t.val_data is not None:
                row[tr("sent.test_acc")] = f"{val:.0%}" if val is not None else "–"
        rows.append(row)
    return pd.DataFrame(rows)


def _choose(page: str, run) -> None:
    picked = st.session_state.get(f"{page}.shown")
    if picked in run.trainers:
        run.main = picked


def compare(page: str, run) -> None:
    """The table and the chooser; nothing when one model trains."""
    if len(run.trainers) < 2:
        return
    st.dataframe(table(run), hide_index=True, width="stretch")
    if st.session_state.get(f"{page}.shown") not in run.trainers:
        st.session_state[f"{page}.shown"] = run.main
    st.segmented_control(
        tr("cls.cmp_shown"),
        list(run.trainers),
        key=f"{page}.shown",
        required=True,
        on_change=_choose,
        args=(page, run),
        help=tr("cls.cmp_shown_help"),
    )
    run.main = st.session_state[f"{page}.shown"]


def shown_name(run) -> str | None:
    """The name of the model behind the verdict when several train, else None."""
    return run.main if len(run.trainers) > 1 else None
