"""Goal seek: the target share of a shift lever that meets a saving or community-share goal."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from ..domain import ShiftLever
from ..domain.errors import ValidationError
from ..domain.plan import Plan
from .calculate import Engine
from .results import ScenarioResult

METRICS = ("saving", "cumulative_saving", "community_share")


@dataclass(frozen=True)
class GoalSeekResult:
    """``share`` is the smallest target share reaching the goal, or None when none can."""

    share: float | None
    achieved: float
    reachable: tuple[float, float]
    message: str


def measure(result: ScenarioResult, metric: str, year: int) -> float:
    """The goal's metric in year offset ``year``: pence for savings, a fraction for shares."""
    if metric == "saving":
        return float(result.total("saving")[year])
    if metric == "cumulative_saving":
        return float(result.total("saving")[: year + 1].sum())
    if metric == "community_share":
        return float(result.community_share[year])
    raise ValidationError("goal metric", metric, " or ".join(METRICS))


def goal_seek(
    plan: Plan,
    scenario_name: str,
    lever_position: int,
    metric: str,
    year: int,
    target: float,
    engine: Engine | None = None,
    tolerance: float = 1e-6,
) -> GoalSeekResult:
    """Bisect the lever's target share in 0..1 (the metric rises with the share).

    ``lever_position`` counts from 0; ``year`` is the year offset 1..H; ``target`` is in pence
    for savings and a fraction for the community share.
    """
    engine = engine or Engine()
    scenario = plan.scenario(scenario_name)
    if not 0 <= lever_position < len(scenario.levers) or not isinstance(
        scenario.levers[lever_position], ShiftLever
    ):
        raise ValidationError("goal seek lever", lever_position + 1, f"a shift lever of {scenario_name!r}")
    if not 1 <= year <= plan.horizon:
        raise ValidationError("goal seek year", year, f"a year offset from 1 to {plan.horizon}")
    measure(engine.compute_scenario(plan, scenario), metric, year)  # validates the metric

    def value_at(share: float) -> float:
        levers = list(scenario.levers)
        shift = levers[lever_position]
        assert isinstance(shift, ShiftLever)  # checked above
        levers[lever_position] = dataclasses.replace(shift, target_share=share)
        trial = dataclasses.replace(scenario, levers=tuple(levers))
        return measure(engine.compute_scenario(plan, trial), metric, year)

    low_value, high_value = value_at(0.0), value_at(1.0)
    label = plan.years[year]
    if target <= low_value:
        return GoalSeekResult(0.0, low_value, (low_value, high_value), f"Met with no shift in {label}.")
    if target > high_value:
        return GoalSeekResult(None, high_value, (low_value, high_value),
                              f"Cannot be met in {label}: moving everything in scope reaches "
                              f"{_show(metric, high_value)}.")
    low, high = 0.0, 1.0
    while high - low > tolerance:
        middle = (low + high) / 2
        if value_at(middle) >= target:
            high = middle
        else:
            low = middle
    achieved = value_at(high)
    return GoalSeekResult(high, achieved, (low_value, high_value),
                          f"A target share of {high:.2%} reaches {_show(metric, achieved)} in {label}.")


def _show(metric: str, value: float) -> str:
    return f"{value:.1%}" if metric == "community_share" else f"£{value / 100:,.0f}"
