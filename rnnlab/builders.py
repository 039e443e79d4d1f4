"""The task builders: options in, :class:`~rnnlab.taskdata.TaskData` out (the data, the model settings the
data fixes, and the typed part the pages read). ``rnnlab.tasks`` registers them with their presets.
"""

import numpy as np
import torch

from .data import airline, emoji, sentences
from .data.corpus import from_pairs, movie_reviews
from .data.numbers import parse_numbers
from .data.seqdata import from_features, from_tagged
from .errors import check
from .memory.recall import RecallConfig, build_recall
from .seq2seq.tagging import TAG_TASKS
from .taskdata import EmojiPart, ForecastPart, TaskData, warn_unknown
from .textclf import build_text_task


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
        {"input_kind": "features", "input_size": 1, "head": "regression", "window": window},
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
        {"input_kind": "features", "input_size": 1, "head": "regression", "window": window},
        encode=encode,
        to_units=lambda z: np.asarray(z),
        truth=y[n_train:],
        baselines={"last value": x[n_train:, -1]},
    )


def build_movie_reviews(
    vocab_size: int = 6000, max_len: int = 50, neutral: float = 0.0, tokens: str = "word"
) -> TaskData:
    return build_text_task(movie_reviews(neutral), tokens, vocab_size, max_len)


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


def build_memory(length: int = 50, symbols: int = 4, distractors: int = 1, n_train: int = 512, seed: int = 0):
    """The Memory lab's task: remember the first symbol through ``length - 1`` distractors."""
    return build_recall(RecallConfig(length, symbols, distractors, n_train, 200, seed))
