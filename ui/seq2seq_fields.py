"""The Sequence-to-sequence lab's settings as link fields (``?part=translate&att=dot&lmax=12``).

Each field is a knob of ``rnnlab.knobs`` (one name, range and role); the lab narrows a shared knob
where its engine takes less (``cell``: GRU or LSTM). Defaults follow the visitor's language where a
part has a Korean example (the link always carries ``lang``, so a copied link still reproduces it).
Typed inputs, the seed text and a pasted text are not in the link.
"""

from dataclasses import replace

from ui.state import Field, field

PARTS = ("shapes", "translate", "tagging", "generate")
CELLS = ("gru", "lstm")  # the seq2seq engine's cells (rnnlab.seq2seq.config.CELLS)


def seq2seq_fields(lang: str = "en") -> list[Field]:
    ko = lang == "ko"
    return [
        field("part", "shapes"),
        field("seed", 0),  # every part: weights and batches
        # encoder-decoder
        field("task", "spell-ko" if ko else "reverse"),
        field("att", "none"),
        replace(field("cell", "gru"), choices=CELLS),
        field("hidden", 64),
        field("lmin", 5),
        field("lmax", 8),
        field("budget", 1500),
        field("lr", 0.005),
        # the length study under it
        field("longest", 16),
        field("sbudget", 3000),
        # tagging
        field("tag", "pos-ko" if ko else "rise"),
        field("tcell", "gru"),
        field("thid", 16),
        field("tbudget", 300),
        field("tlr", 0.01),
        # generation
        field("text", "ko" if ko else "en"),
        field("unit", "syllable"),
        field("gcell", "gru"),
        field("ghid", 96),
        field("gbudget", 400),
        field("glr", 0.01),
        field("temp", 0.8),
        field("glen", 200),
    ]
