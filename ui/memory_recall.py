"""The Memory lab's memory-task parts: RNN, LSTM and GRU trained at once on a length T, the sweep over
lengths, gradient flow, inside the gates, and exploding gradients with clipping.

The three cells of the memory task share one live run (``memory-recall``); gradient flow is recorded
for fixed probe sequences at epoch 0 and whenever the views are drawn after a new epoch.
"""

import threading

import streamlit as st
import torch

from rnnlab import viz_memory as V
from rnnlab.config import ModelConfig, TrainConfig
from rnnlab.device import pick_device
from rnnlab.memory.cells import memory_model
from rnnlab.memory.explode import diverged, state_norms, with_and_without_clip
from rnnlab.memory.flow import FlowRecorder, gradient_flow
from rnnlab.memory.gates import inside
from rnnlab.memory.recall import RecallConfig, build_recall
from rnnlab.memory.sweep import Sweep, SweepConfig
from rnnlab.train import Trainer
from ui import labstate, live, settings

from .frame import reason, tr
from .memory_view import chart, explain, rnn_equation

PROBES = 8  # held-out sequences whose gradient flow is drawn
SWEEP_CHUNK = 0.8  # seconds of sweep training per fragment run: less redraw overhead, Stop within a second
EQ_LSTM = (
    r"f_t = \sigma(W_{if} x_t + W_{hf} h_{t-1} + b_f),\quad i_t = \sigma(\dots),\quad g_t = \tanh(\dots),\quad"
    r" c_t = f_t \odot c_{t-1} + i_t \odot g_t,\quad h_t = o_t \odot \tanh(c_t)"
)
EQ_GRU = (
    r"z_t = \sigma(W_{iz} x_t + W_{hz} h_{t-1} + b_z),\quad h_t = (1 - z_t) \odot n_t + z_t \odot h_{t-1}"
)


def _recall_cfg(v: dict) -> RecallConfig:
    return RecallConfig(length=v["T"], distractors=v["dist"], seed=v["seed"]).validate()


def recall_run(page: str, v: dict, device: str) -> tuple[live.LabRun, object]:
    """The shared run of the three cells on the memory task at the chosen T, with its controls."""
    cfg = _recall_cfg(v)
    td = build_recall(cfg)

    def make():
        out = {}
        for cell in ("rnn", "lstm", "gru"):
            mc = ModelConfig(cell=cell, hidden_size=v["hid"], activation=v["act"], **td.model)
            tc = TrainConfig(epochs=v["rep"], lr=0.01, batch_size=32, seed=v["seed"], device=device)
            model = memory_model(mc, v["seed"], v["keep"] if cell != "rnn" else None)
            out[cell.upper()] = Trainer(model, td.train, tc, val=td.test, device=pick_device(device))
        return out, "LSTM"

    sig = (v["T"], v["dist"], v["hid"], v["act"], v["keep"], v["rep"], v["seed"], device)
    run = live.ensure_run(f"{page}-recall", sig, make)
    if "flow" not in run.extra:
        probe = td.test.batch(torch.arange(PROBES))
        run.extra["flow"] = {name: FlowRecorder(probe) for name in run.trainers}
        run.extra["cfg"] = cfg
        for name, t in run.trainers.items():
            run.extra["flow"][name].record(t.model, 0)
    return run, td


def recall_settings(page: str) -> None:
    k = lambda name: settings.widget_args(page, name)  # noqa: E731
    st.slider(tr("mem.recall.T"), 5, 200, **k("T"), help=tr("mem.recall.T_help"))
    c1, c2, c3, c4 = st.columns(4)
    c1.number_input(tr("set.hidden"), 2, 64, **k("hid"))
    c2.number_input(tr("mem.recall.keep"), 0.0, 5.0, step=0.5, **k("keep"), help=tr("mem.recall.keep_help"))
    c3.number_input(tr("mem.recall.dist"), 1, 8, **k("dist"), help=tr("mem.recall.dist_help"))
    c4.number_input(tr("set.epochs"), 1, 200, **k("rep"))


def recall(page: str, v: dict, device: str) -> None:
    st.subheader(tr("mem.recall.title"))
    explain("recall", rnn_equation(v["act"]), EQ_LSTM, EQ_GRU)
    recall_settings(page)
    run, td = recall_run(page, v, device)
    live.controls(f"{page}-recall", run)

    def draw(run: live.LabRun) -> None:
        acc = {name: t.evaluate(td.test)[1] for name, t in run.trainers.items()}
        chance = 1 / run.extra["cfg"].symbols
        chart(
            V.accuracy_bars(
                acc, chance, tr("mem.recall.acc_chart", T=v["T"]), tr("mem.recall.acc"), tr("mem.chance")
            ),
            f"{page}.acc",
        )

    live.panel(f"{page}-recall", run, draw)
    sweep_part(page, v)


def flow(page: str, v: dict, device: str) -> None:
    st.subheader(tr("mem.flow.title"))
    explain(
        "flow",
        r"g_t = \Big\lVert \frac{\partial L}{\partial x_t} \Big\rVert,\qquad"
        r"\frac{\partial L}{\partial x_t} = \frac{\partial L}{\partial h_T}"
        r"\prod_{k=t+1}^{T} \frac{\partial h_k}{\partial h_{k-1}} \, \frac{\partial h_t}{\partial x_t}",
    )
    recall_settings(page)
    run, _ = recall_run(page, v, device)
    live.controls(f"{page}-recall", run)

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

    live.panel(f"{page}-recall", run, draw)


def gates(page: str, v: dict, device: str) -> None:
    st.subheader(tr("mem.gates.title"))
    explain("gates", EQ_LSTM, EQ_GRU, r"\mathrm{score}_u = \min_t \operatorname{std}_k\, s_{k,t,u}")
    recall_settings(page)
    run, _ = recall_run(page, v, device)
    live.controls(f"{page}-recall", run)

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

    live.panel(f"{page}-recall", run, draw)


def explode(page: str, v: dict, device: str) -> None:
    st.subheader(tr("mem.explode.title"))
    explain(
        "explode",
        rnn_equation(v["act"]).replace("W_{hh}", r"s\,W_{hh}"),
        r"g \leftarrow g \cdot \min\Big(1, \frac{\mathrm{clip}}{\lVert g \rVert}\Big)",
    )
    k = lambda name: settings.widget_args(page, name)  # noqa: E731
    st.slider(tr("mem.recall.T"), 5, 200, **k("T"))
    c1, c2, c3 = st.columns(3)
    c1.slider(tr("mem.explode.scale"), 0.1, 5.0, step=0.1, **k("scale"))
    c2.number_input(tr("set.clip"), 0.1, 10.0, step=0.5, **k("clip"))
    c3.number_input(tr("set.epochs"), 1, 200, **k("rep"))
    cfg = _recall_cfg(v)
    td = build_recall(cfg)
    names = {"no clip": tr("mem.explode.no_clip"), "clip": tr("mem.explode.clip", clip=f"{v['clip']:g}")}

    def make():
        mc = ModelConfig(cell="rnn", hidden_size=v["hid"], activation=v["act"], **td.model)
        tc = TrainConfig(
            epochs=v["rep"], lr=0.01, optimizer="sgd", batch_size=32, seed=v["seed"], device=device
        )
        pair = with_and_without_clip(td, mc, tc, v["scale"], v["clip"])
        return {names[key]: t for key, t in pair.items()}, names["clip"]

    sig = (v["T"], v["dist"], v["hid"], v["act"], v["scale"], v["clip"], v["rep"], v["seed"], device)
    run = live.ensure_run(f"{page}-explode", sig, make)
    if v["act"] == "tanh":
        st.info(tr("mem.explode.try_relu"), icon="💡")
    live.controls(f"{page}-explode", run)

    def draw(run: live.LabRun) -> None:
        for name, t in run.trainers.items():
            note = diverged(t)
            if note is not None:
                st.error(f"**{name}**: {reason(note)}", icon="💥")
        x = td.test.x[0]
        norms = {name: state_norms(t.model, x) for name, t in run.trainers.items()}
        chart(
            V.norm_lines(norms, tr("mem.explode.norm_chart", s=f"{v['scale']:g}"), "t", "‖h_t‖"),
            f"{page}.norms",
        )

    live.panel(f"{page}-explode", run, draw)


# the sweep: in the lab's own state (memo), one point per chunk, a Stop that ends it between chunks
def _sweep_state(page: str) -> dict:
    return labstate.state(page).memo.setdefault(
        "sweep", {"sweep": None, "running": False, "lock": threading.Lock()}
    )


def _start_sweep(page: str, v: dict) -> None:
    state = _sweep_state(page)
    cfg = SweepConfig(
        hidden_size=v["hid"], keep_bias=v["keep"], activation=v["act"], distractors=v["dist"], seed=v["seed"]
    )
    with state["lock"]:
        state["sweep"], state["running"] = Sweep(cfg), True


def _stop_sweep(page: str) -> None:
    state = _sweep_state(page)
    state["running"] = False
    with state["lock"]:
        if state["sweep"] is not None and not state["sweep"].done:
            state["sweep"].stop()


def sweep_part(page: str, v: dict) -> None:
    st.subheader(tr("mem.sweep.title"))
    st.markdown(tr("mem.sweep.text"))
    state = _sweep_state(page)
    c1, c2 = st.columns(2)
    c1.button(
        tr("mem.sweep.start"),
        key=f"{page}.sweep_start",
        type="primary",
        disabled=state["running"],
        on_click=_start_sweep,
        args=(page, v),
        width="stretch",
    )
    c2.button(
        tr("mem.sweep.stop"),
        key=f"{page}.sweep_stop",
        disabled=not state["running"],
        on_click=_stop_sweep,
        args=(page,),
        width="stretch",
    )

    @st.fragment(run_every=live.TICK if state["running"] else None)
    def _panel():
        s: Sweep | None = state["sweep"]
        if s is None:
            st.caption(tr("mem.sweep.idle"))
            return
        if state["running"]:
            with state["lock"]:
                if not s.done:
                    s.step(seconds=SWEEP_CHUNK)
            if s.done:
                state["running"] = False
                st.rerun(scope="app")
        point = s.current()
        st.progress(s.progress, text=tr("mem.sweep.progress", n=len(s.results), total=len(s.plan)))
        if point is not None and state["running"]:
            st.caption(tr("mem.sweep.now", cell=point[0].upper(), T=point[1]))
        elif s.stopped:
            st.info(tr("mem.sweep.stopped", n=len(s.results)), icon="⏹️")
        else:
            st.success(tr("mem.sweep.done", seconds=f"{sum(p.seconds for p in s.results):.1f}"), icon="✅")
        chance = 1 / 4
        chart(
            V.sweep(
                s.table(),
                s.cfg.lengths,
                chance,
                tr("mem.sweep.chart"),
                "T",
                tr("mem.recall.acc"),
                tr("mem.chance"),
            ),
            f"{page}.sweep_chart",
        )

    _panel()
