"""The Sentence lab's convolutional front-end (the tutorial's IMDB "LSTM + CNN") and what the head reads.

Five link fields, each limited by its knob's range or choices (``rnnlab.knobs``): ``filters`` (0 = no
front-end), ``kernel``, ``pool``, ``readout`` and ``drop``. All are model knobs: a change builds a new run.
"""

import streamlit as st

from rnnlab.knobs import KNOBS

from .frame import tr

CONV = ("filters", "kernel", "pool", "readout", "drop")


def controls(lab) -> None:
    """The front-end's heading, the two sentences on what it adds, and its widgets."""
    st.markdown(f"**{tr('conv.heading')}**")
    st.caption(tr("conv.about"))
    k = {name: KNOBS[name] for name in CONV}
    off = lab.value("filters") == 0  # kernel and pool mean nothing without feature maps
    c1, c2 = st.columns(2)
    c1.number_input(
        tr("conv.filters"),
        int(k["filters"].lo),
        int(k["filters"].hi),
        **lab.arg("filters"),
        help=tr("conv.filters_help"),
        value=None,
    )
    c2.select_slider(
        tr("conv.kernel"),
        list(k["kernel"].choices),
        **lab.arg("kernel"),
        disabled=off,
        help=tr("conv.kernel_help"),
    )
    c1.slider(
        tr("conv.pool"),
        int(k["pool"].lo),
        int(k["pool"].hi),
        **lab.arg("pool"),
        disabled=off,
        help=tr("conv.pool_help"),
    )
    c2.slider(
        tr("conv.drop"),
        float(k["drop"].lo),
        float(k["drop"].hi),
        step=0.05,
        **lab.arg("drop"),
        help=tr("conv.drop_help"),
    )
    st.segmented_control(
        tr("conv.readout"),
        list(k["readout"].choices),
        **lab.arg("readout"),
        required=True,
        format_func=lambda r: tr(f"conv.readout_{r}"),
        help=tr("conv.readout_help"),
    )
    if not off:
        p, n = lab.value("pool"), lab.value("maxlen")
        st.caption(tr("conv.steps", p=p, maxlen=n, steps=-(-n // p)))
