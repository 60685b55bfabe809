"""A plan's own footprints: validation messages name the footprint, group and ICB; the edits."""

from __future__ import annotations

import pytest
from factories import make_plan

from specplan.domain import Footprint, FootprintGroup, PlanningLevel, PlanningLevelLever, Scenario, ValidationError
from specplan.domain import footprint_edits as fe
from specplan.domain.changes import changes_between

SPEND = [[[100, 0], [200, 0], [300, 0], [400, 0]]] * 2  # 2 services, 4 ICBs (I0..I3)


def joint(*groups: tuple[str, tuple[str, ...]], name: str = "Joint") -> Footprint:
    return Footprint(name, tuple(FootprintGroup(g, icbs) for g, icbs in groups))


EAST_WEST = joint(("East", ("I0", "I1")), ("West", ("I2", "I3")))


def test_a_valid_footprint_and_a_service_planned_on_it():
    plan = make_plan(SPEND, footprints=(EAST_WEST,), levels=("Joint", "regional"))
    assert plan.services[0].planning_level == "Joint"
    assert plan.services[1].planning_level is PlanningLevel.REGIONAL
    assert plan.footprint_names == ("national", "regional", "ics", "Joint")
    assert plan.footprint("regional").group_names == ("North", "South")
    assert plan.footprint("national").groups[0].icbs == ("I0", "I1", "I2", "I3")


@pytest.mark.parametrize(("footprints", "message"), [
    (lambda: (joint(("East", ("I0", "I1")), ("West", ("I2",))),),
     "footprint 'Joint' ICB: 'I3' is not valid; expected in one of its groups"),
    (lambda: (joint(("East", ("I0", "I1", "I9")), ("West", ("I2", "I3"))),),
     "footprint 'Joint' group 'East' ICB: 'I9' is not valid; expected an ICB code of this plan"),
    (lambda: (joint(("East", ("I0", "I1", "I2")), ("West", ("I2", "I3"))),),
     "footprint 'Joint' group 'West' ICB: 'I2'.*also in group 'East'"),
    (lambda: (EAST_WEST, EAST_WEST), "footprint name: 'Joint'.*once"),
    (lambda: (joint(("All", ("I0", "I1", "I2", "I3")), name="Regional"),), "footprint name: 'Regional'.*built-in"),
])
def test_bad_footprints_are_refused_naming_footprint_group_and_icb(footprints, message):
    with pytest.raises(ValidationError, match=message):
        make_plan(SPEND, footprints=footprints())


def test_an_empty_group_or_a_duplicate_group_name_is_refused():
    with pytest.raises(ValidationError, match="footprint 'Joint' group 'West': \\(\\) is not valid"):
        joint(("East", ("I0",)), ("West", ()))
    with pytest.raises(ValidationError, match="footprint 'Joint' group name: 'East'.*once"):
        joint(("East", ("I0",)), ("East", ("I1",)))


def test_a_service_on_an_unknown_footprint_is_refused():
    with pytest.raises(ValidationError, match="service S0 planning_level: 'Joint'"):
        make_plan(SPEND, levels=("Joint", "regional"))


def test_create_from_regions_move_rename_and_delete_with_undoable_texts():
    plan = make_plan(SPEND)
    made = fe.create_footprint(plan, "Committees", like="regional")
    assert made.text == "Create footprint 'Committees' from regional"
    assert made.plan.footprint("Committees").group_names == ("North", "South")
    assert changes_between(plan, made.plan).footprints
    moved = fe.move_icb(made.plan, "Committees", "I0", "South")
    assert moved.plan.footprint("Committees").group("South").icbs == ("I1", "I3", "I0")
    assert changes_between(made.plan, moved.plan).footprints
    renamed = fe.rename_group(moved.plan, "Committees", "South", "West")
    assert renamed.plan.footprint("Committees").group_names == ("North", "West")
    added = fe.add_group(renamed.plan, "Committees", "Middle", ("I1",))
    assert added.plan.footprint("Committees").group("Middle").icbs == ("I1",)
    gone = fe.delete_group(added.plan, "Committees", "Middle", into="North")
    assert gone.plan.footprint("Committees").group("North").icbs == ("I2", "I1")
    with pytest.raises(ValidationError, match="group 'North'.*at least one ICB"):
        fe.move_icb(fe.move_icb(gone.plan, "Committees", "I2", "West").plan, "Committees", "I1", "West")


def test_an_empty_but_valid_footprint_holds_every_icb_in_one_group():
    plan = fe.create_footprint(make_plan(SPEND), "Mine").plan
    assert plan.footprint("Mine").groups == (FootprintGroup("All ICBs", ("I0", "I1", "I2", "I3")),)


def test_renaming_a_footprint_carries_services_and_levers_with_it():
    lever = PlanningLevelLever(level="Joint", services=("S1",))
    plan = make_plan(SPEND, footprints=(EAST_WEST,), levels=("Joint", "regional"),
                     scenarios=(Scenario("A", (lever,)),))
    renamed = fe.rename_footprint(plan, "Joint", "Midlands").plan
    assert renamed.services[0].planning_level == "Midlands"
    assert renamed.scenarios[0].levers[0].level == "Midlands"
    with pytest.raises(ValidationError, match="footprint name: 'ics'"):
        fe.rename_footprint(plan, "Joint", "ics")


def test_deleting_a_footprint_puts_services_back_and_says_so():
    lever = PlanningLevelLever(level="Joint", services=("S1",))
    plan = make_plan(SPEND, footprints=(EAST_WEST,), levels=("Joint", "national"),
                     scenarios=(Scenario("A", (lever,)),))
    edit = fe.delete_footprint(plan, "Joint")
    assert edit.plan.footprints == ()
    assert edit.plan.services[0].planning_level is PlanningLevel.REGIONAL  # not in the catalogue
    assert edit.plan.scenarios[0].levers == ()
    assert edit.text == "Delete footprint 'Joint' (S0 back to regional; 1 planning-level lever on it removed)"
    assert changes_between(plan, edit.plan).footprints


def test_built_in_footprints_cannot_be_edited():
    with pytest.raises(ValidationError, match="built-ins cannot be edited"):
        fe.move_icb(make_plan(SPEND), "regional", "I0", "South")
