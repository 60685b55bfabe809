"""The convergence (pace-of-change) lever: move ICBs towards their fair shares."""

from __future__ import annotations

import numpy as np

from ..domain import ConvergenceLever
from .apportion import apportion, group_sum
from .index import PlanIndex
from .pools import fair_shares
from .rounding import round_half_away


def apply_convergence(
    lever: ConvergenceLever,
    spend: np.ndarray,
    activity: np.ndarray,
    pools: np.ndarray,
    services_on: np.ndarray,
    index: PlanIndex,
) -> np.ndarray:
    """Apply ``lever`` in place; return the ``[s, i, t]`` pence each ICB moved.

    In year t each ICB closes ``1 - (1 - c)^t`` of its gap to fair share (``c`` per year,
    compounding). The moves are apportioned by largest remainder to add up to zero in every
    pool, then split over settings in the ICB's own mix (its pool's mix where it spends
    nothing); activity follows at the cell's own unit cost (the pool's where it has none).
    """
    n_years = spend.shape[3]
    total = spend.sum(axis=2)  # [s, i, t]
    target = fair_shares(total, pools, index)
    closed = 1.0 - (1.0 - lever.share) ** np.arange(n_years)  # [t]
    quota = (target - total) * closed[None, None, :] * services_on[:, None, None]
    zero = np.zeros((pools.shape[0], n_years, index.n_pools), np.int64)
    moves = apportion(quota.transpose(0, 2, 1), pools[:, None, :], zero).transpose(0, 2, 1)

    with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
        mix = spend / total[:, :, None, :]  # NaN where the ICB spends nothing
        unit_cost = spend / activity  # NaN or inf where a cell has no activity
    empty = (total == 0) & (moves != 0)  # ICBs given money for a service they do not buy yet
    if empty.any():
        _borrow_from_pool(empty, mix, unit_cost, spend, activity, pools, index)
    by_setting = _split(moves, np.nan_to_num(mix), spend)
    with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
        change = by_setting / unit_cost
    spend += by_setting
    activity += np.where(np.isfinite(change), change, 0.0)
    np.maximum(activity, 0.0, out=activity)
    return moves


def _borrow_from_pool(empty, mix, unit_cost, spend, activity, pools, index) -> None:
    """For ICBs that spend nothing, use their pool's setting mix and unit costs (in place)."""
    pool_spend = group_sum(spend, pools, index.n_pools)  # [s, p, k, t]
    pool_activity = group_sum(activity, pools, index.n_pools)
    service, icb, year = np.nonzero(empty)
    slot = pools[service, icb]
    spent = pool_spend[service, slot, :, year]  # [n, k]
    with np.errstate(divide="ignore", invalid="ignore"):
        mix[service, icb, :, year] = spent / spent.sum(axis=1, keepdims=True)
        unit_cost[service, icb, :, year] = spent / pool_activity[service, slot, :, year]


def _split(moves: np.ndarray, mix: np.ndarray, spend: np.ndarray) -> np.ndarray:
    """Split ``moves [s, i, t]`` over settings by ``mix [s, i, k, t]``, exactly in pence.

    Each setting gets its rounded share and the largest setting takes the rounding remainder;
    in the rare rows where that would take a cell below zero, largest remainder decides.
    """
    split = round_half_away(mix * moves[:, :, None, :])
    anchor = np.argmax(mix, axis=2)[:, :, None, :]
    rest = moves - split.sum(axis=2) + np.take_along_axis(split, anchor, axis=2)[:, :, 0, :]
    np.put_along_axis(split, anchor, rest[:, :, None, :], axis=2)
    bad = (spend + split < 0).any(axis=2)  # [s, i, t]
    if bad.any():
        quota = (mix * moves[:, :, None, :]).transpose(0, 1, 3, 2)[bad]  # [n, k]
        exact = apportion(quota, np.zeros(quota.shape[-1], np.intp), moves[bad][:, None])
        fixed = split.transpose(0, 1, 3, 2).copy()
        fixed[bad] = exact
        split = fixed.transpose(0, 1, 3, 2)
    return split
