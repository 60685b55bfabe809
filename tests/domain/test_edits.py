from __future__ import annotations

import pytest
from factories import make_plan

from specplan.domain import ConvergenceLever, Phasing, Scenario, ShiftLever, ValidationError, edits


@pytest.fixture
def plan():
    return make_plan([[[1000, 0]]], scenarios=(
        Scenario("Community first", (ShiftLever(target_share=0.3), ConvergenceLever(0.1))),
    ))


def test_set_lever_reads_like_a_sentence(plan):
    edit = edits.set_lever(plan, "Community first", 0, "reinvest_share", 0.7)
    assert edit.text == "Set reinvestment of 'Community first' to 70% (lever 1)"
    assert edit.plan.scenario("Community first").levers[0].reinvest_share == 0.7
    assert plan.scenario("Community first").levers[0].reinvest_share == 0.0  # old plan untouched


def test_set_lever_validates(plan):
    with pytest.raises(ValidationError, match="reinvest_share"):
        edits.set_lever(plan, "Community first", 0, "reinvest_share", 1.7)
    with pytest.raises(ValidationError, match="phasing"):
        edits.set_lever(plan, "Community first", 0, "phasing", Phasing("custom", (0.5,)))


def test_options_add_duplicate_rename_delete(plan):
    plan = edits.add_scenario(plan, "Do nothing").plan
    copy = edits.duplicate_scenario(plan, "Community first")
    assert [s.name for s in copy.plan.scenarios] == ["Community first", "Community first (copy)", "Do nothing"]
    renamed = edits.rename_scenario(copy.plan, "Community first (copy)", "Bolder")
    assert renamed.plan.scenario("Bolder").levers == plan.scenario("Community first").levers
    assert [s.name for s in edits.delete_scenario(renamed.plan, "Bolder").plan.scenarios] == [
        "Community first", "Do nothing"]
    with pytest.raises(ValidationError):
        edits.rename_scenario(renamed.plan, "Bolder", "Do nothing")


def test_levers_add_remove_reorder(plan):
    moved = edits.move_lever(plan, "Community first", 1, 0).plan
    assert [lever.kind for lever in moved.scenario("Community first").levers] == ["convergence", "shift"]
    removed = edits.remove_lever(moved, "Community first", 0).plan
    assert len(removed.scenario("Community first").levers) == 1
    added = edits.add_lever(removed, "Community first", ConvergenceLever(0.2))
    assert "Add a convergence lever" in added.text


def test_baseline_cell_and_planning_level(plan):
    edit = edits.set_baseline_cell(plan, 0, 0, 1, spend_pence=12345)
    assert edit.plan.baseline.spend_pence[0, 0, 1] == 12345
    assert "£123.45" in edit.text
    level = edits.set_planning_level(plan, "S0", "ics")
    assert level.plan.services[0].planning_level == "ics" and level.text == "Plan S0 at ics level"


def test_lever_at_finds_a_lever_or_says_there_is_none():
    shift, converge = ShiftLever(target_share=0.2), ConvergenceLever(share=0.1)
    plan = make_plan([[[100, 0]]], scenarios=(Scenario("A", (shift, converge)),))
    assert plan.lever_at("A", 0) == shift and plan.lever_at("A", 1) == converge
    assert plan.lever_at("A", 2) is None and plan.lever_at("A", -1) is None
    assert plan.lever_at("No such option", 0) is None
