"""Rounding to whole pence, the one rounding rule of the model."""

from __future__ import annotations

import numpy as np


def round_half_away(values: np.ndarray | float) -> np.ndarray:
    """Round to the nearest integer, halves away from zero, as ``int64``.

    ``floor(|x| + 0.5)`` misrounds 0.49999999999999994 (the sum rounds up to 1.0), so compare
    the exact fractional part instead. In-place steps keep temporaries of the cube few.
    """
    values = np.asarray(values, dtype=np.float64)
    magnitude = np.abs(values)
    whole = np.floor(magnitude)
    magnitude -= whole
    whole += magnitude >= 0.5
    np.copysign(whole, values, out=whole)
    rounded: np.ndarray = whole.astype(np.int64)
    return rounded


def round_half_up(values: np.ndarray) -> np.ndarray:
    """:func:`round_half_away` for values known to be non-negative (released money, shares)."""
    whole = np.floor(values)
    fraction = values - whole
    whole += fraction >= 0.5
    rounded: np.ndarray = whole.astype(np.int64)
    return rounded
