"""Invalid values raise a ValidationError that names the field and the value."""

from __future__ import annotations

import numpy as np
import pytest
from factories import make_plan

from specplan.domain import (
    Baseline,
    ConvergenceLever,
    Growth,
    GrowthRate,
    Phasing,
    PlanningLevelLever,
    Scenario,
    ShiftLever,
    ValidationError,
    parse_year_label,
    year_label,
)

SPEND = [[[1000, 0], [2000, 0]]]


@pytest.mark.parametrize("field", ["target_share", "reinvest_share", "double_running_share"])
@pytest.mark.parametrize("value", [-0.01, 1.5, float("nan")])
def test_shares_outside_0_to_1(field, value):
    with pytest.raises(ValidationError, match=field) as error:
        ShiftLever(**{field: value})
    assert error.value.field == field


def test_convergence_share_outside_0_to_1():
    with pytest.raises(ValidationError, match="convergence_share: 2"):
        ConvergenceLever(share=2)


def test_phasing_must_end_at_1():
    with pytest.raises(ValidationError, match="phasing final value: 0.9"):
        Phasing("custom", (0.2, 0.5, 0.9))


def test_phasing_must_not_go_down():
    with pytest.raises(ValidationError, match="year 3"):
        Phasing("custom", (0.2, 0.6, 0.5, 1.0))


def test_phasing_length_must_match_the_horizon():
    lever = ShiftLever(target_share=0.2, phasing=Phasing("custom", (0.5, 1.0)))
    with pytest.raises(ValidationError, match="3 values"):
        make_plan(SPEND, horizon=3, scenarios=(Scenario("A", (lever,)),))


def test_unknown_phasing_kind():
    with pytest.raises(ValidationError, match="'zigzag'"):
        Phasing("zigzag")


def test_unknown_icb_in_a_lever():
    lever = ShiftLever(target_share=0.2, icbs=("QXX",))
    with pytest.raises(ValidationError, match="icbs: 'QXX'"):
        make_plan(SPEND, scenarios=(Scenario("A", (lever,)),))


def test_unknown_service_and_setting_in_a_lever():
    with pytest.raises(ValidationError, match="services: 'NOPE'"):
        make_plan(SPEND, scenarios=(Scenario("A", (ConvergenceLever(0.1, services=("NOPE",)),)),))
    with pytest.raises(ValidationError, match="from_setting: 'day_case'"):
        make_plan(SPEND, scenarios=(Scenario("A", (ShiftLever(from_setting="day_case"),)),))


def test_negative_spend_names_the_cell():
    with pytest.raises(ValidationError, match=r"spend at cell \(0, 1, 0\).*-5"):
        Baseline(np.array([[[10, 0], [-5, 0]]]), np.zeros((1, 2, 2)))


def test_negative_or_missing_activity():
    with pytest.raises(ValidationError, match="activity"):
        Baseline(np.zeros((1, 1, 2), int), np.array([[[np.nan, 1.0]]]))


@pytest.mark.parametrize("horizon", [0, 16, -1])
def test_horizon_outside_1_to_15(horizon):
    with pytest.raises(ValidationError, match=f"horizon: {horizon}"):
        make_plan(SPEND, horizon=horizon)


def test_unknown_growth_code_and_year():
    with pytest.raises(ValidationError, match="demographic growth code: 'ZZZ'"):
        make_plan(SPEND, growth=Growth((GrowthRate("demographic", "ZZZ", 0.01),)))
    with pytest.raises(ValidationError, match="growth year: 5"):
        make_plan(SPEND, growth=Growth((GrowthRate("price", None, 0.01, year=5),)))
    with pytest.raises(ValidationError, match="growth rate: 0.9"):
        GrowthRate("price", None, 0.9)


def test_duplicate_scenarios_and_levels():
    with pytest.raises(ValidationError, match="scenario name: 'A'"):
        make_plan(SPEND, scenarios=(Scenario("A"), Scenario("A")))
    # Any name may be a footprint's: the plan, which knows its footprints, refuses an unknown one.
    with pytest.raises(ValidationError, match="lever 1 planning_level: 'county'.*national, regional, ics"):
        make_plan(SPEND, scenarios=(Scenario("A", (PlanningLevelLever(level="county"),)),))
    with pytest.raises(ValidationError, match="planning_level: ''"):
        PlanningLevelLever(level="")


def test_a_scope_given_as_one_string_is_refused():
    with pytest.raises(ValidationError, match="services"):
        ShiftLever(services="S0")


def test_same_from_and_to_setting():
    with pytest.raises(ValidationError, match="to_setting"):
        ShiftLever(from_setting="community", to_setting="community")


def test_year_labels():
    assert year_label(2025) == "2025/26"
    assert year_label(2099) == "2099/00"
    assert parse_year_label("2025/26") == 2025
    assert parse_year_label("2030-31") == 2030
    with pytest.raises(ValidationError, match="2025/27"):
        parse_year_label("2025/27")


def test_plans_are_immutable_and_replace_validates():
    plan = make_plan(SPEND)
    with pytest.raises(AttributeError):
        plan.name = "x"  # type: ignore[misc]
    with pytest.raises(ValueError):
        plan.baseline.spend_pence[0, 0, 0] = 1
    with pytest.raises(ValidationError, match="horizon"):
        plan.replace(horizon=20)
