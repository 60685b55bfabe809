"""Immutable results of one scenario, with roll-ups by setting, region, pool and England."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from .apportion import group_sum
from .index import PlanIndex
from .memo import Key, Maker, Memo, memoized, read_only, stored
from .parallel import chunks, map_chunks
from .pools import demand_variation, fair_shares, pool_exists, pool_patients
from .shift import LeverTotals
from .sums import over_icbs, over_settings, per_year, setting_per_year

DAYS_PER_YEAR = 365.0


#: The cell arrays a result holds, each ``[service, ...]``: a base-year edit splices new rows
#: into them, made when first read (see ``rows.splice_result``).
CELLS = ("spend", "activity", "released", "reinvested", "double_running", "moved_activity",
         "convergence_moves")
CELL_KEYS: dict[str, Key[np.ndarray]] = {name: Key(name) for name in CELLS}
#: England totals per year of a flow (``ScenarioResult.total``), by the flow's name.
TOTAL: Key[np.ndarray] = Key("total")
#: ``[..., t]`` figures worked out for one year alone, by the every-year figure's name and the year.
IN_YEAR: Key[np.ndarray] = Key("in year")
FLOWS = ("released", "reinvested", "saving", "double_running")


class ScenarioResult:
    """Everything the engine works out for one scenario. Read-only, and so is every array it
    hands out (the cells, the figures worked out on first use, the roll-ups).

    Cell arrays are ``[service, icb, setting, year]``; flows ``[service, icb, year]``; pool
    arrays ``[service, pool slot, year]`` (see ``pool_exists`` for the slots in use). Figures
    worked out on first use live in ``memo`` (``ScenarioResult.beds.is_made(result)`` says
    whether one has been).
    """

    __slots__ = ("name", "index", "do_nothing_spend", "total_do_nothing", "levels", "pools",
                 "lever_totals", "viability_max_variation", "memo")

    name: str
    index: PlanIndex
    do_nothing_spend: np.ndarray
    total_do_nothing: np.ndarray  # [t] England total of do_nothing_spend (shared by every option)
    levels: np.ndarray
    pools: np.ndarray
    lever_totals: tuple[LeverTotals | None, ...]
    viability_max_variation: float
    memo: Memo

    def __init__(self, name: str, index: PlanIndex, spend: np.ndarray, activity: np.ndarray,
                 do_nothing_spend: np.ndarray, total_do_nothing: np.ndarray, released: np.ndarray,
                 reinvested: np.ndarray, double_running: np.ndarray, moved_activity: np.ndarray,
                 convergence_moves: np.ndarray, levels: np.ndarray, pools: np.ndarray,
                 lever_totals: tuple[LeverTotals | None, ...], viability_max_variation: float) -> None:
        cells = (spend, activity, released, reinvested, double_running, moved_activity, convergence_moves)
        init = object.__setattr__  # past __setattr__, which refuses every change
        init(self, "memo", Memo(dict(zip(CELL_KEYS.values(), cells, strict=True))))
        init(self, "name", name)
        init(self, "index", index)
        init(self, "do_nothing_spend", read_only(do_nothing_spend))
        init(self, "total_do_nothing", read_only(total_do_nothing))
        init(self, "levels", read_only(levels))
        init(self, "pools", read_only(pools))
        init(self, "lever_totals", lever_totals)
        init(self, "viability_max_variation", viability_max_variation)

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"a ScenarioResult is read-only (tried to set {name!r})")

    def __delattr__(self, name: str) -> None:
        raise AttributeError(f"a ScenarioResult is read-only (tried to delete {name!r})")

    def __repr__(self) -> str:
        return f"ScenarioResult({self.name!r})"

    spend = stored(CELL_KEYS["spend"])
    activity = stored(CELL_KEYS["activity"])
    released = stored(CELL_KEYS["released"])
    reinvested = stored(CELL_KEYS["reinvested"])
    double_running = stored(CELL_KEYS["double_running"])
    moved_activity = stored(CELL_KEYS["moved_activity"])
    convergence_moves = stored(CELL_KEYS["convergence_moves"])

    # -- cells made on first read (a base-year edit's spliced cubes) ------------------------------
    def defer(self, name: str, pending: Maker[np.ndarray]) -> None:
        """Make cell array ``name`` on first read, by ``pending.make()``: for a result still
        being put together (``rows.splice_result``), before anyone reads it."""
        self.memo.defer(CELL_KEYS[name], pending)

    def deferred(self, name: str) -> Maker[np.ndarray] | None:
        """What cell array ``name`` is still to be made from, or None if it is made."""
        return self.memo.pending(CELL_KEYS[name])

    # -- derived on first use: a lever step redraws a few totals, not every pool --------------
    @memoized
    def beds(self) -> np.ndarray:
        """``[s, i, t]`` beds implied by inpatient bed days."""
        return beds_from(self.activity, self.index)

    @memoized
    def pool_exists(self) -> np.ndarray:
        """``[s, p]`` pool slots that hold at least one of the plan's ICBs."""
        return pool_exists(self.pools, self.index)

    @memoized
    def pool_budget(self) -> np.ndarray:
        return group_sum(self.spend_by_icb, self.pools, self.index.n_pools)

    @memoized
    def pool_patients(self) -> np.ndarray:
        index = self.index
        if index.inpatient is None:
            bed_days = np.zeros(self.spend_by_icb.shape)
        else:
            bed_days = self.activity[:, :, index.inpatient, :]
        return pool_patients(bed_days, self.pools, index)

    @memoized
    def pool_variation(self) -> np.ndarray:
        return demand_variation(self.pool_patients)

    @memoized
    def pool_flagged(self) -> np.ndarray:
        """``[s, p, t]`` pools whose yearly demand swings more than the plan accepts."""
        return self.pool_exists[:, :, None] & (self.pool_variation > self.viability_max_variation)

    def pool_flagged_in(self, year: int) -> np.ndarray:
        """``[s, p]`` flags in one year (offset; -1 is the last), that year's pools only unless
        every year's are worked out already (Compare counts the final year on every step)."""
        def one_year(t: int) -> np.ndarray:
            index = self.index
            bed_days = (self.activity[:, :, index.inpatient, t] if index.inpatient is not None
                        else np.zeros(self.pools.shape))
            patients = pool_patients(bed_days[:, :, None], self.pools, index)[:, :, 0]
            return self.pool_exists & (demand_variation(patients) > self.viability_max_variation)
        return self._in_year(ScenarioResult.pool_flagged, year, one_year)

    def _in_year(self, every_year: memoized[ScenarioResult, np.ndarray], year: int,
                 one_year: Callable[[int], np.ndarray]) -> np.ndarray:
        """Year ``year`` of the ``[..., t]`` figure ``every_year``: sliced from it when it has
        been worked out, else ``one_year(t)`` for that year alone, kept for the next ask."""
        made = self.memo.peek(every_year.key)
        if made is not None:
            return made[..., year]
        t = range(self.index.n_years)[year]
        return self.memo.get(IN_YEAR, lambda: one_year(t), (every_year.key.name, t))

    # -- cell-level derived arrays -----------------------------------------------------------
    @memoized
    def saving(self) -> np.ndarray:
        saving: np.ndarray = self.released - self.reinvested
        return saving

    @memoized
    def spend_by_icb(self) -> np.ndarray:
        """``[s, i, t]`` spend over all settings."""
        return over_settings(self.spend)

    @memoized
    def fair_share(self) -> np.ndarray:
        """``[s, i, t]`` each ICB's population share of its pool's budget (computed on first use:
        only the views that show it pay for it)."""
        spend, pools = self.spend_by_icb, self.pools
        shares = np.empty_like(spend)

        def apportion_rows(part: slice) -> None:  # rows are independent: halves side by side
            shares[part] = fair_shares(spend[part], pools[part], self.index)
        map_chunks(apportion_rows, chunks(len(spend)))
        return shares

    def fair_share_in(self, year: int) -> np.ndarray:
        """``[s, i]`` fair shares in one year (offset; -1 is the last): a view that shows one
        year apportions that year only, unless every year has been worked out already."""
        def one_year(t: int) -> np.ndarray:
            return fair_shares(self.spend_by_icb[:, :, t:t + 1], self.pools, self.index)[:, :, 0]
        return self._in_year(ScenarioResult.fair_share, year, one_year)

    def distance_in(self, year: int) -> np.ndarray:
        """``[s, i]`` spend minus fair share in one year."""
        return read_only(self.spend_by_icb[:, :, year] - self.fair_share_in(year))

    @memoized
    def distance(self) -> np.ndarray:
        """``[s, i, t]`` spend minus fair share (positive: above its share)."""
        distance: np.ndarray = self.spend_by_icb - self.fair_share
        return distance

    # -- England totals per year ---------------------------------------------------------------
    @memoized
    def spend_by_setting(self) -> np.ndarray:
        """``[k, t]`` pence."""
        return setting_per_year(self.spend)

    @memoized
    def total_spend(self) -> np.ndarray:
        total: np.ndarray = self.spend_by_setting.sum(axis=0)
        return total

    def total(self, name: str) -> np.ndarray:
        """England total per year of a flow: released, reinvested, saving, double_running
        (summed once: every view asks for these on every redraw)."""
        made = self.memo.peek(TOTAL, name)
        return made if made is not None else self.memo.get(TOTAL, lambda: self._summed(name), name)

    def _summed(self, name: str) -> np.ndarray:
        if name not in FLOWS:
            raise KeyError(f"{name!r} is not a flow ({', '.join(FLOWS)})")
        if name == "saving":
            saving: np.ndarray = self.total("released") - self.total("reinvested")
            return saving
        flow: np.ndarray = getattr(self, name)
        return per_year(flow)

    @memoized
    def total_beds(self) -> np.ndarray:
        beds: np.ndarray = self.beds.sum(axis=(0, 1))
        return beds

    @memoized
    def community_share(self) -> np.ndarray:
        """Community spend over all spend, per year (0 where the plan spends nothing)."""
        if self.index.community is None:
            return np.zeros(self.index.n_years)
        community = self.spend_by_setting[self.index.community].astype(np.float64)
        total = self.total_spend.astype(np.float64)
        share: np.ndarray = np.divide(community, total, out=np.zeros_like(total), where=total > 0)
        return share

    # -- roll-ups ------------------------------------------------------------------------------
    def by_region(self, array_sit: np.ndarray) -> np.ndarray:
        """Sum an ``[s, i, t]`` array to ``[region, t]``."""
        per_icb = array_sit.sum(axis=0)  # [i, t]
        out = np.zeros((self.index.n_regions, per_icb.shape[1]), dtype=per_icb.dtype)
        np.add.at(out, self.index.region_of_icb, per_icb)
        return read_only(out)

    @memoized
    def spend_by_region(self) -> np.ndarray:
        return self.by_region(self.spend_by_icb)

    @memoized
    def distance_by_region(self) -> np.ndarray:
        return self.by_region(self.distance)

    @memoized
    def spend_by_service(self) -> np.ndarray:
        """``[s, t]``."""
        return over_icbs(self.spend_by_icb)


def beds_from(activity: np.ndarray, index: PlanIndex) -> np.ndarray:
    """``[s, i, t]`` beds implied by inpatient bed days: ``bed_days / 365 / occupancy``."""
    if index.inpatient is None:
        return np.zeros(activity.shape[:2] + activity.shape[3:])
    beds: np.ndarray = activity[:, :, index.inpatient, :] / DAYS_PER_YEAR / index.occupancy[:, None, None]
    return beds
