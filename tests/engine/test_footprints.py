"""Footprint figures: pool tables and distances by ICB, hand-worked and against the engine."""

from __future__ import annotations

import numpy as np
import pytest
from factories import make_plan

from specplan.domain import PlanningLevel, edits
from specplan.domain.samples import build_sample
from specplan.engine import ScenarioResult, compute
from specplan.engine.footprints import icb_distances, pool_table, region_groups
from specplan.engine.scope import Scope

# One service, three ICBs: I0 and I2 in R1 (North), I1 in R2 (South); weights 1, 2, 3.
SPEND = [[[600, 0], [300, 0], [300, 0]]]
ACTIVITY = [[[1000.0, 0.0], [500.0, 0.0], [500.0, 0.0]]]


def test_national_pool_by_hand():
    plan = make_plan(SPEND, ACTIVITY, icb_regions=("R1", "R2", "R1"))
    table = pool_table(compute(plan).do_nothing, plan, 0, 0)
    assert table.level == PlanningLevel.NATIONAL
    assert table.names == ("England",)
    assert table.budget.tolist() == [1200]
    assert table.members.tolist() == [3]
    # Fair shares 1200 * (1, 2, 3) / 6 = 200, 400, 600.
    assert table.fair_share.tolist() == [200, 400, 600]
    assert table.distance.tolist() == [400, -100, -300]
    assert table.gap.tolist() == [400]
    assert table.icb_pool.tolist() == [0, 0, 0]
    # 2,000 bed days at 100 a patient: 20 patients, demand swings 1.96 / sqrt(20) = 43.8%.
    assert table.patients.tolist() == pytest.approx([20.0])
    assert table.variation.tolist() == pytest.approx([1.96 / np.sqrt(20)])
    assert table.flagged.tolist() == [True]


def test_regional_pools_by_hand():
    plan = make_plan(SPEND, ACTIVITY, icb_regions=("R1", "R2", "R1"), levels=("regional",))
    table = pool_table(compute(plan).do_nothing, plan, 0, 0)
    assert table.names == ("North", "South")
    assert table.budget.tolist() == [900, 300]
    assert table.members.tolist() == [2, 1]
    # North: 900 * (1, 3) / 4 = 225, 675; South is a pool of one.
    assert table.fair_share.tolist() == [225, 300, 675]
    assert table.gap.tolist() == [375, 0]
    assert table.icb_pool.tolist() == [0, 1, 0]
    assert table.patients.tolist() == pytest.approx([15.0, 5.0])


def test_ics_pools_are_the_icbs_themselves():
    plan = make_plan(SPEND, ACTIVITY, icb_regions=("R1", "R2", "R1"), levels=("ics",))
    table = pool_table(compute(plan).do_nothing, plan, 0, 0)
    assert table.names == ("ICB 0", "ICB 1", "ICB 2")
    assert table.distance.tolist() == [0, 0, 0]
    assert table.gap.tolist() == [0, 0, 0]


@pytest.mark.parametrize("level", ["national", "regional", "ics"])
def test_pool_table_matches_the_engine_for_every_level_and_year(level):
    plan = build_sample("mh-collaborative")
    plan = edits.set_planning_level(plan, plan.services[0].code, level).plan
    results = compute(plan)
    for result in (results.do_nothing, *results.scenarios):
        for year in range(plan.horizon + 1):
            table = pool_table(result, plan, 0, year)
            slots = np.flatnonzero(result.pool_exists[0])
            assert table.slots.tolist() == slots.tolist()
            assert table.budget.tolist() == result.pool_budget[0, slots, year].tolist()
            assert table.budget.sum() == result.spend[0, :, :, year].sum()
            assert np.array_equal(table.distance, result.distance[0, :, year])
            assert np.array_equal(table.flagged, result.pool_flagged[0, slots, year])
            assert np.allclose(table.patients, result.pool_patients[0, slots, year], equal_nan=True)
            # Money above fair share equals money below it in every pool.
            below = np.bincount(table.icb_pool, weights=np.maximum(-table.distance, 0), minlength=len(table))
            assert table.gap.tolist() == below.astype(np.int64).tolist()


def test_distances_over_a_scope_add_up_the_engine_figures():
    plan = build_sample("mh-collaborative")
    result = compute(plan).scenario("Step-down and outreach")
    everything = icb_distances(result, plan, Scope(), 3)
    assert np.array_equal(everything.distance, result.distance[:, :, 3].sum(axis=0))
    assert everything.in_scope.all()
    codes = frozenset(s.code for s in plan.services[:2])
    scoped = icb_distances(result, plan, Scope(services=codes, icbs=frozenset({"QJ2"})), 3)
    assert np.array_equal(scoped.spend, result.spend_by_icb[:2, :, 3].sum(axis=0))
    assert np.array_equal(scoped.fair_share, result.fair_share[:2, :, 3].sum(axis=0))
    assert scoped.in_scope.tolist() == [icb.code == "QJ2" for icb in plan.icbs]


def test_region_groups_cover_every_icb_once_in_region_order():
    plan = build_sample("national")
    groups = region_groups(plan)
    assert len(groups) == 7
    assert sorted(n for _, members in groups for n in members) == list(range(len(plan.icbs)))
    for region, members in groups:
        assert {plan.icbs[n].region for n in members} == {plan.regions[region].code}


def test_one_service_fair_shares_equal_the_whole_results():
    plan = build_sample("mh-collaborative")
    results = compute(plan)
    fresh = compute(plan)  # results whose fair shares have not been worked out yet
    for result, untouched in zip((results.do_nothing, *results.scenarios), (fresh.do_nothing, *fresh.scenarios)):
        for s in range(len(plan.services)):
            table = pool_table(untouched, plan, s, plan.horizon)
            assert not ScenarioResult.fair_share.is_made(untouched)
            assert np.array_equal(table.fair_share, result.fair_share[s, :, plan.horizon])
            assert np.array_equal(table.spend, result.spend_by_icb[s, :, plan.horizon])


def test_a_pool_table_worked_out_for_one_service_equals_the_full_arrays():
    plan = build_sample("national")
    for name in ("Regional pooling", "Ambitious redesign"):
        for service in (0, 40, len(plan.services) - 1):
            result = compute(plan).scenario(name)
            one = pool_table(result, plan, service, plan.horizon)  # nothing summed yet: the row alone
            assert not ScenarioResult.pool_flagged.is_made(result)
            slots = np.flatnonzero(result.pool_exists[service])
            assert one.budget.tolist() == result.pool_budget[service, slots, -1].tolist()
            assert np.array_equal(one.flagged, result.pool_flagged[service, slots, -1])
            assert np.allclose(one.patients, result.pool_patients[service, slots, -1], equal_nan=True)
            assert np.allclose(one.variation, result.pool_variation[service, slots, -1], equal_nan=True)


def test_pools_flagged_in_one_year_equal_every_years_flags():
    plan = build_sample("national").replace(viability_max_variation=0.05)
    for result in compute(plan).scenarios:
        final, first = result.pool_flagged_in(-1).copy(), result.pool_flagged_in(0).copy()
        assert not ScenarioResult.pool_flagged.is_made(result)
        assert np.array_equal(final, result.pool_flagged[:, :, -1])
        assert np.array_equal(first, result.pool_flagged[:, :, 0])
        assert final.any()  # the test means something: some pools are too small
