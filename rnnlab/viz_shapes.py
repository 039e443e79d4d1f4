"""Unrolled diagrams of the shapes of RNN tasks: which inputs are read, which outputs are used.

Each diagram is a row of cells (the same cell at every step), inputs below, outputs above, arrows
to the right carrying the hidden state. Outputs that are not used are drawn faint.
"""

import plotly.graph_objects as go

from .viz_layout import figure
from .viz_seq import DEC, DIM, ENC, FONT, IN, OUT, esc

SHAPES = ("many-to-one", "one-to-many", "aligned", "encoder-decoder")


def _box(x, y, color, text, text_color="white", w=0.36, h=0.3):
    shape = {
        "type": "rect",
        "x0": x - w,
        "x1": x + w,
        "y0": y - h,
        "y1": y + h,
        "fillcolor": color,
        "line": {"color": "#475467", "width": 1},
        "layer": "below",
    }
    note = {
        "x": x,
        "y": y,
        "text": esc([text])[0],
        "showarrow": False,
        "font": {"size": FONT, "color": text_color},
    }
    return shape, note


def _arrow(x0, y0, x1, y1, color="#475467", width=2):
    return {
        "x": x1,
        "y": y1,
        "ax": x0,
        "ay": y0,
        "xref": "x",
        "yref": "y",
        "axref": "x",
        "ayref": "y",
        "text": "",
        "showarrow": True,
        "arrowhead": 3,
        "arrowwidth": width,
        "arrowcolor": color,
        "standoff": 2,
        "startstandoff": 2,
    }


def shape_diagram(kind: str, title: str, ins: list[str], outs: list[str], bridge: str = "") -> go.Figure:
    """``kind`` in SHAPES; ``ins``/``outs`` label the steps ("" = no input / output used there)."""
    shapes, notes = [], []
    n_enc = len(ins) if kind == "encoder-decoder" else 0
    steps = len(ins) + (len(outs) if kind == "encoder-decoder" else 0)
    for i in range(steps):
        decoder = kind == "encoder-decoder" and i >= n_enc
        color = DEC if decoder else ENC
        s, n = _box(i, 0, color, "RNN")
        shapes.append(s), notes.append(n)
        if i:
            bold = kind == "encoder-decoder" and i == n_enc
            notes.append(
                _arrow(i - 1 + 0.36, 0, i - 0.36, 0, "#b2182b" if bold else "#475467", 4 if bold else 2)
            )
        x_in = ins[i] if i < len(ins) else ""
        if decoder:  # the decoder reads its previous output
            x_in = outs[i - n_enc - 1] if i > n_enc else "<s>"
        if x_in:
            s, n = _box(i, -1, IN, x_in, "#101828", 0.3, 0.22)
            shapes.append(s), notes.append(n), notes.append(_arrow(i, -0.78, i, -0.3))
        used = (
            i == steps - 1
            if kind == "many-to-one"
            else decoder
            if kind == "encoder-decoder"
            else i < len(outs) and bool(outs[i])
        )
        y_out = outs[i - n_enc] if decoder else (outs[i] if i < len(outs) else "")
        if used and y_out:
            s, n = _box(i, 1, OUT, y_out, "#101828", 0.3, 0.22)
            shapes.append(s), notes.append(n), notes.append(_arrow(i, 0.3, i, 0.78))
        elif kind in ("many-to-one", "encoder-decoder"):
            notes.append(
                {"x": i, "y": 0.75, "text": "·", "showarrow": False, "font": {"size": FONT, "color": DIM}}
            )
        if (decoder and i > n_enc) or (kind == "one-to-many" and i > 0):  # output fed back as the next input
            notes.append(_arrow(i - 1 + 0.2, 0.85, i - 0.2, -0.85, "#98a2b3", 1))
    if kind == "encoder-decoder" and bridge:
        notes.append(
            {
                "x": n_enc - 0.5,
                "y": 0.5,
                "text": bridge,
                "showarrow": False,
                "font": {"size": FONT - 1, "color": "#b2182b"},
            }
        )
    hidden = {"visible": False, "range": [-0.6, steps - 0.4]}
    return figure(
        [],
        {
            "title": {"text": title},
            "height": 300,
            "shapes": shapes,
            "annotations": notes,
            "xaxis": hidden,
            "yaxis": {"visible": False, "range": [-1.4, 1.4]},
            "showlegend": False,
        },
    )
