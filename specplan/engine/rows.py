"""Recompute only the service rows an edit of the base year touched.

Every number of a service row depends on that row alone (levers act cell by cell or within the
row's pools), so after a base-year edit the engine reruns the changed rows and splices them
into copies of the previous results: a typed cell on the national plan then costs a few
copies of the cube instead of a full recompute.
"""

from __future__ import annotations

import dataclasses

import numpy as np

from ..domain.baseline import Baseline
from .index import PlanIndex
from .projection import Projection
from .results import ScenarioResult, read_only
from .shift import LeverTotals
from .sums import per_year, setting_per_year

#: Arrays of a result indexed by service first that depend on the base year.
CELL_FIELDS = ("spend", "activity", "released", "reinvested", "double_running", "moved_activity",
               "convergence_moves")


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
    return Projection(_splice(full.spend, part.spend, rows), _splice(full.activity, part.activity, rows))


def splice_result(full: ScenarioResult, part: ScenarioResult, rows: np.ndarray,
                  index: PlanIndex, projection: Projection) -> ScenarioResult:
    """``full`` with the rows ``rows`` taken from ``part`` (a run over those rows only)."""
    cells = {name: _splice(getattr(full, name), getattr(part, name), rows) for name in CELL_FIELDS}
    totals = tuple(None if old is None else _splice_totals(old, new, rows)
                   for old, new in zip(full.lever_totals, part.lever_totals))
    result = dataclasses.replace(full, index=index, do_nothing_spend=projection.spend,
                                 total_do_nothing=projection.total_spend, lever_totals=totals, **cells)
    _carry_totals(full, part, result, rows)
    return result


def _carry_totals(full: ScenarioResult, part: ScenarioResult, result: ScenarioResult, rows: np.ndarray) -> None:
    """Give ``result`` the England totals ``full`` had worked out, moved by the rows' change:
    integer pence, so the same to the penny as summing the spliced cubes, for a fraction of it."""
    cache = result.__dict__
    if "spend_by_setting" in full.__dict__:
        cache["spend_by_setting"] = read_only(
            full.spend_by_setting - setting_per_year(full.spend[rows]) + part.spend_by_setting)
    flows = full.__dict__.get("_flow_totals", {})
    cache["_flow_totals"] = {
        name: read_only(total - per_year(getattr(full, name)[rows]) + part.total(name))
        for name, total in flows.items() if name in ("released", "reinvested", "double_running")}


def _splice_totals(full: LeverTotals, part: LeverTotals, rows: np.ndarray) -> LeverTotals:
    return LeverTotals.of_services({name: _splice(full.by_service(name), part.by_service(name), rows)
                                    for name in LeverTotals.NAMES})


def _splice(full: np.ndarray, part: np.ndarray, rows: np.ndarray) -> np.ndarray:
    if full.ndim == 1:  # a placeholder for a flow nobody moved (no double running, say)
        return full
    out = full.copy(order="K")  # keeps the settings-major layout of cubes
    out[rows] = part
    return out
