"""Coalitions of an option's levers: the metric of the plan with only some levers switched on,
and the words a board reads for each lever."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from numpy.typing import NDArray

from ..domain import COMMUNITY, ConvergenceLever, PlanningLevel, PlanningLevelLever, ShiftLever
from ..domain.levers import Lever
from ..domain.plan import Plan
from ..domain.scenario import Scenario
from .batch import Variant, run_batch, switched_off
from .calculate import Engine
from .results import ScenarioResult

#: What attribution can explain: saving summed from the base year to the year, or one year's
#: spend, community share of spend, or beds.
METRICS = ("cumulative_saving", "spend", "community_share", "beds")
PENCE_METRICS = frozenset({"cumulative_saving", "spend"})


def metric_of(result: ScenarioResult, metric: str, year: int) -> int | float:
    """One figure of a result: pence as ``int``, shares and beds as ``float``."""
    if metric == "cumulative_saving":
        return int(result.total("saving")[: year + 1].sum())
    if metric == "spend":
        return int(result.total_spend[year])
    if metric == "community_share":
        return float(result.community_share[year])
    return float(result.total_beds[year])


def coalition_values(plan: Plan, option: str, coalitions: Sequence[Sequence[bool]], metric: str,
                     year: int) -> NDArray[np.float64] | list[int]:
    """``metric`` in ``year`` of the plan with only the levers of each coalition (in the
    option's order); integers for pence metrics, so the Shapley values stay exact.

    Every coalition is a variant of the option with the other levers switched off, and all
    run as one batch (``batch.run_batch``); beds need activity, which batches do not carry,
    so they take a run per coalition.
    """
    levers = plan.scenario(option).levers
    if metric == "beds":
        engine = Engine()
        return np.asarray([metric_of(engine.compute_scenario(plan, Scenario(option, tuple(
            lever for lever, on in zip(levers, members) if on))), metric, year) for members in coalitions],
            dtype=np.float64)
    variants = [Variant(off=switched_off(len(levers), members)) for members in coalitions]
    totals = run_batch(plan, option, variants, saving_only=metric == "cumulative_saving")
    if metric == "cumulative_saving":
        return [int(v) for v in totals.saving[:, : year + 1].sum(axis=1)]
    spend = totals.spend_by_setting[:, :, year]  # [v, k]
    if metric == "spend":
        return [int(v) for v in spend.sum(axis=1)]
    community = plan.setting_index.get(COMMUNITY)
    if community is None:
        return np.zeros(len(variants))
    total = spend.sum(axis=1).astype(np.float64)
    part = spend[:, community].astype(np.float64)
    shares: NDArray[np.float64] = np.divide(part, total, out=np.zeros_like(total), where=total > 0)
    return shares


def lever_text(plan: Plan, lever: Lever) -> str:
    """A lever in a board member's words: "Shift 20% of adult secure inpatient to community"."""
    services = _services(plan, lever.services)
    if isinstance(lever, ShiftLever):
        named = 0 < len(lever.services) <= 2
        what = f"{services} " if named else ""
        scope = [] if named or not lever.services else [services]
        if lever.icbs:
            scope.append(_icbs(plan, lever.icbs))
        where = f" ({', '.join(scope)})" if scope else ""
        return (f"Shift {lever.target_share:.0%} of {what}{_setting(lever.from_setting)} to "
                f"{_setting(lever.to_setting)}{where}")
    if isinstance(lever, ConvergenceLever):
        return f"Close {lever.share:.0%} of the gap to fair shares each year ({services})"
    if isinstance(lever, PlanningLevelLever):
        level = lever.level
        where = f"at {level.value} level" if isinstance(level, PlanningLevel) else f"on footprint {level!r}"
        return f"Pool {services} {where}"
    return type(lever).__name__


def _services(plan: Plan, codes: tuple[str, ...]) -> str:
    if not codes:
        return "all services"
    names = {s.code: s.name for s in plan.services}
    if len(codes) <= 2:
        return " and ".join(names.get(code, code) for code in codes)
    return f"{len(codes)} services"


def _icbs(plan: Plan, codes: tuple[str, ...]) -> str:
    names = {i.code: i.name for i in plan.icbs}
    if len(codes) == 1:
        return names.get(codes[0], codes[0]).removeprefix("NHS ").removesuffix(" Integrated Care Board")
    return f"{len(codes)} ICBs"


def _setting(setting: str) -> str:
    return setting.replace("_", " ")
