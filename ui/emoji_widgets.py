"""The Emoji lab's own widgets: the message box with its emoji picker, and the shuffle lesson."""

import itertools
import random

import pandas as pd
import streamlit as st
import torch

from rnnlab.data import emoji as E
from rnnlab.data.text import emoji_tokens
from rnnlab.predict import decide, predict

from . import settings
from .frame import tr

MAX_ORDERS = 24


def _append(page: str, token: str) -> None:
    settings.set_value(page, "msg", st.session_state[f"{page}.msg"] + token)


def _backspace(page: str) -> None:
    try:
        settings.set_value(page, "msg", "".join(emoji_tokens(st.session_state[f"{page}.msg"])[:-1]))
    except ValueError:  # already empty
        settings.set_value(page, "msg", "")


def message_box(page: str, known: list[str]) -> str:
    """A text box (spaces optional) and a row of buttons that type the known emoji."""
    key = f"{page}.msg"
    st.text_input(
        tr("emoji.message"),
        **settings.widget_args(page, "msg"),
        max_chars=2000,
        help=tr("emoji.message_help"),
    )
    cols = st.container(key=f"{page}_keypad").columns(len(known) + 2)  # a grid on a phone too (frame CSS)
    for col, token in zip(cols, known):
        col.button(token, key=f"{page}.pick_{token}", on_click=_append, args=(page, token), width="stretch")
    cols[-2].button(
        "⌫",
        key=f"{page}.backspace",
        on_click=_backspace,
        args=(page,),
        width="stretch",
        help=tr("emoji.backspace"),
    )
    cols[-1].button(
        "✕",
        key=f"{page}.clear",
        on_click=settings.set_value,
        args=(page, "msg", ""),
        width="stretch",
        help=tr("emoji.clear"),
    )
    return st.session_state[key]


def orders(tokens: list[str], seed: int = 0) -> list[tuple[str, ...]]:
    """Every distinct order of the tokens, or MAX_ORDERS random ones when there are more."""
    if len(tokens) <= 5:
        return list(dict.fromkeys(itertools.permutations(tokens)))[: MAX_ORDERS * 5]
    rng = random.Random(seed)
    seen = {tuple(tokens)}
    while len(seen) < MAX_ORDERS:
        seen.add(tuple(rng.sample(tokens, len(tokens))))
    return list(seen)


def _shuffle(page: str, tokens: list[str]) -> None:
    """A button callback: the message's emoji in another order (a new one each click, seeded by the count)."""
    count = st.session_state.get(f"{page}/_shuffles", 0) + 1
    st.session_state[f"{page}/_shuffles"] = count
    rng = random.Random(count)
    order = list(tokens)
    for _ in range(20):  # a different order when there is one
        rng.shuffle(order)
        if order != list(tokens):
            break
    settings.set_value(page, "msg", "".join(order))


def _toggle_orders(page: str, tokens: list[str]) -> None:
    key = f"{page}/_shuffled"
    st.session_state[key] = None if st.session_state.get(key) == tuple(tokens) else tuple(tokens)


def shuffle_panel(page: str, model, td, tokens: list[str]) -> None:
    """The lesson that a bag of emoji is not enough: shuffle the message and read it again, or see the
    verdict for every order of the same emoji in a table."""
    key = f"{page}/_shuffled"
    c1, c2 = st.columns(2)
    c1.button(
        tr("emoji.shuffle"),
        key=f"{page}.shuffle",
        on_click=_shuffle,
        args=(page, tokens),
        help=tr("cls.shuffle_help"),
        width="stretch",
        disabled=len(set(tokens)) < 2,
    )
    c2.button(
        tr("cls.every_order"),
        key=f"{page}.orders",
        on_click=_toggle_orders,
        args=(page, tokens),
        help=tr("emoji.shuffle_help"),
        width="stretch",
    )
    if st.session_state.get(key) != tuple(tokens):
        return
    rows = []
    with torch.no_grad():
        for order in orders(tokens):
            x, _, _ = td.encode("".join(order))
            p = float(predict(model, x).probs[-1])  # P(GOOD), read in eval mode
            rows.append(
                {
                    tr("emoji.col_message"): " ".join(order),
                    tr("inspect.verdict"): tr(f"label.{page}.{E.LABELS[decide(p)]}"),
                    tr("emoji.col_prob"): round(p, 3),
                }
            )
    good = sum(decide(r[tr("emoji.col_prob")]) for r in rows)
    key = "emoji.shuffle_result" if 0 < good < len(rows) else "emoji.shuffle_same"
    st.markdown(tr(key, n=len(rows), good=good, bad=len(rows) - good))
    st.dataframe(
        pd.DataFrame(rows),
        hide_index=True,
        width="stretch",
        height=min(400, 40 + 35 * len(rows)),
        column_config={
            tr("emoji.col_prob"): st.column_config.ProgressColumn(min_value=0.0, max_value=1.0, format="%.2f")
        },
    )
