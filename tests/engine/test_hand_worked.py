"""The engine against examples worked by hand from model.md."""

from __future__ import annotations

import numpy as np
import pytest
from factories import make_plan

from specplan.domain import (
    ConvergenceLever,
    Growth,
    GrowthRate,
    Phasing,
    PlanningLevelLever,
    Scenario,
    ShiftLever,
)
from specplan.domain.samples import build_sample
from specplan.engine import compute
from specplan.engine.apportion import apportion
from specplan.engine.rounding import round_half_away


def test_round_half_away_from_zero():
    values = np.array([0.5, 1.5, 2.5, -0.5, -2.5, 0.49999999999999994, 2.4999, -1.2])
    assert round_half_away(values).tolist() == [1, 2, 3, -1, -3, 0, 2, -1]


def test_do_nothing_growth_compounds_and_rounds_per_cell():
    growth = Growth((
        GrowthRate("demographic", "I0", 0.01),
        GrowthRate("non_demographic", "S0", 0.02),
        GrowthRate("price", None, 0.03),
        GrowthRate("price", None, 0.10, year=2),
    ))
    plan = make_plan([[[100_001, 333], [0, 0]]], growth=growth, horizon=2)
    result = compute(plan).do_nothing
    g1, g2 = 1.01 * 1.02, (1.01 * 1.02) ** 2
    expected = [100_001, round(100_001 * g1 * 1.03), round(100_001 * g2 * 1.03 * 1.10)]
    assert result.spend[0, 0, 0].tolist() == expected
    assert result.spend[0, 0, 1].tolist() == [333, round(333 * g1 * 1.03), round(333 * g2 * 1.133)]
    assert result.activity[0, 0, 0, 2] == pytest.approx(100_001 / 50_000 * g2)
    assert result.spend[0, 1].sum() == 0  # ICB 1 has no demographic rate and no spend


def test_shift_lever_released_reinvested_saving_double_running():
    # ICB 0: £1,000 inpatient; 50% linear over 2 years, reinvest 60%, double running 50%.
    lever = ShiftLever(target_share=0.5, reinvest_share=0.6, double_running_share=0.5, substitution_ratio=2)
    plan = make_plan([[[100_000, 0], [50_000, 0]]], scenarios=(Scenario("Opt", (lever,)),),
                     activity=[[[200.0, 0], [100.0, 0]]])
    r = compute(plan).scenario("Opt")
    assert r.released[0, 0].tolist() == [0, 25_000, 50_000]
    assert r.reinvested[0, 0].tolist() == [0, 15_000, 30_000]
    assert r.saving[0, 0].tolist() == [0, 10_000, 20_000]
    assert r.double_running[0, 0].tolist() == [0, 12_500, 12_500]
    # inpatient loses R - D, community gains Q
    assert r.spend[0, 0, 0].tolist() == [100_000, 87_500, 62_500]
    assert r.spend[0, 0, 1].tolist() == [0, 15_000, 30_000]
    # activity: inpatient keeps (1 - f*phi), community gains rho * f * phi * A
    assert r.activity[0, 0, 0].tolist() == [200.0, 150.0, 100.0]
    assert r.activity[0, 0, 1].tolist() == [0.0, 100.0, 200.0]
    assert r.total_spend.tolist() == [150_000, 153_750, 138_750]


def test_levers_apply_in_order_to_what_earlier_ones_left():
    first = ShiftLever(target_share=0.5, phasing=Phasing("custom", (1.0,)))
    second = ShiftLever(target_share=0.5, phasing=Phasing("custom", (1.0,)))
    plan = make_plan([[[100_000, 0]]], horizon=1, scenarios=(Scenario("Two", (first, second)),))
    r = compute(plan).scenario("Two")
    assert r.released[0, 0, 1] == 75_000  # 50% then 50% of the remaining half
    assert r.spend[0, 0, 0, 1] == 25_000


def test_lever_scope_limits_services_and_icbs():
    lever = ShiftLever(target_share=1.0, phasing=Phasing("custom", (1.0,)), services=("S1",), icbs=("I0",))
    spend = [[[1000, 0], [1000, 0]], [[1000, 0], [1000, 0]]]
    r = compute(make_plan(spend, horizon=1, scenarios=(Scenario("A", (lever,)),))).scenario("A")
    assert r.released[:, :, 1].tolist() == [[0, 0], [1000, 0]]


def test_fair_shares_by_largest_remainder():
    # One national pool, weights 1:2, budget 100,001 pence: quotas 33,333.67 and 66,667.33.
    plan = make_plan([[[100_001, 0], [0, 0]]], icb_regions=("R1", "R1"), weights=(1.0, 2.0))
    r = compute(plan).do_nothing
    assert r.fair_share[0, :, 0].tolist() == [33_334, 66_667]
    assert r.distance[0, :, 0].tolist() == [66_667, -66_667]


def test_largest_remainder_ties_go_to_the_earlier_member():
    quota = np.array([[1 / 3, 1 / 3, 1 / 3]]) * 2
    assert apportion(quota, np.zeros(3, np.intp), np.array([[2]])).tolist() == [[1, 1, 0]]


def test_pools_follow_the_planning_level():
    # Regional: ICBs 0 and 2 in R1, ICB 1 in R2; ICS: each ICB its own pool.
    spend = [[[300, 0], [100, 0], [0, 0]], [[300, 0], [100, 0], [0, 0]]]
    plan = make_plan(spend, icb_regions=("R1", "R2", "R1"), weights=(1.0, 1.0, 1.0), levels=("regional", "ics"))
    r = compute(plan).do_nothing
    assert r.fair_share[0, :, 0].tolist() == [150, 100, 150]
    assert r.fair_share[1, :, 0].tolist() == [300, 100, 0]
    assert r.distance_by_region[:, 0].tolist() == [0, 0]


def test_planning_level_lever_changes_pools():
    spend = [[[300, 0], [100, 0]]]
    lever = PlanningLevelLever(level="national")
    plan = make_plan(spend, icb_regions=("R1", "R2"), weights=(1.0, 1.0), levels=("ics",),
                     scenarios=(Scenario("National", (lever,)),))
    results = compute(plan)
    assert results.do_nothing.fair_share[0, :, 0].tolist() == [300, 100]
    assert results.scenario("National").fair_share[0, :, 0].tolist() == [200, 200]


def test_convergence_closes_the_gap_each_year_and_keeps_pool_totals():
    # Fair shares £250 / £250 of a £500 pool; c = 50% a year: gap closes 50%, then 75%.
    lever = ConvergenceLever(share=0.5)
    plan = make_plan([[[30_000, 10_000], [10_000, 0]]], icb_regions=("R1", "R1"), weights=(1.0, 1.0),
                     scenarios=(Scenario("Converge", (lever,)),))
    r = compute(plan).scenario("Converge")
    assert r.convergence_moves[0, 0].tolist() == [0, -7_500, -11_250]
    assert r.spend_by_icb[0].T.tolist() == [[40_000, 10_000], [32_500, 17_500], [28_750, 21_250]]
    # ICB 0 gives up money in its own setting mix (3:1).
    assert r.spend[0, 0, :, 1].tolist() == [24_375, 8_125]
    assert r.total_spend.tolist() == r.total_do_nothing.tolist()


def test_convergence_gives_an_icb_with_no_spend_its_pools_mix():
    lever = ConvergenceLever(share=1.0)
    plan = make_plan([[[30_000, 10_000], [0, 0]]], icb_regions=("R1", "R1"), weights=(1.0, 1.0),
                     activity=[[[60.0, 100.0], [0.0, 0.0]]], horizon=1, scenarios=(Scenario("C", (lever,)),))
    r = compute(plan).scenario("C")
    assert r.spend[0, 1, :, 1].tolist() == [15_000, 5_000]
    assert r.activity[0, 1, :, 1].tolist() == pytest.approx([30.0, 50.0])


def test_beds_from_bed_days_and_occupancy():
    # 365 * 0.85 bed days = one bed at mental health occupancy.
    plan = make_plan([[[1, 0]]], activity=[[[365 * 0.85, 0.0]]])
    assert compute(plan).do_nothing.beds[0, 0, 0] == pytest.approx(1.0)
    plan = plan.replace(occupancy_mental_health=0.5)
    assert compute(plan).do_nothing.beds[0, 0, 0] == pytest.approx(0.85 / 0.5)


def test_pool_viability_flags_small_pools():
    # 100 bed days per patient: 2,500 bed days = 25 patients, swing 1.96/5 = 39% > 10%.
    small = make_plan([[[1000, 0]]], activity=[[[2_500.0, 0.0]]])
    r = compute(small).do_nothing
    assert r.pool_patients[0, 0, 0] == pytest.approx(25.0)
    assert r.pool_variation[0, 0, 0] == pytest.approx(1.96 / 5)
    assert r.pool_flagged[0, 0].all()
    # 40,000 patients: swing about 1%.
    big = make_plan([[[1000, 0]]], activity=[[[4_000_000.0, 0.0]]])
    assert not compute(big).do_nothing.pool_flagged.any()


def test_community_share_of_spend():
    plan = make_plan([[[300, 100]]])
    assert compute(plan).do_nothing.community_share.tolist() == [0.25, 0.25, 0.25]


def test_scoped_totals_match_the_cells_in_scope():
    from specplan.engine.scope import Scope, scoped_totals

    lever = ShiftLever(target_share=0.5, reinvest_share=0.5)
    spend = [[[1000, 0], [3000, 0]], [[500, 500], [0, 0]]]
    plan = make_plan(spend, scenarios=(Scenario("A", (lever,)),))
    result = compute(plan).scenario("A")
    everything = scoped_totals(result, plan, Scope())
    assert everything.spend.tolist() == result.total_spend.tolist()
    only = scoped_totals(result, plan, Scope(services=frozenset({"S0"}), icbs=frozenset({"I1"})))
    assert only.spend.tolist() == result.spend[0, 1].sum(axis=0).tolist()
    assert only.saving.tolist() == result.saving[0, 1].tolist()
    assert only.community_share[2] == pytest.approx(750 / 2250)
    assert Scope(icbs=frozenset({"I1"})).describe(plan) == "1 of 2 ICBs"


def test_fair_shares_of_one_year_equal_those_of_every_year():
    plan = build_sample("national")
    result = compute(plan).scenario("Regional pooling")
    one_year = [result.fair_share_in(year).copy() for year in (0, -1, 3)]
    assert np.array_equal(one_year[0], result.fair_share[:, :, 0])
    assert np.array_equal(one_year[1], result.fair_share[:, :, -1])
    assert np.array_equal(one_year[2], result.fair_share[:, :, 3])
    assert np.array_equal(result.distance_in(-1), result.distance[:, :, -1])


def test_convergence_rounds_each_pools_moves_cumulatively_to_within_a_penny():
    # One pool of three ICBs with weights 1 : 1 : 1 and spend 10p, 0p, 0p in one setting: the
    # exact fair shares are 3.33p each, so full convergence (c = 1) in year 1 moves -6.67, +3.33,
    # +3.33. Running gaps -6.67, -3.33, 0 round to -7, -3, 0: moves -7, +4, +3.
    lever = ConvergenceLever(share=1.0)
    plan = make_plan([[[10, 0], [0, 0], [0, 0]]], icb_regions=("R1", "R1", "R1"), weights=(1.0, 1.0, 1.0),
                     horizon=1, scenarios=(Scenario("C", (lever,)),))
    r = compute(plan).scenario("C")
    assert r.convergence_moves[0, :, 1].tolist() == [-7, 4, 3]
    assert r.spend_by_icb[0, :, 1].tolist() == [3, 4, 3]
    exact = np.array([-20 / 3, 10 / 3, 10 / 3])
    assert np.all(np.abs(r.convergence_moves[0, :, 1] - exact) < 1)
