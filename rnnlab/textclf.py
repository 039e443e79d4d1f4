"""A text-classification task from any :class:`TextSet`: tokenize, build the vocabulary on the
training part only, encode with a maximum length, and keep what the Sentence lab shows."""

import importlib.util
import threading
from collections import Counter
from functools import cache

import numpy as np
import torch

from .data.corpus import TextSet
from .data.seqdata import from_ids
from .data.text import Vocab, char_tokens, check_text, word_tokens
from .errors import Note, RNNLabError, check
from .taskdata import TaskData, TextPart, warn_unknown

TOKENIZERS = ("word", "char", "morpheme")
MAX_TOKEN_SLOTS = 2_500_000  # texts x max length one visitor's task may hold (20 MB of ids)


_KIWI_LOCK = threading.Lock()  # one load per process, one analysis at a time (visitors share the analyser)


@cache
def _kiwi_loaded():
    """Kiwi, the Korean morphological analyser, loaded once per process and shared. Without its optional
    user, typo and multi-word dictionaries it keeps ~245 MB instead of ~480 MB (measured in bench/)."""
    try:
        from kiwipiepy import Kiwi
    except ImportError:
        raise RNNLabError("kiwi_missing") from None
    kiwi = Kiwi(num_workers=-1, load_default_dict=False, load_typo_dict=False, load_multi_dict=False)
    kiwi.tokenize("가")  # the first analysis builds the rest of its tables
    return kiwi


def morphemes(texts: list[str]) -> list[list[str]]:
    """Each text as Kiwi's morphemes (surface forms): "재미있었어요" -> 재미있, 었, 어요."""
    with _KIWI_LOCK:
        kiwi = _kiwi_loaded()
        return [[t.form for t in toks] for toks in kiwi.tokenize(texts)]


def kiwi_loaded() -> bool:
    """Whether this process has loaded the analyser already (the first use takes about a second)."""
    return _kiwi_loaded.cache_info().currsize > 0


@cache
def kiwi_available() -> bool:
    """Installed, without importing it (17 MB) before a visitor asks for morphemes."""
    return importlib.util.find_spec("kiwipiepy") is not None


def tokenize(text: str, kind: str = "word") -> list[str]:
    check(kind in TOKENIZERS, "choice", name="tokens", choices=", ".join(TOKENIZERS), got=kind)
    if kind == "word":
        return word_tokens(text)
    if kind == "char":
        return char_tokens(text)
    return morphemes([check_text(text)])[0]


def tokenize_all(texts: list[str], kind: str, max_len: int, count=None, chunk: int = 2000):
    """Every text's first ``max_len`` tokens (``<empty>`` for a text with none), how many texts were cut,
    and the counts of all their tokens, cut or not, over the texts whose index is in ``count`` (all if
    None). Texts are read in chunks, so only one chunk's full token lists exist at a time."""
    out, cut, counts = [], 0, Counter()
    for start in range(0, len(texts), chunk):
        part = texts[start : start + chunk]
        if kind == "morpheme":
            found = morphemes([t if t.strip() else "." for t in part])
        else:
            found = [tokenize(t, kind) if t.strip() else [] for t in part]
        for i, (text, toks) in enumerate(zip(part, found), start):
            toks = toks if text.strip() else []
            if count is None or i in count:
                counts.update(toks)
            cut += len(toks) > max_len
            out.append((toks or ["<empty>"])[:max_len])
    return out, cut, counts


def build_text_task(
    data: TextSet,
    tokens: str = "word",
    vocab_size: int = 10_000,
    max_len: int = 40,
    test_share: float = 0.2,
    seed: int = 0,
    held_out: bool = True,
) -> TaskData:
    """``held_out=False`` trains and scores on every text (the tiny built-in sets of the CLI)."""
    ok = isinstance(max_len, int) and 2 <= max_len <= 500
    check(ok, "whole_range", name="maxlen", lo=2, hi=500, got=max_len)
    ok = isinstance(vocab_size, int) and 3 <= vocab_size <= 50_000
    check(ok, "whole_range", name="vocab", lo=3, hi="50,000", got=vocab_size)
    check(tokens in TOKENIZERS, "choice", name="tokens", choices=", ".join(TOKENIZERS), got=tokens)
    slots = len(data.texts) * max_len
    n = len(data.texts)
    check(slots <= MAX_TOKEN_SLOTS, "token_slots", n=n, max_len=max_len, slots=slots, max=MAX_TOKEN_SLOTS)
    train_idx, test_idx = data.split(test_share, seed) if held_out else (np.arange(len(data.texts)),) * 2
    check(len(test_idx) > 0 and len(train_idx) > 0, "too_small")
    tok, cut, counts = tokenize_all(data.texts, tokens, max_len, count=set(train_idx.tolist()))
    vocab = Vocab.from_counts(
        counts, max_size=vocab_size
    )  # counted on whole training texts, not the cut ones
    ids = [vocab.encode(t)[0] for t in tok]
    pick = lambda idx: from_ids([ids[i] for i in idx], [data.labels[i] for i in idx], max_len)  # noqa: E731
    two = len(data.classes) == 2

    def encode(text: str):
        t = tokenize(text, tokens)
        check(len(t) > 0, "no_tokens")
        got, unknown = vocab.encode(t[:max_len])
        warn = warn_unknown(unknown)
        if len(t) > max_len:
            warn.append(Note("cut", maxlen=max_len))
        return torch.tensor(got), t[:max_len], warn

    model = {
        "input_kind": "embedding",
        "vocab_size": len(vocab),
        "head": "binary" if two else "multiclass",
        "num_classes": len(data.classes),
    }
    return TaskData(
        pick(train_idx),
        pick(test_idx),
        model,
        held_out=held_out,
        labels=data.classes,
        encode=encode,
        text=TextPart(
            vocab=vocab,
            first_tokens=[tok[i] for i in train_idx[:6]],
            train_idx=train_idx,
            test_idx=test_idx,
            data=data,
            max_len=max_len,
            cut=cut,
            last_class_share=_last_class_share(tok, data.labels, train_idx, vocab, len(data.classes)),
        ),
    )


def _last_class_share(tok, labels, train_idx, vocab: Vocab, n_classes: int, top: int = 100) -> list[float]:
    """For the ``top`` most frequent words: the share of training texts containing them that have the
    last class (how positive a word is), so the views need not keep every text's tokens."""
    words = vocab.tokens[2 : 2 + top]
    seen = {w: [0, 0] for w in words}
    for i in train_idx:
        for w in set(tok[i]) & seen.keys():
            seen[w][0] += labels[i] == n_classes - 1
            seen[w][1] += 1
    return [seen[w][0] / max(seen[w][1], 1) for w in words]
