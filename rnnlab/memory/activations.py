"""The warm-up: activations, their derivatives, and why a product of T derivatives vanishes.

Back-propagating through T steps of a vanilla RNN multiplies T factors w * act'(a_t) (one unit,
recurrent weight w, pre-activation a_t):

    d h_T / d h_1 = prod_{t=2..T} w * act'(a_t)

tanh'(a) = 1 - tanh(a)^2 <= 1,  sigmoid'(a) = s(a) (1 - s(a)) <= 1/4,  relu'(a) = 1 if a > 0 else 0.
With |w * act'| < 1 the product shrinks geometrically (vanishing); above 1 it grows (exploding).
"""

import numpy as np

from ..errors import check

ACTIVATIONS = ("tanh", "sigmoid", "relu")
MAX_STEPS = 200


def activation(name: str, a: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(act(a), act'(a)) for ``name`` in tanh, sigmoid, relu; ``a`` any shape."""
    check(name in ACTIVATIONS, "memory_activation", choices=", ".join(ACTIVATIONS), got=name)
    a = np.asarray(a, dtype=float)
    if name == "tanh":
        y = np.tanh(a)
        return y, 1.0 - y**2
    if name == "sigmoid":
        y = 1.0 / (1.0 + np.exp(-a))
        return y, y * (1.0 - y)
    return np.maximum(a, 0.0), (a > 0).astype(float)


def curves(
    lo: float = -4.0, hi: float = 4.0, n: int = 201
) -> dict[str, tuple[np.ndarray, np.ndarray, np.ndarray]]:
    """name -> (a, act(a), act'(a)) on ``n`` points of [lo, hi]."""
    a = np.linspace(lo, hi, n)
    return {name: (a, *activation(name, a)) for name in ACTIVATIONS}


def derivative_product(name: str, steps: int, weight: float = 1.0, pre: float = 0.5) -> np.ndarray:
    """(steps,) the running product prod_{k<=t} weight * act'(pre) for t = 1..steps: how much of the
    gradient is left t steps back when every step sits at pre-activation ``pre``."""
    check(isinstance(steps, int) and 1 <= steps <= MAX_STEPS, "memory_steps", high=MAX_STEPS, got=steps)
    _, d = activation(name, np.array([pre]))
    return np.cumprod(np.full(steps, abs(weight) * float(d[0])))
