"""Take a run home and bring it back: a model file that also holds its trainer, read back from an upload.

The file is the checkpoint ``rnnlab.checkpoint`` writes (format, config, weights, extra), plus a
``trainer`` entry: the epoch, the history, the training settings, the optimizer's state (Adam's moments),
the shuffle generator and the dropout stream. Training a loaded run on is therefore the same as never
having stopped: after ``k`` more epochs the weights equal those of the uninterrupted run.

An upload is untrusted bytes. :func:`read` refuses a file over ``MAX_UPLOAD_MB`` before parsing it,
parses with ``torch.load(weights_only=True)`` (tensors and plain data only, never pickled code), and
checks every part's type; :func:`check_fits` refuses a model of another task, labels, vocabulary, data
settings or shape. Each refusal is a keyed :class:`RNNLabError` (``messages/run.<lang>.toml``).
"""

import io
from dataclasses import asdict, dataclass, fields

import torch

from .checkpoint import FORMAT
from .config import ModelConfig, TrainConfig, config_from_dict
from .errors import RNNLabError, check
from .knobs import knob_of
from .models import SeqModel, blank_model
from .train import History, Trainer

MAX_UPLOAD_MB = 64  # largest model file a page takes (the biggest model the knobs allow, Adam state included)


@dataclass
class Saved:
    """A model file as read: what rebuilds the model and what resumes its training."""

    config: ModelConfig  # the model's shape (rebuilds SeqModel)
    weights: dict  # the model's state_dict
    extra: dict  # task, labels, tokens (vocabulary), data settings
    trainer: dict | None  # trainer_state(...) when the file came from a page; None from the CLI's --save

    @property
    def epoch(self) -> int:
        return int(self.trainer["epoch"]) if self.trainer else 0

    @property
    def train_config(self) -> TrainConfig | None:
        return config_from_dict(TrainConfig, self.trainer["cfg"]) if self.trainer else None

    def model(self) -> SeqModel:
        """The saved model (CPU, eval mode)."""
        model = blank_model(self.config)
        model.load_state_dict(self.weights)
        return model.eval()


def trainer_state(t: Trainer) -> dict:
    """Everything a Trainer needs to go on where it stopped (plain data and CPU tensors)."""
    return {
        "epoch": t.epoch,
        "cfg": asdict(t.cfg),
        "history": asdict(t.history),
        "train_seconds": t.train_seconds,
        "done": t.done,
        "stop_reason": t.stop_reason,
        "opt": _to_cpu(t.opt.state_dict()),
        "gen": t.gen.get_state(),
        "dropout": t.drop_gen.get_state(),
        "order": None if t._order is None else t._order.cpu(),
        "pos": t._pos,
        "epoch_stats": list(t._epoch_stats),
    }


def to_bytes(t: Trainer, extra: dict) -> bytes:
    """The model file of a page's run: checkpoint plus trainer state, written to memory."""
    buf = io.BytesIO()
    model = t.model
    torch.save(
        {
            "format": FORMAT,
            "config": asdict(model.cfg),
            "state": {k: v.detach().cpu() for k, v in model.state_dict().items()},
            "extra": extra,
            "trainer": trainer_state(t),
        },
        buf,
    )
    return buf.getvalue()


def read(data: bytes, name: str = "upload", max_mb: float | None = None) -> Saved:
    """Parse an uploaded model file, or refuse it with a keyed error (too large, not a model file)."""
    max_mb = MAX_UPLOAD_MB if max_mb is None else max_mb
    size_mb = len(data) / 2**20
    check(size_mb <= max_mb, "upload_too_large", name=name, size=f"{size_mb:.1f}", cap=max_mb)
    try:
        blob = torch.load(io.BytesIO(data), map_location="cpu", weights_only=True)
    except Exception as err:  # torch raises many types for foreign or corrupt bytes
        raise RNNLabError("upload_not_model", name=name, reason=type(err).__name__) from None
    ok = isinstance(blob, dict) and blob.get("format") == FORMAT
    check(ok, "upload_not_model", name=name, reason=f"expected format {FORMAT}")
    parts = (("config", dict), ("state", dict), ("extra", dict))
    for part, kind in parts:
        check(isinstance(blob.get(part), kind), "upload_not_model", name=name, reason=f"no {part}")
    trainer = blob.get("trainer")
    check(trainer is None or isinstance(trainer, dict), "upload_not_model", name=name, reason="trainer")
    try:
        cfg = config_from_dict(ModelConfig, blob["config"]).validate()
        saved = Saved(cfg, blob["state"], blob["extra"], trainer)
        saved.model()  # the weights fit the config
        if trainer is not None:
            saved.train_config.validate()
            for key in ("gen", "dropout"):  # the shuffle and dropout generators' states
                torch.Generator().set_state(trainer[key])
    except (RNNLabError, TypeError, KeyError, RuntimeError) as err:
        raise RNNLabError("upload_not_model", name=name, reason=type(err).__name__) from None
    return saved


def check_fits(saved: Saved, task: str, labels: list, tokens: list, data: dict, built: ModelConfig) -> None:
    """Refuse a model that the page's current task cannot take: another task, other labels, another
    vocabulary, other data settings (window, tokens, ...), or a shape the page would not build
    (``built``: the ModelConfig the page makes from the saved settings and its task data)."""
    got = saved.extra.get("task")
    check(got == task, "upload_task", saved=got, task=task)
    check(list(saved.extra.get("labels", [])) == list(labels), "upload_labels", n=len(labels))
    theirs = list(saved.extra.get("tokens", []))
    if theirs != list(tokens):
        only = [t for t in theirs if t not in set(tokens)] or [t for t in tokens if t not in set(theirs)]
        example = ", ".join(map(str, only[:3])) or "-"
        raise RNNLabError("upload_vocab", saved=len(theirs), have=len(tokens), example=example)
    for name, value in sorted(saved.extra.get("data", {}).items()):
        if name in data and data[name] != value:
            knob = knob_of("data", name)  # named as the link and the CLI name it
            raise RNNLabError("upload_data", name=knob.name if knob else name, saved=value, have=data[name])
    for f in fields(ModelConfig):
        mine, theirs_value = getattr(built, f.name), getattr(saved.config, f.name)
        check(mine == theirs_value, "upload_shape", name=f.name, saved=theirs_value, have=mine)


def restore(t: Trainer, saved: Saved) -> None:
    """Put the saved weights and training state into ``t`` (built from the same configs): it goes on
    from the saved epoch exactly as the saved run would have."""
    check(t.model.cfg == saved.config, "upload_shape", name="config", saved=saved.config, have=t.model.cfg)
    t.model.load_state_dict(saved.weights)
    s = saved.trainer
    if s is None:  # a CLI file: the weights alone, training starts its count at 0
        return
    check(
        s["cfg"]["optimizer"] == t.cfg.optimizer,
        "upload_data",
        name="opt",
        saved=s["cfg"]["optimizer"],
        have=t.cfg.optimizer,
    )
    # the run's device and ensemble size stay: a file holds one model, whatever K it was trained beside
    t.cfg = config_from_dict(
        TrainConfig, {**s["cfg"], "device": t.cfg.device, "ensemble": t.cfg.ensemble}
    ).validate()
    t.history = History(**{f.name: list(s["history"][f.name]) for f in fields(History)})
    t.epoch, t.train_seconds = int(s["epoch"]), float(s["train_seconds"])
    t.done, t.stop_reason = bool(s["done"]), s["stop_reason"]
    if t.stop_reason == "nan":  # its note is not saved: the run may try again (and stop again) here
        t.done, t.stop_reason = False, None
    t.opt.load_state_dict(_to_device(s["opt"], t.device))
    t.set_lr(t.cfg.lr)
    t.gen.set_state(s["gen"])
    t.drop_gen.set_state(s["dropout"])
    t._order = None if s["order"] is None else s["order"].clone()  # CPU, as randperm made it
    t._pos, t._epoch_stats = int(s["pos"]), list(s["epoch_stats"])


def _to_cpu(obj):
    return _map(obj, lambda v: v.detach().cpu())


def _to_device(obj, device):
    return _map(obj, lambda v: v.to(device))


def _map(obj, f):
    if isinstance(obj, torch.Tensor):
        return f(obj)
    if isinstance(obj, dict):
        return {k: _map(v, f) for k, v in obj.items()}
    if isinstance(obj, list):
        return [_map(v, f) for v in obj]
    return obj
