"""Footprint figures the Footprints view shows: one service's pools in one year, each ICB's
distance from fair share over a scope, and the ICBs grouped by region for charts.

Pure numpy over a :class:`ScenarioResult`, so a table, a chart and an export can never disagree.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

import numpy as np

from ..domain.footprints import Level, as_level, short_icb_name
from ..domain.plan import Plan
from .apportion import group_sum
from .index import LEVEL_CODES
from .pools import demand_variation, fair_shares, pool_exists
from .results import ScenarioResult
from .scope import Scope

__all__ = ["IcbDistances", "PoolTable", "icb_distances", "pool_name", "pool_table", "region_groups",
           "service_fair_shares", "short_icb_name"]


@dataclass(frozen=True, eq=False)
class PoolTable:
    """The pools of one service in one year, in slot order, and its ICBs' place in them.

    Pool arrays are ``[pool row]``; ICB arrays are ``[icb]`` in the plan's order. Money is pence:
    ``budget`` adds up the pool's ICBs' spend; ``gap`` is the money above fair share in the pool
    (what full convergence would move; it equals the money below fair share).
    """

    service: str
    year: int
    level: Level
    names: tuple[str, ...]
    slots: np.ndarray
    members: np.ndarray
    budget: np.ndarray
    gap: np.ndarray
    patients: np.ndarray  # NaN where the service has no bed days per patient
    variation: np.ndarray  # share of the budget demand swings by at 95%; NaN where unknown
    flagged: np.ndarray
    icb_pool: np.ndarray  # [i] row of each ICB's pool in this table
    spend: np.ndarray  # [i]
    fair_share: np.ndarray  # [i]
    distance: np.ndarray  # [i] spend - fair share

    def __post_init__(self) -> None:
        _read_only(self)

    def __len__(self) -> int:
        return len(self.names)


def pool_table(result: ScenarioResult, plan: Plan, service: int, year: int) -> PoolTable:
    """The pools of service position ``service`` in year offset ``year`` under ``result``."""
    level_code = int(result.levels[service])
    exists, budget, patients, variation, flagged = _service_pools(result, service, year)
    slots = np.flatnonzero(exists)
    pools = result.pools[service]  # [i] slot of each ICB
    spend, fair = service_fair_shares(result, service)
    spend, fair = spend[:, year], fair[:, year]
    distance = spend - fair
    n_pools = result.index.n_pools
    members = np.bincount(pools, minlength=n_pools)[slots]
    above = group_sum(np.maximum(distance, 0)[None, :], pools[None, :], n_pools)[0][slots]
    row_of_slot = np.full(n_pools, -1, np.intp)
    row_of_slot[slots] = np.arange(len(slots))
    return PoolTable(
        service=plan.services[service].code,
        year=year,
        level=as_level(LEVEL_CODES.name_of(level_code), "level"),
        names=tuple(_group_names(result, level_code)[int(p)] for p in slots),
        slots=slots,
        members=members,
        budget=budget[slots],
        gap=above,
        patients=patients[slots],
        variation=variation[slots],
        flagged=flagged[slots],
        icb_pool=row_of_slot[pools],
        spend=spend,
        fair_share=fair,
        distance=distance,
    )


def _service_pools(result: ScenarioResult, service: int, year: int) -> tuple[np.ndarray, ...]:
    """Pool slots in use, budgets, patients, demand swing and flags ``[p]`` of one service in one
    year: the result's own arrays when worked out already, else that row alone (a slider step
    on the Footprints view then sums one service's pools, not every service's)."""
    if ScenarioResult.pool_flagged.is_made(result):
        return (result.pool_exists[service], result.pool_budget[service, :, year],
                result.pool_patients[service, :, year], result.pool_variation[service, :, year],
                result.pool_flagged[service, :, year])
    rows, index = slice(service, service + 1), result.index
    pools = result.pools[rows]
    exists = pool_exists(pools, index)[0]
    budget = group_sum(result.spend_by_icb[rows, :, year], pools, index.n_pools)[0]
    bed_days = (result.activity[rows, :, index.inpatient, year] if index.inpatient is not None
                else np.zeros(pools.shape))
    patients = group_sum(bed_days, pools, index.n_pools)[0] / index.bed_days_per_patient[service]
    variation = demand_variation(patients)
    return exists, budget, patients, variation, exists & (variation > result.viability_max_variation)


def service_fair_shares(result: ScenarioResult, service: int) -> tuple[np.ndarray, np.ndarray]:
    """``[i, t]`` spend and fair share of one service: the result's own arrays when it has
    worked them out already, else just this service's row (a slider step then costs one
    service's apportionment, not every service's)."""
    if ScenarioResult.fair_share.is_made(result):
        return result.spend_by_icb[service], result.fair_share[service]
    spend = result.spend[service].sum(axis=1)  # [i, t]
    rows = slice(service, service + 1)
    return spend, fair_shares(spend[None], result.pools[rows], result.index)[0]


def pool_name(plan: Plan, level_code: int, slot: int) -> str:
    """What a person calls pool ``slot``: England, a region's name, an ICB's name or the name
    of a group of one of the plan's own footprints."""
    name = LEVEL_CODES.name_of(level_code)
    if name == "regional":  # slots are region positions, regions without ICBs included
        return plan.regions[slot].name
    return plan.footprint(name).groups[slot].name


def _group_names(result: ScenarioResult, level_code: int) -> tuple[str, ...]:
    index = result.index
    return index.group_names[int(index.row_of_code[level_code])]


@dataclass(frozen=True, eq=False)
class IcbDistances:
    """Spend, fair share and distance per ICB ``[i]`` in pence, summed over a scope's services;
    ``in_scope`` marks the scope's ICBs."""

    spend: np.ndarray
    fair_share: np.ndarray
    distance: np.ndarray
    in_scope: np.ndarray

    def __post_init__(self) -> None:
        _read_only(self)


def _read_only(table: PoolTable | IcbDistances) -> None:
    for field in dataclasses.fields(table):
        value = getattr(table, field.name)
        if isinstance(value, np.ndarray):
            value.setflags(write=False)


def icb_distances(result: ScenarioResult, plan: Plan, scope: Scope, year: int) -> IcbDistances:
    """Each ICB's distance from fair share in year offset ``year`` over ``scope``'s services."""
    services, icbs = scope.masks(plan)
    if services.all():
        spend = result.spend_by_icb[:, :, year].sum(axis=0)
        fair = result.fair_share_in(year).sum(axis=0)
    else:
        spend = result.spend_by_icb[services, :, year].sum(axis=0)
        fair = result.fair_share_in(year)[services].sum(axis=0)
    return IcbDistances(spend, fair, spend - fair, icbs)


def region_groups(plan: Plan) -> tuple[tuple[int, tuple[int, ...]], ...]:
    """``(region position, ICB positions)`` for each region with ICBs in the plan, in the
    plan's region order; ICBs keep the plan's order within their region."""
    groups = []
    for r, region in enumerate(plan.regions):
        members = tuple(n for n, icb in enumerate(plan.icbs) if icb.region == region.code)
        if members:
            groups.append((r, members))
    return tuple(groups)
