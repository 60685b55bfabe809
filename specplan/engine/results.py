"""Immutable results of one scenario, with roll-ups by setting, region, pool and England."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

import numpy as np

from .apportion import group_sum
from .index import PlanIndex
from .parallel import chunks, map_chunks
from .pools import demand_variation, fair_shares, pool_exists, pool_patients
from .shift import LeverTotals
from .sums import over_icbs, over_settings, per_year, setting_per_year

DAYS_PER_YEAR = 365.0


@dataclass(frozen=True, eq=False)
class ScenarioResult:
    """Everything the engine works out for one scenario. Arrays are read-only.

    Cell arrays are ``[service, icb, setting, year]``; flows ``[service, icb, year]``; pool
    arrays ``[service, pool slot, year]`` (see ``pool_exists`` for the slots in use).
    """

    name: str
    index: PlanIndex
    spend: np.ndarray
    activity: np.ndarray
    do_nothing_spend: np.ndarray
    total_do_nothing: np.ndarray  # [t] England total of do_nothing_spend (shared by every option)
    released: np.ndarray
    reinvested: np.ndarray
    double_running: np.ndarray
    moved_activity: np.ndarray
    convergence_moves: np.ndarray
    levels: np.ndarray
    pools: np.ndarray
    lever_totals: tuple[LeverTotals | None, ...]
    viability_max_variation: float

    def __post_init__(self) -> None:
        for value in self.__dict__.values():
            if isinstance(value, np.ndarray):
                value.setflags(write=False)

    # -- arrays made on first read (a base-year edit's spliced cubes) ----------------------------
    def defer(self, name: str, pending) -> None:
        """Make field ``name`` on first read, by ``pending.make()``."""
        self.__dict__.pop(name, None)
        self.__dict__.setdefault("_deferred", {})[name] = pending

    def deferred(self, name: str):
        """What field ``name`` is still to be made from, or None if it is made."""
        return None if name in self.__dict__ else self.__dict__.get("_deferred", {}).get(name)

    def __getattr__(self, name: str):
        # Only reached for attributes not in __dict__: a deferred field not yet read. Two threads
        # (a view and an export) may both make it; each gets a correct array, and the pending
        # entry goes only once the field is in place, so neither finds the field missing.
        pending = self.__dict__.get("_deferred", {}).get(name)
        if pending is None:
            if name in self.__dict__:  # made by another thread meanwhile
                return self.__dict__[name]
            raise AttributeError(f"{type(self).__name__!r} object has no attribute {name!r}")
        value = self.__dict__.setdefault(name, pending.make())
        self.__dict__["_deferred"].pop(name, None)
        return value

    # -- derived on first use: a lever step redraws a few totals, not every pool --------------
    @cached_property
    def beds(self) -> np.ndarray:
        """``[s, i, t]`` beds implied by inpatient bed days."""
        return read_only(beds_from(self.activity, self.index))

    @cached_property
    def pool_exists(self) -> np.ndarray:
        """``[s, p]`` pool slots that hold at least one of the plan's ICBs."""
        return read_only(pool_exists(self.pools, self.index))

    @cached_property
    def pool_budget(self) -> np.ndarray:
        return read_only(group_sum(self.spend_by_icb, self.pools, self.index.n_pools))

    @cached_property
    def pool_patients(self) -> np.ndarray:
        index = self.index
        if index.inpatient is None:
            bed_days = np.zeros(self.spend_by_icb.shape)
        else:
            bed_days = self.activity[:, :, index.inpatient, :]
        return read_only(pool_patients(bed_days, self.pools, index))

    @cached_property
    def pool_variation(self) -> np.ndarray:
        return read_only(demand_variation(self.pool_patients))

    @cached_property
    def pool_flagged(self) -> np.ndarray:
        """``[s, p, t]`` pools whose yearly demand swings more than the plan accepts."""
        return read_only(self.pool_exists[:, :, None] & (self.pool_variation > self.viability_max_variation))

    def pool_flagged_in(self, year: int) -> np.ndarray:
        """``[s, p]`` flags in one year (offset; -1 is the last), that year's pools only unless
        every year's are worked out already (Compare counts the final year on every step)."""
        def one_year(t: int) -> np.ndarray:
            index = self.index
            bed_days = (self.activity[:, :, index.inpatient, t] if index.inpatient is not None
                        else np.zeros(self.pools.shape))
            patients = pool_patients(bed_days[:, :, None], self.pools, index)[:, :, 0]
            return self.pool_exists & (demand_variation(patients) > self.viability_max_variation)
        return self._in_year("pool_flagged", year, one_year)

    def _in_year(self, every_year: str, year: int, one_year) -> np.ndarray:
        """Year ``year`` of the ``[..., t]`` property ``every_year``: sliced from it when it has
        been worked out, else ``one_year(t)`` for that year alone, kept for the next ask."""
        if every_year in self.__dict__:
            return getattr(self, every_year)[..., year]
        year = range(self.index.n_years)[year]
        cache = self.__dict__.setdefault(f"_{every_year}_by_year", {})
        if year not in cache:
            cache[year] = read_only(one_year(year))
        return cache[year]

    # -- cell-level derived arrays -----------------------------------------------------------
    @cached_property
    def saving(self) -> np.ndarray:
        return self.released - self.reinvested

    @cached_property
    def spend_by_icb(self) -> np.ndarray:
        """``[s, i, t]`` spend over all settings."""
        return over_settings(self.spend)

    @cached_property
    def fair_share(self) -> np.ndarray:
        """``[s, i, t]`` each ICB's population share of its pool's budget (computed on first use:
        only the views that show it pay for it)."""
        spend, pools = self.spend_by_icb, self.pools
        shares = np.empty_like(spend)

        def apportion_rows(part: slice) -> None:  # rows are independent: halves side by side
            shares[part] = fair_shares(spend[part], pools[part], self.index)
        map_chunks(apportion_rows, chunks(len(spend)))
        return read_only(shares)

    def fair_share_in(self, year: int) -> np.ndarray:
        """``[s, i]`` fair shares in one year (offset; -1 is the last): a view that shows one
        year apportions that year only, unless every year has been worked out already."""
        def one_year(t: int) -> np.ndarray:
            return fair_shares(self.spend_by_icb[:, :, t:t + 1], self.pools, self.index)[:, :, 0]
        return self._in_year("fair_share", year, one_year)

    def distance_in(self, year: int) -> np.ndarray:
        """``[s, i]`` spend minus fair share in one year."""
        return self.spend_by_icb[:, :, year] - self.fair_share_in(year)

    @cached_property
    def distance(self) -> np.ndarray:
        """``[s, i, t]`` spend minus fair share (positive: above its share)."""
        return self.spend_by_icb - self.fair_share

    # -- England totals per year ---------------------------------------------------------------
    @cached_property
    def spend_by_setting(self) -> np.ndarray:
        """``[k, t]`` pence."""
        return setting_per_year(self.spend)

    @cached_property
    def total_spend(self) -> np.ndarray:
        return self.spend_by_setting.sum(axis=0)

    def total(self, name: str) -> np.ndarray:
        """England total per year of a flow: released, reinvested, saving, double_running
        (summed once: every view asks for these on every redraw)."""
        cache = self.__dict__.setdefault("_flow_totals", {})
        if name not in cache:
            cache[name] = (self.total("released") - self.total("reinvested") if name == "saving"
                           else per_year(getattr(self, name)))
        return cache[name]

    @cached_property
    def total_beds(self) -> np.ndarray:
        return self.beds.sum(axis=(0, 1))

    @cached_property
    def community_share(self) -> np.ndarray:
        """Community spend over all spend, per year (0 where the plan spends nothing)."""
        if self.index.community is None:
            return np.zeros(self.index.n_years)
        community = self.spend_by_setting[self.index.community].astype(np.float64)
        total = self.total_spend.astype(np.float64)
        return np.divide(community, total, out=np.zeros_like(total), where=total > 0)

    # -- roll-ups ------------------------------------------------------------------------------
    def by_region(self, array_sit: np.ndarray) -> np.ndarray:
        """Sum an ``[s, i, t]`` array to ``[region, t]``."""
        per_icb = array_sit.sum(axis=0)  # [i, t]
        out = np.zeros((self.index.n_regions, per_icb.shape[1]), dtype=per_icb.dtype)
        np.add.at(out, self.index.region_of_icb, per_icb)
        return out

    @cached_property
    def spend_by_region(self) -> np.ndarray:
        return self.by_region(self.spend_by_icb)

    @cached_property
    def distance_by_region(self) -> np.ndarray:
        return self.by_region(self.distance)

    @cached_property
    def spend_by_service(self) -> np.ndarray:
        """``[s, t]``."""
        return over_icbs(self.spend_by_icb)


def read_only(array: np.ndarray) -> np.ndarray:
    array.setflags(write=False)
    return array


def beds_from(activity: np.ndarray, index: PlanIndex) -> np.ndarray:
    """``[s, i, t]`` beds implied by inpatient bed days: ``bed_days / 365 / occupancy``."""
    if index.inpatient is None:
        return np.zeros(activity.shape[:2] + activity.shape[3:])
    return activity[:, :, index.inpatient, :] / DAYS_PER_YEAR / index.occupancy[:, None, None]
