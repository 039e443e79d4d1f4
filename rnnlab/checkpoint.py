"""Save and load a trained model: its weights plus the config that rebuilds it.

Loading uses ``torch.load(weights_only=True)``: only tensors and plain data are read, never pickled code.
"""

from dataclasses import asdict
from pathlib import Path

import torch

from .config import ModelConfig, config_from_dict
from .errors import RNNLabError
from .models import SeqModel, blank_model

FORMAT = "rnnlab-model-1"


def save(model: SeqModel, path, extra: dict | None = None) -> None:
    """Write atomically: a temporary file is renamed into place, so a crash leaves no half file."""
    path = Path(path)
    tmp = path.with_name(path.name + ".part")
    torch.save(
        {"format": FORMAT, "config": asdict(model.cfg), "state": model.state_dict(), "extra": extra or {}},
        tmp,
    )
    tmp.replace(path)


def load(path) -> tuple[SeqModel, dict]:
    """The model (in eval mode) and the ``extra`` dict saved with it (e.g. the vocabulary)."""
    try:
        blob = torch.load(Path(path), map_location="cpu", weights_only=True)
    except FileNotFoundError:
        raise RNNLabError("ckpt_missing", path=str(path)) from None
    except Exception as err:  # torch raises many types for corrupt or foreign files
        raise RNNLabError("ckpt_unreadable", path=str(path), reason=type(err).__name__) from None
    if not isinstance(blob, dict) or blob.get("format") != FORMAT:
        raise RNNLabError("ckpt_format", path=str(path), format=FORMAT)
    model = blank_model(config_from_dict(ModelConfig, blob["config"]))
    model.load_state_dict(blob["state"])
    return model.eval(), blob["extra"]
