"""Airline passengers, one step ahead on the last 28 months, in passengers: RNN presets over 5 seeds
beside naive, seasonal naive, Holt-Winters and the SARIMA airline model, measured in one run.

    pip install -r bench/requirements.txt && python bench/forecast.py

Targets (issue 13): the best preset (an ensemble allowed) under SARIMA's 15.7 averaged over 5 seeds, in
under 10 s of training per seed (all its members); stretch: under Holt-Winters' 14.8. A preset with
``ensemble`` K trains members with seeds s..s+K-1 and scores their average, as the CLI and the page do.
"""

import os
import statistics
import sys
import warnings
from pathlib import Path

import numpy as np
import torch

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from rnnlab.data import airline  # noqa: E402
from rnnlab.ensemble import member_configs, spread  # noqa: E402
from rnnlab.metrics import regression_errors  # noqa: E402
from rnnlab.models import seeded_model  # noqa: E402
from rnnlab.tasks import resolve  # noqa: E402
from rnnlab.train import Trainer  # noqa: E402

torch.set_num_threads(1)
warnings.filterwarnings("ignore")


def rnn(preset: str, seeds=range(5)):
    """RMSE and training seconds per seed; an ensemble preset's seconds are all its members'."""
    rmse, secs = [], []
    for s in seeds:
        td, mc, tc = resolve("airline", preset, train={"seed": s})
        each, sec = [], 0.0
        for m in member_configs(tc):
            tr = Trainer(seeded_model(mc, m.seed), td.train, m).run()
            each.append(td.to_units(tr.evaluate(td.test)[2].numpy()))
            sec += tr.train_seconds
        rmse.append(regression_errors(spread(each).mean, td.truth)["rmse"])
        secs.append(sec)
    return rmse, secs


def classical(y: np.ndarray, split: int) -> dict[str, np.ndarray]:
    from statsmodels.tsa.holtwinters import ExponentialSmoothing
    from statsmodels.tsa.statespace.sarimax import SARIMAX

    order, seasonal = (0, 1, 1), (0, 1, 1, 12)
    fit = SARIMAX(np.log(y[:split]), order=order, seasonal_order=seasonal).fit(disp=False)
    full = SARIMAX(np.log(y), order=order, seasonal_order=seasonal).filter(fit.params)
    sarima = np.exp(full.predict(start=split, end=len(y) - 1))
    hw = [
        ExponentialSmoothing(y[:t], trend="add", seasonal="mul", seasonal_periods=12).fit().forecast(1)[0]
        for t in range(split, len(y))
    ]
    return {
        "SARIMA(0,1,1)(0,1,1)12 on log, fitted on the training months": sarima,
        "Holt-Winters (additive trend, multiplicative season), refit each month": np.array(hw),
    }


if __name__ == "__main__":
    print(f"load average before: {' '.join(f'{v:.2f}' for v in os.getloadavg())}\n")
    _, y = airline.load_airline()
    split = len(y) - airline.TEST_MONTHS
    t = np.arange(split, len(y))
    print("| forecaster (last 28 months, one step ahead) | RMSE | seconds to train |\n|---|---|---|")
    for name, p in airline.baselines(y, t).items():
        print(f"| {name} | {regression_errors(p, y[t])['rmse']:.1f} | |")
    try:
        for name, p in classical(y, split).items():
            print(f"| {name} | {regression_errors(p, y[t])['rmse']:.1f} | |")
    except ImportError:
        print("| (statsmodels not installed: pip install -r bench/requirements.txt) | | |")
    for preset, label in (
        ("tutorial", "RNN tutorial preset: window 4, SimpleRNN(4), 10 epochs"),
        ("default", "RNN default preset: GRU(8), window 13, seasonal difference of the log"),
        ("best", "RNN best preset: GRU(4) + linear skip path, window 15, 20 epochs, average of 5 seeds"),
    ):
        rmse, secs = rnn(preset)
        print(
            f"| {label} (5 seeds) | {statistics.mean(rmse):.1f}, worst {max(rmse):.1f} "
            f"(seeds: {', '.join(f'{r:.2f}' for r in rmse)}) | {statistics.mean(secs):.2f} (max {max(secs):.2f}) |"
        )
    print(f"\nload average after: {' '.join(f'{v:.2f}' for v in os.getloadavg())}")
