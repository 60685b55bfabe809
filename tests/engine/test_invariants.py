"""The model's invariants on generated plans (hypothesis)."""

from __future__ import annotations

import numpy as np
from factories import REGIONS, make_plan
from hypothesis import given
from hypothesis import strategies as st

from specplan.domain import ConvergenceLever, Phasing, PlanningLevelLever, Scenario, ShiftLever
from specplan.engine import compute
from specplan.engine.apportion import group_sum

SETTINGS = ("inpatient", "day_case", "outpatient", "community")
shares = st.floats(0, 1, allow_nan=False)


@st.composite
def phasings(draw, horizon):
    kind = draw(st.sampled_from(["linear", "front_loaded", "s_curve", "custom"]))
    if kind != "custom":
        return Phasing(kind)
    steps = sorted(draw(st.lists(shares, min_size=horizon - 1, max_size=horizon - 1)))
    return Phasing("custom", (*steps, 1.0))


@st.composite
def levers(draw, n_services, n_icbs, n_settings, horizon):
    services = draw(st.lists(st.sampled_from([f"S{n}" for n in range(n_services)]), unique=True, max_size=2))
    kind = draw(st.sampled_from(["shift", "shift", "convergence", "planning_level"]))
    if kind == "convergence":
        return ConvergenceLever(share=draw(shares), services=tuple(services))
    if kind == "planning_level":
        return PlanningLevelLever(level=draw(st.sampled_from(["national", "regional", "ics"])),
                                  services=tuple(services))
    icbs = draw(st.lists(st.sampled_from([f"I{n}" for n in range(n_icbs)]), unique=True, max_size=2))
    from_k, to_k = draw(st.permutations(range(n_settings)))[:2]
    return ShiftLever(
        from_setting=SETTINGS[from_k], to_setting=SETTINGS[to_k], target_share=draw(shares),
        phasing=draw(phasings(horizon)), substitution_ratio=draw(st.floats(0, 5)),
        reinvest_share=draw(shares), double_running_share=draw(shares),
        services=tuple(services), icbs=tuple(icbs),
    )


@st.composite
def plans(draw):
    n_s, n_i = draw(st.integers(1, 3)), draw(st.integers(1, 5))
    n_k, horizon = draw(st.integers(2, 4)), draw(st.integers(1, 5))
    money = st.one_of(st.just(0), st.integers(0, 10**11))
    spend = np.array(draw(st.lists(money, min_size=n_s * n_i * n_k, max_size=n_s * n_i * n_k)))
    activity = np.array(draw(st.lists(st.floats(0, 1e6), min_size=spend.size, max_size=spend.size)))
    scenarios = tuple(
        Scenario(f"Option {n}", tuple(draw(st.lists(levers(n_s, n_i, n_k, horizon), max_size=4))))
        for n in range(draw(st.integers(1, 3)))
    )
    return make_plan(
        spend.reshape(n_s, n_i, n_k), activity.reshape(n_s, n_i, n_k),
        icb_regions=tuple(draw(st.sampled_from([r.code for r in REGIONS])) for _ in range(n_i)),
        weights=tuple(draw(st.floats(1, 5e6)) for _ in range(n_i)),
        levels=tuple(draw(st.sampled_from(["national", "regional", "ics"])) for _ in range(n_s)),
        settings=SETTINGS[:n_k], horizon=horizon, scenarios=scenarios,
    )


@given(plans())
def test_money_reconciles_to_the_penny(plan):
    results = compute(plan)
    for r in results.scenarios:
        assert r.spend.dtype == np.int64
        assert (r.reinvested >= 0).all() and (r.reinvested <= r.released).all()
        assert (r.released == r.reinvested + r.saving).all()
        # Per ICB and service: plan = do nothing - saving + double running (+ convergence moves).
        per_icb = r.do_nothing_spend.sum(axis=2) - r.saving + r.double_running + r.convergence_moves
        assert (r.spend_by_icb == per_icb).all()
        expected = r.total_do_nothing - r.total("saving") + r.total("double_running")
        assert (r.total_spend == expected).all()
        assert int(r.spend.sum()) == int(r.spend_by_setting.sum()) == int(r.spend_by_region.sum())


@given(plans())
def test_fair_shares_sum_to_pool_budgets(plan):
    for r in compute(plan).scenarios:
        n_pools = r.index.n_pools
        assert (group_sum(r.fair_share, r.pools, n_pools) == r.pool_budget).all()
        assert (r.pool_budget == group_sum(r.spend_by_icb, r.pools, n_pools)).all()
        assert (r.fair_share >= 0).all()
        assert r.distance.sum() == 0


@given(plans())
def test_convergence_leaves_pool_totals_unchanged(plan):
    results = compute(plan)
    for r in results.scenarios:
        n_pools = r.index.n_pools
        moved = group_sum(r.convergence_moves, r.pools, n_pools)
        assert (moved == 0).all()


@given(plans())
def test_spend_and_activity_never_go_negative(plan):
    for r in compute(plan).scenarios:
        assert (r.spend >= 0).all()
        assert (r.activity >= 0).all()
        assert np.isfinite(r.activity).all()


@given(plans())
def test_a_scenario_without_levers_is_do_nothing(plan):
    results = compute(plan.replace(scenarios=(Scenario("Nothing"),)))
    assert (results.scenarios[0].spend == results.do_nothing.spend).all()
    assert (results.do_nothing.spend[..., 0] == plan.baseline.spend_pence).all()
