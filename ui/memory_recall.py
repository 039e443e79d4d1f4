"""The Memory lab's memory-task parts: RNN, LSTM and GRU trained at once on a length T (with the sweep
over lengths below them), gradient flow, and inside the gates.

The three cells of the memory task share one live run (the part ``recall``); gradient flow is recorded
for fixed probe sequences at epoch 0 and whenever the views are drawn after a new epoch.
"""

import streamlit as st
import torch

from rnnlab import viz_memory as V
from rnnlab.config import ModelConfig, TrainConfig
from rnnlab.device import pick_device
from rnnlab.memory.cells import memory_model
from rnnlab.memory.flow import FlowRecorder, gradient_flow
from rnnlab.memory.gates import inside
from rnnlab.memory.recall import RecallConfig, build_recall
from rnnlab.train import Trainer
from ui import live

from .frame import tr
from .lab import Lab, by_epochs
from .memory_fields import span
from .memory_sweep import sweep_part
from .memory_view import chart, explain, rnn_equation

PROBES = 8  # held-out sequences whose gradient flow is drawn
EQ_LSTM = (
    r"f_t = \sigma(W_{if} x_t + W_{hf} h_{t-1} + b_f),\quad i_t = \sigma(\dots),\quad g_t = \tanh(\dots),\quad"
    r" c_t = f_t \odot c_{t-1} + i_t \odot g_t,\quad h_t = o_t \odot \tanh(c_t)"
)
EQ_GRU = (
    r"z_t = \sigma(W_{iz} x_t + W_{hz} h_{t-1} + b_z),\quad h_t = (1 - z_t) \odot n_t + z_t \odot h_{t-1}"
)


def recall_cfg(v: dict) -> RecallConfig:
    return RecallConfig(length=v["T"], distractors=v["dist"], seed=v["seed"]).validate()


def recall_run(lab: Lab) -> live.LabRun:
    """The shared run of the three cells on the memory task at the chosen T, with its controls."""
    v, device = lab.values, lab.device
    cfg = recall_cfg(v)
    td = build_recall(cfg)

    def make():
        out = {}
        for cell in ("rnn", "lstm", "gru"):
            mc = ModelConfig(cell=cell, hidden_size=v["hid"], activation=v["act"], **td.model)
            tc = TrainConfig(epochs=v["rep"], lr=0.01, batch_size=32, seed=v["seed"], device=device)
            model = memory_model(mc, v["seed"], v["keep"] if cell != "rnn" else None)
            out[cell.upper()] = Trainer(model, td.train, tc, val=td.test, device=pick_device(device))
        return out, "LSTM"

    sig = (v["T"], v["dist"], v["hid"], v["act"], v["keep"], v["seed"], device)
    run = lab.part("recall").run(sig, make, estimate=by_epochs(v["rep"]), live_values=(0.01, v["rep"]))
    if "flow" not in run.extra:
        with run.lock:
            probe = td.test.batch(torch.arange(PROBES))
            run.extra["flow"] = {name: FlowRecorder(probe) for name in run.trainers}
            run.extra["cfg"] = cfg
            for name, t in run.trainers.items():
                run.extra["flow"][name].record(t.model, 0)
    return run


def recall_settings(lab: Lab) -> None:
    k = lab.arg
    st.slider(tr("mem.recall.T"), *span("T"), **k("T"), help=tr("mem.recall.T_help"))
    c1, c2, c3, c4 = st.columns(4)
    c1.number_input(tr("set.hidden"), *span("hid"), **k("hid"), value=None)
    c2.number_input(
        tr("mem.recall.keep"),
        *span("keep"),
        step=0.5,
        **k("keep"),
        help=tr("mem.recall.keep_help"),
        value=None,
    )
    c3.number_input(
        tr("mem.recall.dist"), *span("dist"), **k("dist"), help=tr("mem.recall.dist_help"), value=None
    )
    c4.number_input(tr("set.epochs"), *span("rep"), **k("rep"), value=None)


def recall(lab: Lab) -> None:
    page, v = lab.key, lab.values
    st.subheader(tr("mem.recall.title"))
    explain("recall", rnn_equation(v["act"]), EQ_LSTM, EQ_GRU)
    recall_settings(lab)
    recall_run(lab)

    def draw(run: live.LabRun) -> None:
        acc = {name: t.evaluate(t.val_data)[1] for name, t in run.trainers.items()}
        chance = 1 / run.extra["cfg"].symbols
        chart(
            V.accuracy_bars(
                acc, chance, tr("mem.recall.acc_chart", T=v["T"]), tr("mem.recall.acc"), tr("mem.chance")
            ),
            f"{page}.acc",
        )

    lab.part("recall").live(draw)
    sweep_part(lab)


def flow(lab: Lab) -> None:
    page, v = lab.key, lab.values
    st.subheader(tr("mem.flow.title"))
    explain(
        "flow",
        r"g_t = \Big\lVert \frac{\partial L}{\partial x_t} \Big\rVert,\qquad"
        r"\frac{\partial L}{\partial x_t} = \frac{\partial L}{\partial h_T}"
        r"\prod_{k=t+1}^{T} \frac{\partial h_k}{\partial h_{k-1}} \, \frac{\partial h_t}{\partial x_t}",
    )
    recall_settings(lab)
    recall_run(lab)

    def draw(run: live.LabRun) -> None:
        recs = run.extra["flow"]
        now = {}
        for name, t in run.trainers.items():
            recs[name].record(t.model, t.epoch)
            now[name] = gradient_flow(t.model, recs[name].probe)
        chart(V.flow_lines(now, tr("mem.flow.chart", T=v["T"]), "t", "g_t = ‖∂L/∂x_t‖"), f"{page}.flow")
        st.caption(tr("mem.flow.ratio", **{n.lower(): f"{g[0] / g[-1]:.1e}" for n, g in now.items()}))
        for name, rec in recs.items():
            chart(
                V.flow_heatmap(
                    rec.matrix(),
                    rec.epochs,
                    tr("mem.flow.heat", cell=name),
                    "t",
                    tr("mem.flow.epoch"),
                    "log₁₀ g_t",
                ),
                f"{page}.heat_{name}",
            )

    lab.part("recall").live(draw)


def gates(lab: Lab) -> None:
    page = lab.key
    st.subheader(tr("mem.gates.title"))
    explain("gates", EQ_LSTM, EQ_GRU, r"\mathrm{score}_u = \min_t \operatorname{std}_k\, s_{k,t,u}")
    recall_settings(lab)
    recall_run(lab)

    def draw(run: live.LabRun) -> None:
        cfg = run.extra["cfg"]
        if run.epoch == 0:
            st.caption(tr("mem.gates.untrained"))
        for name, gate_sym, state_sym in (("LSTM", "f_t", "c_t"), ("GRU", "z_t", "h_t")):
            view = inside(run.trainers[name].model, cfg)
            held = ", ".join(str(u + 1) for u in view.holding) or "–"
            st.markdown(tr("mem.gates.found", cell=name, units=held, symbol=view.tokens[0]))
            chart(
                V.unit_heatmap(
                    view.gate,
                    view.holding,
                    tr("mem.gates.gate", cell=name, sym=gate_sym),
                    "t",
                    tr("mem.unit"),
                    gate=True,
                ),
                f"{page}.gate_{name}",
            )
            chart(
                V.unit_lines(
                    view.state,
                    view.holding,
                    tr("mem.gates.state", cell=name, sym=state_sym),
                    "t",
                    state_sym,
                    tr("mem.unit"),
                ),
                f"{page}.state_{name}",
            )

    lab.part("recall").live(draw)
