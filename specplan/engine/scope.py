"""Totals over a chosen part of the plan (some services, some ICBs): what every view shows."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from ..domain.plan import Plan
from .memo import Key
from .results import FLOWS, ScenarioResult
from .sums import per_year, setting_per_year

if TYPE_CHECKING:
    from .calculate import PlanResults


@dataclass(frozen=True)
class Scope:
    """Services and ICBs in view; None means all of them."""

    services: frozenset[str] | None = None
    icbs: frozenset[str] | None = None

    @property
    def is_everything(self) -> bool:
        return self.services is None and self.icbs is None

    def masks(self, plan: Plan) -> tuple[np.ndarray, np.ndarray]:
        services = np.array([self.services is None or s.code in self.services for s in plan.services])
        icbs = np.array([self.icbs is None or i.code in self.icbs for i in plan.icbs])
        return services, icbs

    def describe(self, plan: Plan) -> str:
        if self.is_everything:
            return "whole plan"
        parts = []
        if self.icbs is not None:
            parts.append(f"{len(self.icbs)} of {len(plan.icbs)} ICBs")
        if self.services is not None:
            parts.append(f"{len(self.services)} of {len(plan.services)} services")
        return ", ".join(parts)


@dataclass(frozen=True)
class ScopedTotals:
    """Per-year figures of one option within a scope. Money in pence."""

    name: str
    spend: np.ndarray
    do_nothing: np.ndarray
    by_setting: np.ndarray  # [k, t]
    released: np.ndarray
    reinvested: np.ndarray
    saving: np.ndarray
    double_running: np.ndarray
    beds: np.ndarray
    community_share: np.ndarray

    def __post_init__(self) -> None:
        for array in (self.spend, self.do_nothing, self.by_setting, self.released, self.reinvested,
                      self.saving, self.double_running, self.beds, self.community_share):
            array.setflags(write=False)

    @property
    def cumulative_saving(self) -> int:
        return int(self.saving.sum())


#: A result's totals within one scope, by the scope (``scoped_totals``).
SCOPED_TOTALS: Key[ScopedTotals] = Key("scoped totals")


def scoped_totals(result: ScenarioResult, plan: Plan, scope: Scope) -> ScopedTotals:
    """The figures of ``result`` summed over ``scope``, kept on the result: a slider step
    changes one option, and the others' totals are then read, not summed again."""
    made = result.memo.peek(SCOPED_TOTALS, scope)
    if made is not None:
        return made
    return result.memo.get(SCOPED_TOTALS, lambda: _sum_in_scope(result, plan, scope), scope)


def _sum_in_scope(result: ScenarioResult, plan: Plan, scope: Scope) -> ScopedTotals:
    if scope.is_everything:
        spend_k = result.spend_by_setting
        flows = {name: result.total(name) for name in FLOWS}
        do_nothing, beds = result.total_do_nothing, result.total_beds
    else:
        services, icbs = scope.masks(plan)
        cells = np.ix_(services, icbs)
        spend_k = setting_per_year(result.spend[cells])
        flows = {name: per_year(getattr(result, name)[cells]) for name in FLOWS}
        do_nothing = per_year(result.do_nothing_spend[cells])
        beds = result.beds[cells].sum(axis=(0, 1))
    spend = spend_k.sum(axis=0)
    community = result.index.community
    share = np.zeros(spend.shape)
    if community is not None:
        np.divide(spend_k[community], spend, out=share, where=spend > 0)
    return ScopedTotals(result.name, spend, do_nothing, spend_k, flows["released"], flows["reinvested"],
                        flows["saving"], flows["double_running"], beds, share)


def totals_in_scope(results: PlanResults, scope: Scope) -> tuple[list[ScopedTotals], ScopedTotals]:
    """Every option's totals within ``scope`` (plan order), and doing nothing's."""
    plan = results.plan
    return [scoped_totals(r, plan, scope) for r in results.scenarios], scoped_totals(results.do_nothing, plan, scope)


@dataclass(frozen=True)
class Headline:
    """The figures a board asks first, for one option against do nothing (final year unless
    said otherwise). Money in pence."""

    name: str
    final_spend: int
    change_vs_do_nothing: int
    cumulative_saving: int
    cumulative_double_running: int
    community_share: float
    do_nothing_community_share: float
    beds: float
    beds_change: float


def headline(option: ScopedTotals, do_nothing: ScopedTotals) -> Headline:
    return Headline(
        name=option.name,
        final_spend=int(option.spend[-1]),
        change_vs_do_nothing=int(option.spend[-1] - do_nothing.spend[-1]),
        cumulative_saving=option.cumulative_saving,
        cumulative_double_running=int(option.double_running.sum()),
        community_share=float(option.community_share[-1]),
        do_nothing_community_share=float(do_nothing.community_share[-1]),
        beds=float(option.beds[-1]),
        beds_change=float(option.beds[-1] - do_nothing.beds[-1]),
    )
