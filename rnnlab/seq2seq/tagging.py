"""Many-to-many, aligned: one tag per input step, read off the hidden state at that step.

    h_t = Cell(E[x_t], h_{t-1})        p(tag_t) = softmax(W h_t + b)

Tasks: ``rise`` marks each digit larger than the one before it (the first digit has none before it:
"-"), so the tag at step t needs x_{t-1} from the state; ``pos-en`` and ``pos-ko`` tag each word of a
small sentence set as noun, verb, adjective, ... (Korean: particles and endings are words here).
"""

from dataclasses import dataclass

import numpy as np
import torch
import torch.nn as nn

from ..errors import check
from ..init_params import seeded
from .config import TaggerConfig, TrainBudget
from .toy import DIGITS
from .train import ChunkTrainer, cross_entropy

_CELLS = {"gru": nn.GRU, "lstm": nn.LSTM}
PAD = 0


@dataclass(frozen=True)
class TagTask:
    name: str
    vocab: tuple[str, ...]  # input tokens (id = index + 1; 0 is padding)
    tags: tuple[str, ...]  # tag names
    sentences: tuple[tuple[tuple[str, str], ...], ...] = ()  # (word, tag) pairs; empty for digit tasks
    sep: str = ""  # "" reads characters, " " words

    def tag_digits(self, digits: list[int]) -> list[int]:
        return [0] + [1 if b > a else 2 for a, b in zip(digits, digits[1:])]

    def batch(self, rng: np.random.Generator, n: int, min_len: int, max_len: int):
        """x (N, L) ids, y (N, L) tag ids (-100 at padding)."""
        if not self.sentences:
            length = int(rng.integers(min_len, max_len + 1))
            d = rng.integers(0, 10, size=(n, length))
            y = np.array([self.tag_digits(list(r)) for r in d])
            return torch.as_tensor(d + 1), torch.as_tensor(y)
        rows = [self.sentences[i] for i in rng.integers(0, len(self.sentences), n)]
        length = max(len(r) for r in rows)
        x = torch.zeros(n, length, dtype=torch.long)
        y = torch.full((n, length), -100)
        for i, r in enumerate(rows):
            x[i, : len(r)] = torch.tensor([self.vocab.index(w) + 1 for w, _ in r])
            y[i, : len(r)] = torch.tensor([self.tags.index(t) for _, t in r])
        return x, y

    def parse(self, text: str, max_len: int) -> list[str]:
        tokens = text.split() if self.sep else [c for c in text if not c.isspace()]
        check(bool(tokens), "s2s_empty")
        unknown = [t for t in dict.fromkeys(tokens) if t not in self.vocab]
        shown = " ".join(self.vocab) if len(self.vocab) <= 12 else " ".join(self.vocab[:12]) + " ..."
        check(not unknown, "s2s_unknown", tokens=" ".join(unknown[:8]), allowed=shown)
        check(len(tokens) <= max_len, "s2s_too_long", max=max_len, got=len(tokens))
        return tokens

    def truth(self, tokens: list[str]) -> list[str] | None:
        """The right tags, where the task can say (digits: always; sentences: a training sentence)."""
        if not self.sentences:
            return [self.tags[i] for i in self.tag_digits([int(t) for t in tokens])]
        for s in self.sentences:
            if [w for w, _ in s] == tokens:
                return [t for _, t in s]
        return None


def _sentences(text: str) -> tuple:
    """'the/D cat/N ...' lines -> ((word, tag), ...) per line."""
    return tuple(tuple(tuple(p.rsplit("/", 1)) for p in line.split()) for line in text.strip().splitlines())


_EN = _sentences("""
the/DET cat/NOUN sleeps/VERB
a/DET dog/NOUN runs/VERB fast/ADV
the/DET small/ADJ cat/NOUN eats/VERB fish/NOUN
my/DET friend/NOUN reads/VERB a/DET long/ADJ book/NOUN
the/DET old/ADJ dog/NOUN sleeps/VERB quietly/ADV
students/NOUN love/VERB short/ADJ poems/NOUN
a/DET bird/NOUN sings/VERB
my/DET cat/NOUN loves/VERB fish/NOUN
the/DET student/NOUN writes/VERB quickly/ADV
friends/NOUN read/VERB old/ADJ books/NOUN
the/DET happy/ADJ bird/NOUN sings/VERB loudly/ADV
a/DET student/NOUN eats/VERB
""")
_KO = _sentences("""
고양이/NOUN 가/PART 잔다/VERB
강아지/NOUN 가/PART 빨리/ADV 달린다/VERB
작은/ADJ 고양이/NOUN 가/PART 생선/NOUN 을/PART 먹는다/VERB
내/DET 친구/NOUN 는/PART 긴/ADJ 책/NOUN 을/PART 읽는다/VERB
늙은/ADJ 강아지/NOUN 가/PART 조용히/ADV 잔다/VERB
학생/NOUN 들/PART 은/PART 짧은/ADJ 시/NOUN 를/PART 좋아한다/VERB
새/NOUN 가/PART 노래한다/VERB
내/DET 고양이/NOUN 는/PART 생선/NOUN 을/PART 좋아한다/VERB
학생/NOUN 이/PART 빨리/ADV 쓴다/VERB
친구/NOUN 들/PART 이/PART 오래된/ADJ 책/NOUN 을/PART 읽는다/VERB
행복한/ADJ 새/NOUN 가/PART 크게/ADV 노래한다/VERB
학생/NOUN 이/PART 먹는다/VERB
""")


def _words(sentences) -> tuple[str, ...]:
    return tuple(dict.fromkeys(w for s in sentences for w, _ in s))


def _tags(sentences) -> tuple[str, ...]:
    return tuple(sorted({t for s in sentences for _, t in s}))


TAG_TASKS: dict[str, TagTask] = {
    "rise": TagTask("rise", DIGITS, ("-", "up", "down/same")),
    "pos-en": TagTask("pos-en", _words(_EN), _tags(_EN), _EN, " "),
    "pos-ko": TagTask("pos-ko", _words(_KO), _tags(_KO), _KO, " "),
}


class Tagger(nn.Module):
    def __init__(self, cfg: TaggerConfig, task: TagTask):
        super().__init__()
        self.embed = nn.Embedding(len(task.vocab) + 1, cfg.embedding_dim, padding_idx=PAD)
        self.rnn = _CELLS[cfg.cell](cfg.embedding_dim, cfg.hidden_size, batch_first=True)
        self.head = nn.Linear(cfg.hidden_size, len(task.tags))

    def forward(self, x: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
        """x (N, L) -> tag logits (N, L, K) and hidden states (N, L, H).
        Padding sits after the real steps, so it never reaches back to change a real step's tag."""
        states, _ = self.rnn(self.embed(x))  # (N, L, H)
        return self.head(states), states


class TaggerTrainer(ChunkTrainer):
    """Held-out score: share of tags right on fresh digit sequences (or on the training sentences)."""

    eval_every = 50

    def __init__(self, cfg: TaggerConfig, budget: TrainBudget, device: torch.device | str = "cpu"):
        check(cfg.task in TAG_TASKS, "s2s_choice", name="task", allowed=", ".join(TAG_TASKS), got=cfg.task)
        self.cfg, self.task = cfg, TAG_TASKS[cfg.task]
        super().__init__(seeded(lambda: Tagger(cfg, self.task), budget.seed), budget, device)

    def batch_loss(self) -> torch.Tensor:
        x, y = self.task.batch(self.rng, self.budget.batch_size, self.cfg.min_len, self.cfg.max_len)
        return cross_entropy(self.model(x.to(self.device))[0], y.to(self.device))  # x, y (N, L)

    @torch.no_grad()
    def score(self) -> float:
        x, y = self.task.batch(np.random.default_rng(10_000), 200, self.cfg.min_len, self.cfg.max_len)
        pred = self.model(x.to(self.device))[0].argmax(-1).cpu()  # (N, L)
        real = y != -100
        return float((pred == y)[real].float().mean())

    @torch.no_grad()
    def tag(self, tokens: list[str]) -> dict:
        """A visitor's tokens -> predicted tags, their probabilities (L, K) and the hidden states (L, H)."""
        x = torch.tensor([[self.task.vocab.index(t) + 1 for t in tokens]], device=self.device)  # (1, L)
        logits, states = self.model(x)
        probs = torch.softmax(logits[0], -1).cpu()  # (L, K)
        return {
            "tags": [self.task.tags[i] for i in probs.argmax(-1).tolist()],
            "probs": probs.numpy(),
            "states": states[0].cpu().numpy(),
        }
