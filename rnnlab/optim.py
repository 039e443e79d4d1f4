"""SGD and Adam, written out: the same updates as ``torch.optim`` (tests check them against it).

Why not ``torch.optim``? Creating any of its optimizers imports ``torch._dynamo``, sympy and
``torch._inductor``. Measured by ``bench/optim_import.py`` (fresh processes, median of 3, torch 2.13):
creating ``torch.optim.Adam`` and taking one step added 74 MB resident and 5 to 7 s, against 2.8 MB and
under 0.01 s for :class:`Adam` here. The seconds were measured on the project's 2-core machine under
load (five people's tests); idle, the issue measured about +70 MB and +1 s. A tiny-RNN site pays that
for nothing. The written-out Adam and SGD perform torch's single-tensor updates operation for
operation, so they match ``torch.optim`` bitwise (tests/test_optim.py compares with ``torch.equal``),
and the update rules are short enough to read here, which suits a teaching tool.

For a parameter p with gradient g (after adding the L2 penalty ``weight_decay * p``) and step t:

SGD with momentum mu:   b <- mu * b + g   (b = g at the first step);   p <- p - lr * b

Adam (Kingma & Ba, 2015):
    m <- beta1 * m + (1 - beta1) * g           first moment (mean of the gradient)
    v <- beta2 * v + (1 - beta2) * g^2         second moment (mean of its square)
    p <- p - lr / (1 - beta1^t) * m / (sqrt(v) / sqrt(1 - beta2^t) + eps)
"""

import torch


class Optimizer:
    """One group of parameters; ``param_groups[0]["lr"]`` may change between steps (a live slider)."""

    def __init__(self, params, **group):
        self.params = [p for p in params if p.requires_grad]
        self.param_groups = [group]
        self.state: dict[torch.Tensor, dict] = {}

    def zero_grad(self) -> None:
        for p in self.params:
            p.grad = None

    def state_dict(self) -> dict:
        """A copy of the hyper-parameters and of every parameter's state, by parameter position."""
        clone = lambda v: v.clone() if isinstance(v, torch.Tensor) else v  # noqa: E731
        return {
            "groups": [dict(g) for g in self.param_groups],
            "state": {
                i: {k: clone(v) for k, v in self.state[p].items()}
                for i, p in enumerate(self.params)
                if p in self.state
            },
        }

    def load_state_dict(self, saved: dict) -> None:
        """Put back what :meth:`state_dict` returned (the same parameters, in the same order)."""
        self.param_groups[0].update(saved["groups"][0])
        self.state = {self.params[i]: dict(s) for i, s in saved["state"].items()}

    def _grads(self):
        """(parameter, gradient with the L2 penalty added, its state) for each parameter that has a gradient."""
        wd = self.param_groups[0]["weight_decay"]
        for p in self.params:
            if p.grad is not None:
                g = p.grad if wd == 0 else p.grad.add(p, alpha=wd)
                yield p, g, self.state.setdefault(p, {})


class SGD(Optimizer):
    def __init__(self, params, lr: float, momentum: float = 0.0, weight_decay: float = 0.0):
        super().__init__(params, lr=lr, momentum=momentum, weight_decay=weight_decay)

    @torch.no_grad()
    def step(self) -> None:
        lr, mu = self.param_groups[0]["lr"], self.param_groups[0]["momentum"]
        for p, g, state in self._grads():
            if mu:
                buf = state.get("momentum_buffer")
                g = state["momentum_buffer"] = g.clone() if buf is None else buf.mul_(mu).add_(g)
            p.add_(g, alpha=-lr)


class Adam(Optimizer):
    def __init__(
        self,
        params,
        lr: float = 1e-3,
        betas: tuple[float, float] = (0.9, 0.999),
        eps: float = 1e-8,
        weight_decay: float = 0.0,
    ):
        super().__init__(params, lr=lr, betas=betas, eps=eps, weight_decay=weight_decay)

    @torch.no_grad()
    def step(self) -> None:
        group = self.param_groups[0]
        (b1, b2), eps, lr = group["betas"], group["eps"], group["lr"]
        for p, g, state in self._grads():
            if not state:
                state.update(step=0, m=torch.zeros_like(p), v=torch.zeros_like(p))
            state["step"] += 1
            t = state["step"]
            state["m"].lerp_(g, 1 - b1)
            state["v"].mul_(b2).addcmul_(g, g, value=1 - b2)
            denom = (state["v"].sqrt() / (1 - b2**t) ** 0.5).add_(eps)
            p.addcdiv_(state["m"], denom, value=-lr / (1 - b1**t))


def make(name: str, params, lr: float, momentum: float = 0.0, weight_decay: float = 0.0) -> Optimizer:
    """``name`` is "adam" or "sgd" (the config's ``optimizer``)."""
    if name == "adam":
        return Adam(params, lr=lr, weight_decay=weight_decay)
    return SGD(params, lr=lr, momentum=momentum, weight_decay=weight_decay)
