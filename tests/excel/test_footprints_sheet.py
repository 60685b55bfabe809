"""The Footprints sheet: a plan's own footprints go out and come back exactly; bad rows are
refused naming the sheet, the row and what was expected."""

from __future__ import annotations

import openpyxl
import pytest

from specplan.domain import Footprint, FootprintGroup, PlanningLevelLever, Scenario
from specplan.domain import footprint_edits as fe
from specplan.domain.samples import build_sample
from specplan.excel import ImportFileError, export_workbook, import_plan_workbook
from specplan.excel.plan_workbook import write_plan_workbook


def midlands_plan():
    """The national sample with the Midlands joint committees (East 5 ICBs, West the rest
    of the Midlands, everyone else in one group) and a service and a lever planned on it."""
    plan = build_sample("national")
    midlands = [i.code for i in plan.icbs if i.region == "Y60"]
    rest = tuple(i.code for i in plan.icbs if i.code not in midlands)
    footprint = Footprint("Midlands joint committees", (
        FootprintGroup("East Midlands", tuple(midlands[:5])), FootprintGroup("West Midlands", tuple(midlands[5:])),
        FootprintGroup("Elsewhere", rest)))
    plan = plan.replace(footprints=(footprint,))
    plan = fe.create_footprint(plan, "Copy of regions", like="regional").plan
    services = (plan.services[0].__class__(**{**plan.services[0].__dict__,
                                              "planning_level": "Midlands joint committees"}),
                *plan.services[1:])
    lever = PlanningLevelLever(level="Copy of regions", services=(plan.services[1].code,))
    return plan.replace(services=services, scenarios=(*plan.scenarios, Scenario("On committees", (lever,))))


def test_export_then_import_keeps_the_footprints(tmp_path):
    plan = midlands_plan()
    export_workbook(plan, tmp_path / "plan.xlsx")
    back = import_plan_workbook(tmp_path / "plan.xlsx")
    assert back == plan
    assert back.footprint("Midlands joint committees").group("East Midlands").icbs == \
        plan.footprints[0].groups[0].icbs
    rows = list(openpyxl.load_workbook(tmp_path / "plan.xlsx")["Footprints"].values)
    assert rows[0] == ("footprint", "group", "icb_code") and len(rows) == 1 + 2 * len(plan.icbs)


def _spoiled(tmp_path, spoil):
    path = tmp_path / "plan.xlsx"
    write_plan_workbook(midlands_plan(), path)
    book = openpyxl.load_workbook(path)
    spoil(book)
    book.save(path)
    with pytest.raises(ImportFileError) as caught:
        import_plan_workbook(path)
    return str(caught.value)


def test_bad_footprint_rows_name_sheet_row_and_what_was_expected(tmp_path):
    def spoil(book):
        sheet = book["Footprints"]
        sheet["C3"] = "Q99"           # an ICB the plan does not have
        sheet["C4"] = sheet["C2"].value  # the same ICB twice in one footprint
        sheet["A5"] = "Regional"       # a built-in name
        sheet["B6"] = None             # no group
    text = _spoiled(tmp_path, spoil)
    assert "Footprints!C3: unknown ICB 'Q99'; expected an ICB code of the plan" in text
    assert "Footprints!C4: ICB" in text and "(row 2); expected each ICB once per footprint" in text
    assert "Footprints!A5: footprint 'Regional' is built in" in text
    assert "Footprints!B6: group is blank" in text or "Footprints!B6" in text
    assert "footprint 'Midlands joint committees' leaves out ICB" in text


def test_a_planning_level_that_names_no_footprint_is_refused(tmp_path):
    def spoil(book):
        book["Services"]["D2"] = "Midlands committees"
    text = _spoiled(tmp_path, spoil)
    assert "Services!D2: planning_level 'Midlands committees' is not a footprint of the plan; expected " \
           "national, regional, ics, or a footprint of the Footprints sheet ('Midlands joint committees', " \
           "'Copy of regions')" in text


def test_a_planning_level_written_in_other_case_is_the_footprint(tmp_path):
    path = tmp_path / "plan.xlsx"
    plan = midlands_plan()
    write_plan_workbook(plan, path)
    book = openpyxl.load_workbook(path)
    book["Services"]["D2"] = "MIDLANDS JOINT COMMITTEES"
    book.save(path)
    assert import_plan_workbook(path) == plan
