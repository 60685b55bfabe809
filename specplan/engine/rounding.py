"""Rounding to whole pence, the one rounding rule of the model."""

from __future__ import annotations

import numpy as np


def round_half_away(values: np.ndarray | float) -> np.ndarray:
    """Round to the nearest integer, halves away from zero, as ``int64``.

    ``floor(|x| + 0.5)`` misrounds 0.49999999999999994 (the sum rounds up to 1.0), so compare
    the exact fractional part instead.
    """
    values = np.asarray(values, dtype=np.float64)
    magnitude = np.abs(values)
    whole = np.floor(magnitude)
    rounded = whole + (magnitude - whole >= 0.5)
    return (np.copysign(rounded, values)).astype(np.int64)
