"""Edits: each makes a new Plan from an old one and says what it did, in words for undo menus."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from .errors import ValidationError
from .footprints import PlanningLevel
from .levers import Lever
from .plan import Plan
from .scenario import Scenario

FIELD_NAMES = {
    "target_share": "target share",
    "reinvest_share": "reinvestment",
    "double_running_share": "double running",
    "substitution_ratio": "substitution ratio",
    "share": "convergence",
    "phasing": "phasing",
    "from_setting": "from setting",
    "to_setting": "to setting",
    "services": "services",
    "icbs": "ICBs",
    "level": "planning level",
}
PERCENT_FIELDS = {"target_share", "reinvest_share", "double_running_share", "share"}


@dataclass(frozen=True)
class Edit:
    plan: Plan
    text: str


def set_lever(plan: Plan, scenario: str, position: int, field: str, value: object) -> Edit:
    """Change one field of the lever at ``position`` (0-based) of ``scenario``."""
    option = plan.scenario(scenario)
    levers = list(option.levers)
    _check_position(option, position)
    levers[position] = dataclasses.replace(levers[position], **{field: value})
    text = f"Set {FIELD_NAMES.get(field, field)} of {scenario!r} to {_show(field, value)}"
    if len(levers) > 1:
        text += f" (lever {position + 1})"
    return Edit(_with_levers(plan, option, levers), text)


def add_lever(plan: Plan, scenario: str, lever: Lever) -> Edit:
    option = plan.scenario(scenario)
    return Edit(_with_levers(plan, option, [*option.levers, lever]), f"Add a {lever.kind.replace('_', ' ')} lever to {scenario!r}")


def remove_lever(plan: Plan, scenario: str, position: int) -> Edit:
    option = plan.scenario(scenario)
    _check_position(option, position)
    levers = [lever for n, lever in enumerate(option.levers) if n != position]
    return Edit(_with_levers(plan, option, levers), f"Remove lever {position + 1} from {scenario!r}")


def move_lever(plan: Plan, scenario: str, position: int, to: int) -> Edit:
    option = plan.scenario(scenario)
    _check_position(option, position)
    _check_position(option, to)
    levers = list(option.levers)
    levers.insert(to, levers.pop(position))
    return Edit(_with_levers(plan, option, levers), f"Move lever {position + 1} of {scenario!r} to {to + 1}")


def add_scenario(plan: Plan, name: str, description: str = "") -> Edit:
    return Edit(plan.replace(scenarios=(*plan.scenarios, Scenario(name, (), description))), f"Add option {name!r}")


def duplicate_scenario(plan: Plan, scenario: str) -> Edit:
    option = plan.scenario(scenario)
    name = unused_name(plan, f"{scenario} (copy)")
    copy = dataclasses.replace(option, name=name)
    at = plan.scenarios.index(option) + 1
    scenarios = (*plan.scenarios[:at], copy, *plan.scenarios[at:])
    return Edit(plan.replace(scenarios=scenarios), f"Duplicate option {scenario!r}")


def rename_scenario(plan: Plan, scenario: str, name: str) -> Edit:
    option = plan.scenario(scenario)
    return Edit(plan.replace_scenario(scenario, dataclasses.replace(option, name=name)),
                f"Rename option {scenario!r} to {name!r}")


def delete_scenario(plan: Plan, scenario: str) -> Edit:
    plan.scenario(scenario)
    return Edit(plan.replace(scenarios=tuple(s for s in plan.scenarios if s.name != scenario)),
                f"Delete option {scenario!r}")


def set_baseline_cell(plan: Plan, service: int, icb: int, setting: int, *,
                      spend_pence: int | None = None, activity: float | None = None) -> Edit:
    baseline = plan.baseline.with_cell((service, icb, setting), spend_pence=spend_pence, activity=activity)
    where = f"{plan.services[service].code} / {plan.icbs[icb].code} / {plan.settings[setting]}"
    what = f"spend to £{spend_pence / 100:,.2f}" if spend_pence is not None else f"activity to {activity:,.1f}"
    return Edit(plan.replace(baseline=baseline), f"Set base-year {what} for {where}")


def set_planning_level(plan: Plan, service_code: str, level: PlanningLevel | str) -> Edit:
    level = PlanningLevel(level)
    position = plan.service_index.get(service_code)
    if position is None:
        raise ValidationError("service", service_code, "a service code of this plan")
    services = list(plan.services)
    services[position] = dataclasses.replace(services[position], planning_level=level)
    return Edit(plan.replace(services=tuple(services)), f"Plan {service_code} at {level.value} level")


def unused_name(plan: Plan, wanted: str) -> str:
    names = {s.name for s in plan.scenarios}
    name, n = wanted, 2
    while name in names:
        name, n = f"{wanted} {n}", n + 1
    return name


def _with_levers(plan: Plan, option: Scenario, levers: list[Lever]) -> Plan:
    return plan.replace_scenario(option.name, dataclasses.replace(option, levers=tuple(levers)))


def _check_position(option: Scenario, position: int) -> None:
    if not 0 <= position < len(option.levers):
        raise ValidationError(f"lever of {option.name!r}", position + 1, f"1 to {len(option.levers)}")


def _show(field: str, value: object) -> str:
    if field in PERCENT_FIELDS and isinstance(value, (int, float)):
        return f"{value:.0%}"
    if isinstance(value, tuple):
        return ", ".join(map(str, value)) or "all"
    if hasattr(value, "describe"):
        return value.describe()
    return str(getattr(value, "value", value))
