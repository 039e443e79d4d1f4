"""Configuration of a model and of a training run, as two small dataclasses.

Both are plain data: they serialise to a dict (checkpoints, ``--json``, URLs) and are checked by
``validate()``, which raises :class:`RNNLabError` with the allowed range.
"""

from dataclasses import asdict, dataclass, fields

from .errors import RNNLabError, check

CELLS = ("rnn", "lstm", "gru")
HEADS = ("binary", "multiclass", "regression", "tagging")
INPUTS = ("embedding", "onehot", "features")
OPTIMIZERS = ("adam", "sgd")
MAX_HIDDEN = 1024
MAX_LAYERS = 4
MAX_FILTERS = 256  # conv front-end feature maps
MAX_KERNEL = 9  # conv front-end kernel width
MAX_POOL = 8  # conv front-end pooling width
READOUTS = ("last", "max", "mean")


@dataclass
class ModelConfig:
    cell: str = "lstm"  # recurrent cell: "rnn" (Elman), "lstm" or "gru"
    activation: str = "tanh"  # nonlinearity of the "rnn" cell: "tanh" or "relu" (ignored by lstm/gru)
    hidden_size: int = 32  # H_out: units per layer and direction
    num_layers: int = 1  # stacked recurrent layers (a deep RNN when > 1), 1..4
    bidirectional: bool = False  # also read the sequence right to left and concatenate both states
    dropout: float = 0.0  # dropout between stacked layers (training only), 0..0.9
    forget_bias: float = (
        1.0  # LSTM: initial forget-gate bias (Keras's unit_forget_bias); 0 = torch's plain init
    )
    input_kind: str = "embedding"  # "embedding" or "onehot" for token ids; "features" for floats per step
    vocab_size: int = 0  # token inputs: number of ids, <pad>=0 and <unk>=1 included
    embedding_dim: int = 16  # input_kind == "embedding": size of each token's learned vector
    input_size: int = 1  # input_kind == "features": H_in, floats per time step
    head: str = (
        "binary"  # "binary", "multiclass", "regression" (one output per sequence) or "tagging" (one per step)
    )
    num_classes: int = 2  # multiclass and tagging: number of classes
    conv_filters: int = 0  # C: feature maps of a Conv1D front-end over the inputs (0 = no front-end)
    conv_kernel: int = 3  # K: tokens each feature map reads at once (odd: centred on its token)
    conv_pool: int = 2  # P: max-pooling width after the convolution; the RNN reads ceil(L / P) steps
    readout: str = "last"  # what the head reads: the "last" state, or the "max"/"mean" over all steps
    input_dropout: float = 0.0  # dropout on what enters the RNN and on what the head reads (training only)
    window: int = 0  # W: steps in every input window, fixed by the data (forecasts); 0 = not fixed
    linear_skip: bool = (
        False  # add a linear readout of the W-step window to the output (regression on windows)
    )

    def validate(self) -> "ModelConfig":
        check_choice("cell", self.cell, CELLS)
        check_choice("activation", self.activation, ("tanh", "relu"))
        check_whole("hidden", self.hidden_size, 1, MAX_HIDDEN)
        check_whole("layers", self.num_layers, 1, MAX_LAYERS)
        check_number("dropout", self.dropout, 0.0, 0.9)
        check_choice("input_kind", self.input_kind, INPUTS)
        if self.input_kind == "features":
            check_whole("input_size", self.input_size, 1, 4096)
        else:
            check_whole("vocab_size", self.vocab_size, 2, 200_000)
            check_whole("emb", self.embedding_dim, 1, 1024)
        check_choice("head", self.head, HEADS)
        check_whole("filters", self.conv_filters, 0, MAX_FILTERS)
        check_whole("kernel", self.conv_kernel, 1, MAX_KERNEL)
        check(self.conv_kernel % 2 == 1, "kernel_odd", got=self.conv_kernel)
        check_whole("pool", self.conv_pool, 1, MAX_POOL)
        check_choice("readout", self.readout, READOUTS)
        check_number("input_dropout", self.input_dropout, 0.0, 0.9)
        if self.head == "tagging":  # one output per token: nothing may shorten or pool the sequence
            check(self.conv_filters == 0 and self.readout == "last", "tagging_front")
        check_whole("window", self.window, 0, 100_000)
        if self.linear_skip:  # y = head(h_L) + a·x + b needs a fixed window of floats and one value out
            ok = self.head == "regression" and self.input_kind == "features" and self.window >= 1
            check(ok, "skip_needs_window", head=self.head, window=self.window)
        if self.head in ("multiclass", "tagging"):
            check_whole("num_classes", self.num_classes, 2, 10_000)
        return self

    @property
    def directions(self) -> int:
        return 2 if self.bidirectional else 1

    @property
    def conv(self) -> bool:
        """Whether a convolutional front-end reads the inputs before the RNN."""
        return self.conv_filters > 0

    @property
    def out_size(self) -> int:
        """Numbers the head outputs per sequence (or per step for tagging)."""
        return self.num_classes if self.head in ("multiclass", "tagging") else 1


@dataclass
class TrainConfig:
    epochs: int = 100  # maximum passes over the training data
    lr: float = 0.01  # learning rate (changeable while a run is live)
    optimizer: str = "adam"  # "adam" or "sgd"
    momentum: float = 0.0  # sgd only
    batch_size: int = 32  # sequences per step; the last batch of an epoch may be smaller
    clip: float = 0.0  # clip the gradient's global norm to this (0 = off)
    weight_decay: float = 0.0  # L2 penalty applied by the optimizer
    seed: int = 0  # seeds weights, shuffling and dropout: same seed, same numbers
    target_loss: float = 0.0  # stop when the epoch's training loss falls to this (0 = off)
    shuffle: bool = True  # reshuffle the training data each epoch
    device: str = "cpu"  # "auto", "cpu", "cuda" or "mps"
    ensemble: int = 1  # K models averaged, seeds seed..seed+K-1 (rnnlab.ensemble); a Trainer trains one

    def validate(self) -> "TrainConfig":
        check_whole("epochs", self.epochs, 1, 100_000)
        check(isinstance(self.lr, (int, float)), "not_number", name="lr", got=self.lr)
        check(0 < self.lr <= 10, "lr_range", hi=10, got=self.lr)
        check_choice("opt", self.optimizer, OPTIMIZERS)
        check_number("momentum", self.momentum, 0.0, 1.0)
        check_whole("batch", self.batch_size, 1, 65_536)
        check_number("clip", self.clip, 0.0, float("inf"))
        check_number("weight_decay", self.weight_decay, 0.0, float("inf"))
        check_whole("seed", self.seed, 0, 2**31 - 1)
        check_number("target_loss", self.target_loss, 0.0, float("inf"))
        check_whole("ensemble", self.ensemble, 1, 10)
        return self


def fmt(x) -> str:
    """A bound as people write it: 2,147,483,647 (not 2.14748e+09), 0.9, 1e-05."""
    if isinstance(x, bool):
        return str(int(x))
    if isinstance(x, int) or (isinstance(x, float) and x.is_integer() and abs(x) < 1e15):
        return f"{int(x):,}"
    return f"{x:g}"


def check_choice(name: str, got, choices) -> None:
    check(got in choices, "choice", name=name, choices=", ".join(map(str, choices)), got=got)


def check_whole(name: str, got, lo: int, hi: int) -> None:
    ok = isinstance(got, int) and not isinstance(got, bool) and lo <= got <= hi
    check(ok, "whole_range", name=name, lo=fmt(lo), hi=fmt(hi), got=got)


def check_number(name: str, got, lo: float, hi: float) -> None:
    """``lo <= got <= hi``; an infinite ``hi`` means "0 or positive" when ``lo`` is 0."""
    check(isinstance(got, (int, float)) and not isinstance(got, bool), "not_number", name=name, got=got)
    if hi == float("inf"):
        check(got >= lo and got == got, "not_negative", name=name, got=got)
    else:
        check(lo <= got <= hi, "number_range", name=name, lo=fmt(lo), hi=fmt(hi), got=got)


def config_from_dict(cls, data: dict):
    """Build ``cls`` from a dict, naming any unknown field instead of failing with a TypeError."""
    names = {f.name for f in fields(cls)}
    unknown = sorted(set(data) - names)
    if unknown:
        raise RNNLabError("unknown_fields", kind=cls.__name__, names=", ".join(unknown))
    return cls(**data)


__all__ = ["ModelConfig", "TrainConfig", "config_from_dict", "asdict", "CELLS", "HEADS"]
