"""A batch of variants (lever numbers, growth scalings, levers switched off) gives, to the
penny, what a separate full run of each variant gives."""

from __future__ import annotations

import dataclasses

import numpy as np
from factories import make_plan
from hypothesis import given, settings
from hypothesis import strategies as st
from test_invariants import plans

from specplan.domain import (
    ConvergenceLever,
    Growth,
    GrowthRate,
    PlanningLevel,
    PlanningLevelLever,
    Scenario,
    ShiftLever,
)
from specplan.domain.samples import build_sample
from specplan.engine import Engine
from specplan.engine.batch import GROWTH_KINDS, NUMBERS, Variant, run_batch

RANGES = {"target_share": (0.0, 1.0), "reinvest_share": (0.0, 1.0), "double_running_share": (0.0, 1.0),
          "substitution_ratio": (0.0, 5.0), "share": (0.0, 1.0)}


def separate(plan, option, variant):
    """The variant as a plan of its own, computed afresh."""
    levers = []
    for position, lever in enumerate(plan.scenario(option).levers):
        if position in variant.off:
            continue
        moved = {name: value for (at, name), value in variant.numbers.items() if at == position}
        levers.append(dataclasses.replace(lever, **moved) if moved else lever)
    rates = tuple(dataclasses.replace(rate, rate=rate.rate * variant.growth.get(rate.kind, 1.0))
                  for rate in plan.growth.rates)
    grown = plan.replace(growth=Growth(rates))
    return Engine().compute_scenario(grown, Scenario(option, tuple(levers)))


@st.composite
def variants(draw, levers):
    numbers = {}
    for position, lever in enumerate(levers):
        for name in NUMBERS.get(lever.kind, ()):
            if draw(st.booleans()):
                low, high = RANGES[name]
                numbers[(position, name)] = draw(st.floats(low, high))
    growth = {kind: draw(st.floats(0.0, 3.0)) for kind in GROWTH_KINDS if draw(st.booleans())}
    off = frozenset(n for n in range(len(levers)) if draw(st.booleans()))
    return Variant(numbers, growth, off)


def check(plan, option, batch):
    """Both ways of running: in full, and saving only (which skips trailing levers)."""
    totals = run_batch(plan, option, batch)
    savings = run_batch(plan, option, batch, saving_only=True)
    for n, variant in enumerate(batch):
        result = separate(plan, option, variant)
        assert np.array_equal(totals.spend_by_setting[n], result.spend_by_setting)
        for run in (totals, savings):
            assert np.array_equal(run.released[n], result.total("released"))
            assert np.array_equal(run.reinvested[n], result.total("reinvested"))


def test_saving_only_keeps_a_planning_level_lever_after_the_last_shift():
    """The pools a convergence lever works in come from every planning-level lever, wherever
    it stands; dropping one after the last shift lever changed this saving by a penny."""
    plan = make_plan([[[0, 0], [0, 0], [0, 0], [0, 2]]], [[[0.0, 0.0]] * 4], icb_regions=("R1", "R1", "R1", "R2"),
                     weights=(1.0,) * 4, settings=("inpatient", "day_case"), horizon=1)
    levers = (ConvergenceLever(share=1.0), ShiftLever(from_setting="day_case", to_setting="inpatient",
                                                      target_share=0.5),
              PlanningLevelLever(level=PlanningLevel.REGIONAL))
    plan = plan.replace(scenarios=(Scenario("Pooled", levers),))
    check(plan, "Pooled", [Variant(), Variant(off=frozenset({0}))])
    assert run_batch(plan, "Pooled", [Variant()], saving_only=True).saving.sum() == 1


@settings(max_examples=60, deadline=None)
@given(st.data())
def test_a_batch_is_separate_runs(data):
    plan = data.draw(plans())
    rates = data.draw(st.lists(st.sampled_from(["price", "non_demographic", "demographic"]), unique=True))
    codes = {"price": None, "non_demographic": plan.services[0].code, "demographic": plan.icbs[0].code}
    plan = plan.replace(growth=Growth(tuple(GrowthRate(kind, codes[kind], data.draw(st.floats(-0.05, 0.1)))
                                            for kind in rates)))
    option = plan.scenarios[0]
    batch = data.draw(st.lists(variants(option.levers), min_size=1, max_size=5))
    check(plan, option.name, batch)


def test_national_coalitions_and_numbers():
    plan = build_sample("national")
    option = next(s for s in plan.scenarios if any(isinstance(lv, (ShiftLever, ConvergenceLever)) for lv in s.levers))
    n = len(option.levers)
    batch = [Variant(), Variant(off=frozenset(range(0, n, 2))), Variant(growth={"price": 1.2}),
             Variant(numbers={(0, "target_share"): 0.05}, off=frozenset({n - 1}))]
    check(plan, option.name, batch)
