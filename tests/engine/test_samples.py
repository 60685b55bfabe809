from __future__ import annotations

import numpy as np
import pytest

from specplan.domain import edits
from specplan.domain.reference import load_reference
from specplan.domain.samples import build_sample, plannable_services, sample_names
from specplan.engine import Engine, compute


def test_sample_names():
    assert sample_names() == ("mh-collaborative", "national")


def test_mh_collaborative_shape():
    plan = build_sample("mh-collaborative")
    assert 3 <= len(plan.icbs) <= 6
    assert {icb.region for icb in plan.icbs} == {"Y60"}
    assert plan.horizon == 5
    assert [s.name for s in plan.scenarios][0] == "Do nothing"
    assert len(plan.scenarios) == 3 and not plan.scenarios[0].levers
    codes = [s.code for s in plan.services]
    assert any(c.startswith("NCBPS22S") for c in codes) and any(c.startswith("NCBPS23") for c in codes)
    assert "illustrative" in plan.name.lower() and "Illustrative" in plan.description


def test_national_covers_every_catalogued_line_and_icb():
    plan = build_sample("national")
    ref = load_reference()
    assert len(plan.icbs) == 36 and plan.vintage == "2026-04"
    assert len(plan.settings) == 4 and plan.horizon == 10
    assert [s.code for s in plan.services] == [s.code for s in plannable_services(ref)]
    assert len(plan.scenarios) == 4
    assert plan.baseline.spend_pence.size >= 20_000  # 156 lines x 36 ICBs x 4 settings
    # About £20bn a year, as specialised commissioning is (domain.md).
    assert 15e9 < plan.baseline.total_pence / 100 < 30e9
    assert (plan.baseline.spend_pence % 100 == 0).all()  # whole pounds


def test_parent_lines_are_planned_by_their_sub_lines():
    codes = {s.code for s in plannable_services(load_reference())}
    assert "NCBPS22S/MS_M_MI" in codes and "NCBPS22S" not in codes


def test_samples_are_deterministic():
    first, second = build_sample("national"), build_sample("national")
    assert first == second


@pytest.mark.parametrize("name", ["mh-collaborative", "national"])
def test_redesign_options_save_money_and_move_care(name):
    results = compute(build_sample(name))
    for result in results.scenarios[1:]:
        assert result.total("saving")[-1] > 0 or result.convergence_moves.any()
    assert results.scenarios[1].community_share[-1] > results.do_nothing.community_share[-1]


def test_engine_reuses_unchanged_scenarios():
    plan = build_sample("mh-collaborative")
    engine = Engine()
    first = engine.compute(plan)
    edited = edits.remove_lever(plan, "Community first", 0).plan
    second = engine.compute(edited)
    assert second.scenario("Step-down and outreach") is first.scenario("Step-down and outreach")
    assert second.scenario("Community first") is not first.scenario("Community first")
    assert np.array_equal(second.scenario("Community first").spend, first.do_nothing.spend)
