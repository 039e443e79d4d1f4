"""Regression errors in original units, and a classification confusion matrix."""

import numpy as np


def regression_errors(pred: np.ndarray, truth: np.ndarray) -> dict[str, float]:
    """RMSE, MAE and MAPE (percent; over nonzero truths)."""
    pred, truth = np.asarray(pred, float), np.asarray(truth, float)
    err = pred - truth
    nz = truth != 0
    return {
        "rmse": float(np.sqrt(np.mean(err**2))),
        "mae": float(np.mean(np.abs(err))),
        "mape": float(np.mean(np.abs(err[nz]) / np.abs(truth[nz])) * 100) if nz.any() else float("nan"),
    }


def confusion(pred: np.ndarray, truth: np.ndarray, n_classes: int) -> np.ndarray:
    """(C, C) counts: rows are the true class, columns the predicted one."""
    m = np.zeros((n_classes, n_classes), dtype=int)
    np.add.at(m, (np.asarray(truth, int), np.asarray(pred, int)), 1)
    return m
