"""New plans for any ICBs and services, and dropping what a baseline leaves empty (issue 17, item 4)."""

from __future__ import annotations

import numpy as np
import pytest

from specplan.domain import Footprint, FootprintGroup, Scenario, ShiftLever
from specplan.domain.errors import ValidationError
from specplan.domain.samples import new_plan
from specplan.domain.trim import drop_empty


def test_empty_icbs_and_services_are_dropped_but_not_those_a_lever_names():
    plan = new_plan(icbs=["QJ2", "QK1", "QJM"], services=["NCBPS23K", "NCBPS23L", "NCBPS22E"])
    spend = np.zeros(plan.baseline.shape, np.int64)
    spend[[s.code for s in plan.services].index("NCBPS23K"), 0, 0] = 100  # services come in reference order
    lever = ShiftLever(target_share=0.1, services=("NCBPS23L",))
    plan = plan.replace(baseline=plan.baseline.__class__(spend, plan.baseline.activity),
                        scenarios=(*plan.scenarios, Scenario("Shift", (lever,))))
    trimmed, dropped = drop_empty(plan)
    assert dropped.icbs == ("QK1", "QJM") and dropped.services == ("NCBPS22E",) and dropped.kept == ("NCBPS23L",)
    assert [i.code for i in trimmed.icbs] == ["QJ2"] and [s.code for s in trimmed.services] == ["NCBPS23K",
                                                                                                 "NCBPS23L"]
    assert trimmed.baseline.total_pence == 100 and trimmed.scenarios == plan.scenarios
    assert "kept although empty because a lever names them: NCBPS23L" in dropped.describe()


def test_new_plan_needs_icbs_or_a_region_and_known_codes():
    assert len(new_plan(region="Y60").icbs) == 11
    with pytest.raises(ValidationError, match="ICB codes or a region"):
        new_plan()
    with pytest.raises(ValidationError, match="did you mean NCBPS23K"):
        new_plan(icbs=["QJ2"], services=["NCBPS-23K"])


def test_dropped_icbs_leave_the_plan_s_own_footprints_and_empty_groups_go():
    plan = new_plan(icbs=["QJ2", "QK1", "QJM"], services=["NCBPS23K"])
    spend = np.zeros(plan.baseline.shape, np.int64)
    spend[0, 0, 0] = spend[0, 1, 0] = 100
    own = Footprint("Joint committees", (FootprintGroup("East", ("QJ2", "QJM")), FootprintGroup("West", ("QK1",))))
    plan = plan.replace(baseline=plan.baseline.__class__(spend, plan.baseline.activity), footprints=(own,))
    trimmed, dropped = drop_empty(plan)
    assert dropped.icbs == ("QJM",)
    assert trimmed.footprints == (Footprint("Joint committees", (FootprintGroup("East", ("QJ2",)),
                                                                 FootprintGroup("West", ("QK1",)))),)
    plan = plan.replace(footprints=(Footprint("F", (FootprintGroup("A", ("QJ2", "QK1")), FootprintGroup("B", ("QJM",)))),))
    assert [g.name for g in drop_empty(plan)[0].footprints[0].groups] == ["A"]
