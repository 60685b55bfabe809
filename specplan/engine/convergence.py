"""The convergence (pace-of-change) lever: move ICBs towards their fair shares."""

from __future__ import annotations

import numpy as np

from ..domain import ConvergenceLever
from .apportion import apportion, group_sum
from .index import PlanIndex
from .pools import exact_shares
from .rounding import round_half_away


def apply_convergence(
    lever: ConvergenceLever,
    spend: np.ndarray,
    activity: np.ndarray,
    pools: np.ndarray,
    services_on: np.ndarray,
    index: PlanIndex,
    rows: dict[str, np.ndarray] | None = None,
) -> np.ndarray:
    """Apply ``lever`` in place; return the ``[s, i, t]`` pence each ICB moved.

    In year t each ICB closes ``1 - (1 - c)^t`` of its gap to its exact fair share (``c`` per
    year, compounding). The moves are apportioned by largest remainder to add up to zero in every
    pool, then split over settings in the ICB's own mix (its pool's mix where it spends
    nothing); activity follows at the cell's own unit cost (the pool's where it has none).
    ``rows`` may give ``share`` per service row (batched sensitivity); ``activity`` may be None.
    """
    n_years = spend.shape[3]
    total = spend.sum(axis=2)  # [s, i, t]
    # The exact (unrounded) fair share: its gaps add up to zero in every pool in exact
    # arithmetic, so one largest-remainder pass below makes the moves add up to the penny.
    target, _budget = exact_shares(total, pools, index)
    share = rows["share"][:, None] if rows is not None and "share" in rows else np.array([[lever.share]])
    closed = 1.0 - (1.0 - share) ** np.arange(n_years)[None, :]  # [s|1, t]
    quota = (target - total) * closed[:, None, :] * services_on[:, None, None]
    zero = np.zeros((pools.shape[0], n_years, index.n_pools), np.int64)
    moves = apportion(quota.transpose(0, 2, 1), pools[:, None, :], zero).transpose(0, 2, 1)

    with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
        ratio = np.where(total != 0, moves / total, 0.0)  # [s, i, t]
    by_setting = _split(moves, ratio, spend)
    empty = (total == 0) & (moves != 0)  # ICBs given money for a service they do not buy yet
    if empty.any():
        _fill_from_pool(empty, moves, by_setting, activity, spend, pools, index)
    if activity is not None:
        with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
            # Activity follows each cell's own unit cost: scale it with the cell's spend.
            scale = np.where(spend > 0, by_setting / spend, 0.0)
        activity += activity * scale
        np.maximum(activity, 0.0, out=activity)
    spend += by_setting
    return moves


def _fill_from_pool(empty, moves, by_setting, activity, spend, pools, index) -> None:
    """ICBs that spend nothing take their pool's setting mix and unit costs (in place).

    Runs before the cube changes, so the pool's figures are this lever's starting point.
    """
    pool_spend = group_sum(spend, pools, index.n_pools)  # [s, p, k, t]
    service, icb, year = np.nonzero(empty)
    slot = pools[service, icb]
    spent = pool_spend[service, slot, :, year].astype(np.float64)  # [n, k]
    quota = spent / spent.sum(axis=1, keepdims=True) * moves[service, icb, year][:, None]
    cells = apportion(quota, np.zeros(quota.shape[1], np.intp), moves[service, icb, year][:, None])
    by_setting[service, icb, :, year] = cells
    if activity is None:
        return
    with np.errstate(divide="ignore", invalid="ignore"):
        pool_activity = group_sum(activity, pools, index.n_pools)
        cost = spent / pool_activity[service, slot, :, year]
        activity[service, icb, :, year] += np.where(cost > 0, cells / cost, 0.0)


def _split(moves: np.ndarray, ratio: np.ndarray, spend: np.ndarray) -> np.ndarray:
    """Split ``moves [s, i, t]`` over settings in proportion to ``spend``, exactly in pence.

    Each setting gets its rounded share and the largest setting takes the rounding remainder;
    in the rare rows where that would take a cell below zero, largest remainder decides.
    """
    split = round_half_away(spend * ratio[:, :, None, :])
    rest = moves - split.sum(axis=2)
    # The remainder goes to the ICB's largest setting over the plan. Only that cell can go
    # below zero: every other gets round(spend * ratio) >= -spend, as moves >= -total.
    anchor = np.argmax(spend.sum(axis=3), axis=2)  # [s, i]
    s, i = np.indices(anchor.shape, sparse=True)
    split[s, i, anchor, :] += rest
    bad = spend[s, i, anchor, :] + split[s, i, anchor, :] < 0  # [s, i, t]
    if bad.any():
        quota = (spend * ratio[:, :, None, :]).transpose(0, 1, 3, 2)[bad]  # [n, k]
        exact = apportion(quota, np.zeros(quota.shape[-1], np.intp), moves[bad][:, None])
        fixed = split.transpose(0, 1, 3, 2).copy()
        fixed[bad] = exact
        split = fixed.transpose(0, 1, 3, 2)
    return split
