"""The convergence (pace-of-change) lever: move ICBs towards their fair shares."""

from __future__ import annotations

import numpy as np

from ..domain import ConvergenceLever
from .apportion import apportion, group_sum
from .index import PlanIndex
from .pools import exact_shares
from .sums import over_settings


def apply_convergence(
    lever: ConvergenceLever,
    spend: np.ndarray,
    activity: np.ndarray | None,
    pools: np.ndarray,
    services_on: np.ndarray,
    index: PlanIndex,
    rows: dict[str, np.ndarray] | None = None,
) -> np.ndarray:
    """Apply ``lever`` in place; return the ``[s, i, t]`` pence each ICB moved.

    In year t each ICB closes ``1 - (1 - c)^t`` of its gap to its exact fair share (``c`` per
    year, compounding). The moves are rounded cumulatively over each pool's ICBs so that they
    add up to zero in every pool, then split over settings in the ICB's own mix (its pool's mix
    where it spends nothing); activity moves in step with the ICB's spend (at the pool's unit
    costs where it has none). ``rows`` may give ``share`` per service row (batched
    sensitivity); ``activity`` may be None.
    """
    n_years = spend.shape[3]
    total = over_settings(spend)  # [s, i, t]
    share = rows["share"][:, None] if rows is not None and "share" in rows else np.array([[lever.share]])
    closed = 1.0 - (1.0 - share) ** np.arange(n_years)[None, :]  # [s|1, t]
    closed = closed * services_on[:, None]  # [s, t]
    moves = _pool_moves(total, pools, index.weights, closed)
    overdrawn = np.nonzero((total + moves < 0).any(axis=1))  # (s, t) where float error overshot
    if overdrawn[0].size:
        # Every exact gap is at least -total, so largest remainder (floors) never overshoots.
        service, year = overdrawn
        spent = total[service, :, year][:, :, None]
        target = exact_shares(spent, pools[service], index)[0][:, :, 0]
        quota = (target - spent[:, :, 0]) * closed[service, year][:, None]
        zero = np.zeros((service.size, index.n_pools), np.int64)
        moves[service, :, year] = apportion(quota, pools[service], zero)

    by_setting, ratio = _split(moves, total, spend)
    empty = (total == 0) & (moves != 0)  # ICBs given money for a service they do not buy yet
    if empty.any():
        _fill_from_pool(empty, moves, by_setting, activity, spend, pools, index)
    if activity is not None:
        # Activity moves in step with the ICB's spend, so unit costs stay as they were (to
        # within the penny the split rounds to).
        activity += activity * ratio[:, :, None, :]
        np.maximum(activity, 0.0, out=activity)
    spend += by_setting
    return moves


def _pool_moves(total: np.ndarray, pools: np.ndarray, weights: np.ndarray, closed: np.ndarray) -> np.ndarray:
    """Each ICB's move ``[s, i, t]``: ``closed`` (``[s, t]``) of its gap to its exact fair share,
    rounded cumulatively over its pool so that every pool's moves add up to zero exactly.

    Taking a pool's ICBs in order, the gaps up to ICB j add up to
    ``closed * (B * W_j / W - T_j)``, with ``T_j`` the pool's spend and ``W_j`` its weight up
    to j, ``B`` and ``W`` the whole pool's. ICB j moves by that rounded, minus the same
    rounded up to the ICB before it. At the pool's last ICB the running gap is exactly zero
    (``B * 1.0 - B``), so the pool closes to the penny; each move is within a penny of its gap.
    """
    n_services, n_icbs = pools.shape
    order = np.argsort(pools, axis=1, kind="stable")  # each pool's ICBs together
    in_order = bool((order == np.arange(n_icbs)).all())
    row = np.arange(n_services)[:, None]
    if not in_order:
        pools, total = pools[row, order], total[row, order]
    starts = np.ones(pools.shape, bool)
    starts[:, 1:] = pools[:, 1:] != pools[:, :-1]
    ends = np.ones(pools.shape, bool)
    ends[:, :-1] = starts[:, 1:]
    position = np.arange(n_icbs)
    first = np.maximum.accumulate(np.where(starts, position, 0), axis=1)  # [s, i] pool's first ICB
    last = np.minimum.accumulate(np.where(ends, position, n_icbs)[:, ::-1], axis=1)[:, ::-1]

    running = np.cumsum(total, axis=1)  # exact: integer pence
    flat = running.reshape(n_services * n_icbs, -1)  # a take of whole rows of years is cheap
    before_first = np.take(flat, (row * n_icbs + first - 1).ravel(), axis=0).reshape(running.shape)
    before_first[first == 0] = 0  # what the row's earlier pools spend
    spent = running - before_first  # T_j
    budget = np.take(flat, (row * n_icbs + last).ravel(), axis=0).reshape(running.shape)
    budget -= before_first  # B
    weight = np.broadcast_to(weights, pools.shape) if in_order else weights[order]
    weight_to = np.cumsum(weight, axis=1)
    weight_before = weight_to[row, first] - weight[row, first]
    fraction = (weight_to - weight_before) / (weight_to[row, last] - weight_before)  # W_j / W

    gap = budget * fraction[:, :, None]
    gap -= spent
    gap *= closed[:, None, :]
    gap += 0.5
    rounded = np.floor(gap, out=gap).astype(np.int64)
    moves: np.ndarray = np.empty_like(rounded)
    np.subtract(rounded[:, 1:], rounded[:, :-1], out=moves[:, 1:])
    moves[starts] = rounded[starts]  # a pool's first ICB moves by its own rounded gap
    if in_order:
        return moves
    out: np.ndarray = np.empty_like(moves)
    out[row, order] = moves
    return out


def _fill_from_pool(empty: np.ndarray, moves: np.ndarray, by_setting: np.ndarray, activity: np.ndarray | None,
                    spend: np.ndarray, pools: np.ndarray, index: PlanIndex) -> None:
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


def _split(moves: np.ndarray, total: np.ndarray, spend: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Split ``moves [s, i, t]`` over settings in proportion to ``spend``, exactly in pence;
    the cells ``[s, i, k, t]`` and each ICB's move as a share of its spend ``[s, i, t]``.

    Cumulative rounding over the settings: setting k gets the rounded running share ``C_k``
    minus ``C_(k-1)``, and the last closes the ICB's move exactly. ``C_k`` is kept within
    ``[C_(k-1) - spend_k, moves + total - running_k]``, which never binds in exact arithmetic
    but guarantees, whatever float error does, that no cell goes below zero (moves >= -total).
    ICBs that spend nothing get it all in the last setting (the caller gives them their pool's).
    """
    ratio = np.divide(moves, total, out=np.zeros(total.shape), where=total != 0)
    n_settings = spend.shape[2]
    split = np.empty((n_settings,) + moves.shape, np.int64).transpose(1, 2, 0, 3)  # as the cube
    running = np.zeros(moves.shape, np.int64)
    before = np.zeros(moves.shape, np.int64)
    ceiling = moves + total
    for k in range(n_settings - 1):
        running += spend[:, :, k, :]
        upto = running * ratio
        upto += 0.5
        upto = np.floor(upto, out=upto).astype(np.int64)
        np.maximum(upto, before - spend[:, :, k, :], out=upto)
        np.minimum(upto, ceiling - running, out=upto)
        np.subtract(upto, before, out=split[:, :, k, :])
        before = upto
    np.subtract(moves, before, out=split[:, :, n_settings - 1, :])
    return split, ratio
