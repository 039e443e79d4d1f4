"""Build the trainers of a lab run from field values: one, or one per cell when comparing."""

from rnnlab.config import ModelConfig, TrainConfig
from rnnlab.device import pick_device
from rnnlab.models import seeded_model
from rnnlab.tasks import TaskData
from rnnlab.train import Trainer
from ui.state import to_configs

LIVE_FIELDS = ("lr", "epochs")  # applied to a running optimizer; every other field resets the run


def signature(values: dict, device: str, *data) -> tuple:
    return (
        tuple(sorted((k, v) for k, v in values.items() if k not in LIVE_FIELDS and k != "msg")),
        device,
        *data,
    )


def make_trainers(td: TaskData, values: dict, device: str) -> tuple[dict[str, Trainer], str]:
    model, train = to_configs(values)
    cells = ["rnn", "lstm", "gru"] if values.get("cmp") else [values["cell"]]
    trainers = {}
    for cell in cells:
        mc = ModelConfig(**{**model, "cell": cell, **td.model}).validate()
        tc = TrainConfig(**train, device=device).validate()
        trainers[cell.upper()] = Trainer(
            seeded_model(mc, tc.seed),
            td.train,
            tc,
            val=td.test if td.held_out else None,
            device=pick_device(device),
        )
    return trainers, values["cell"].upper()
