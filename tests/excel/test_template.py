"""The blank template: dropdowns for codes and settings, instructions, and it imports once filled."""

from __future__ import annotations

import openpyxl
import pytest

from specplan.domain.reference import load_reference
from specplan.excel import ImportFileError, import_plan_workbook, write_template


@pytest.fixture(scope="module")
def template(tmp_path_factory):
    return write_template(tmp_path_factory.mktemp("template") / "blank.xlsx")


def _validations(sheet) -> dict[str, str]:
    return {str(v.sqref).split(":")[0]: v.formula1 for v in sheet.data_validations.dataValidation}


def test_sheets_instructions_first_and_lists_hidden(template):
    book = openpyxl.load_workbook(template)
    assert book.sheetnames[0] == "Instructions" and book.active.title == "Instructions"
    assert {"Plan", "Baseline", "Growth", "Levers", "Options", "Services", "ICBs"} <= set(book.sheetnames)
    assert book["Lists"].sheet_state == "hidden"
    assert "specplan-cli import" in " ".join(str(c.value) for c in book["Instructions"]["A"])


def test_dropdowns_for_codes_settings_and_kinds(template):
    book = openpyxl.load_workbook(template)
    ref = load_reference()
    baseline = _validations(book["Baseline"])
    assert baseline["A2"] == f"Lists!$A$2:$A${len(ref.services) + 1}"  # service codes
    assert baseline["B2"] == f"Lists!$C$2:$C${len(ref.icbs) + 1}"      # ICB codes
    assert baseline["C2"] == "Lists!$E$2:$E$5"                         # settings
    levers = _validations(book["Levers"])
    assert {"C2", "F2", "G2", "I2", "N2"} <= set(levers)
    lists = book["Lists"]
    assert [lists.cell(r, 5).value for r in range(2, 6)] == ["inpatient", "day_case", "outpatient", "community"]
    assert lists.cell(2, 1).value == ref.services[0].code


def test_blank_template_asks_for_a_name(template):
    with pytest.raises(ImportFileError, match="name is blank"):
        import_plan_workbook(template)


def test_filled_template_imports(template, tmp_path):
    book = openpyxl.load_workbook(template)
    book["Plan"]["B3"] = "Filled in"
    book["Baseline"].append(["NCBPS23K", "QJ2", "inpatient", 365, 250_000])
    book["Baseline"].append(["NCBPS23K", "QK1", "community", 1200, "£80,000.00"])
    book["Levers"].append(["Community first", 1, "shift", None, None, "inpatient", "community", 0.3, "s_curve"])
    book.save(tmp_path / "filled.xlsx")
    plan = import_plan_workbook(tmp_path / "filled.xlsx")
    assert plan.name == "Filled in" and plan.horizon == 5 and plan.years[0] == "2025/26"
    assert plan.baseline.total_pence == 33_000_000
    assert plan.scenarios[0].levers[0].phasing.kind == "s_curve"
