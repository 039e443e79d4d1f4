"""The emoji messages of the "order matters" lab: same emoji, different order, different label.

Two input encodings:
- ``embedding`` (default): each emoji is a token id with a learned vector.
- ``tutorial``: each emoji's label number (its index in the sorted vocabulary, as the classic Keras
  tutorial encodes it) is one float feature per step, so the tutorial is reproducible.
"""

import torch

from ..errors import check
from .seqdata import SeqData, from_features, from_ids
from .text import Vocab, emoji_tokens

LABELS = ["BAD", "GOOD"]
MESSAGES = [
    ("🐱 🤖 ❤️ ❗️", 1),
    ("🐱 ❗️ 🐷 🐶", 0),
    ("🐷 🐱 🤖 ❤️", 1),
    ("❤️ 🤖 ❗️ 🐷", 0),
    ("🐶 🐱 ❤️ 🤖", 1),
    ("🐷 ❤️ ❗️ 🐶", 0),
    ("🐱 🤖 🐷 ❤️", 1),
    ("❗️ ❤️ 🐱 🤖", 1),
    ("🤖 🐱 ❤️ 🐷", 0),
    ("🐷 🐶 ❗️ ❤️", 0),
]
MAX_TOKENS = 50  # longest message the lab accepts
MAX_MESSAGES = 200


class EmojiCodec:
    """Turns messages into model inputs with one of the two encodings."""

    def __init__(self, messages: list[tuple[str, int]], encoding: str = "embedding"):
        check(encoding in ("embedding", "tutorial"), "encoding_choice", got=encoding)
        self.encoding = encoding
        self.token_lists = [self.tokenize(text) for text, _ in messages]
        self.vocab = Vocab.build(self.token_lists)
        self.sorted_tokens = sorted(self.vocab.tokens[2:])  # the tutorial's label numbers
        self.number = {t: float(i) for i, t in enumerate(self.sorted_tokens)}

    @staticmethod
    def tokenize(text: str) -> list[str]:
        tokens = emoji_tokens(text)
        check(len(tokens) <= MAX_TOKENS, "many_emoji", n=len(tokens), max=MAX_TOKENS)
        return tokens

    def encode(self, tokens: list[str]) -> tuple[torch.Tensor, list[str]]:
        """(L,) ids or (L, 1) label numbers, and the unknown tokens (id <unk>, or number len(vocab))."""
        if self.encoding == "embedding":
            ids, unknown = self.vocab.encode(tokens)
            return torch.tensor(ids, dtype=torch.long), unknown
        unknown = [t for t in tokens if t not in self.number]
        values = [self.number.get(t, float(len(self.number))) for t in tokens]
        return torch.tensor(values, dtype=torch.float32)[:, None], unknown

    def dataset(self, labels: list[int]) -> SeqData:
        if self.encoding == "embedding":
            return from_ids([self.vocab.encode(t)[0] for t in self.token_lists], labels)
        check(len({len(t) for t in self.token_lists}) == 1, "equal_length")
        return from_features([[[self.number[t]] for t in toks] for toks in self.token_lists], labels)


def check_messages(messages: list[tuple[str, int]]) -> list[tuple[str, int]]:
    """Validate a user-edited table: non-empty, both labels present, at most MAX_MESSAGES rows."""
    rows = [(str(t).strip(), int(l)) for t, l in messages if str(t).strip()]
    check(len(rows) >= 2, "two_messages")
    check(len(rows) <= MAX_MESSAGES, "many_messages", n=len(rows), max=MAX_MESSAGES)
    check({l for _, l in rows} == {0, 1}, "good_and_bad")
    for row, (text, _) in enumerate(rows, 1):
        n = len(emoji_tokens(text))
        check(n <= MAX_TOKENS, "many_emoji_row", row=row, n=n, max=MAX_TOKENS)  # names the row to fix
    return rows
