"""One-to-many: a character-level language model that learns a text and then writes more of it.

    h_t = Cell(E[c_t], h_{t-1})        p(c_{t+1} | c_1..c_t) = softmax(W h_t + b)

Training reads random windows of the text and predicts each next character. Sampling reads a seed,
then draws each next character from softmax(logits / T): temperature T < 1 sharpens the choice
(safe, repetitive), T > 1 flattens it (inventive, misspelt). Korean can be learned by syllable
(2,000+ possible symbols, each seen rarely) or by jamo (rnnlab.seq2seq.hangul: 68 letters, recomposed).
"""

import torch
import torch.nn as nn

from ..errors import Note, check
from ..init_params import seeded
from . import hangul
from .config import CharLMConfig, TrainBudget
from .train import ChunkTrainer, cross_entropy

MIN_TEXT = 100  # characters a text needs before there is anything to learn
MAX_TEXT = 100_000  # characters kept of a paste (a 1 MB paste is cut, with a note)
MAX_SEED = 200  # characters of seed
MAX_SAMPLE = 1000  # characters one sample may write
_CELLS = {"gru": nn.GRU, "lstm": nn.LSTM}


def prepare(text: str, jamo: bool = False) -> tuple[str, list[Note]]:
    """A pasted or shipped text -> the symbols the model learns (jamo decomposed if asked), notes."""
    notes = []
    text = text.replace("\r\n", "\n")
    check(len(text.strip()) >= MIN_TEXT, "s2s_text_short", min=MIN_TEXT, got=len(text.strip()))
    if len(text) > MAX_TEXT:
        notes.append(Note("s2s_text_cut", got=len(text), max=MAX_TEXT))
        text = text[:MAX_TEXT]
    return (hangul.decompose(text) if jamo else text), notes


class CharLM(nn.Module):
    def __init__(self, cfg: CharLMConfig, vocab_size: int):
        super().__init__()
        self.embed = nn.Embedding(vocab_size, cfg.embedding_dim)
        self.rnn = _CELLS[cfg.cell](cfg.embedding_dim, cfg.hidden_size, batch_first=True)
        self.head = nn.Linear(cfg.hidden_size, vocab_size)

    def forward(self, x: torch.Tensor, state=None):
        """x (N, L) -> logits (N, L, V), state."""
        out, state = self.rnn(self.embed(x), state)  # (N, L, H)
        return self.head(out), state

    def stepper(self):
        """One step for sampling, with the fused cell kernels (``torch.gru_cell`` / ``torch.lstm_cell``):
        (token id, state (1, H) or (h, c)) -> (logits (1, V), state). Same numbers as ``forward``,
        without nn.GRU's per-call set-up, which is most of the time when reading one character."""
        rnn, emb, head = self.rnn, self.embed.weight, self.head
        weights = (rnn.weight_ih_l0, rnn.weight_hh_l0, rnn.bias_ih_l0, rnn.bias_hh_l0)
        cell = torch.lstm_cell if isinstance(rnn, nn.LSTM) else torch.gru_cell

        def step(i: int, state):
            state = cell(emb[i : i + 1], state, *weights)
            h = state[0] if isinstance(state, tuple) else state  # (1, H)
            return torch.nn.functional.linear(h, head.weight, head.bias), state

        return step


class CharLMTrainer(ChunkTrainer):
    """Random windows of the text; every ``sample_every`` steps it writes a sample (``samples``)."""

    sample_every = 25  # steps between the samples the class watches improve
    sample_length = 120  # characters per watched sample

    def __init__(self, text: str, cfg: CharLMConfig, budget: TrainBudget, device: torch.device | str = "cpu"):
        self.cfg = cfg
        self.symbols, self.notes = prepare(text, cfg.jamo)
        self.vocab = sorted(set(self.symbols))  # (V,)
        self.index = {c: i for i, c in enumerate(self.vocab)}
        self.data = torch.tensor([self.index[c] for c in self.symbols])  # (len,)
        self.window = min(cfg.window, len(self.data) - 1)
        self.samples: list[tuple[int, str]] = []  # (step, sample) while training
        super().__init__(seeded(lambda: CharLM(cfg, len(self.vocab)), budget.seed), budget, device)
        self.data = self.data.to(self.device)
        self.eval_every = self.sample_every

    def batch_loss(self) -> torch.Tensor:
        starts = torch.as_tensor(self.rng.integers(0, len(self.data) - self.window, self.budget.batch_size))
        idx = (starts[:, None] + torch.arange(self.window + 1)).to(self.device)  # (N, W + 1)
        chunk = self.data[idx]
        logits, _ = self.model(chunk[:, :-1])  # (N, W, V)
        return cross_entropy(logits, chunk[:, 1:])

    def score(self) -> float:
        text = self.sample(self.default_seed(), self.sample_length, 0.8, rng_seed=self.step)
        self.samples.append((self.step, text))
        return float("nan")

    def default_seed(self) -> str:
        """The text's first few symbols (whole words where possible): the seed the watched samples use."""
        first = hangul.compose(self.symbols[:40]) if self.cfg.jamo else self.symbols[:40]
        return first.split("\n")[0][:12] or first[:1]

    @torch.no_grad()
    def sample(self, prompt: str, length: int = 200, temperature: float = 0.8, rng_seed: int = 0) -> str:
        """Read ``prompt``, then write ``length`` more characters; returns only the new text.

        A clear error for an empty prompt, one too long, characters the text never had, or a
        temperature or length out of range."""
        check(bool(prompt), "s2s_seed_empty")
        check(len(prompt) <= MAX_SEED, "s2s_seed_long", max=MAX_SEED, got=len(prompt))
        check(1 <= length <= MAX_SAMPLE, "s2s_range", name="length", lo=1, hi=MAX_SAMPLE, got=length)
        check(0.05 <= temperature <= 5, "s2s_range", name="temperature", lo=0.05, hi=5, got=temperature)
        symbols = hangul.decompose(prompt) if self.cfg.jamo else prompt
        unknown = [c for c in dict.fromkeys(symbols) if c not in self.index]
        shown = " ".join(repr(c)[1:-1] if c.isspace() else c for c in unknown[:10])
        check(not unknown, "s2s_seed_unknown", chars=shown)
        gen = torch.Generator().manual_seed(rng_seed)
        self.model.eval()
        x = torch.tensor([[self.index[c] for c in symbols]], device=self.device)  # (1, len)
        logits, state = self.model(x)
        step = self.model.stepper()
        logits = logits[0, -1:]  # (1, V)
        state = tuple(s[0] for s in state) if isinstance(state, tuple) else state[0]  # (1, H) each
        out = []
        for _ in range(length):
            p = torch.softmax(logits[0] / temperature, -1).cpu()  # (V,): the generator is the CPU's
            i = int(torch.multinomial(p, 1, generator=gen))
            out.append(self.vocab[i])
            logits, state = step(i, state)
        text = "".join(out)
        if self.cfg.jamo:  # recompose the whole text so a syllable split at the seed's end joins up
            return hangul.compose(symbols + text)[len(hangul.compose(symbols)) :]
        return text
