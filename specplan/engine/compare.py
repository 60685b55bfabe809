"""Options side by side against doing nothing: the comparison a board paper tabulates."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ..domain import ShiftLever
from ..domain.services import COMMUNITY
from .calculate import PlanResults
from .results import ScenarioResult
from .scope import Scope, scoped_totals


@dataclass(frozen=True)
class Comparison:
    """One option's figures (money in pence; final year unless named cumulative)."""

    name: str
    spend: tuple[int, ...]  # per year
    cumulative_spend: int
    change_vs_do_nothing: int  # cumulative spend minus do nothing's
    cumulative_saving: int  # released and not reinvested, before double running
    cumulative_double_running: int
    net_saving: int  # cumulative saving less double running: what the option really saves
    community_share: float
    beds: float
    beds_change: float
    moved_to_community: float  # from-setting activity units moved to community in the final year
    icbs_above_fair_share: int
    icbs_below_fair_share: int
    pools_flagged: int


#: Row label, attribute, and whether more is better (None: neither), for tables and highlights.
#: The saving is starred only net of double running: an option that releases more but spends more
#: running old and new services side by side saves less over the plan.
ROWS = (
    ("Spend over the plan", "cumulative_spend", False),
    ("Against doing nothing", "change_vs_do_nothing", False),
    ("Saving before double running", "cumulative_saving", None),
    ("Double running", "cumulative_double_running", False),
    ("Net saving after double running", "net_saving", True),
    ("Community share, final year", "community_share", True),
    ("Beds, final year", "beds", None),
    ("Beds against doing nothing", "beds_change", None),
    ("Activity moved to community, final year", "moved_to_community", None),
    ("ICBs above fair share", "icbs_above_fair_share", None),
    ("ICBs below fair share", "icbs_below_fair_share", None),
    ("Pools too small for their risk", "pools_flagged", False),
)


def compare(results: PlanResults, scope: Scope | None = None, names: list[str] | None = None) -> list[Comparison]:
    """Do nothing first, then each option (or those ``names``), within ``scope`` (everything)."""
    scope = scope or Scope()
    chosen = [r for r in results.scenarios if names is None or r.name in names]
    do_nothing = _comparison(results, results.do_nothing, scope, None)
    return [do_nothing] + [_comparison(results, r, scope, do_nothing) for r in chosen]


def columns(comparisons: list[Comparison], results: PlanResults) -> list[Comparison]:
    """The columns to show: one do-nothing column, not two. When the plan has an option without
    levers it already is doing nothing, so the engine's own "Do nothing (no change)" is left out."""
    return comparisons[1:] if results.plan.has_do_nothing_option else comparisons


def best(comparisons: list[Comparison], attribute: str, more_is_better: bool | None) -> set[str]:
    """Names of the options with the best value of ``attribute`` (none when there is no best)."""
    if more_is_better is None or len(comparisons) < 2:
        return set()
    values = [getattr(c, attribute) for c in comparisons]
    target = max(values) if more_is_better else min(values)
    if all(v == target for v in values):
        return set()
    return {c.name for c, v in zip(comparisons, values) if v == target}


def _comparison(results: PlanResults, result: ScenarioResult, scope: Scope, do_nothing: Comparison | None) -> Comparison:
    plan = results.plan
    totals = scoped_totals(result, plan, scope)
    services, icbs = scope.masks(plan)
    distance = result.distance_in(-1)[services].sum(axis=0)[icbs]  # [i in scope]
    cumulative = int(totals.spend.sum())
    return Comparison(
        name=result.name if do_nothing is not None else "Do nothing (no change)",
        spend=tuple(int(v) for v in totals.spend),
        cumulative_spend=cumulative,
        change_vs_do_nothing=cumulative - (do_nothing.cumulative_spend if do_nothing else cumulative),
        cumulative_saving=totals.cumulative_saving,
        cumulative_double_running=int(totals.double_running.sum()),
        net_saving=totals.cumulative_saving - int(totals.double_running.sum()),
        community_share=float(totals.community_share[-1]),
        beds=float(totals.beds[-1]),
        beds_change=float(totals.beds[-1] - (do_nothing.beds if do_nothing else totals.beds[-1])),
        moved_to_community=_moved_to_community(results, result),
        icbs_above_fair_share=int((distance > 0).sum()),
        icbs_below_fair_share=int((distance < 0).sum()),
        pools_flagged=int((result.pool_flagged_in(-1) & services[:, None]).sum()),
    )


def _moved_to_community(results: PlanResults, result: ScenarioResult) -> float:
    levers = next((s.levers for s in results.plan.scenarios if s.name == result.name), ())
    moved = [totals.moved_activity[-1] for lever, totals in zip(levers, result.lever_totals)
             if isinstance(lever, ShiftLever) and lever.to_setting == COMMUNITY and totals is not None]
    return float(np.sum(moved)) if moved else 0.0
