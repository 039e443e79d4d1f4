"""The Memory lab's exploding gradients: a vanilla RNN with a scaled recurrent matrix trained with and
without gradient clipping, side by side, and its hidden-state norm over time."""

import streamlit as st

from rnnlab import viz_memory as V
from rnnlab.config import ModelConfig, TrainConfig
from rnnlab.device import pick_device
from rnnlab.memory.explode import diverged, state_norms, with_and_without_clip
from rnnlab.memory.recall import build_recall
from ui import live

from .frame import reason, tr
from .lab import Lab, by_epochs
from .memory_fields import span
from .memory_recall import recall_cfg
from .memory_view import chart, explain, rnn_equation


def explode(lab: Lab) -> None:
    page, v, device = lab.key, lab.values, lab.device
    st.subheader(tr("mem.explode.title"))
    explain(
        "explode",
        rnn_equation(v["act"]).replace("W_{hh}", r"s\,W_{hh}"),
        r"g \leftarrow g \cdot \min\Big(1, \frac{\mathrm{clip}}{\lVert g \rVert}\Big)",
    )
    k = lab.arg
    st.slider(tr("mem.recall.T"), *span("T"), **k("T"))
    c1, c2, c3 = st.columns(3)
    c1.slider(tr("mem.explode.scale"), *span("scale"), step=0.1, **k("scale"))
    c2.number_input(tr("set.clip"), *span("clip"), step=0.5, **k("clip"), value=None)
    c3.number_input(tr("set.epochs"), *span("rep"), **k("rep"), value=None)
    cfg = recall_cfg(v)
    td = build_recall(cfg)
    names = {"no clip": tr("mem.explode.no_clip"), "clip": tr("mem.explode.clip", clip=f"{v['clip']:g}")}

    def make():
        mc = ModelConfig(cell="rnn", hidden_size=v["hid"], activation=v["act"], **td.model)
        tc = TrainConfig(
            epochs=v["rep"], lr=0.01, optimizer="sgd", batch_size=32, seed=v["seed"], device=device
        )
        pair = with_and_without_clip(td, mc, tc, v["scale"], v["clip"], pick_device(device))
        return {names[key]: t for key, t in pair.items()}, names["clip"]

    sig = (v["T"], v["dist"], v["hid"], v["act"], v["scale"], v["clip"], v["seed"], device)
    if v["act"] == "tanh":
        st.info(tr("mem.explode.try_relu"), icon="💡")
    part = lab.part("explode")
    part.run(sig, make, estimate=by_epochs(v["rep"]), live_values=(0.01, v["rep"]))

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

    part.live(draw)
