"""The plan workbook: export then import gives back an identical plan; bad workbooks change nothing."""

from __future__ import annotations

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from plans import plans

from specplan.domain.samples import build_sample
from specplan.excel import (
    ImportFileError,
    export_workbook,
    import_plan_workbook,
    read_plan_workbook,
)
from specplan.excel.plan_workbook import write_plan_workbook

ROUND_TRIP = settings(max_examples=25, deadline=None,
                      suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
SHEETS_ONLY = settings(ROUND_TRIP, max_examples=80)


@pytest.mark.parametrize("name", ["mh-collaborative", "national"])
def test_samples_round_trip_through_export(tmp_path, name):
    plan = build_sample(name)
    export_workbook(plan, tmp_path / "plan.xlsx")
    assert import_plan_workbook(tmp_path / "plan.xlsx") == plan


@ROUND_TRIP
@given(plan=plans(realistic=True))
def test_export_then_import_gives_an_identical_plan(tmp_path_factory, plan):
    path = tmp_path_factory.mktemp("rt") / "plan.xlsx"
    export_workbook(plan, path)
    back, warnings = read_plan_workbook(path)
    assert back == plan and warnings == []


@SHEETS_ONLY
@given(plan=plans())
def test_plan_sheets_hold_any_valid_plan_exactly(tmp_path_factory, plan):
    """Extreme numbers (1e300 bed days, 17-digit fractions) and any text survive the sheets."""
    path = tmp_path_factory.mktemp("rt") / "plan.xlsx"
    write_plan_workbook(plan, path)
    assert import_plan_workbook(path) == plan


def _edited(tmp_path, plan, edit) -> str:
    path = tmp_path / "plan.xlsx"
    write_plan_workbook(plan, path)
    book = openpyxl.load_workbook(path)
    edit(book)
    book.save(path)
    return path


def test_every_problem_in_every_sheet_is_reported_with_its_cell(tmp_path):
    plan = build_sample("mh-collaborative")

    def spoil(book):
        book["Plan"]["B8"] = "high"                       # occupancy not a number
        book["Baseline"]["A3"] = "NOPE"                   # unknown service
        book["Baseline"]["E4"] = "12,3x4"                 # spend not a number
        book["Baseline"]["E5"] = -1                       # negative spend
        book["Growth"]["D2"] = "lots"                     # rate not a number
        book["Growth"]["C3"] = "2099/00"                  # year outside the plan
        book["Levers"]["F3"] = "teleport"                 # unknown setting
        book["Levers"]["H3"] = 1.5                        # share above 1
        book["Levers"]["C4"] = "shove"                    # unknown lever
    path = _edited(tmp_path, plan, spoil)
    with pytest.raises(ImportFileError) as caught:
        import_plan_workbook(path)
    found = {(p.sheet, p.cell) for p in caught.value.problems}
    assert {("Plan", "B8"), ("Baseline", "A3"), ("Baseline", "E4"), ("Baseline", "E5"), ("Growth", "D2"),
            ("Growth", "C3"), ("Levers", "F3"), ("Levers", "C4")} <= found
    text = str(caught.value)
    assert 'Baseline!E4: spend_gbp "12,3x4" is not a number' in text
    assert "Baseline!A3: unknown service 'NOPE'" in text
    assert "Levers!C4: unknown lever 'shove'" in text


def test_levers_sheet_rules(tmp_path):
    plan = build_sample("mh-collaborative")

    def spoil(book):
        sheet = book["Levers"]
        sheet["N3"] = "regional"            # planning_level on a shift lever
        sheet["H4"] = None                  # a shift lever without its target share
    with pytest.raises(ImportFileError) as caught:
        import_plan_workbook(_edited(tmp_path, plan, spoil))
    text = str(caught.value)
    assert "Levers!N3: planning_level does not apply to a shift lever" in text
    assert "Levers!H4: target_share is blank (a shift lever needs it)" in text


def test_missing_plan_sheets_say_what_the_file_looks_like(corpus):
    with pytest.raises(ImportFileError, match="no 'Plan' sheet.*import-baseline"):
        import_plan_workbook(corpus["title_block"])


def test_a_hand_made_workbook_with_codes_only_takes_the_rest_from_reference(tmp_path):
    book = openpyxl.Workbook()
    book.active.title = "Plan"
    for row in (["field", "value"], ["name", "Hand made"], ["base_year", "2026/27"], ["horizon", 3]):
        book["Plan"].append(row)
    baseline = book.create_sheet("Baseline")
    baseline.append(["Service code", "ICB code", "Setting", "Spend GBP"])  # names as people write them
    baseline.append(["NCBPS23K", "QT1", "inpatient", "£1,000.50"])
    baseline.append(["NCBPS22E", "QJ2", "community", 250])
    growth = book.create_sheet("Growth")
    growth.append(["kind", "code", "year", "rate"])
    growth.append(["price", None, None, "2%"])
    growth.append(["demographic", "QT1", "2027/28", 0.01])
    levers = book.create_sheet("Levers")
    levers.append(["scenario", "lever", "target_share", "phasing"])
    levers.append(["Do nothing", None, None, None])
    levers.append(["Shift", "shift", 0.25, "0.2, 50%, 1"])
    book.save(tmp_path / "hand.xlsx")
    plan = import_plan_workbook(tmp_path / "hand.xlsx")
    assert [s.code for s in plan.services] == ["NCBPS22E", "NCBPS23K"]  # reference order
    assert [i.code for i in plan.icbs] == ["QJ2", "QT1"] and [r.code for r in plan.regions] == ["Y60"]
    assert plan.icbs[0].name == "NHS Derby and Derbyshire Integrated Care Board"
    assert plan.baseline.total_pence == 125050 and plan.base_year == 2026
    assert [r.rate for r in plan.growth.rates] == [0.02, 0.01] and plan.growth.rates[1].year == 1
    assert [s.name for s in plan.scenarios] == ["Do nothing", "Shift"]
    assert plan.scenarios[1].levers[0].phasing.values == (0.2, 0.5, 1.0)


def test_every_field_of_a_plan_has_a_place_in_the_workbook():
    """A new Plan field must be given a sheet (plan_workbook) or the round trip would drop it."""
    import dataclasses

    from specplan.domain import Plan

    handled = {"name", "description", "base_year", "horizon", "settings", "occupancy_default",
               "occupancy_mental_health", "viability_max_variation", "baseline", "growth", "scenarios",
               "services", "icbs", "regions", "appraisal", "review", "vintage", "footprints"}
    assert {f.name for f in dataclasses.fields(Plan)} == handled
