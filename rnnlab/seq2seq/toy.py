"""Toy translations that train in seconds: reverse or sort a digit string, spell numbers in words.

Every task maps a list of digits to a source and a target token list of the same length, so a batch
draws one length and needs no padding (the encoder's final state is the state after the last real
token). Ids: 0 padding, 1 BOS (start of the decoder's input), 2 EOS (the decoder says it is done).

    reverse   3 1 4 1 5        -> 5 1 4 1 3
    sort      3 1 4 1 5        -> 1 1 3 4 5
    spell-en  3 1 4            -> three one four        read-en   three one four -> 3 1 4
    spell-ko  3 1 4            -> 삼 일 사              read-ko   삼 일 사        -> 3 1 4
"""

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import torch

from ..errors import check

PAD, BOS, EOS = 0, 1, 2
SPECIALS = ("<pad>", "<s>", "</s>")
DIGITS = tuple("0123456789")
WORDS = {
    "en": ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"),
    "ko": ("영", "일", "이", "삼", "사", "오", "육", "칠", "팔", "구"),
}


@dataclass(frozen=True)
class ToyTask:
    name: str
    src_words: tuple[str, ...]  # the token of each digit on the input side
    tgt_words: tuple[str, ...]  # ... and on the output side
    order: Callable[[list[int]], list[int]]  # input digits -> output digits
    src_sep: str = ""  # "" reads the input character by character, " " word by word
    tgt_sep: str = ""  # how output tokens are joined for display

    @property
    def src_vocab(self) -> list[str]:
        return [*SPECIALS, *self.src_words]

    @property
    def tgt_vocab(self) -> list[str]:
        return [*SPECIALS, *self.tgt_words]

    def batch(self, rng: np.random.Generator, n: int, length: int):
        """``n`` random pairs of one ``length``: src (N, S), decoder input (N, T), target (N, T), T = S + 1."""
        digits = rng.integers(0, 10, size=(n, length))
        out = np.array([self.order(list(row)) for row in digits])
        src = torch.as_tensor(digits + len(SPECIALS))
        tgt = torch.as_tensor(out + len(SPECIALS))
        bos = torch.full((n, 1), BOS)
        eos = torch.full((n, 1), EOS)
        return src, torch.cat([bos, tgt], 1), torch.cat([tgt, eos], 1)

    def parse(self, text: str, max_len: int) -> list[str]:
        """A visitor's input -> its tokens, or a clear error (empty, unknown tokens, too long)."""
        tokens = text.split() if self.src_sep else [c for c in text if not c.isspace()]
        check(bool(tokens), "s2s_empty")
        unknown = [t for t in dict.fromkeys(tokens) if t not in self.src_words]
        check(not unknown, "s2s_unknown", tokens=" ".join(unknown[:8]), allowed=" ".join(self.src_words))
        check(len(tokens) <= max_len, "s2s_too_long", max=max_len, got=len(tokens))
        return tokens

    def encode(self, tokens: list[str]) -> torch.Tensor:
        """Tokens -> ids (1, S)."""
        return torch.tensor([[self.src_words.index(t) + len(SPECIALS) for t in tokens]])

    def expected(self, tokens: list[str]) -> list[str]:
        """The right answer for an input (shown next to the model's)."""
        digits = [self.src_words.index(t) for t in tokens]
        return [self.tgt_words[d] for d in self.order(digits)]

    def example(self, length: int = 5, seed: int = 1) -> str:
        digits = np.random.default_rng(seed).integers(0, 10, length)
        return (self.src_sep or "").join(self.src_words[d] for d in digits)


def _same(d: list[int]) -> list[int]:
    return d


TOY_TASKS: dict[str, ToyTask] = {
    "reverse": ToyTask("reverse", DIGITS, DIGITS, lambda d: d[::-1]),
    "sort": ToyTask("sort", DIGITS, DIGITS, sorted),
    "spell-en": ToyTask("spell-en", DIGITS, WORDS["en"], _same, "", " "),
    "spell-ko": ToyTask("spell-ko", DIGITS, WORDS["ko"], _same, "", " "),
    "read-en": ToyTask("read-en", WORDS["en"], DIGITS, _same, " ", ""),
    "read-ko": ToyTask("read-ko", WORDS["ko"], DIGITS, _same, " ", ""),
}
