"""Settings of the lab's three models, one comment per field, each checked with a clear message."""

from dataclasses import dataclass

from ..errors import check

CELLS = ("gru", "lstm")
ATTENTIONS = ("none", "dot", "additive")


@dataclass
class TrainBudget:
    """How long and how fast a model trains (shared by the three models)."""

    steps: int = 1500  # optimizer steps at most (one fresh or sampled batch each)
    batch_size: int = 64  # sequences per step
    lr: float = 0.005  # Adam's learning rate
    clip: float = 1.0  # gradients are rescaled to at most this norm (0: off)
    seed: int = 0  # seeds weights and the batches: same seed and settings, same numbers

    def validate(self) -> "TrainBudget":
        check(1 <= self.steps <= 100_000, "s2s_range", name="steps", lo=1, hi=100_000, got=self.steps)
        check(
            1 <= self.batch_size <= 1024, "s2s_range", name="batch_size", lo=1, hi=1024, got=self.batch_size
        )
        check(0 < self.lr <= 1, "s2s_range", name="lr", lo=0, hi=1, got=self.lr)
        return self


@dataclass
class Seq2SeqConfig:
    """An encoder-decoder on a toy translation task."""

    task: str = "reverse"  # a name of rnnlab.seq2seq.toy.TOY_TASKS
    cell: str = "gru"  # "gru" or "lstm", for the encoder and the decoder
    hidden_size: int = 64  # H: size of the encoder's and decoder's state (the context vector)
    embedding_dim: int = 16  # E: vector size of each input and output token
    attention: str = "none"  # "none" (final state only), "dot" or "additive"
    min_len: int = 5  # shortest input the training batches hold
    max_len: int = 8  # longest input they hold (and the longest a visitor may type)

    def validate(self) -> "Seq2SeqConfig":
        from .toy import TOY_TASKS

        check(self.task in TOY_TASKS, "s2s_choice", name="task", allowed=", ".join(TOY_TASKS), got=self.task)
        check(self.cell in CELLS, "s2s_choice", name="cell", allowed=", ".join(CELLS), got=self.cell)
        check(
            self.attention in ATTENTIONS,
            "s2s_choice",
            name="attention",
            allowed=", ".join(ATTENTIONS),
            got=self.attention,
        )
        check(
            1 <= self.hidden_size <= 512, "s2s_range", name="hidden_size", lo=1, hi=512, got=self.hidden_size
        )
        check(
            1 <= self.embedding_dim <= 256,
            "s2s_range",
            name="embedding_dim",
            lo=1,
            hi=256,
            got=self.embedding_dim,
        )
        check(
            1 <= self.min_len <= self.max_len <= 40, "s2s_lengths", lo=self.min_len, hi=self.max_len, cap=40
        )
        return self


@dataclass
class TaggerConfig:
    """A recurrent tagger: one tag per input step."""

    task: str = "rise"  # a name of rnnlab.seq2seq.tagging.TAG_TASKS
    cell: str = "gru"  # "gru" or "lstm"
    hidden_size: int = 16  # H: size of the hidden state shown per step
    embedding_dim: int = 8  # E: vector size of each input token
    min_len: int = 4  # shortest training sequence (digit tasks)
    max_len: int = 12  # longest training sequence, and the longest a visitor may type


@dataclass
class CharLMConfig:
    """A character-level language model: reads a character, predicts the next one."""

    cell: str = "gru"  # "gru" or "lstm"
    hidden_size: int = 128  # H: size of the hidden state
    embedding_dim: int = 32  # E: vector size of each character
    window: int = 64  # characters per training sequence (truncated backpropagation through time)
    jamo: bool = False  # Korean: learn letters (jamo) instead of whole syllables
