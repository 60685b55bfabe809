"""The batched tornado equals one full recompute per bar, to the penny."""

from __future__ import annotations

import dataclasses

import pytest

from specplan.domain import Growth, GrowthRate
from specplan.domain.samples import build_sample
from specplan.engine import compute
from specplan.engine.sensitivity import tornado


def saving_with(plan, scenario_name, param, value) -> int:
    """Cumulative saving from a full engine run with one parameter changed."""
    if param.position is not None:
        scenario = plan.scenario(scenario_name)
        levers = list(scenario.levers)
        levers[param.position] = dataclasses.replace(levers[param.position], **{param.field: value})
        plan = plan.replace_scenario(scenario_name, dataclasses.replace(scenario, levers=tuple(levers)))
    else:
        rates = tuple(dataclasses.replace(r, rate=r.rate * value) if r.kind == param.field else r
                      for r in plan.growth.rates)
        plan = plan.replace(growth=Growth(rates))
    return int(compute(plan).scenario(scenario_name).total("saving").sum())


@pytest.mark.parametrize("scenario", ["Community first", "Step-down and outreach"])
def test_every_bar_matches_a_full_recompute(scenario):
    plan = build_sample("mh-collaborative")
    result = tornado(plan, scenario, amount=0.2)
    assert result.base_saving == int(compute(plan).scenario(scenario).total("saving").sum())
    for bar in result.bars:
        assert bar.low_saving == saving_with(plan, scenario, bar.parameter, bar.low), bar.parameter.label
        assert bar.high_saving == saving_with(plan, scenario, bar.parameter, bar.high), bar.parameter.label
    swings = [bar.swing for bar in result.bars]
    assert swings == sorted(swings, reverse=True)


def test_bars_cover_levers_and_growth_and_shares_stay_in_range():
    plan = build_sample("mh-collaborative")
    result = tornado(plan, "Step-down and outreach", amount=0.5)
    labels = {bar.parameter.label for bar in result.bars}
    assert "Lever 1: reinvestment" in labels and "Lever 3: convergence" in labels
    assert {"demographic growth", "non-demographic growth", "net price uplift"} <= labels
    for bar in result.bars:
        if bar.parameter.field.endswith("share"):
            assert 0 <= bar.low <= bar.high <= 1
    ratio = next(bar for bar in result.bars if bar.parameter.field == "substitution_ratio")
    assert ratio.swing == 0  # activity only: the money does not move


def test_national_batches_agree_with_the_engine():
    plan = build_sample("national")
    result = tornado(plan, "Ambitious redesign")
    top = result.bars[0]
    assert top.swing > 0
    assert top.high_saving == saving_with(plan, "Ambitious redesign", top.parameter, top.high)


def test_a_plan_without_growth_has_no_growth_bars():
    plan = build_sample("mh-collaborative").replace(growth=Growth((GrowthRate("price", None, 0.0),)))
    labels = {bar.parameter.label for bar in tornado(plan, "Community first").bars}
    assert not any("growth" in label or "price" in label for label in labels)
