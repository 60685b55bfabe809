"""Recompute only the service rows an edit of the base year touched.

Every number of a service row depends on that row alone (levers act cell by cell or within the
row's pools), so after a base-year or planning-level edit the engine reruns the changed rows and
splices them into the previous results. The England totals move by the rows' change at once; the cubes
themselves are copied and patched only when something reads them (the Overview never does),
so a typed cell on the national plan costs a few small runs instead of a full recompute.
"""

from __future__ import annotations

import dataclasses

import numpy as np

from ..domain.baseline import Baseline
from .index import PlanIndex
from .projection import Projection
from .results import CELLS, FLOWS, TOTAL, ScenarioResult, beds_from
from .shift import LeverTotals
from .sums import per_year, setting_per_year


def changed_rows(before: Baseline, after: Baseline) -> np.ndarray:
    """Positions of the services whose base-year cells differ."""
    spend = (before.spend_pence != after.spend_pence).any(axis=(1, 2))
    activity = (before.activity != after.activity).any(axis=(1, 2))
    return np.flatnonzero(spend | activity)


def sub_index(index: PlanIndex, rows: np.ndarray) -> PlanIndex:
    """The index of just the service positions ``rows``."""
    return dataclasses.replace(index, n_services=len(rows), levels=index.levels[rows],
                               occupancy=index.occupancy[rows],
                               bed_days_per_patient=index.bed_days_per_patient[rows])


def splice_projection(full: Projection, part: Projection, rows: np.ndarray) -> Projection:
    spliced = Projection(_splice(full.spend, part.spend, rows), _splice(full.activity, part.activity, rows))
    total = Projection.total_spend.key
    before = full.memo.peek(total)
    if before is not None:  # moved by the rows' change, in exact pence
        spliced.memo.put(total, before - per_year(full.spend[rows]) + per_year(part.spend))
    return spliced


def splice_result(full: ScenarioResult, part: ScenarioResult, rows: np.ndarray,
                  index: PlanIndex, projection: Projection) -> ScenarioResult:
    """``full`` with the rows ``rows`` taken from ``part`` (a run over those rows only)."""
    totals = tuple(None if old is None or new is None else _splice_totals(old, new, rows)
                   for old, new in zip(full.lever_totals, part.lever_totals, strict=True))
    pending = {name: Patched.of(full, name).with_rows(rows, getattr(part, name)) for name in CELLS}
    # The old arrays stand in until the patched ones are read.
    cells = {name: patched.base for name, patched in pending.items()}
    result = ScenarioResult(
        name=full.name, index=index, spend=cells["spend"], activity=cells["activity"],
        do_nothing_spend=projection.spend, total_do_nothing=projection.total_spend,
        released=cells["released"], reinvested=cells["reinvested"],
        double_running=cells["double_running"], moved_activity=cells["moved_activity"],
        convergence_moves=cells["convergence_moves"], levels=_splice(full.levels, part.levels, rows),
        pools=_splice(full.pools, part.pools, rows), lever_totals=totals,
        viability_max_variation=full.viability_max_variation)
    for name, patched in pending.items():
        result.defer(name, patched)
    carry_totals(full, part, result, rows)
    return result


class Patched:
    """An array still to be made: ``base`` with rows replaced, patch after patch."""

    def __init__(self, base: np.ndarray, patches: tuple[tuple[np.ndarray, np.ndarray], ...] = ()):
        self.base, self.patches = base, patches

    @classmethod
    def of(cls, result: ScenarioResult, name: str) -> Patched:
        pending = result.deferred(name)
        if isinstance(pending, Patched):
            return pending
        cells: np.ndarray = getattr(result, name)
        return cls(cells)

    #: More patches than this and the array is made, to start again from it.
    MAX_PATCHES = 4

    def with_rows(self, rows: np.ndarray, part: np.ndarray) -> Patched:
        # A row patched again drops its older patch (typing in one cell keeps patching one row).
        new = set(rows.tolist())  # a handful of rows: sets beat np.isin's sorting by far
        kept = tuple((old, value) for old, value in self.patches if not set(old.tolist()) <= new)
        if len(kept) >= self.MAX_PATCHES:
            return Patched(self.make()).with_rows(rows, part)
        return Patched(self.base, (*kept, (rows, part)))

    def take(self, rows: np.ndarray) -> np.ndarray:
        """Rows ``rows`` of the array, without making all of it."""
        if self.base.ndim == 1:
            return self.base
        out = self.base[rows]
        wanted = rows.tolist()
        for patched, part in self.patches:
            where = {row: n for n, row in enumerate(patched.tolist())}
            for n, row in enumerate(wanted):
                if row in where:
                    out[n] = part[where[row]]
        taken: np.ndarray = out
        return taken

    def make(self) -> np.ndarray:
        if self.base.ndim == 1:  # a placeholder for a flow nobody moved (no double running, say)
            return self.base
        out = self.base.copy(order="K")  # keeps the settings-major layout of cubes
        for rows, part in self.patches:
            out[rows] = part
        return out


def carry_totals(full: ScenarioResult, part: ScenarioResult, result: ScenarioResult, rows: np.ndarray) -> None:
    """Give ``result`` the England totals ``full`` had worked out, moved by the rows' change:
    in integer pence, so the same to the penny as summing the spliced cubes, for a fraction of
    it (beds, in floats, to within rounding). ``part`` is summed directly: it is thrown away."""
    by_setting = ScenarioResult.spend_by_setting.key
    before = full.memo.peek(by_setting)
    if before is not None:
        result.memo.put(by_setting, before - setting_per_year(Patched.of(full, "spend").take(rows))
                        + setting_per_year(part.spend))
    for name in FLOWS:
        total = full.memo.peek(TOTAL, name)
        if total is not None and name != "saving":  # saving follows from the two it is made of
            moved = per_year(getattr(part, name)) - per_year(Patched.of(full, name).take(rows))
            result.memo.put(TOTAL, total + moved, name)
    beds = ScenarioResult.total_beds.key
    before = full.memo.peek(beds)
    if before is not None:
        old = beds_from(Patched.of(full, "activity").take(rows), sub_index(full.index, rows))
        result.memo.put(beds, before - per_year(old) + per_year(beds_from(part.activity, part.index)))


def _splice_totals(full: LeverTotals, part: LeverTotals, rows: np.ndarray) -> LeverTotals:
    return LeverTotals.of_services({name: _splice(full.by_service(name), part.by_service(name), rows)
                                    for name in LeverTotals.NAMES})


def _splice(full: np.ndarray, part: np.ndarray, rows: np.ndarray) -> np.ndarray:
    out = full.copy(order="K")  # keeps the settings-major layout of cubes
    out[rows] = part
    return out
