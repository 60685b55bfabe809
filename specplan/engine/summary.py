"""The plan summary as plain data: the JSON the command line prints and other tools read."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from ..domain.levers import Lever
from ..domain.plan import Plan
from .calculate import PlanResults
from .results import ScenarioResult
from .rollups import spend_by_footprint


def summarise(results: PlanResults, scenario: str | None = None) -> dict[str, Any]:
    """``plan``, ``vintage``, ``base_year``, ``years``, ``settings`` and per scenario its totals per year."""
    plan = results.plan
    chosen = [results.scenario(scenario)] if scenario else list(results.scenarios)
    return {
        "plan": plan.name,
        "vintage": plan.vintage,
        "base_year": plan.years[0],
        "horizon": plan.horizon,
        "years": list(plan.years),
        "settings": list(plan.settings),
        "services": len(plan.services),
        "icbs": len(plan.icbs),
        "scenarios": [_scenario(plan, r) for r in chosen],
    }


def _scenario(plan: Plan, result: ScenarioResult) -> dict[str, Any]:
    by_region = {
        region.code: {"name": region.name, "spend_pence": _ints(result.spend_by_region[n]),
                      "distance_from_fair_share_pence": _ints(result.distance_by_region[n])}
        for n, region in enumerate(plan.regions)
        if (result.index.region_of_icb == n).any()
    }
    totals = {
        "spend_pence": _ints(result.total_spend),
        "do_nothing_spend_pence": _ints(result.total_do_nothing),
        "released_pence": _ints(result.total("released")),
        "reinvested_pence": _ints(result.total("reinvested")),
        "saving_pence": _ints(result.total("saving")),
        "double_running_pence": _ints(result.total("double_running")),
        "beds": [round(float(b), 2) for b in result.total_beds],
        "community_share": [round(float(c), 6) for c in result.community_share],
        "by_setting_pence": {k: _ints(result.spend_by_setting[n]) for n, k in enumerate(plan.settings)},
        "by_region": by_region,
    }
    return {
        "name": result.name,
        "levers": [lever.describe() for lever in _levers(plan, result.name)],
        "totals": totals,
        "by_region": by_region,
        "pools_flagged": int(result.pool_flagged[:, :, -1].sum()),
        "by_footprint": {name: {group: {"spend_pence": spend} for group, spend in groups.items()}
                         for name, groups in spend_by_footprint(result, plan).items()},
    }


def _levers(plan: Plan, name: str) -> tuple[Lever, ...]:
    return next((s.levers for s in plan.scenarios if s.name == name), ())


def _ints(values: Iterable[Any]) -> list[int]:
    return [int(v) for v in values]
