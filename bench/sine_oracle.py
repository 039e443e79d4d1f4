"""How close to the noise floor can any predictor of the sine task get? Oracles handed the true equation.

    python bench/sine_oracle.py [--samples 4000]

The engine's ``sine`` test set (seed 2022, series 8,001-10,000): each series is
s(t) = 0.5 sin(w1 (t - o1)) + 0.1 sin(w2 (t - o2)), w = 10 f + 10, f and o uniform on [0, 1), plus noise
0.1 (U - 0.5) at every step; a predictor reads t_1..t_50 and is scored on x(t_51) = s(t_51) + noise.
The noise alone costs RMSE 0.0289 (the floor). Two oracles that know this form and only estimate f1, o1,
f2, o2 from the 50 values:

- least squares: the (f1, o1, f2, o2) that minimise the squared error (found from a grid over the
  dominant sine, then the second, then Levenberg-Marquardt on all four); it predicts s(t_51). This is the
  best estimate when the noise is Gaussian.
- Bayes (uniform noise): the noise is bounded (|e| <= 0.05), so the parameters that fit are those whose
  curve stays within 0.05 of every value; the posterior is uniform on that set (the prior is uniform) and
  the mean of s(t_51) over it is the best predictor in squared error. Estimated by importance sampling
  around the least-squares fit (a t-distribution with its covariance); a series with no sample inside
  keeps the least-squares prediction.
"""

import argparse
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from rnnlab.memory.sinewave import NOISE_MSE, build_sine  # noqa: E402

T = np.linspace(0, 1, 51)  # t_1..t_51 of every series
HALF = 0.05  # the noise's bound: 0.1 (U - 0.5) lies in [-0.05, 0.05]


def curve(p: np.ndarray, t: np.ndarray = T[:50]) -> np.ndarray:
    """(N, len(t)) s(t) for parameters p (N, 4) = (f1, o1, f2, o2)."""
    f1, o1, f2, o2 = (p[:, i, None] for i in range(4))
    return 0.5 * np.sin((10 * f1 + 10) * (t - o1)) + 0.1 * np.sin((10 * f2 + 10) * (t - o2))


def jacobian(p: np.ndarray) -> np.ndarray:
    """(N, 50, 4) d s(t_k) / d p."""
    t = T[:50]
    out = []
    for i, amp in ((0, 0.5), (2, 0.1)):
        w, o = 10 * p[:, i, None] + 10, p[:, i + 1, None]
        c = amp * np.cos(w * (t - o))
        out += [c * 10 * (t - o), -c * w]
    return np.stack(out, axis=-1)


def sine_errors(x: np.ndarray, f_grid: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(N, G) squared error of the best free-amplitude sine at each f of ``f_grid``, and (N, G) its o."""
    t, errs, offs = T[:50], [], []
    for f in f_grid:
        w = 10 * f + 10
        b = np.c_[np.sin(w * t), np.cos(w * t)]  # (50, 2): a sin + c cos = r sin(w t + phi)
        coef = np.linalg.lstsq(b, x.T, rcond=None)[0]  # (2, N)
        errs.append(((x.T - b @ coef) ** 2).sum(0))
        phi = np.arctan2(coef[1], coef[0])  # sin(w t + phi) = sin(w (t - o)), o = -phi / w
        offs.append(np.mod(-phi / w, 2 * np.pi / w))
    return np.stack(errs, 1), np.stack(offs, 1)


def starts(x: np.ndarray, grid: np.ndarray, k: int) -> list[tuple[np.ndarray, np.ndarray]]:
    """The k best (f, o) per row, one from each of the k best of 20 bins of the grid (distinct minima)."""
    err, off = sine_errors(x, grid)
    bins = np.array_split(np.arange(len(grid)), 20)
    best = np.stack([b[err[:, b].argmin(1)] for b in bins], 1)  # (N, 20) grid index per bin
    order = np.argsort(np.take_along_axis(err, best, 1), 1)[:, :k]
    rows = np.arange(len(x))[:, None]
    idx = best[rows, order]  # (N, k)
    return [(grid[idx[:, i]], off[np.arange(len(x)), idx[:, i]]) for i in range(k)]


def refine(x: np.ndarray, p: np.ndarray, iters: int) -> tuple[np.ndarray, np.ndarray]:
    """Levenberg-Marquardt from p (N, 4): the parameters and their squared error."""
    p, lam = p.copy(), np.full(len(x), 1e-2)
    cost = ((x - curve(p)) ** 2).sum(1)
    for _ in range(iters):
        r, j = x - curve(p), jacobian(p)
        a = j.transpose(0, 2, 1) @ j
        rhs = j.transpose(0, 2, 1) @ r[..., None]
        new = np.clip(p + np.linalg.solve(a + lam[:, None, None] * np.eye(4), rhs)[..., 0], -0.5, 1.5)
        new_cost = ((x - curve(new)) ** 2).sum(1)
        ok = new_cost < cost
        p[ok], cost[ok] = new[ok], new_cost[ok]
        lam = np.where(ok, lam / 3, lam * 4)
    return p, cost


def least_squares(x: np.ndarray, iters: int = 40, k1: int = 2, k2: int = 5) -> np.ndarray:
    """(N, 4) the least-squares parameters of every row: the k1 best dominant sines from a grid, for each
    the k2 best second sines on what is left, Levenberg-Marquardt from every start, the best kept."""
    grid = np.linspace(0, 1, 201)
    best, best_cost = None, np.full(len(x), np.inf)
    for f1, o1 in starts(x, grid, k1):
        rest = x - 0.5 * np.sin((10 * f1[:, None] + 10) * (T[:50] - o1[:, None]))
        for f2, o2 in starts(rest, grid, k2):
            p, cost = refine(x, np.c_[f1, o1, f2, o2], iters)
            better = cost < best_cost
            best = p if best is None else np.where(better[:, None], p, best)
            best_cost = np.minimum(cost, best_cost)
    return best


def bayes_uniform(x: np.ndarray, p: np.ndarray, samples: int, seed: int = 0) -> tuple[np.ndarray, np.ndarray]:
    """(N,) posterior mean of s(t_51) under the bounded noise, and (N,) how many samples fitted. A series
    with fewer than 20 fitting samples is sampled again, 4 times as many from a proposal 3 times as wide
    (its fit may lie outside the fitting set, or the second sine's frequency be poorly pinned down)."""
    j = jacobian(p)
    lam, vec = np.linalg.eigh(j.transpose(0, 2, 1) @ j)  # the fit's covariance: NOISE_MSE (J^T J)^-1
    sd = np.sqrt(NOISE_MSE / np.maximum(lam, NOISE_MSE / 0.1))  # no direction wider than the box
    chol = vec * sd[:, None, :]  # (N, 4, 4): chol @ chol^T = the covariance
    pred, inside = curve(p, T[50:])[:, 0].copy(), np.zeros(len(x), int)
    for n in range(len(x)):
        for scale, m in ((1.0, samples), (3.0, 4 * samples)):
            mean, count = _sample(x[n], p[n], scale * chol[n], m, np.random.default_rng([seed, n]))
            if count > inside[n]:
                pred[n], inside[n] = mean, count
            if count >= 20:
                break
    return pred, inside


def _sample(x: np.ndarray, p: np.ndarray, chol: np.ndarray, m: int, rng, dof: int = 3):
    """Importance sampling from a multivariate t around p: (mean of s(t_51) over the fitting set, count)."""
    z = rng.standard_normal((m, 4)) / np.sqrt(rng.chisquare(dof, (m, 1)) / dof)
    th = p + z @ chol.T
    logq = -(dof + 4) / 2 * np.log1p((z**2).sum(1) / dof)  # the proposal's log density, up to a constant
    fits = np.all((th >= 0) & (th < 1), axis=1)  # the prior: uniform on the box
    fits[fits] = np.abs(x - curve(th[fits])).max(1) <= HALF
    if not fits.any():
        return 0.0, 0
    w = np.exp(-(logq[fits] - logq[fits].max()))  # prior / proposal
    return float((w * curve(th[fits], T[50:])[:, 0]).sum() / w.sum()), int(fits.sum())


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--samples", type=int, default=4000, help="importance samples per series")
    ap.add_argument("--series", type=int, default=2000, help="test series scored (the first N)")
    a = ap.parse_args()
    td = build_sine()
    x = td.test.x[: a.series, :, 0].numpy().astype(np.float64)
    y = np.asarray(td.truth[: a.series], np.float64)
    rmse = lambda pred: float(np.sqrt(np.mean((pred - y) ** 2)))  # noqa: E731
    t0 = time.perf_counter()
    p = least_squares(x)
    ls = curve(p, T[50:])[:, 0]
    t1 = time.perf_counter()
    by, inside = bayes_uniform(x, p, a.samples)
    t2 = time.perf_counter()
    f1, f2, o1, o2 = np.random.default_rng(2022).random((4, 10_000, 1))[:, 8_000 : 8_000 + len(y), 0]
    true_s = curve(np.c_[f1, o1, f2, o2], T[50:])[:, 0]  # the generator's own draw (rnnlab.data.sine)
    print(f"sine test set, first {len(y)} series (seed 2022): test RMSE")
    print("| predictor | RMSE | / noise floor |\n|---|---|---|")
    floor = np.sqrt(NOISE_MSE)
    for name, r in (
        ("noise floor: variance 0.01 / 12", floor),
        ("the true s(t_51) (knows f1, o1, f2, o2: the noise drawn on these series)", rmse(true_s)),
        (
            "linear regression on the window (the lab's baseline)",
            rmse(td.baselines["linear regression"][: len(y)]),
        ),
        (f"oracle, least squares on the true form ({t1 - t0:.0f} s)", rmse(ls)),
        (f"oracle, Bayes with the bounded noise ({a.samples} samples, {t2 - t1:.0f} s)", rmse(by)),
    ):
        print(f"| {name} | {r:.4f} | {r / floor:.3f} |")
    print(
        f"\nBayes: series with a fitting sample {np.mean(inside > 0):.1%}, median samples inside {np.median(inside):.0f}"
    )


if __name__ == "__main__":
    main()
