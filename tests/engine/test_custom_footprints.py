"""A service planned on a plan's own footprint: pools are its groups, fair shares add up to each
group's budget exactly, a copy of the regions gives the regional results to the penny, and every
footprint's groups add up to the plan's total."""

from __future__ import annotations

import dataclasses

import numpy as np
from factories import make_plan
from hypothesis import given, settings
from hypothesis import strategies as st

from specplan.domain import ConvergenceLever, Footprint, FootprintGroup, PlanningLevelLever, Scenario
from specplan.domain import footprint_edits as fe
from specplan.domain.samples import build_sample
from specplan.engine import Engine, compute
from specplan.engine.apportion import group_sum
from specplan.engine.footprints import pool_table
from specplan.engine.rollups import spend_by_footprint, spend_by_group
from specplan.engine.summary import summarise

# Two services, five ICBs; regions alternate North, South.
SPEND = [[[700, 50], [301, 0], [999, 7], [12, 0], [450, 3]], [[5, 0], [80, 40], [0, 0], [33, 1], [9, 9]]]
JOINT = Footprint("Joint", (FootprintGroup("East", ("I0", "I1", "I3")), FootprintGroup("West", ("I2", "I4"))))
CONVERGE = Scenario("Converge", (ConvergenceLever(share=0.4),))


def test_pools_are_the_groups_and_fair_shares_add_up_to_each_group_budget():
    plan = make_plan(SPEND, footprints=(JOINT,), levels=("Joint", "national"), scenarios=(CONVERGE,))
    results = compute(plan)
    result = results.do_nothing
    assert result.pools[0].tolist() == [0, 0, 1, 0, 1]
    table = pool_table(result, plan, 0, 1)
    assert table.level == "Joint" and table.names == ("East", "West")
    assert table.members.tolist() == [3, 2]
    spend = result.spend_by_icb[0]  # [i, t]
    fair = result.fair_share[0]
    for members in ([0, 1, 3], [2, 4]):
        assert (fair[members].sum(axis=0) == spend[members].sum(axis=0)).all()
    assert fair.dtype == np.int64
    # Convergence moves money within each group only.
    converged = results.scenario("Converge").spend_by_icb[0]
    for members in ([0, 1, 3], [2, 4]):
        assert (converged[members].sum(axis=0) == spend[members].sum(axis=0)).all()


def test_a_copy_of_the_regions_gives_exactly_the_regional_results():
    lever = PlanningLevelLever(level="regional", services=("S1",))
    regional = make_plan(SPEND, levels=("regional", "ics"), scenarios=(CONVERGE, Scenario("L", (lever,))))
    copied = fe.create_footprint(regional, "Regions again", like="regional").plan
    on_copy = copied.replace(
        services=(dataclasses.replace(copied.services[0], planning_level="Regions again"), copied.services[1]),
        scenarios=(CONVERGE, Scenario("L", (PlanningLevelLever(level="Regions again", services=("S1",)),))))
    a, b = compute(regional), compute(on_copy)
    for x, y in zip((a.do_nothing, *a.scenarios), (b.do_nothing, *b.scenarios)):
        for name in ("spend", "fair_share", "distance", "pools", "pool_budget", "pool_flagged", "convergence_moves"):
            assert np.array_equal(getattr(x, name), getattr(y, name)), name
    assert pool_table(b.scenarios[1], on_copy, 1, 2).names == ("North", "South")


def test_a_planning_level_lever_can_plan_on_a_custom_footprint():
    lever = PlanningLevelLever(level="Joint", services=("S1",))
    plan = make_plan(SPEND, footprints=(JOINT,), scenarios=(Scenario("L", (lever,)),))
    assert compute(plan).scenario("L").pools[1].tolist() == [0, 0, 1, 0, 1]
    assert lever.describe() == "Plan on footprint 'Joint'"


def test_a_kept_engine_follows_an_icb_moved_between_groups():
    plan = make_plan(SPEND, footprints=(JOINT,), levels=("Joint", "national"), scenarios=(CONVERGE,))
    engine = Engine()
    engine.compute(plan)
    moved = fe.move_icb(plan, "Joint", "I3", "West").plan
    kept, fresh = engine.compute(moved), compute(moved)
    assert kept.scenarios[0].pools[0].tolist() == [0, 0, 1, 1, 1]
    assert np.array_equal(kept.scenarios[0].spend, fresh.scenarios[0].spend)
    assert np.array_equal(kept.do_nothing.fair_share, fresh.do_nothing.fair_share)


def test_roll_ups_by_footprint_and_the_summary():
    plan = make_plan(SPEND, footprints=(JOINT,), scenarios=(CONVERGE,))
    result = compute(plan).scenario("Converge")
    groups, spend = spend_by_group(result, "Joint")
    assert groups == ("East", "West")
    by_icb = result.spend_by_icb.sum(axis=0)
    assert spend.tolist() == [by_icb[[0, 1, 3]].sum(axis=0).tolist(), by_icb[[2, 4]].sum(axis=0).tolist()]
    summary = summarise(compute(plan))["scenarios"][0]["by_footprint"]
    assert list(summary) == ["national", "regional", "ics", "Joint"]
    assert summary["national"]["England"]["spend_pence"] == [int(v) for v in result.total_spend]
    assert list(summary["regional"]) == ["North", "South"]


@st.composite
def partitioned_plans(draw):
    n_icbs = draw(st.integers(1, 7))
    n_services = draw(st.integers(1, 3))
    spend = draw(st.lists(st.integers(0, 10**9), min_size=n_services * n_icbs * 2,
                          max_size=n_services * n_icbs * 2))
    n_groups = draw(st.integers(1, n_icbs))
    slot = [n % n_groups for n in range(n_icbs)]  # every group gets an ICB...
    slot = draw(st.permutations(slot))  # ...in any order
    groups = tuple(FootprintGroup(f"G{g}", tuple(f"I{i}" for i in range(n_icbs) if slot[i] == g))
                   for g in range(n_groups))
    levels = tuple(draw(st.sampled_from(["national", "regional", "ics", "Mine"])) for _ in range(n_services))
    share = draw(st.floats(0, 1))
    return make_plan(np.array(spend).reshape(n_services, n_icbs, 2), footprints=(Footprint("Mine", groups),),
                     levels=levels, scenarios=(Scenario("C", (ConvergenceLever(share=share),)),))


@settings(max_examples=40, deadline=None)
@given(partitioned_plans())
def test_groups_of_every_footprint_add_up_to_the_plan_total(plan):
    results = compute(plan)
    for result in (results.do_nothing, *results.scenarios):
        for name, groups in spend_by_footprint(result, plan).items():
            total = np.sum([g for g in groups.values()], axis=0)
            assert total.tolist() == result.total_spend.tolist(), name
        # Fair shares add up to every pool's budget exactly, whatever the footprint.
        n = result.index.n_pools
        assert np.array_equal(group_sum(result.fair_share, result.pools, n), group_sum(result.spend_by_icb, result.pools, n))


def test_the_national_sample_with_a_midlands_footprint_keeps_its_totals():
    plan = build_sample("national")
    midlands = [i.code for i in plan.icbs if i.region == "Y60"]
    groups = (FootprintGroup("East Midlands", tuple(midlands[:5])), FootprintGroup("Rest", tuple(
        c.code for c in plan.icbs if c.code not in midlands[:5])))
    custom = plan.replace(footprints=(Footprint("Midlands JC", groups),))
    a, b = compute(plan), compute(custom)
    assert np.array_equal(a.do_nothing.spend, b.do_nothing.spend)
    east = spend_by_group(b.do_nothing, "Midlands JC")[1]
    assert east.sum(axis=0).tolist() == b.do_nothing.total_spend.tolist()
