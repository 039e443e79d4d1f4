"""What a task hands to the CLI and the pages: the data, the model settings it fixes, and typed parts
per kind of data (text, forecast, emoji) instead of an untyped dict.

A task's builder returns :class:`TaskData`; :class:`Preset` and :class:`Task` describe the registry
(``rnnlab.tasks``). This module imports no builder, so builders and the registry import it freely.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from .data.seqdata import SeqData
from .errors import Note


@dataclass
class TextPart:
    """A text-classification task's tokens and vocabulary (what the Sentence lab shows)."""

    vocab: Any  # data.text.Vocab: token <-> id, built on the training part only
    first_tokens: list[list[str]]  # the first six training texts as (cut) token lists
    train_idx: np.ndarray  # (N_train,) row indices of ``data`` that train
    test_idx: np.ndarray  # (N_test,) row indices that are scored
    data: Any  # data.corpus.TextSet: the texts, labels and class names
    max_len: int  # tokens read per text; longer texts are cut
    cut: int  # texts longer than max_len
    last_class_share: list[float]  # per frequent word: share of its training texts in the last class


@dataclass
class ForecastPart:
    """A monthly series cut into windows (the Forecast lab)."""

    windows: Any  # data.airline.Windows: inputs, targets, target months, the fitted transform
    series: np.ndarray  # (T,) the series in original units


@dataclass
class EmojiPart:
    """The emoji messages and their codec (the Emoji lab)."""

    codec: Any  # data.emoji.EmojiCodec: tokenizer, vocabulary, the tutorial's label numbers
    messages: list[tuple[str, int]]  # the (checked) training table: message, label


@dataclass
class TaskData:
    train: SeqData  # what the model trains on
    test: SeqData  # what it is scored on (the training set for the tiny sets)
    model: dict  # ModelConfig fields the data fixes (input kind, vocab, head)
    held_out: bool = True  # False when ``test`` is the training data itself
    labels: list[str] | None = None  # class names, for classifiers
    encode: Callable | None = None  # text -> (input tensor, tokens, warnings)
    to_units: Callable | None = None  # regression: test outputs (model units) -> original units
    truth: np.ndarray | None = None  # regression: test targets in original units
    baselines: dict[str, np.ndarray] = field(default_factory=dict)  # regression: name -> test predictions
    text: TextPart | None = None  # text tasks
    forecast: ForecastPart | None = None  # series tasks built from windows (airline)
    emoji: EmojiPart | None = None  # the emoji task


@dataclass
class Preset:
    model: dict = field(default_factory=dict)  # ModelConfig fields
    train: dict = field(default_factory=dict)  # TrainConfig fields
    data: dict = field(default_factory=dict)  # options of the task's build function
    note: str = ""  # one line on what it is


@dataclass
class Task:
    name: str  # the CLI's task name
    summary: str  # one line for `python -m rnnlab tasks`
    build: Callable[..., TaskData]  # data options -> TaskData
    presets: dict[str, Preset]  # "default" is used when none is named


def warn_unknown(unknown: list[str]) -> list[Note]:
    """The note for tokens read as <unk>, if any."""
    tokens = " ".join(dict.fromkeys(unknown))
    return [Note("unknown", tokens=tokens)] if unknown else []
