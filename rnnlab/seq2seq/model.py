"""The encoder-decoder as the classic tutorial builds it, with optional attention.

Encoder (reads the input x_1..x_S):    h_s = Cell(E_in[x_s], h_{s-1}),  h_0 = 0
Bridge:                                d_0 = h_S   (Keras: ``return_state=True`` -> ``initial_state=``)
Decoder (reads its previous output):   d_t = Cell(E_out[y_{t-1}], d_{t-1}),  y_0 = <s>
Output without attention:              p(y_t) = softmax(W d_t + b)
Output with attention (Luong 2015):    p(y_t) = softmax(W [d_t; c_t] + b),  c_t from rnnlab.seq2seq.attention

Without attention the final encoder state h_S is the only thing the decoder learns about the input:
a fixed-size "context vector" however long the input. Training feeds the true previous token
(teacher forcing, all steps in one call); inference feeds back the model's own most likely token
(greedy decoding) until it says </s>.
"""

import torch
import torch.nn as nn

from .attention import Attention
from .config import Seq2SeqConfig
from .toy import BOS, EOS, TOY_TASKS

_CELLS = {"gru": nn.GRU, "lstm": nn.LSTM}


class Seq2Seq(nn.Module):
    def __init__(self, cfg: Seq2SeqConfig):
        super().__init__()
        self.cfg = cfg.validate()
        task = TOY_TASKS[cfg.task]
        h, e = cfg.hidden_size, cfg.embedding_dim
        self.src_embed = nn.Embedding(len(task.src_vocab), e)
        self.tgt_embed = nn.Embedding(len(task.tgt_vocab), e)
        self.encoder = _CELLS[cfg.cell](e, h, batch_first=True)
        self.decoder = _CELLS[cfg.cell](e, h, batch_first=True)
        self.attention = Attention(cfg.attention, h) if cfg.attention != "none" else None
        self.out = nn.Linear(2 * h if self.attention else h, len(task.tgt_vocab))

    def encode(self, src: torch.Tensor):
        """src (N, S) -> encoder states (N, S, H) and the final state ((1, N, H), or (h, c) for LSTM)."""
        states, final = self.encoder(self.src_embed(src))
        return states, final

    def decode(self, enc_states: torch.Tensor, state, tgt_in: torch.Tensor):
        """Decoder inputs (N, T) from ``state`` -> logits (N, T, V), attention (N, T, S) or None, new state.

        ``enc_states`` is read only by attention: without it the decoder sees the input only through
        ``state`` (the tests change every encoder state but the last and check nothing moves)."""
        dec, state = self.decoder(self.tgt_embed(tgt_in), state)  # (N, T, H)
        if self.attention is None:
            return self.out(dec), None, state
        context, weights = self.attention(dec, enc_states)  # (N, T, H), (N, T, S)
        return self.out(torch.cat([dec, context], -1)), weights, state

    def forward(self, src: torch.Tensor, tgt_in: torch.Tensor):
        """Teacher forcing: src (N, S), decoder input (N, T) -> logits (N, T, V), attention or None."""
        enc_states, final = self.encode(src)
        logits, weights, _ = self.decode(enc_states, final, tgt_in)
        return logits, weights

    @torch.no_grad()
    def greedy(self, src: torch.Tensor, max_steps: int | None = None) -> dict:
        """Feed back the most likely token until </s> (or ``max_steps``).

        Returns ids (N, T) (</s> and after it set to </s>), probs (N, T, V), attention (N, T, S) or None,
        context (N, H): the final encoder state h_S handed to the decoder."""
        n, s = src.shape
        enc_states, state = self.encode(src)
        context = (state[0] if isinstance(state, tuple) else state)[-1]  # (N, H)
        y = torch.full((n, 1), BOS, dtype=torch.long, device=src.device)
        ids, probs, attn = [], [], []
        finished = torch.zeros(n, dtype=torch.bool, device=src.device)
        for _ in range(max_steps or s + 2):
            logits, weights, state = self.decode(enc_states, state, y)
            p = torch.softmax(logits[:, 0], -1)  # (N, V)
            y = p.argmax(-1, keepdim=True)  # (N, 1)
            y = torch.where(finished[:, None], torch.full_like(y, EOS), y)
            ids.append(y[:, 0])
            probs.append(p)
            if weights is not None:
                attn.append(weights[:, 0])
            finished |= y[:, 0] == EOS
            if finished.all():
                break
        return {
            "ids": torch.stack(ids, 1),
            "probs": torch.stack(probs, 1),
            "attention": torch.stack(attn, 1) if attn else None,
            "context": context,
        }
