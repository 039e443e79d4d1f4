"""Ensembles on the pages ("average K models", ``rnnlab.ensemble``): the members of the shown model's
cell, and for classifiers (the Sentence lab) their vote on the held-out part beside each member's own
accuracy. A run's trainers are named by ``rnnlab.ensemble.member_name``: "GRU", "GRU #2", ..., and when
comparing cells, each cell is an ensemble of its own ("RNN", "RNN #2", ..., "LSTM", ...)."""

import pandas as pd
import streamlit as st

from rnnlab.ensemble import Vote, vote

from .frame import tr


def base_of(name: str) -> str:
    """The cell's name of a member: "GRU #2" -> "GRU"."""
    return name.split(" #")[0]


def members(run, base: str | None = None) -> list:
    """The trainers of ``base``'s ensemble (the shown model's cell by default), member 1 first; one
    trainer when the ensemble has one member."""
    base = base or base_of(run.main)
    return [t for name, t in run.trainers.items() if base_of(name) == base]


def size(run) -> int:
    """K, the models averaged (1: no ensemble), counted in the run (``make_trainers`` built them)."""
    return len(members(run))


def cells(run) -> list[str]:
    """The cells trained (one, or three when comparing), in the run's order."""
    return list(dict.fromkeys(base_of(n) for n in run.trainers))


def held_out(run, td, base: str | None = None) -> Vote:
    """The vote of ``base``'s members on the held-out part (``rnnlab.ensemble.vote``: the CLI's rule),
    computed once per trained state of the run (kept in its extras, recomputed after more training)."""
    base = base or base_of(run.main)
    group = members(run, base)
    state = tuple((t.epoch, sum(t.history.steps), t.stop_reason) for t in group)
    votes = run.extra.setdefault("votes", {})
    if votes.get(base, (None,))[0] != state:
        with run.lock:
            votes[base] = (state, vote(group, td.test))
    return votes[base][1]


def vote_table(run, td) -> None:
    """The held-out accuracy of each cell's ensemble and of each of its models (with its seed)."""
    k = size(run)
    seeds = [t.cfg.seed for t in members(run)]
    rows = [tr("ens.row_ensemble")] + [tr("ens.row_seed", k=i + 1, seed=s) for i, s in enumerate(seeds)]
    table = {"": rows}
    for base in cells(run):
        v = held_out(run, td, base)
        table[base] = [f"{a:.1%}" for a in (v.accuracy, *v.members)]
    st.dataframe(pd.DataFrame(table), hide_index=True, width="content")
    st.caption(tr("ens.table_help", k=k))


def shown_caption(run) -> None:
    """Which single model the views below the verdict show (the inside views cannot average K models)."""
    st.caption(tr("ens.inside", name=run.main, seed=run.trainer.cfg.seed, k=size(run)))
