"""Take work home: a standalone PyTorch script that rebuilds and trains a lab's model.

``standalone_script(model_cfg, train_cfg, train, test)`` returns the text of one Python file that needs
only ``torch`` and ``numpy``: the data (the exact tensors the run trains and is scored on, embedded as a
compressed base64 ``.npz``), the model written out in plain ``nn.Module`` code, and the training loop
of :class:`rnnlab.train.Trainer` (same seeding, shuffling, batches, clipping and optimizer), so the
script's losses are the site's, epoch by epoch, on the same machine.
"""

import base64
import io
from dataclasses import asdict
from pathlib import Path

import numpy as np

from ..config import ModelConfig, TrainConfig
from ..data.seqdata import SeqData
from ..errors import check

MAX_DATA_BYTES = 8_000_000  # embedded data (compressed, before base64) larger than this is refused
_TEMPLATE = Path(__file__).with_name("template.py.txt")


def _pack(train: SeqData, test: SeqData | None) -> str:
    """The tensors as a compressed .npz, base64, in lines of 100 characters."""
    arrays = {"train_x": train.x, "train_len": train.lengths, "train_y": train.y}
    if test is not None:
        arrays |= {"test_x": test.x, "test_len": test.lengths, "test_y": test.y}
    buf = io.BytesIO()
    np.savez_compressed(buf, **{k: v.detach().cpu().numpy() for k, v in arrays.items()})
    size = buf.tell()
    check(size <= MAX_DATA_BYTES, "export_too_big", size=f"{size / 1e6:.1f}", cap=MAX_DATA_BYTES // 1_000_000)
    text = base64.b64encode(buf.getvalue()).decode("ascii")
    return "\n".join(text[i : i + 100] for i in range(0, len(text), 100))


def standalone_script(
    model_cfg: ModelConfig,
    train_cfg: TrainConfig,
    train: SeqData,
    test: SeqData | None = None,
    title: str = "a model",
) -> str:
    """The text of a script that trains ``model_cfg`` on ``train`` as ``train_cfg`` says, then scores
    ``test``; it prints one line per epoch (``epoch 3 loss 0.693147``) and the final scores."""
    tc = asdict(train_cfg)
    tc.pop("device")
    return (
        _TEMPLATE.read_text(encoding="utf-8")
        .replace("@TITLE@", title.replace('"', "'"))
        .replace("@MODEL@", repr(asdict(model_cfg.validate())))
        .replace("@TRAIN@", repr(tc))
        .replace("@DATA@", _pack(train, test))
    )
