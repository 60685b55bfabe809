"""Figures the base-year table shows besides the cells themselves: unit costs and totals."""

from __future__ import annotations

import numpy as np

from ..domain.baseline import Baseline


def unit_costs(baseline: Baseline) -> np.ndarray:
    """``[s, i, k]`` pence per unit of activity, ``S0 / A0`` where ``A0 > 0``, NaN elsewhere."""
    spend = baseline.spend_pence.astype(np.float64)
    out = np.full(spend.shape, np.nan)
    np.divide(spend, baseline.activity, out=out, where=baseline.activity > 0)
    return out


def spend_total(baseline: Baseline, cells: np.ndarray | None = None) -> int:
    """Spend in pence over the cells where ``cells`` (a ``[s, i, k]`` or flat mask) is True;
    all cells when it is None. Exact: integer sums."""
    if cells is None:
        return baseline.total_pence
    return int(baseline.spend_pence.ravel()[np.asarray(cells).ravel()].sum())


def cell_count(cells: np.ndarray | None, baseline: Baseline) -> int:
    """How many cells ``cells`` selects (all of them when None)."""
    return baseline.spend_pence.size if cells is None else int(np.count_nonzero(cells))
