"""Edits: each makes a new Plan from an old one and says what it did, in words for undo menus."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any, TypeVar

from .appraisal import STATUSES, Appraisal, Comment, Criterion, Review, Score
from .errors import ValidationError, check
from .footprints import Level, PlanningLevel, as_level
from .levers import Lever
from .plan import Plan
from .scenario import Scenario

#: What follows an option when it is renamed.
_Optioned = TypeVar("_Optioned", Score, Comment)

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
    # The field is named at run time; the lever validates the value when it is rebuilt.
    changes: dict[str, Any] = {field: value}
    levers[position] = dataclasses.replace(levers[position], **changes)
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
    removed = position + 1

    def renumber(comment: Comment) -> Comment:
        if comment.option != scenario or comment.lever is None or comment.lever < removed:
            return comment
        if comment.lever == removed:  # keep the words: the thread moves to the option
            return dataclasses.replace(comment, lever=None, text=f"[on removed lever {removed}] {comment.text}")
        return dataclasses.replace(comment, lever=comment.lever - 1)

    plan = plan.replace(review=dataclasses.replace(plan.review, comments=tuple(map(renumber, plan.review.comments))),
                        scenarios=_levers_replaced(plan, option, levers))
    return Edit(plan, f"Remove lever {removed} from {scenario!r}")


def move_lever(plan: Plan, scenario: str, position: int, to: int) -> Edit:
    option = plan.scenario(scenario)
    _check_position(option, position)
    _check_position(option, to)
    levers = list(option.levers)
    levers.insert(to, levers.pop(position))
    order = list(range(len(levers)))
    order.insert(to, order.pop(position))  # order[new] = old
    new_number = {old + 1: new + 1 for new, old in enumerate(order)}

    def renumber(comment: Comment) -> Comment:
        if comment.option != scenario or comment.lever is None:
            return comment
        return dataclasses.replace(comment, lever=new_number[comment.lever])

    plan = plan.replace(review=dataclasses.replace(plan.review, comments=tuple(map(renumber, plan.review.comments))),
                        scenarios=_levers_replaced(plan, option, levers))
    return Edit(plan, f"Move lever {position + 1} of {scenario!r} to {to + 1}")


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
    """Rename an option; its scores, status and comments follow it."""
    option = plan.scenario(scenario)
    check(name == scenario or name not in {s.name for s in plan.scenarios}, "option name", name,
          "a name no other option has")

    def moved(item: _Optioned) -> _Optioned:
        return dataclasses.replace(item, option=name) if item.option == scenario else item

    appraisal = dataclasses.replace(plan.appraisal, scores=tuple(map(moved, plan.appraisal.scores)))
    review = Review(tuple((name if o == scenario else o, st) for o, st in plan.review.statuses),
                    tuple(map(moved, plan.review.comments)))
    scenarios = tuple(dataclasses.replace(s, name=name) if s is option else s for s in plan.scenarios)
    return Edit(plan.replace(scenarios=scenarios, appraisal=appraisal, review=review),
                f"Rename option {scenario!r} to {name!r}")


def delete_scenario(plan: Plan, scenario: str) -> Edit:
    """Delete an option with its scores, status and comments."""
    plan.scenario(scenario)
    appraisal = dataclasses.replace(plan.appraisal, scores=tuple(s for s in plan.appraisal.scores if s.option != scenario))
    review = Review(tuple(p for p in plan.review.statuses if p[0] != scenario),
                    tuple(c for c in plan.review.comments if c.option != scenario))
    return Edit(plan.replace(scenarios=tuple(s for s in plan.scenarios if s.name != scenario),
                             appraisal=appraisal, review=review), f"Delete option {scenario!r}")


# -- appraisal and review ----------------------------------------------------------------------
def set_score(plan: Plan, option: str, criterion: str, score: int, rationale: str | None = None) -> Edit:
    plan.scenario(option)
    old = plan.appraisal.score(option, criterion)
    rationale = rationale if rationale is not None else (old.rationale if old else "")
    new = Score(option, criterion, score, rationale)
    scores = [s for s in plan.appraisal.scores if (s.option, s.criterion) != (option, criterion)] + [new]
    return Edit(plan.replace(appraisal=dataclasses.replace(plan.appraisal, scores=tuple(scores))),
                f"Score {option!r} {score} on {criterion}")


def set_weight(plan: Plan, criterion: str, weight: float) -> Edit:
    criteria = tuple(Criterion(c.name, weight) if c.name == criterion else c for c in plan.appraisal.criteria)
    check(criteria != plan.appraisal.criteria or any(c.name == criterion for c in criteria),
          "criterion", criterion, "a criterion of the appraisal")
    return Edit(plan.replace(appraisal=dataclasses.replace(plan.appraisal, criteria=criteria)),
                f"Set the weight of {criterion} to {weight:g}")


def add_criterion(plan: Plan, name: str, weight: float = 10.0) -> Edit:
    criteria = (*plan.appraisal.criteria, Criterion(name, weight))
    return Edit(plan.replace(appraisal=dataclasses.replace(plan.appraisal, criteria=criteria)),
                f"Add criterion {name!r}")


def remove_criterion(plan: Plan, name: str) -> Edit:
    check(any(c.name == name for c in plan.appraisal.criteria), "criterion", name, "a criterion of the appraisal")
    appraisal = Appraisal(tuple(c for c in plan.appraisal.criteria if c.name != name),
                          tuple(s for s in plan.appraisal.scores if s.criterion != name))
    return Edit(plan.replace(appraisal=appraisal), f"Remove criterion {name!r}")


def set_status(plan: Plan, option: str, status: str) -> Edit:
    plan.scenario(option)
    check(status in STATUSES, f"status of {option!r}", status, " or ".join(STATUSES))
    statuses = tuple(p for p in plan.review.statuses if p[0] != option) + ((option, status),)
    return Edit(plan.replace(review=dataclasses.replace(plan.review, statuses=statuses)),
                f"Mark {option!r} {status}")


def add_comment(plan: Plan, option: str, author: str, text: str, time: str, lever: int | None = None) -> Edit:
    comment = Comment(option, author, time, text, lever)
    review = dataclasses.replace(plan.review, comments=(*plan.review.comments, comment))
    where = f"lever {lever} of {option!r}" if lever else repr(option)
    return Edit(plan.replace(review=review), f"Comment on {where}")


def set_baseline_cell(plan: Plan, service: int, icb: int, setting: int, *,
                      spend_pence: int | None = None, activity: float | None = None) -> Edit:
    baseline = plan.baseline.with_cell((service, icb, setting), spend_pence=spend_pence, activity=activity)
    where = f"{plan.services[service].code} / {plan.icbs[icb].code} / {plan.settings[setting]}"
    what = f"spend to £{spend_pence / 100:,.2f}" if spend_pence is not None else f"activity to {activity:,.1f}"
    return Edit(plan.replace(baseline=baseline), f"Set base-year {what} for {where}")


def set_planning_level(plan: Plan, service_code: str, level: Level) -> Edit:
    """Plan a service on a built-in footprint or one of the plan's own (the plan checks it)."""
    level = as_level(level, f"service {service_code} planning_level")
    position = plan.service_index.get(service_code)
    if position is None:
        raise ValidationError("service", service_code, "a service code of this plan")
    services = list(plan.services)
    services[position] = dataclasses.replace(services[position], planning_level=level)
    where = f"at {level.value} level" if isinstance(level, PlanningLevel) else f"on footprint {level!r}"
    return Edit(plan.replace(services=tuple(services)), f"Plan {service_code} {where}")


def unused_name(plan: Plan, wanted: str) -> str:
    names = {s.name for s in plan.scenarios}
    name, n = wanted, 2
    while name in names:
        name, n = f"{wanted} {n}", n + 1
    return name


def _with_levers(plan: Plan, option: Scenario, levers: list[Lever]) -> Plan:
    return plan.replace(scenarios=_levers_replaced(plan, option, levers))


def _levers_replaced(plan: Plan, option: Scenario, levers: list[Lever]) -> tuple[Scenario, ...]:
    changed = dataclasses.replace(option, levers=tuple(levers))
    return tuple(changed if s.name == option.name else s for s in plan.scenarios)


def _check_position(option: Scenario, position: int) -> None:
    if not 0 <= position < len(option.levers):
        raise ValidationError(f"lever of {option.name!r}", position + 1, f"1 to {len(option.levers)}")


def _show(field: str, value: object) -> str:
    if field in PERCENT_FIELDS and isinstance(value, (int, float)):
        return f"{value:.0%}"
    if isinstance(value, tuple):
        return ", ".join(map(str, value)) or "all"
    if hasattr(value, "describe"):
        return str(value.describe())
    return str(getattr(value, "value", value))
