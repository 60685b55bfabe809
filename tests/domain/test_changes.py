"""Change flags say exactly what an edit changed, in either direction of an undo."""

from __future__ import annotations

from specplan.domain import edits
from specplan.domain.changes import NOTHING, changes_between
from specplan.domain.samples import build_sample


def _plan():
    return build_sample("mh-collaborative")


def test_same_plan_changes_nothing():
    plan = _plan()
    assert changes_between(plan, plan) is NOTHING
    assert NOTHING.is_empty and not NOTHING.figures


def test_lever_value_names_its_option_only():
    plan = _plan()
    option = next(s for s in plan.scenarios if s.levers)
    after = edits.set_lever(plan, option.name, 0, "target_share", 0.33).plan
    changes = changes_between(plan, after)
    assert changes.lever_values == {option.name}
    assert not changes.option_structure and not changes.structure and not changes.options
    assert changes.affects_option(option.name)
    assert not any(changes.affects_option(s.name) for s in plan.scenarios if s.name != option.name)
    assert changes_between(after, plan) == changes  # the undo says the same


def test_structure_options_and_review():
    plan = _plan()
    option = next(s for s in plan.scenarios if s.levers).name
    removed = changes_between(plan, edits.remove_lever(plan, option, 0).plan)
    assert removed.option_structure == {option} and not removed.lever_values
    added = changes_between(plan, edits.add_scenario(plan, "New one").plan)
    assert added.options and added.option_structure == {"New one"}
    status = changes_between(plan, edits.set_status(plan, option, "endorsed").plan)
    assert status.review_only and not status.figures


def test_baseline_rows_and_levels():
    plan = _plan()
    after = edits.set_baseline_cell(plan, 1, 0, 0, spend_pence=123_456).plan
    changes = changes_between(plan, after)
    assert changes.baseline_rows == {1} and not changes.structure
    service = plan.services[0]
    other = "national" if service.planning_level.value != "national" else "regional"
    level = changes_between(plan, edits.set_planning_level(plan, service.code, other).plan)
    assert level.footprints and not level.services


def test_union_of_flags():
    plan = _plan()
    option = next(s for s in plan.scenarios if s.levers).name
    one = changes_between(plan, edits.set_lever(plan, option, 0, "target_share", 0.317).plan)
    two = changes_between(plan, edits.set_status(plan, option, "endorsed").plan)
    both = one | two
    assert both.lever_values == {option} and both.review
