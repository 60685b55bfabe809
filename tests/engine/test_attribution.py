"""Attribution: Shapley contributions of levers, exact to the penny (model.md, "Attribution")."""

from __future__ import annotations

import math

import numpy as np
import pytest
from factories import make_plan
from hypothesis import given, settings
from hypothesis import strategies as st
from test_invariants import SETTINGS, phasings, plans, shares

from specplan.domain import Phasing, Scenario, ShiftLever
from specplan.domain.errors import ValidationError
from specplan.engine import compute
from specplan.engine.attribution import EXACT_LEVERS, attribute, largest_remainder, shapley_numerators
from specplan.engine.coalitions import coalition_values, metric_of


def _two_levers_on_one_cell() -> object:
    """One service, one ICB: £1,000 inpatient, nothing in the community, one year ahead."""
    first = ShiftLever(target_share=0.5, phasing=Phasing("linear"))
    second = ShiftLever(target_share=0.2, phasing=Phasing("linear"))
    return make_plan([[[100_000, 0]]], horizon=1, scenarios=(Scenario("Both", (first, second)),))


def test_hand_worked_two_interacting_levers():
    # v({}) = 0, v({1}) = 50% of £1,000 = 50,000p, v({2}) = 20,000p, v({1, 2}) = 50,000 + 20% of
    # the 50,000 left = 60,000p. phi_1 = (50,000 + (60,000 - 20,000)) / 2 = 45,000;
    # phi_2 = (20,000 + (60,000 - 50,000)) / 2 = 15,000: the interaction is split evenly.
    result = attribute(_two_levers_on_one_cell(), "Both")
    assert result.exact and result.year == 1
    assert (result.start, result.end, result.total) == (0, 60_000, 60_000)
    assert [c.value for c in result.contributions] == [45_000, 15_000]
    assert result.contributions[0].text == "Shift 50% of inpatient to community"


def test_other_metrics_and_years():
    plan = _two_levers_on_one_cell()
    spend = attribute(plan, "Both", metric="spend")
    assert spend.total == -60_000 and sum(c.value for c in spend.contributions) == -60_000
    share = attribute(plan, "Both", metric="community_share")
    assert sum(c.value for c in share.contributions) == pytest.approx(share.total)
    assert attribute(plan, "Both", year=0).total == 0  # nothing moves in the base year
    with pytest.raises(ValidationError, match="metric"):
        attribute(plan, "Both", metric="happiness")


def test_largest_remainder_sums_exactly():
    assert largest_remainder([1, 1, 1], 3) == [1, 0, 0]
    assert largest_remainder([-1, -1, 2], 2) == [0, -1, 1]  # -0.5, -0.5, 1: ties to the earlier
    assert sum(largest_remainder([7, 11, 13, -1], 6)) == 5


def test_numerators_of_a_known_game():
    # Glove game: v = 1 when lever 0 plays with 1 or 2. Shapley: 2/3, 1/6, 1/6.
    values = [0, 0, 0, 1, 0, 1, 0, 1]  # coalition bits: lever 0 = 1, lever 1 = 2, lever 2 = 4
    assert [n / math.factorial(3) for n in shapley_numerators(values, 3)] == pytest.approx([2 / 3, 1 / 6, 1 / 6])


def _metric(plan, levers, metric="cumulative_saving", year=-1):
    option = Scenario("Only", tuple(levers))
    result = compute(plan.replace(scenarios=(option,))).scenario("Only")
    return metric_of(result, metric, range(plan.horizon + 1)[year])


@settings(max_examples=40)
@given(plans(), st.sampled_from(["cumulative_saving", "spend", "community_share", "beds"]))
def test_efficiency_and_null_players(plan, metric):
    for option in plan.scenarios:
        result = attribute(plan, option.name, metric=metric)
        total = sum(c.value for c in result.contributions)
        if metric in ("cumulative_saving", "spend"):
            assert total == result.total  # to the penny
            assert all(isinstance(c.value, int) for c in result.contributions)
        else:
            assert total == pytest.approx(result.total, rel=1e-9, abs=1e-6)
        assert result.end == _metric(plan, option.levers, metric)
        for contribution, lever in zip(result.contributions, option.levers):
            alone = [other for other in option.levers if other is not lever]
            if all(_metric(plan, alone[:n] + [lever] + alone[n:], metric) == _metric(plan, alone, metric)
                   for n in range(len(alone) + 1)) and len(option.levers) <= 2:
                # beds and shares are floats summed in another order per coalition: zero up to
                # rounding at the scale of the metric
                scale = max(1.0, abs(result.start), abs(result.end))
                assert contribution.value == pytest.approx(0, abs=1e-9 * scale)


@settings(max_examples=40)
@given(plans())
def test_order_does_not_matter_when_the_result_does_not(plan):
    """Where every coalition's result is the same in either order of the levers, so is every
    lever's contribution (to the penny that the rounding may give to either of two ties)."""
    option = plan.scenarios[0]
    n = len(option.levers)
    if n < 2:
        return
    flipped = Scenario(option.name, tuple(reversed(option.levers)))
    other = plan.replace(scenarios=(flipped,))
    masks = [tuple(bool(c >> lever & 1) for lever in range(n)) for c in range(1 << n)]
    forward = coalition_values(plan, option.name, masks, "cumulative_saving", plan.horizon)
    backward = coalition_values(other, option.name, [m[::-1] for m in masks], "cumulative_saving", plan.horizon)
    if list(forward) != list(backward):
        return  # this plan's levers do not commute: another order is another plan
    mine, theirs = attribute(plan, option.name), attribute(other, option.name)
    assert mine.total == theirs.total
    for one, two in zip(mine.contributions, reversed(theirs.contributions)):
        assert abs(one.value - two.value) <= 1


def test_levers_on_disjoint_cells_get_their_own_effect():
    spend = [[[100_000, 0], [40_000, 5_000]], [[70_000, 0], [0, 0]]]
    levers = (ShiftLever(target_share=0.3, services=("S0",), icbs=("I0",)),
              ShiftLever(target_share=0.6, reinvest_share=0.5, services=("S0",), icbs=("I1",)),
              ShiftLever(target_share=0.25, double_running_share=0.5, services=("S1",)))
    plan = make_plan(spend, horizon=3, scenarios=(Scenario("Apart", levers),))
    result = attribute(plan, "Apart")
    for contribution, lever in zip(result.contributions, levers):
        assert contribution.value == _metric(plan, [lever])


@st.composite
def disjoint_plans(draw):
    """A plan whose option's levers each shift money in a (service, ICB) cell of its own."""
    n_s, n_i, n_k, horizon = draw(st.integers(1, 3)), draw(st.integers(1, 4)), draw(st.integers(2, 4)), \
        draw(st.integers(1, 5))
    spend = draw(st.lists(st.integers(0, 10**10), min_size=n_s * n_i * n_k, max_size=n_s * n_i * n_k))
    cells = draw(st.lists(st.tuples(st.integers(0, n_s - 1), st.integers(0, n_i - 1)), min_size=1, max_size=4,
                          unique=True))
    levers = []
    for service, icb in cells:
        from_k, to_k = draw(st.permutations(range(n_k)))[:2]
        levers.append(ShiftLever(from_setting=SETTINGS[from_k], to_setting=SETTINGS[to_k], target_share=draw(shares),
                                 phasing=draw(phasings(horizon)), substitution_ratio=draw(st.floats(0, 5)),
                                 reinvest_share=draw(shares), double_running_share=draw(shares),
                                 services=(f"S{service}",), icbs=(f"I{icb}",)))
    return make_plan(np.array(spend).reshape(n_s, n_i, n_k), settings=SETTINGS[:n_k], horizon=horizon,
                     scenarios=(Scenario("Apart", tuple(levers)),))


@settings(max_examples=40)
@given(disjoint_plans(), st.sampled_from(["cumulative_saving", "spend"]))
def test_levers_on_disjoint_cells_get_their_stand_alone_effect(plan, metric):
    levers = plan.scenario("Apart").levers
    result = attribute(plan, "Apart", metric=metric)
    nothing = _metric(plan, [], metric)
    for contribution, lever in zip(result.contributions, levers):
        assert contribution.value == _metric(plan, [lever], metric) - nothing  # to the penny


def test_against_another_option_is_the_difference_of_the_two():
    plan = _two_levers_on_one_cell()
    one = Scenario("One", (ShiftLever(target_share=0.1, phasing=Phasing("linear")),))
    plan = plan.replace(scenarios=(*plan.scenarios, one))
    result = attribute(plan, "Both", against="One")
    assert result.total == 60_000 - 10_000
    assert [c.option for c in result.contributions] == ["Both", "Both", "One"]
    assert sum(c.value for c in result.contributions) == result.total
    assert result.contributions[-1].value == -10_000


def test_many_levers_are_sampled_with_a_standard_error():
    n = EXACT_LEVERS + 1
    levers = tuple(ShiftLever(target_share=0.02, services=("S0",)) for _ in range(n))
    plan = make_plan([[[1_000_000, 0]]], horizon=1, scenarios=(Scenario("Many", levers),))

    def additive(plan, option, coalitions, metric, year):  # each lever adds its position
        return [sum(position + 1 for position, on in enumerate(members) if on) * 100 for members in coalitions]

    result = attribute(plan, "Many", evaluate=additive)
    assert not result.exact
    assert [c.value for c in result.contributions] == [(position + 1) * 100 for position in range(n)]
    assert all(c.standard_error == pytest.approx(0) for c in result.contributions)
    assert sum(c.value for c in result.contributions) == result.total == sum(range(1, n + 1)) * 100


def test_sampled_interacting_levers_have_an_error_and_still_add_up():
    n = EXACT_LEVERS + 1

    def pairs(plan, option, coalitions, metric, year):  # lever 0 is worth 1,000 only with lever 1
        return [1_000 * (members[0] and members[1]) + 7 * sum(members) for members in coalitions]

    levers = tuple(ShiftLever(target_share=0.01) for _ in range(n))
    plan = make_plan([[[1_000_000, 0]]], horizon=1, scenarios=(Scenario("Many", levers),))
    result = attribute(plan, "Many", evaluate=pairs, seed=3)
    values = np.array([c.value for c in result.contributions])
    assert values.sum() == result.total == 1_000 + 7 * n
    assert abs(values[0] - 507) < 4 * result.contributions[0].standard_error + 1
    assert result.contributions[0].standard_error > 0


@settings(max_examples=40)
@given(plans(), st.integers(0, 4))
def test_a_lever_that_changes_nothing_gets_zero(plan, at):
    option = plan.scenarios[0]
    idle = ShiftLever(from_setting=plan.settings[0], to_setting=plan.settings[1], target_share=0.0, services=("S0",))
    levers = list(option.levers)
    at = min(at, len(levers))
    levers.insert(at, idle)
    padded = plan.replace(scenarios=(Scenario(option.name, tuple(levers)),))
    before = attribute(plan, option.name)
    after = attribute(padded, option.name)
    assert after.contributions[at].value == 0
    assert after.total == before.total
    others = [c.value for n, c in enumerate(after.contributions) if n != at]
    assert all(abs(a - b) <= 1 for a, b in zip(others, (c.value for c in before.contributions)))
