"""Generated plans on any subset of the 2022 ICBs re-map with every invariant exact."""

from __future__ import annotations

from fractions import Fraction

import numpy as np
from hypothesis import given
from hypothesis import strategies as st

from specplan.domain import ICB, Baseline, Plan, Scenario, ServiceLine, ShiftLever
from specplan.domain.reference import load_reference
from specplan.engine.remap import remap

OLD = load_reference().vintage("2022-07")
NEW = load_reference().vintage("2026-04")
REGIONS = load_reference().regions


@st.composite
def plans(draw):
    icbs = draw(st.lists(st.sampled_from(OLD.icbs), min_size=1, max_size=10, unique_by=lambda i: i.code))
    if draw(st.booleans()):  # the plan overrides the weights
        icbs = [ICB(i.code, i.name, i.region, draw(st.floats(1.0, 1e7))) for i in icbs]
    n_services, n_settings = draw(st.integers(1, 3)), 4
    shape = (n_services, len(icbs), n_settings)
    big = draw(st.sampled_from([100, 10**6, 10**13, 10**15]))
    cells = draw(st.lists(st.integers(0, big), min_size=int(np.prod(shape)), max_size=int(np.prod(shape))))
    spend = np.array(cells, np.int64).reshape(shape)
    activity = np.array(draw(st.lists(st.floats(0, 1e6), min_size=spend.size, max_size=spend.size))).reshape(shape)
    named = draw(st.lists(st.sampled_from([i.code for i in icbs]), unique=True, max_size=3))
    services = tuple(ServiceLine(f"S{n}", f"Service {n}", "Cancer", "regional") for n in range(n_services))
    regions = tuple(r for r in REGIONS if r.code in {i.region for i in icbs})
    return Plan(name="Generated", base_year=2025, horizon=2, regions=regions, icbs=tuple(icbs), services=services,
                baseline=Baseline(spend, activity), vintage="2022-07",
                scenarios=(Scenario("Do nothing"), Scenario("Some ICBs", (ShiftLever(target_share=0.1, icbs=named),))))


@given(plans())
def test_remapping_keeps_every_total_to_the_penny(plan):
    before = plan.baseline.spend_pence.copy()
    new, report = remap(plan, "2026-04")
    assert np.array_equal(plan.baseline.spend_pence, before)  # the original is untouched
    old_spend, new_spend = plan.baseline.spend_pence, new.baseline.spend_pence
    assert np.array_equal(old_spend.sum(axis=1), new_spend.sum(axis=1))  # per service and setting
    for region in {i.region for i in plan.icbs}:
        old_in = [n for n, i in enumerate(plan.icbs) if i.region == region]
        new_in = [n for n, i in enumerate(new.icbs) if i.region == region]
        assert np.array_equal(old_spend[:, old_in, :].sum(axis=1), new_spend[:, new_in, :].sum(axis=1))
    assert report.reconciles and (new_spend >= 0).all()
    for i, icb in enumerate(plan.icbs):
        parts = report.icbs[icb.code]
        assert sum(d.spend_pence for d in parts) == int(old_spend[:, i, :].sum())
        assert sum(d.share for d in parts) == 1
        for d in parts:  # each part within a penny per cell of its exact share
            exact = d.share * Fraction(int(old_spend[:, i, :].sum()))
            assert abs(d.spend_pence - exact) < old_spend[:, i, :].size
    assert np.isclose(new.baseline.activity.sum(), plan.baseline.activity.sum(), rtol=1e-9)
    assert all(NEW.icb(i.code).region == i.region for i in new.icbs)
    lever = new.scenario("Some ICBs").levers[0]
    old_lever = plan.scenario("Some ICBs").levers[0]
    assert set(lever.icbs) == {s.to_code for c in old_lever.icbs for s in NEW.successors(c)}
