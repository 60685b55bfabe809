"""engine.rollups.footprint_spend: one option and doing nothing by a footprint's groups, whose
totals are the whole plan's to the penny."""

from __future__ import annotations

import numpy as np
import pytest

from specplan.domain import Footprint, FootprintGroup
from specplan.domain.samples import build_sample
from specplan.engine import compute
from specplan.engine.rollups import footprint_spend


@pytest.fixture(scope="module")
def paired():
    plan = build_sample("mh-collaborative")
    codes = [i.code for i in plan.icbs]
    own = Footprint("North and south", (FootprintGroup("North", tuple(codes[:2])),
                                        FootprintGroup("South", tuple(codes[2:]))))
    plan = plan.replace(footprints=(own,))
    return plan, compute(plan)


@pytest.mark.parametrize("footprint", ["regional", "ics", "North and south"])
def test_groups_and_totals_are_the_plans_to_the_penny(paired, footprint):
    plan, results = paired
    option, nothing = results.scenario("Community first"), results.do_nothing
    rolled = footprint_spend(results, footprint, "Community first")
    assert len(rolled.groups) == len(plan.footprint(footprint).groups)
    assert rolled.total().tolist() == option.total_spend.tolist()
    assert rolled.total("do_nothing").tolist() == nothing.total_spend.tolist()
    assert rolled.total("difference").tolist() == (option.total_spend - nothing.total_spend).tolist()
    assert rolled.cumulative_total() == int(option.total_spend.sum())
    assert rolled.cumulative().tolist() == rolled.spend.sum(axis=1).tolist()
    assert rolled.total().dtype == np.int64


def test_the_plans_own_footprint_has_its_groups_in_order(paired):
    plan, results = paired
    rolled = footprint_spend(results, "North and south", None)
    assert rolled.groups == ("North", "South") and rolled.option == "Do nothing"
    assert np.array_equal(rolled.spend, rolled.do_nothing)
    assert not rolled.by_group("difference").any()
    with pytest.raises(ValueError, match="kind"):
        rolled.by_group("both")
