"""The hand-written optimizers against torch.optim as the oracle, on a real LSTM, over many steps: bitwise."""

import subprocess
import sys
from pathlib import Path

import pytest
import torch

from rnnlab import optim


def _train(make_opt, steps=25, lr_change_at=None):
    torch.manual_seed(0)
    model = torch.nn.LSTM(3, 5, batch_first=True)
    x = torch.randn(4, 6, 3)
    opt = make_opt(model.parameters())
    for k in range(steps):
        if k == lr_change_at:
            opt.param_groups[0]["lr"] *= 0.1
        opt.zero_grad()
        model(x)[0].pow(2).mean().backward()
        opt.step()
    return [p.detach().clone() for p in model.parameters()]


@pytest.mark.parametrize(
    "ours, theirs",
    [
        (lambda p: optim.Adam(p, lr=0.01), lambda p: torch.optim.Adam(p, lr=0.01)),
        (
            lambda p: optim.Adam(p, lr=0.01, weight_decay=0.1),
            lambda p: torch.optim.Adam(p, lr=0.01, weight_decay=0.1),
        ),
        (lambda p: optim.SGD(p, lr=0.5), lambda p: torch.optim.SGD(p, lr=0.5)),
        (
            lambda p: optim.SGD(p, lr=0.5, momentum=0.9, weight_decay=0.01),
            lambda p: torch.optim.SGD(p, lr=0.5, momentum=0.9, weight_decay=0.01),
        ),
    ],
)
def test_updates_equal_torch_optim_bitwise(ours, theirs):
    for a, b in zip(_train(ours, lr_change_at=10), _train(theirs, lr_change_at=10)):
        assert torch.equal(a, b)  # the same operations in the same order: not merely close


def test_the_updates_move_the_parameters():
    before = _train(lambda p: optim.Adam(p, lr=0.01), steps=0)
    after = _train(lambda p: optim.Adam(p, lr=0.01), steps=3)
    assert all(not torch.equal(a, b) for a, b in zip(before, after))


def test_training_does_not_import_torch_dynamo():
    """The point of writing them out: torch.optim pulls in torch._dynamo and sympy (~70 MB resident)."""
    code = (
        "import sys; from rnnlab.tasks import resolve; from rnnlab.models import seeded_model; "
        "from rnnlab.train import Trainer; td, mc, tc = resolve('emoji', 'tutorial', train={'epochs': 2}); "
        "Trainer(seeded_model(mc, 0), td.train, tc).run(); "
        "print(sorted(m for m in ('torch._dynamo', 'sympy') if m in sys.modules))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        cwd=Path(__file__).resolve().parents[1],
    )
    assert out.stdout.strip() == "[]"
