"""Tasks (data + the model settings the data fixes) and their presets, shared by the CLI and pages.

A task builds a :class:`TaskData` from options (window, encoding, ...). A preset is a named set of
model, training and data options; ``resolve`` layers defaults <- preset <- explicit overrides.
"""

from dataclasses import fields

import numpy as np
import torch

from .config import ModelConfig, TrainConfig
from .data import airline, emoji, nextvalue, sentences, sine
from .data.corpus import from_pairs, movie_reviews
from .data.numbers import _is_float, parse_numbers
from .data.seqdata import from_features, from_tagged
from .errors import check
from .memory.recall import RecallConfig, build_recall
from .seq2seq.tagging import TAG_TASKS
from .taskdata import EmojiPart, ForecastPart, Preset, Task, TaskData, TextPart, warn_unknown
from .textclf import build_text_task

__all__ = ["TASKS", "resolve", "parse_numbers", "TaskData", "Preset", "Task", "TextPart", "ForecastPart"]
__all__ += ["EmojiPart", "warn_unknown", "_is_float"]  # re-exported from rnnlab.taskdata


def build_emoji(encoding: str = "embedding", messages=None) -> TaskData:
    messages = emoji.check_messages(messages or emoji.MESSAGES)
    codec = emoji.EmojiCodec(messages, encoding)
    data = codec.dataset([label for _, label in messages])

    def encode(text: str):
        tokens = codec.tokenize(text)
        check(len(tokens) > 0, "no_emoji")
        x, unknown = codec.encode(tokens)
        return x, tokens, warn_unknown(unknown)

    model = (
        {"input_kind": "features", "input_size": 1}
        if encoding == "tutorial"
        else {"input_kind": "embedding", "vocab_size": len(codec.vocab)}
    )
    return TaskData(
        data,
        data,
        {**model, "head": "binary"},
        held_out=False,
        labels=emoji.LABELS,
        encode=encode,
        emoji=EmojiPart(codec, messages),
    )


def build_sentences(language: str = "en", max_len: int = 20, tokens: str = "word") -> TaskData:
    check(language in ("en", "ko"), "language_choice", got=language)
    rows = sentences.ENGLISH if language == "en" else sentences.KOREAN
    data = from_pairs([(text, sentences.LABELS[label]) for text, label in rows])
    return build_text_task(data, tokens, vocab_size=50_000, max_len=max_len, held_out=False)


def build_airline(
    window: int = 12,
    preprocess: str = "standardize",
    n_test: int = airline.TEST_MONTHS,
    values: np.ndarray | None = None,
) -> TaskData:
    y = airline.load_airline()[1] if values is None else np.asarray(values, float)
    w = airline.make_windows(y, window, preprocess, n_test)
    tr, te = slice(0, w.n_train), slice(w.n_train, None)
    t_test = w.t[te]

    def to_units(z):
        return w.transform.inverse(np.asarray(z), t_test, y)

    def encode(text: str):
        vals = parse_numbers(text)
        need = window + (airline.PERIOD if preprocess == "seasonal-diff" else 0)
        check(
            len(vals) >= need,
            "few_values_seasonal" if need > window else "few_values",
            need=need,
            got=len(vals),
        )
        z = w.transform.forward(vals)[-window:]
        return torch.tensor(z, dtype=torch.float32)[:, None], [f"{v:g}" for v in vals[-window:]], []

    return TaskData(
        from_features(w.x[tr], w.y[tr]),
        from_features(w.x[te], w.y[te]),
        {"input_kind": "features", "input_size": 1, "head": "regression"},
        encode=encode,
        to_units=to_units,
        truth=y[t_test],
        baselines=airline.baselines(y, t_test),
        forecast=ForecastPart(w, y),
    )


def build_generated(generator, n: int, window: int, seed: int, test_share: float = 0.2) -> TaskData:
    x, y = generator(n, window, seed=seed)
    n_train = int(n * (1 - test_share))
    check(n_train >= 1 and n - n_train >= 1, "split_few", n=n)

    def encode(text: str):
        vals = parse_numbers(text)
        return torch.tensor(vals, dtype=torch.float32)[:, None], [f"{v:g}" for v in vals], []

    return TaskData(
        from_features(x[:n_train], y[:n_train]),
        from_features(x[n_train:], y[n_train:]),
        {"input_kind": "features", "input_size": 1, "head": "regression"},
        encode=encode,
        to_units=lambda z: np.asarray(z),
        truth=y[n_train:],
        baselines={"last value": x[n_train:, -1]},
    )


TASKS: dict[str, Task] = {
    t.name: t
    for t in [
        Task(
            "emoji",
            "emoji messages, GOOD or BAD: the same emoji in another order can flip the label",
            build_emoji,
            {
                "default": Preset(
                    {"cell": "gru", "hidden_size": 16, "embedding_dim": 8},
                    {"epochs": 150, "lr": 0.02, "batch_size": 10},
                    {"encoding": "embedding"},
                    "GRU(16) on learned 8-dim emoji vectors",
                ),
                "tutorial": Preset(
                    {"cell": "rnn", "hidden_size": 32},
                    {"epochs": 300, "lr": 1e-3, "batch_size": 32},
                    {"encoding": "tutorial"},
                    "the classic Keras tutorial: SimpleRNN(32), label numbers, Adam, 300 epochs",
                ),
            },
        ),
        Task(
            "sentences",
            "12 short English sentences, positive or negative (negation flips them)",
            build_sentences,
            {
                "default": Preset(
                    {"cell": "lstm", "hidden_size": 16, "embedding_dim": 8},
                    {"epochs": 120, "lr": 0.02, "batch_size": 12},
                    {"language": "en"},
                    "LSTM(16) on learned 8-dim word vectors",
                ),
                "tutorial": Preset(
                    {"cell": "rnn", "hidden_size": 8, "embedding_dim": 8},
                    {"epochs": 200, "lr": 1e-2, "batch_size": 32},
                    {"language": "en"},
                    "embedding + SimpleRNN(8), Adam",
                ),
            },
        ),
        Task(
            "sentences-ko",
            "48 short Korean sentences, positive or negative",
            build_sentences,
            {
                "default": Preset(
                    {"cell": "lstm", "hidden_size": 16, "embedding_dim": 8},
                    {"epochs": 120, "lr": 0.02, "batch_size": 16},
                    {"language": "ko"},
                    "LSTM(16) on learned 8-dim word vectors",
                ),
                "tutorial": Preset(
                    {"cell": "rnn", "hidden_size": 8, "embedding_dim": 8},
                    {"epochs": 200, "lr": 1e-2, "batch_size": 32},
                    {"language": "ko"},
                    "embedding + SimpleRNN(8), Adam",
                ),
            },
        ),
        Task(
            "airline",
            "monthly airline passengers 1949-1960: predict next month; the last 28 months are the test",
            build_airline,
            {
                "default": Preset(
                    {"cell": "gru", "hidden_size": 8},
                    {"epochs": 60, "lr": 0.01, "batch_size": 8},
                    {"window": 13, "preprocess": "seasonal-diff"},
                    "GRU(8), window 13 (lags 1-13, as the SARIMA airline model), seasonal difference of the log",
                ),
                "tutorial": Preset(
                    {"cell": "rnn", "hidden_size": 4},
                    {"epochs": 10, "lr": 1e-3, "batch_size": 8},
                    {"window": 4, "preprocess": "leaky-standardize"},
                    "the classic tutorial: window 4, SimpleRNN(4), batch 8, 10 epochs",
                ),
            },
        ),
        Task(
            "sine",
            "noisy two-sine series: predict the next value from a window of 50",
            lambda window=50, n=10_000, seed=2022: build_generated(sine.generate, n, window, seed),
            {
                "default": Preset(
                    {"cell": "gru", "hidden_size": 20},
                    {"epochs": 20, "lr": 3e-3, "batch_size": 64},
                    {"window": 50},
                    "GRU(20), batch 64",
                ),
                "tutorial": Preset(
                    {"cell": "rnn", "hidden_size": 20},
                    {"epochs": 20, "lr": 1e-3, "batch_size": 256},
                    {"window": 50},
                    "the classic tutorial: SimpleRNN(20), batch 256, 20 epochs",
                ),
                "tutorial-deep": Preset(
                    {"cell": "rnn", "hidden_size": 20, "num_layers": 2},
                    {"epochs": 20, "lr": 1e-3, "batch_size": 256},
                    {"window": 50},
                    "the tutorial's deep RNN: two SimpleRNN(20) layers",
                ),
            },
        ),
        Task(
            "next-value",
            "counting sequences: [0.0, 0.1, 0.2, 0.3] -> 0.4",
            lambda window=4, n=512, seed=0: build_generated(nextvalue.generate, n, window, seed),
            {
                "default": Preset(
                    {"cell": "lstm", "hidden_size": 16},
                    {"epochs": 100, "lr": 0.01, "batch_size": 32},
                    {"window": 4},
                    "LSTM(16)",
                ),
                "tutorial": Preset(
                    {"cell": "rnn", "hidden_size": 8},
                    {"epochs": 100, "lr": 1e-2, "batch_size": 32},
                    {"window": 4},
                    "SimpleRNN(8)",
                ),
            },
        ),
    ]
}


def build_movie_reviews(
    vocab_size: int = 6000, max_len: int = 50, neutral: float = 0.0, tokens: str = "word"
) -> TaskData:
    return build_text_task(movie_reviews(neutral), tokens, vocab_size, max_len)


TASKS["movie-reviews"] = Task(
    "movie-reviews",
    "10.6k real movie-review snippets (Hutto & Gilbert 2014), positive or negative; 20% fixed test part",
    build_movie_reviews,
    {
        "default": Preset(
            {"cell": "gru", "hidden_size": 64, "embedding_dim": 64},
            {"epochs": 4, "lr": 3e-3, "batch_size": 64},
            {"vocab_size": 6000, "max_len": 50},
            "GRU(64) on learned 64-dim word vectors, 6,000 words, 4 epochs",
        ),
        "tutorial": Preset(
            {"cell": "rnn", "hidden_size": 32, "embedding_dim": 32},
            {"epochs": 4, "lr": 1e-3, "batch_size": 64},
            {"vocab_size": 6000, "max_len": 50},
            "embedding + SimpleRNN(32)",
        ),
    },
)
# measured (bench/emoji_presets.py, 5 seeds): solved in 6-8 epochs against the default's 14-17, final loss
# ~3e-6 against 2e-4 after 150 epochs; 40 epochs leave a wide margin and finish in a third of the time
TASKS["emoji"].presets["best"] = Preset(
    {"cell": "gru", "hidden_size": 32, "embedding_dim": 8},
    {"epochs": 40, "lr": 0.03, "batch_size": 10},
    {"encoding": "embedding"},
    "GRU(32) on learned 8-dim emoji vectors, lr 0.03: solves the ten messages in about 7 epochs",
)
for _t in TASKS.values():
    _t.presets.setdefault("best", _t.presets["default"])


def resolve(
    task: str,
    preset: str = "default",
    model: dict | None = None,
    train: dict | None = None,
    data: dict | None = None,
) -> tuple[TaskData, ModelConfig, TrainConfig]:
    """Build the task's data and configs: preset values, then the explicit ``model``/``train``/``data`` ones."""
    check(task in TASKS, "task_unknown", got=task, choices=", ".join(TASKS))
    t = TASKS[task]
    check(preset in t.presets, "preset_unknown", task=task, got=preset, choices=", ".join(t.presets))
    p = t.presets[preset]
    data_opts = {**p.data, **(data or {})}
    td = t.build(**data_opts)
    train_opts = {**p.train, **(train or {})}
    model_opts = {**p.model, **(model or {}), **td.model}
    mc = ModelConfig(**{k: v for k, v in model_opts.items() if k in _names(ModelConfig)}).validate()
    tc = TrainConfig(**{k: v for k, v in train_opts.items() if k in _names(TrainConfig)}).validate()
    return td, mc, tc


def _names(cls) -> set[str]:
    return {f.name for f in fields(cls)}


def build_tagging(task: str = "rise", n: int = 512, seed: int = 0) -> TaskData:
    """The Sequence-to-sequence lab's tagging tasks (rnnlab.seq2seq.tagging) as a fixed set for the
    shared trainer and the CLI: ``n`` random digit strings of 4-12 digits, or the tagged sentences."""
    check(task in TAG_TASKS, "s2s_choice", name="task", allowed=", ".join(TAG_TASKS), got=task)
    t = TAG_TASKS[task]
    rng = np.random.default_rng(seed)
    if t.sentences:
        rows = [[w for w, _ in s] for s in t.sentences]
        tags = [[t.tags.index(g) for _, g in s] for s in t.sentences]
    else:
        rows = [[str(d) for d in rng.integers(0, 10, int(rng.integers(4, 13)))] for _ in range(n)]
        tags = [t.tag_digits([int(d) for d in r]) for r in rows]
    ids = lambda tokens: [t.vocab.index(w) + 2 for w in tokens]  # 0 padding, 1 unknown

    def encode(text: str):
        tokens = t.parse(text, 40)
        return torch.tensor(ids(tokens)), tokens, []

    return TaskData(
        from_tagged([ids(r) for r in rows], tags),
        from_tagged([ids(r) for r in rows], tags),
        {
            "input_kind": "embedding",
            "vocab_size": len(t.vocab) + 2,
            "head": "tagging",
            "num_classes": len(t.tags),
        },
        held_out=False,
        labels=list(t.tags),
        encode=encode,
    )


for _name, _summary in [
    ("rise", "tag each digit: up from the one before, or not (Sequence-to-sequence lab)"),
    ("pos-en", "part of speech of each word of 12 small English sentences (Sequence-to-sequence lab)"),
    ("pos-ko", "part of speech of each word of 12 small Korean sentences (Sequence-to-sequence lab)"),
]:
    _preset = Preset(
        {"cell": "gru", "hidden_size": 16, "embedding_dim": 8},
        {"epochs": 30, "lr": 0.01, "batch_size": 32},
        {},
        "GRU(16) tagger, one tag per step",
    )
    TASKS[f"tag-{_name}"] = Task(
        f"tag-{_name}",
        _summary,
        lambda _task=_name, **kw: build_tagging(_task, **kw),
        {"default": _preset, "best": _preset},
    )


def build_memory(length: int = 50, symbols: int = 4, distractors: int = 1, n_train: int = 512, seed: int = 0):
    """The Memory lab's task: remember the first symbol through ``length - 1`` distractors."""
    return build_recall(RecallConfig(length, symbols, distractors, n_train, 200, seed))


TASKS["memory"] = Task(
    "memory",
    "remember the first symbol of a long sequence (A, B, C or D, then T-1 fillers); chance is 25%",
    build_memory,
    {
        "default": Preset(
            {"cell": "lstm", "hidden_size": 16, "forget_bias": 3.0},
            {"epochs": 10, "lr": 0.01, "batch_size": 32},
            {"length": 50},
            "LSTM(16) with its forget gate open at the start (bias 3), T = 50",
        ),
        "tutorial": Preset(
            {"cell": "rnn", "hidden_size": 16},
            {"epochs": 10, "lr": 0.01, "batch_size": 32},
            {"length": 50},
            "a vanilla RNN(16) at T = 50: it stays near chance",
        ),
    },
)
TASKS["memory"].presets["best"] = TASKS["memory"].presets["default"]
