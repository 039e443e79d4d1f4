"""What a trained classifier does with one input: the verdict, how it formed, and the model's insides."""

import numpy as np
import pandas as pd
import streamlit as st
import torch

from rnnlab import viz
from rnnlab.errors import RNNLabError
from rnnlab.gradients import input_gradients
from rnnlab.models import SeqModel
from rnnlab.predict import decide
from rnnlab.replay import GATES, Trace, trace
from rnnlab.summary import keras_count, summarize, total

from .frame import reason, show_error, tr


def encode_or_explain(encode, text: str):
    """(x, tokens, warnings) or None after showing why the input cannot be read."""
    try:
        return encode(text)
    except RNNLabError as err:
        show_error(tr("inspect.bad_input", reason=reason(err)))
        return None


def label_text(page: str, name: str) -> str:
    """A class name in the visitor's language when the lab translates it, else as the data names it."""
    key = f"label.{page}.{name}"
    text = tr(key)
    return name if text == key else text


def verdict(
    page: str,
    model: SeqModel,
    x: torch.Tensor,
    tokens: list[str],
    labels: list[str],
    name: str | None = None,
    members: list[SeqModel] = (),
):
    """The big verdict and the strip of the winning class's probability after each token; ``name`` names
    the model behind it when several train side by side. With an ensemble (``members``, two or more
    models of one configuration, ``model`` among them) the verdict and the strip are their mean
    probabilities (``rnnlab.ensemble``); the trace returned, for the inside views, is ``model``'s."""
    tr_ = trace(model, x)
    ens = None
    if len(members) > 1:
        traces = [tr_ if m is model else trace(m, x) for m in members]
        ens = Trace([], np.mean([t.outputs for t in traces], 0), np.mean([t.final for t in traces], 0))
    shown = ens or tr_
    tokens = model.step_labels(tokens)  # with the conv front-end a step reads a pooled group of tokens
    if shown.outputs.shape[1] == 1:  # binary: P(second class)
        p = float(shown.final[0])
        k = decide(p)
        strip, prob = shown.outputs[:, 0], p if k else 1 - p
        positive, negative = label_text(page, labels[1]), label_text(page, labels[0])
    else:  # several classes: the winner against the rest
        k = int(np.argmax(shown.final))
        strip, prob = shown.outputs[:, k], float(shown.final[k])
        positive, negative = label_text(page, labels[k]), tr("inspect.others")
    color = "green" if (len(labels) > 2 or k == 1) else "red"
    if ens is not None:
        title = tr("ens.verdict", k=len(members), model=model.cfg.cell.upper())
    else:
        title = tr("cls.verdict_of", model=name) if name else tr("inspect.verdict")
    st.markdown(
        f"### {title}: :{color}[**{label_text(page, labels[k])}**] "
        f"· {tr('inspect.prob', label=label_text(page, labels[k]), p=prob)}"
    )
    st.plotly_chart(
        viz.verdict_strip(
            strip, tokens, tr("inspect.strip_title"), tr("inspect.prob_axis"), positive, negative
        ),
        key=f"{page}.strip",
        config={"displayModeBar": False},
    )
    st.caption(tr("inspect.strip_help"))
    if ens is not None:
        st.caption(tr("ens.verdict_help", k=len(members)))
    return tr_


def insides(page: str, model: SeqModel, x: torch.Tensor, tokens: list[str], tr_) -> None:
    """One view at a time (hidden states, the conv front-end's feature maps, gates, gradient flow,
    parameters): only the chosen view is drawn, so a live redraw costs the visitor's browser a few
    charts, not all of them. ``tokens`` are the tokens read; the RNN's steps are their pooled groups."""
    cell = model.cfg.cell
    views = ["hidden", *(["maps"] if tr_.maps is not None else []), "gates", "grad", "summary"]
    words, tokens = tokens, model.step_labels(tokens)  # per token (maps, gradients); per RNN step
    view = (
        st.segmented_control(
            tr("inspect.view"),
            views,
            default="hidden",
            key=f"{page}.view",
            format_func=lambda v: tr(f"inspect.tab_{v}"),
        )
        or "hidden"
    )
    step, unit = tr("inspect.step_axis"), tr("inspect.unit_axis")
    d = model.cfg.directions
    if view in ("hidden", "gates"):
        heat_notes(len(tokens), d)
    if view == "hidden":
        st.caption(tr("inspect.hidden_help"))
        for i, layer in enumerate(tr_.layers):
            st.plotly_chart(
                viz.step_heatmap(
                    layer.h, tokens, tr("inspect.hidden_title", layer=i + 1), unit, step, directions=d
                ),
                key=f"{page}.h{i}",
                config={"displayModeBar": False},
            )
    elif view == "maps":
        feature_maps(page, model, tr_.maps, words)
    elif view == "gates":
        if cell == "rnn":
            st.info(tr("inspect.no_gates"))
            return
        st.caption(tr(f"inspect.gates_help_{cell}"))
        layer_no = (
            st.radio(
                tr("inspect.layer"),
                list(range(1, len(tr_.layers) + 1)),
                horizontal=True,
                key=f"{page}.gate_layer",
            )
            if len(tr_.layers) > 1
            else 1
        )
        layer = tr_.layers[layer_no - 1]
        if layer.c is not None:
            st.plotly_chart(
                viz.step_heatmap(layer.c, tokens, tr("inspect.cell_title"), unit, step, directions=d),
                key=f"{page}.c",
                config={"displayModeBar": False},
            )
        for g in GATES[cell]:  # full width, one readable column per step
            st.plotly_chart(
                viz.step_heatmap(
                    layer.gates[g],
                    tokens,
                    tr(f"gate.{g}"),
                    unit,
                    step,
                    gate=g not in ("g", "n"),
                    directions=d,
                ),
                key=f"{page}.gate_{g}",
                config={"displayModeBar": False},
            )
            st.caption(f"{tr(f'gate.{g}_help')} {tr(f'cls.gate_{g}')}")
    elif view == "grad":
        rep = input_gradients(model, x)
        st.caption(tr("inspect.grad_help"))
        st.plotly_chart(
            viz.step_bars(
                np.maximum(rep.norms, 1e-12),
                words,
                tr("inspect.grad_title"),
                tr("inspect.grad_axis"),
                log_y=True,
            ),
            key=f"{page}.grad",
            config={"displayModeBar": False},
        )
        st.plotly_chart(
            viz.step_bars(rep.saliency, words, tr("inspect.sal_title"), tr("inspect.sal_axis"), signed=True),
            key=f"{page}.sal",
            config={"displayModeBar": False},
        )
    else:
        summary_table(model)


def feature_maps(page: str, model: SeqModel, maps: np.ndarray, tokens: list[str]) -> None:
    """The conv front-end's maps m_t, one column per token; dashed lines mark the groups the pooling
    turns into one step of the RNN."""
    heat_notes(len(tokens), 1)
    st.caption(tr("conv.maps_help", k=model.cfg.conv_kernel, p=model.cfg.conv_pool))
    st.plotly_chart(
        viz.feature_map_heatmap(
            maps,
            tokens,
            model.cfg.conv_pool,
            tr("conv.maps_title", f=model.cfg.conv_filters, k=model.cfg.conv_kernel),
            tr("conv.map_axis"),
            tr("conv.token_axis"),
        ),
        key=f"{page}.maps",
        config={"displayModeBar": False},
    )


def heat_notes(steps: int, directions: int, limit: int = viz.MAX_STEPS, key: str = "cls.steps_cut") -> None:
    """Say which steps a heatmap leaves out, and which rows read forward or backward."""
    left = viz.capped(steps, limit)
    if left:
        st.caption(tr(key, shown=limit, n=steps, left=left))
    if directions == 2:
        st.caption(tr("cls.directions"))


def layer_name(r, cell: str) -> str:
    """A summary row's layer in the visitor's language ("GRU 1층 (정방향)"); the engine's name in English."""
    if not r.kind:
        return r.layer
    name = tr(f"sum.kind.{r.kind}", n=r.index, cell=cell.upper())
    return tr(f"sum.dir.{r.direction}", layer=name) if r.direction else name


def summary_table(model: SeqModel) -> None:
    """The parameters per layer. A static table: its cells wrap, so the long tensor and formula columns
    show their text where a scrolling grid cut the formula off at 1280 px."""
    rows = summarize(model)
    df = pd.DataFrame(
        [
            {
                tr("sum.layer"): layer_name(r, model.cfg.cell),
                tr("sum.shapes"): r.shapes,
                tr("sum.formula"): r.formula,
                tr("sum.count"): r.count,
            }
            for r in rows
        ]
    )
    st.table(df, hide_index=True)
    cfg = model.cfg
    st.caption(tr("sum.total", n=total(rows)))
    st.caption(
        tr(
            "sum.keras",
            cell=cfg.cell.upper(),
            h=cfg.hidden_size,
            n_in=model.rnn_width,
            keras=keras_count(cfg.cell, cfg.hidden_size, model.rnn_width),
        )
    )
    if cfg.conv:  # the front-end's count by hand, as the table's formula column writes it
        f, k, n = cfg.conv_filters, cfg.conv_kernel, model.input_width
        st.caption(tr("conv.count", f=f, k=k, n_in=n, count=f * (n * k + 1)))
