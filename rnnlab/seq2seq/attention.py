"""Attention over the encoder's states: which input steps each output step looks at.

For decoder states d_t (N, T, H) and encoder states h_s (N, S, H):

    dot (Luong et al. 2015):       e_ts = d_t . h_s
    additive (Bahdanau et al. 2015): e_ts = v . tanh(W_d d_t + W_h h_s)
    weights  a_ts = exp(e_ts) / sum_s' exp(e_ts')       (each output step's weights sum to 1)
    context  c_t  = sum_s a_ts h_s
"""

import torch
import torch.nn as nn


class Attention(nn.Module):
    def __init__(self, kind: str, hidden: int):
        super().__init__()
        self.kind = kind
        if kind == "additive":
            self.w_dec = nn.Linear(hidden, hidden, bias=False)
            self.w_enc = nn.Linear(hidden, hidden)
            self.v = nn.Linear(hidden, 1, bias=False)

    def forward(self, dec: torch.Tensor, enc: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
        """dec (N, T, H), enc (N, S, H) -> context (N, T, H), weights (N, T, S)."""
        if self.kind == "dot":
            scores = dec @ enc.transpose(1, 2)  # (N, T, S)
        else:
            mixed = self.w_dec(dec).unsqueeze(2) + self.w_enc(enc).unsqueeze(1)  # (N, T, S, H)
            scores = self.v(torch.tanh(mixed)).squeeze(-1)  # (N, T, S)
        weights = torch.softmax(scores, dim=-1)  # (N, T, S)
        return weights @ enc, weights  # (N, T, H), (N, T, S)
