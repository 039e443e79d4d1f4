"""Tokenizers and the vocabulary (token <-> id) shared by the emoji and sentence data."""

from collections import Counter
from dataclasses import dataclass, field

import regex

from ..errors import check
from .ids import PAD_ID, UNK_ID

PAD, UNK = "<pad>", "<unk>"
MAX_CHARS = 2_000  # longest text accepted for one message (a page or the CLI)
_VS = "\ufe0e\ufe0f"  # variation selectors: text / emoji presentation
_TOKEN = regex.compile(r"[0-9#*]\ufe0f?\u20e3|[\p{L}\p{N}_']+|\X", regex.V1)
_WORD = regex.compile(r"[\p{L}\p{N}_']+|[^\s\p{L}\p{N}_']", regex.V1)


def check_text(text: str) -> str:
    """Reject empty and overlong messages with a message that says the limit."""
    check(isinstance(text, str) and text.strip() != "", "empty_message")
    check(len(text) <= MAX_CHARS, "long_message", n=len(text), max=MAX_CHARS)
    return text


def normalize_emoji(grapheme: str) -> str:
    """One spelling per emoji: ❤ and ❤️ are the same token, keycaps keep U+FE0F before U+20E3."""
    core = grapheme.translate({ord(c): None for c in _VS})
    if core.endswith("\u20e3"):
        return core[:-1] + "\ufe0f\u20e3"
    if len(core) == 1 and 0x2000 <= ord(core) < 0x1F000:  # symbols that default to text style
        return core + "\ufe0f"
    return core


def emoji_tokens(text: str) -> list[str]:
    """Split into graphemes, spaces optional: "🐱🤖❤️" -> ["🐱", "🤖", "❤️"]. A keycap, a skin tone or a
    ZWJ family is one token; a run of letters or digits is one token (a word)."""
    return [normalize_emoji(t) for t in _TOKEN.findall(check_text(text)) if not t.isspace()]


def word_tokens(text: str, lower: bool = True) -> list[str]:
    """Words and single punctuation marks; emoji stay whole. Lower-cased by default."""
    text = check_text(text)
    out = []
    for t in _WORD.findall(text.lower() if lower else text):
        out.extend(regex.findall(r"\X", t) if not t[0].isalnum() else [t])
    return [t for t in out if not t.isspace()]


def char_tokens(text: str) -> list[str]:
    """Every grapheme but spaces (a Korean syllable is one token)."""
    return [g for g in regex.findall(r"\X", check_text(text)) if not g.isspace()]


@dataclass
class Vocab:
    tokens: list[str]  # id -> token; ids 0 and 1 are <pad> and <unk>
    counts: dict[str, int] = field(default_factory=dict)  # token -> count in the training texts

    @classmethod
    def build(cls, token_lists: list[list[str]], max_size: int | None = None, min_count: int = 1) -> "Vocab":
        """Most frequent first (ties in first-seen order); ``max_size`` counts <pad> and <unk>."""
        return cls.from_counts(Counter(t for toks in token_lists for t in toks), max_size, min_count)

    @classmethod
    def from_counts(cls, counts: Counter, max_size: int | None = None, min_count: int = 1) -> "Vocab":
        """The same from token counts (their insertion order breaks ties)."""
        order = sorted(counts, key=lambda t: -counts[t])  # stable sort keeps first-seen order on ties
        kept = [t for t in order if counts[t] >= min_count]
        if max_size is not None:
            check(max_size >= 3, "vocab_min", got=max_size)
            kept = kept[: max_size - 2]
        return cls([PAD, UNK] + kept, {t: counts[t] for t in kept})

    def __post_init__(self):
        self.index = {t: i for i, t in enumerate(self.tokens)}

    def __len__(self) -> int:
        return len(self.tokens)

    def encode(self, tokens: list[str]) -> tuple[list[int], list[str]]:
        """Ids, and the tokens that were unknown (mapped to <unk>)."""
        ids = [self.index.get(t, UNK_ID) for t in tokens]
        return ids, [t for t, i in zip(tokens, ids) if i == UNK_ID]

    def decode(self, ids) -> list[str]:
        return [self.tokens[int(i)] for i in ids if int(i) != PAD_ID]
