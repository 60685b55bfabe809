from __future__ import annotations

import pytest
from factories import make_plan

from specplan.domain import Scenario, ShiftLever, ValidationError
from specplan.engine import Engine
from specplan.engine.goalseek import goal_seek


@pytest.fixture
def plan():
    lever = ShiftLever(target_share=0.1, reinvest_share=0.5)
    return make_plan([[[1_000_000, 0], [1_000_000, 0]]], horizon=4, scenarios=(Scenario("Opt", (lever,)),))


def test_finds_the_smallest_share_that_saves_the_target(plan):
    # Saving in year 4 = share * 2,000,000 * (1 - 0.5): £6,000 needs a 60% share.
    result = goal_seek(plan, "Opt", 0, "saving", 4, 600_000)
    assert result.share == pytest.approx(0.6, abs=1e-6)
    assert result.achieved >= 600_000
    assert "60.00%" in result.message
    # The share found really gives the saving when put back in the plan.
    applied = plan.replace_scenario("Opt", Scenario("Opt", (ShiftLever(target_share=result.share, reinvest_share=0.5),)))
    assert Engine().compute(applied).scenario("Opt").total("saving")[4] >= 600_000


def test_community_share_goal(plan):
    result = goal_seek(plan, "Opt", 0, "community_share", 2, 0.25)
    # Year 2 of 4 (linear, phi = 0.5): community share = 0.5 * f * 0.5 / (1 - 0.5 * f * 0.5) = 0.25.
    assert result.share == pytest.approx(0.8, abs=1e-5)


def test_says_when_the_goal_cannot_be_met(plan):
    result = goal_seek(plan, "Opt", 0, "saving", 4, 10**9)
    assert result.share is None
    assert "Cannot be met" in result.message and "£10,000" in result.message


def test_goal_already_met_needs_no_shift(plan):
    assert goal_seek(plan, "Opt", 0, "saving", 1, 0).share == 0.0


def test_bad_requests(plan):
    with pytest.raises(ValidationError, match="goal seek lever"):
        goal_seek(plan, "Opt", 3, "saving", 1, 1)
    with pytest.raises(ValidationError, match="goal seek year"):
        goal_seek(plan, "Opt", 0, "saving", 9, 1)
    with pytest.raises(ValidationError, match="goal metric"):
        goal_seek(plan, "Opt", 0, "profit", 1, 1)
    with pytest.raises(ValidationError, match="scenario"):
        goal_seek(plan, "Nope", 0, "saving", 1, 1)
