"""The Memory lab's first parts: the activation warm-up, counting beyond the training range, and deep
RNNs on sine waves. Each part: a short explanation, its equations, its live run, its views."""

import re

import numpy as np
import streamlit as st

from rnnlab import viz_memory as V
from rnnlab.config import ModelConfig, TrainConfig
from rnnlab.device import pick_device
from rnnlab.errors import RNNLabError
from rnnlab.memory import activations as A
from rnnlab.memory.counting import TRAIN_START_MAX, answer, extrapolation, read_window
from rnnlab.memory.sinewave import NOISE_MSE, build_sine, mse
from rnnlab.models import seeded_model
from rnnlab.tasks import resolve
from rnnlab.train import Trainer
from ui import live, settings

from .frame import reason, show_error, tr
from .lab import Lab, by_epochs
from .memory_fields import SINE_BEST, SINE_TUTORIAL, span

NO_BAR = {"displayModeBar": False}
EQ_RNN = r"h_t = \tanh(W_{ih} x_t + W_{hh} h_{t-1} + b) \qquad \hat y = W_{out} h_T + b_{out}"


def chart(fig, key: str) -> None:
    st.plotly_chart(fig, key=f"chart:{key}", config=NO_BAR)  # never a widget's key


def cell_label():
    """RNN/LSTM/GRU in the visitor's language, fixed now: a widget may format its value after this run."""
    return {c: tr(f"cell.{c}") for c in ("rnn", "lstm", "gru")}.get


def explain(part: str, *equations: str) -> None:
    """A part's short explanation in the visitor's language and its equations. The equations of one line
    (``a,\\quad b``) are set side by side in a row that wraps, so on a phone they stack instead of running
    off the screen's right edge; one that is still wider than the screen scrolls inside the page."""
    st.markdown(tr(f"mem.{part}.text"))
    for eq in equations:
        with st.container(horizontal=True, gap="medium"):
            for piece in split_equation(eq):
                st.latex(piece, width="content")


def split_equation(eq: str) -> list[str]:
    """``eq`` cut at its top-level ``\\quad`` and ``\\qquad`` (outside braces), with the comma before one."""
    pieces, depth, start = [], 0, 0
    for m in re.finditer(r"(?<!\\)[{}]|,?\s*\\q?quad(?![a-zA-Z])\s*", eq):
        tok = m.group()
        if tok in "{}":
            depth += 1 if tok == "{" else -1
        elif depth == 0:
            pieces.append(eq[start : m.start()].strip())
            start = m.end()
    pieces.append(eq[start:].strip())
    return [p for p in pieces if p]


def rnn_equation(act: str) -> str:
    return EQ_RNN if act == "tanh" else EQ_RNN.replace(r"\tanh", r"\mathrm{ReLU}")


def warmup(lab: Lab) -> None:
    page, v = lab.key, lab.values
    st.subheader(tr("mem.act.title"))
    explain(
        "act",
        r"\frac{\partial h_T}{\partial h_1} = \prod_{t=2}^{T} w\,f'(a_t)"
        r"\qquad \tanh' = 1-\tanh^2 \le 1,\quad \sigma' = \sigma(1-\sigma) \le \tfrac14,\quad \mathrm{ReLU}' \in \{0, 1\}",
    )
    chart(
        V.activations(A.curves(), tr("mem.act.chart"), "a", "f(a), f'(a)", tr("mem.act.deriv")), f"{page}.act"
    )
    c1, c2 = st.columns(2)
    c1.slider(tr("mem.act.steps"), *span("steps"), **settings.widget_args(page, "steps"))
    c2.slider(tr("mem.act.w"), *span("w"), step=0.1, **settings.widget_args(page, "w"))
    steps, w = v["steps"], v["w"]
    prods = {name: A.derivative_product(name, steps, w, pre=0.5) for name in A.ACTIVATIONS}
    chart(V.products(prods, tr("mem.act.product", w=f"{w:g}"), "t", tr("mem.act.left_axis")), f"{page}.prod")
    st.caption(tr("mem.act.left", T=steps, **{k: f"{p[-1]:.2g}" for k, p in prods.items()}))


def counting(lab: Lab) -> None:
    page, v, device = lab.key, lab.values, lab.device
    st.subheader(tr("mem.count.title"))
    explain("count", rnn_equation(v["act"]))
    st.selectbox(
        tr("set.cell"),
        ("rnn", "lstm", "gru"),
        **settings.widget_args(page, "ccell"),
        format_func=cell_label(),
    )
    cell, act, seed = v["ccell"], v["act"], v["seed"]

    td, mc, tc = resolve(
        "next-value",
        "tutorial",
        model={"cell": cell, "activation": act},
        train={"seed": seed, "device": device},
    )

    def make():
        model = seeded_model(mc, seed)
        return {
            cell.upper(): Trainer(model, td.train, tc, val=td.test, device=pick_device(device))
        }, cell.upper()

    part = lab.part("count")
    part.run((cell, act, seed, device), make, estimate=by_epochs(tc.epochs))
    st.text_input(
        tr("mem.count.window"), **settings.widget_args(page, "win"), help=tr("mem.count.window_help")
    )

    def draw(run: live.LabRun) -> None:
        model = run.trainer.model
        try:
            x = read_window(v["win"], 4)
        except RNNLabError as err:
            show_error(reason(err))
        else:
            vals = x[:, 0].numpy()
            st.markdown(
                tr(
                    "mem.count.answer",
                    y=f"{answer(model, x):.3f}",
                    next=f"{vals[-1] + vals[-1] - vals[-2]:.3f}",
                )
            )
        starts, answers, truths = extrapolation(model, 4, step=0.1)
        chart(
            V.extrapolation(
                starts,
                answers,
                truths,
                TRAIN_START_MAX,
                tr("mem.count.chart"),
                tr("mem.count.start"),
                tr("mem.count.next"),
                (tr("mem.count.truth"), tr("mem.count.model"), tr("mem.count.range")),
            ),
            f"{page}.extra",
        )

    part.live(draw)


@st.cache_resource(max_entries=2, show_spinner=False)
def _sine(leak: bool):
    """The sine task (10,000 series) is the same for every visitor: built once per server."""
    return build_sine(leak=leak)


def sine(lab: Lab) -> None:
    page, v, device = lab.key, lab.values, lab.device
    st.subheader(tr("mem.sine.title"))
    explain(
        "sine",
        r"h^{(1)}_t = \tanh(W^{(1)}_{ih} x_t + W^{(1)}_{hh} h^{(1)}_{t-1} + b^{(1)}),\quad "
        r"h^{(k)}_t = \tanh(W^{(k)}_{ih} h^{(k-1)}_t + W^{(k)}_{hh} h^{(k)}_{t-1} + b^{(k)})",
        r"\mathrm{MSE} = \frac1N \sum_n (\hat y_n - y_n)^2,\quad \mathrm{MSE} \ge "
        r"\mathrm{Var}\big(0.1\,(U-\tfrac12)\big) = \frac{0.01}{12} \approx 0.00083",
    )
    k = lambda name: settings.widget_args(page, name)  # noqa: E731
    b1, b2 = st.columns(2)  # short labels like every lab's presets; what each sets is in its help
    b1.button(
        tr("set.preset_tutorial"),
        key=f"{page}.sine_tutorial",
        width="stretch",
        on_click=settings.apply_preset,
        args=(page, SINE_TUTORIAL),
        help=tr("mem.sine.tutorial"),
    )
    b2.button(
        tr("set.preset_best"),
        key=f"{page}.sine_best",
        width="stretch",
        on_click=settings.apply_preset,
        args=(page, SINE_BEST),
        help=tr("mem.sine.best") + " " + tr("mem.sine.best_help"),
    )
    c1, c2, c3 = st.columns(3)
    c1.selectbox(tr("set.cell"), ("rnn", "lstm", "gru"), **k("scell"), format_func=cell_label())
    c1.slider(tr("mem.sine.deep"), *span("deep"), **k("deep"))
    c2.number_input(tr("set.hidden"), *span("shid"), **k("shid"), value=None)
    c2.number_input(tr("set.epochs"), *span("sep"), **k("sep"), value=None)
    c3.number_input(tr("set.batch"), *span("sbatch"), **k("sbatch"), value=None)
    c3.select_slider(
        tr("set.lr"),
        sorted({1e-4, 3e-4, 1e-3, 3e-3, 0.01, 0.03, v["slr"]}),
        **k("slr"),
        format_func=lambda x: f"{x:g}",
    )
    st.toggle(tr("mem.sine.leak"), **k("leak"), help=tr("mem.sine.leak_help"))
    td = _sine(v["leak"])
    names = (tr("mem.sine.one"), tr("mem.sine.many", n=v["deep"]))

    def make():
        out = {}
        for name, layers in zip(names, (1, v["deep"])):
            mc = ModelConfig(
                cell=v["scell"], activation=v["act"], hidden_size=v["shid"], num_layers=layers, **td.model
            )
            tc = TrainConfig(
                epochs=v["sep"], lr=v["slr"], batch_size=v["sbatch"], seed=v["seed"], device=device
            )
            out[name] = Trainer(
                seeded_model(mc, v["seed"]), td.train, tc, val=td.test, device=pick_device(device)
            )
        return out, names[1]

    sig = tuple(v[f] for f in ("scell", "act", "shid", "deep", "sbatch", "leak", "seed")) + (device,)
    part = lab.part("sine")  # epochs and learning rate go to the running pair (live values)
    part.run(sig, make, estimate=by_epochs(v["sep"]), live_values=(v["slr"], v["sep"]))
    if v["leak"]:
        st.warning(tr("mem.sine.leak_on"), icon="💧")

    def draw(run: live.LabRun) -> None:
        preds = {name: t.evaluate(t.val_data)[2].cpu().numpy() for name, t in run.trainers.items()}
        base = {
            tr("mem.sine.last"): td.baselines["last value"],
            tr("mem.sine.linear"): td.baselines["linear regression"],
        }
        errors = {name: mse(p, td.truth) for name, p in {**preds, **base}.items()}
        chart(
            V.error_bars(
                errors,
                NOISE_MSE,
                tr("mem.sine.mse_chart"),
                tr("mem.sine.mse"),
                tr("mem.sine.floor"),
                tuple(base),
            ),
            f"{page}.mse",
        )
        st.caption(
            tr(
                "mem.sine.rmse",
                **{f"r{i}": f"{np.sqrt(e):.4f}" for i, e in enumerate(errors.values())},
                floor=f"{np.sqrt(NOISE_MSE):.4f}",
            )
        )
        idx = [0, 1, 2]
        chart(
            V.series_examples(
                td.test.x[idx, :, 0].numpy(),
                td.truth[idx],
                {name: p[idx] for name, p in preds.items()},
                tr("mem.sine.examples"),
                "t",
                "x",
                tr("mem.sine.truth"),
            ),
            f"{page}.examples",
        )

    part.live(draw)
