"""Numbers typed by a visitor ("112, 118 132") for the series tasks."""

import numpy as np

from ..errors import RNNLabError, check
from .text import check_text


def parse_numbers(text: str) -> np.ndarray:
    """ "112, 118 132" -> array; a clear error for anything that is not a number."""
    parts = [p for p in check_text(text).replace(",", " ").split()]
    try:
        vals = np.array([float(p) for p in parts])
    except ValueError:
        bad = next(p for p in parts if not _is_float(p))
        raise RNNLabError("not_numbers", bad=bad) from None
    check(np.isfinite(vals).all(), "not_finite")
    return vals


def _is_float(s: str) -> bool:
    try:
        float(s)
        return True
    except ValueError:
        return False
