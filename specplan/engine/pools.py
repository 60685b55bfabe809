"""Pools, fair shares and distance from them, and pool viability."""

from __future__ import annotations

import numpy as np

from .apportion import apportion, group_sum
from .index import PlanIndex

NATIONAL, REGIONAL, ICS = 0, 1, 2
# 95% of a Poisson count lies within about 1.96 standard deviations (sqrt N) of its mean N.
Z_95 = 1.96


def pool_of(levels: np.ndarray, index: PlanIndex) -> np.ndarray:
    """``[s, i]`` pool slot of each ICB for each service: its group in the service's footprint
    (0 nationally, the region's position regionally, the ICB's own position for ICS-level
    services, the group's position in a custom footprint)."""
    slots: np.ndarray = index.footprint_groups[index.row_of_code[levels]]
    return slots


def fair_shares(spend: np.ndarray, pools: np.ndarray, index: PlanIndex) -> np.ndarray:
    """Each ICB's population share of its pool's budget, ``[s, i, t]`` whole pence.

    ``spend`` is ``[s, i, t]``; shares of a pool add up exactly to its budget (largest remainder).
    An ICS-level service is its own pool of one, so its fair share is its spend.
    """
    shares = spend.copy()
    shared = (group_sum(np.ones(pools.shape, np.int64), pools, index.n_pools) > 1).any(axis=1)
    if not shared.any():
        return shares
    spend, pools = spend[shared], pools[shared]
    quota, budget = exact_shares(spend, pools, index)
    # Members (ICBs) on the last axis for the apportionment.
    shares[shared] = apportion(
        quota.transpose(0, 2, 1), pools[:, None, :], budget.transpose(0, 2, 1)
    ).transpose(0, 2, 1)
    return shares


def exact_shares(spend: np.ndarray, pools: np.ndarray, index: PlanIndex) -> tuple[np.ndarray, np.ndarray]:
    """Each ICB's population share of its pool's budget before rounding, ``[s, i, t]`` (float),
    and the budgets ``[s, p, t]``."""
    budget = group_sum(spend, pools, index.n_pools)  # [s, p, t]
    weights = np.broadcast_to(index.weights, pools.shape)
    pool_weight = group_sum(weights, pools, index.n_pools)  # [s, p]
    own_weight = weights / np.take_along_axis(pool_weight, pools, axis=1)  # [s, i]
    return np.take_along_axis(budget, pools[:, :, None], axis=1) * own_weight[:, :, None], budget


def pool_exists(pools: np.ndarray, index: PlanIndex) -> np.ndarray:
    """``[s, p]`` True for pool slots that hold at least one of the plan's ICBs."""
    return group_sum(np.ones(pools.shape, np.int64), pools, index.n_pools) > 0


def pool_patients(inpatient_bed_days: np.ndarray, pools: np.ndarray, index: PlanIndex) -> np.ndarray:
    """Patients a year in each pool, ``[s, p, t]``: bed days over bed days per patient
    (NaN where the service has no per-patient figure)."""
    bed_days = group_sum(inpatient_bed_days, pools, index.n_pools)
    patients: np.ndarray = bed_days / index.bed_days_per_patient[:, None, None]
    return patients


def demand_variation(patients: np.ndarray) -> np.ndarray:
    """Share of the budget the yearly demand swings by at 95%: ``1.96 / sqrt(N)``."""
    with np.errstate(divide="ignore", invalid="ignore"):
        # No patients (or no per-patient figure): nothing to size the risk by, so no flag.
        return np.where(patients > 0, Z_95 / np.sqrt(patients), np.nan)
