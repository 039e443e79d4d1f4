"""The Memory lab's sweep: each cell trained at several lengths T, one point at a time, drawn as accuracy
against T. It is a part of the page's runtime (``lab.part("sweep")``): the same chunks, lock, expected
time, and a Stop that is the runtime's Pause (Run goes on from the points that landed)."""

import streamlit as st

from rnnlab import viz_memory as V
from rnnlab.device import pick_device
from rnnlab.memory.sweep import Sweep, SweepConfig
from ui import live

from .frame import tr
from .lab import Lab, duration, measured_once
from .live_progress import Meter
from .memory_view import chart

SWEEP_CHUNK = 0.8  # seconds of sweep training per fragment run: less redraw overhead, Stop within a second


def _meter(s: Sweep) -> Meter:
    return Meter("point", len(s.results), len(s.plan))


def _estimate(run: live.LabRun) -> tuple[float, str]:
    total = measured_once(run, "seconds", run.trainer.estimate_seconds)
    return total, tr("mem.sweep.estimate", n=len(run.trainer.plan), total=duration(total))


def _progress(run: live.LabRun, chart_key: str) -> None:
    s: Sweep = run.trainer
    st.progress(s.progress, text=tr("mem.sweep.progress", n=len(s.results), total=len(s.plan)))
    point = s.current()
    if s.done:
        st.success(tr("mem.sweep.done", seconds=f"{sum(p.seconds for p in s.results):.1f}"), icon="✅")
    elif run.running and point is not None:
        st.caption(tr("mem.sweep.now", cell=point[0].upper(), T=point[1]))
    elif s.results or s._trainer is not None:
        st.info(tr("mem.sweep.stopped", n=len(s.results)), icon="⏹️")
    else:
        st.caption(tr("mem.sweep.idle"))


def sweep_part(lab: Lab) -> None:
    st.subheader(tr("mem.sweep.title"))
    st.markdown(tr("mem.sweep.text"))
    v = lab.values
    device = str(pick_device(lab.device))
    cfg = SweepConfig(
        hidden_size=v["hid"],
        keep_bias=v["keep"],
        activation=v["act"],
        distractors=v["dist"],
        seed=v["seed"],
        device=device,
    )
    part = lab.part("sweep")
    part.run(
        (v["hid"], v["keep"], v["act"], v["dist"], v["seed"], device),
        lambda: ({"sweep": Sweep(cfg)}, "sweep"),
        meter=_meter,
        estimate=_estimate,
        step=False,
        labels=(tr("mem.sweep.start"), tr("mem.sweep.stop")),
        chunk_seconds=SWEEP_CHUNK,
    )

    def draw(run: live.LabRun) -> None:
        s: Sweep = run.trainer
        fig = V.sweep(
            s.table(),
            s.cfg.lengths,
            1 / 4,
            tr("mem.sweep.chart"),
            "T",
            tr("mem.recall.acc"),
            tr("mem.chance"),
        )
        chart(fig, f"{lab.key}.sweep_chart")

    part.live(draw, _progress)
