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

    def validate(self) -> "ModelConfig":
        check(self.cell in CELLS, f"cell must be one of {', '.join(CELLS)}; got {self.cell!r}")
        check(
            self.activation in ("tanh", "relu"), f"activation must be tanh or relu; got {self.activation!r}"
        )
        check(
            isinstance(self.hidden_size, int) and 1 <= self.hidden_size <= MAX_HIDDEN,
            f"hidden size must be a whole number from 1 to {MAX_HIDDEN}; got {self.hidden_size}",
        )
        check(
            isinstance(self.num_layers, int) and 1 <= self.num_layers <= MAX_LAYERS,
            f"layers must be a whole number from 1 to {MAX_LAYERS}; got {self.num_layers}",
        )
        check(0.0 <= self.dropout <= 0.9, f"dropout must be between 0 and 0.9; got {self.dropout}")
        check(
            self.input_kind in INPUTS,
            f"input kind must be one of {', '.join(INPUTS)}; got {self.input_kind!r}",
        )
        if self.input_kind == "features":
            check(1 <= self.input_size <= 4096, f"input size must be from 1 to 4096; got {self.input_size}")
        else:
            check(
                2 <= self.vocab_size <= 200_000,
                f"vocabulary size must be from 2 to 200,000; got {self.vocab_size}",
            )
            check(
                1 <= self.embedding_dim <= 1024,
                f"embedding size must be from 1 to 1024; got {self.embedding_dim}",
            )
        check(self.head in HEADS, f"head must be one of {', '.join(HEADS)}; got {self.head!r}")
        if self.head in ("multiclass", "tagging"):
            check(
                2 <= self.num_classes <= 10_000, f"classes must be from 2 to 10,000; got {self.num_classes}"
            )
        return self

    @property
    def directions(self) -> int:
        return 2 if self.bidirectional else 1

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

    def validate(self) -> "TrainConfig":
        check(
            isinstance(self.epochs, int) and 1 <= self.epochs <= 100_000,
            f"epochs must be a whole number from 1 to 100,000; got {self.epochs}",
        )
        check(0 < self.lr <= 10, f"learning rate must be above 0 and at most 10; got {self.lr}")
        check(self.optimizer in OPTIMIZERS, f"optimizer must be adam or sgd; got {self.optimizer!r}")
        check(
            isinstance(self.batch_size, int) and 1 <= self.batch_size <= 65_536,
            f"batch size must be a whole number from 1 to 65,536; got {self.batch_size}",
        )
        check(self.clip >= 0, f"gradient clipping must be 0 (off) or positive; got {self.clip}")
        check(self.weight_decay >= 0, f"weight decay must be 0 or positive; got {self.weight_decay}")
        check(
            isinstance(self.seed, int) and 0 <= self.seed < 2**31,
            f"seed must be from 0 to 2^31-1; got {self.seed}",
        )
        return self


def config_from_dict(cls, data: dict):
    """Build ``cls`` from a dict, naming any unknown field instead of failing with a TypeError."""
    names = {f.name for f in fields(cls)}
    unknown = sorted(set(data) - names)
    if unknown:
        raise RNNLabError(f"unknown {cls.__name__} field(s): {', '.join(unknown)}")
    return cls(**data)


__all__ = ["ModelConfig", "TrainConfig", "config_from_dict", "asdict", "CELLS", "HEADS"]
