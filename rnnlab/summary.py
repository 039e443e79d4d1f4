"""Per-layer parameter counts, each with the formula behind it.

A recurrent layer with G gate blocks (RNN 1, GRU 3, LSTM 4), H units and H_in inputs has
W_ih (G*H, H_in), W_hh (G*H, H) and, in torch, two bias vectors b_ih and b_hh (G*H each):
G*H*(H_in + H + 2) numbers per direction. Keras's SimpleRNN and LSTM keep one bias: G*H*(H_in + H + 1),
so a Keras SimpleRNN(3) on 5 inputs has 3*(5+3+1) = 27 weights and torch's nn.RNN 3*(5+3+2) = 30.
The conv front-end's F maps of width K over H_in inputs have W (F, H_in, K) and b (F): F*(H_in*K + 1)
numbers (Keras's Conv1D the same); its max-pooling has none, and the first recurrent layer reads F.
The linear skip path of a forecast on W-step windows has a (1, W·H_in) and b (1): W·H_in + 1 numbers.
"""

from dataclasses import dataclass

from .models import SeqModel

GATE_BLOCKS = {"rnn": 1, "gru": 3, "lstm": 4}


@dataclass
class Row:
    layer: str  # e.g. "embedding", "lstm layer 1 (forward)", "head"
    shapes: str  # the tensors, e.g. "W_ih (64, 8), W_hh (64, 16), b_ih (64), b_hh (64)"
    formula: str  # e.g. "4·16·(8 + 16 + 2)"
    count: int  # numbers in this layer
    kind: str = ""  # what the layer is, for a translated name: embedding, conv1d, max_pool, rnn, head, skip
    index: int = 0  # the recurrent layer's number (1-based), or the pooling width of max_pool
    direction: str = ""  # "forward" or "backward" in a bidirectional layer, else ""


def keras_count(cell: str, units: int, inputs: int) -> int:
    """What Keras reports for the same layer (one bias; GRU with reset_after keeps two)."""
    g = GATE_BLOCKS[cell]
    return g * units * (inputs + units + (2 if cell == "gru" else 1))


def summarize(model: SeqModel) -> list[Row]:
    cfg = model.cfg
    rows = []
    if cfg.input_kind == "embedding":
        rows.append(
            Row(
                "embedding",
                f"E ({cfg.vocab_size}, {cfg.embedding_dim})",
                f"{cfg.vocab_size}·{cfg.embedding_dim}",
                cfg.vocab_size * cfg.embedding_dim,
                "embedding",
            )
        )
    g, h = GATE_BLOCKS[cfg.cell], cfg.hidden_size
    width = model.input_width
    if cfg.conv:
        f, k = cfg.conv_filters, cfg.conv_kernel
        rows.append(
            Row(
                "conv1d",
                f"W ({f}, {width}, {k}), b ({f})",
                f"{f}·({width}·{k} + 1)",
                f * (width * k + 1),
                "conv1d",
            )
        )
        rows.append(Row(f"max-pool ({cfg.conv_pool})", "", "0", 0, "max_pool", cfg.conv_pool))
        width = f
    for k in range(cfg.num_layers):
        for direction in ["forward", "backward"] if cfg.bidirectional else [""]:
            gh = g * h
            name = f"{cfg.cell} layer {k + 1}" + (f" ({direction})" if direction else "")
            rows.append(
                Row(
                    name,
                    f"W_ih ({gh}, {width}), W_hh ({gh}, {h}), b_ih ({gh}), b_hh ({gh})",
                    f"{g}·{h}·({width} + {h} + 2)",
                    gh * (width + h + 2),
                    "rnn",
                    k + 1,
                    direction,
                )
            )
        width = h * cfg.directions
    out = cfg.out_size
    rows.append(
        Row("head", f"W ({out}, {width}), b ({out})", f"{out}·({width} + 1)", out * (width + 1), "head")
    )
    if cfg.linear_skip:
        n = cfg.window * model.input_width
        rows.append(Row("linear skip", f"a (1, {n}), b (1)", f"{n} + 1", n + 1, "skip"))
    return rows


def total(rows: list[Row]) -> int:
    return sum(r.count for r in rows)
