"""Coalitions of an option's levers: the metric of the plan with only some levers switched on,
and the words a board reads for each lever."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from numpy.typing import NDArray

from ..domain import ConvergenceLever, PlanningLevel, PlanningLevelLever, ShiftLever
from ..domain.levers import Lever
from ..domain.plan import Plan
from ..domain.scenario import Scenario
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
    option's order); integers for pence metrics, so the Shapley values stay exact."""
    levers = plan.scenario(option).levers
    engine = Engine()
    values = []
    for members in coalitions:
        chosen = tuple(lever for lever, on in zip(levers, members) if on)
        result = engine.compute_scenario(plan, Scenario(option, chosen))
        values.append(metric_of(result, metric, year))
    if metric in PENCE_METRICS:
        return [int(v) for v in values]
    return np.asarray(values, dtype=np.float64)


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
