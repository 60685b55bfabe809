"""A plan workbook's ICB vintage: the Plan sheet's, or the latest vintage holding its codes."""

from __future__ import annotations

import openpyxl
import pytest

from specplan.domain.reference import load_reference
from specplan.domain.samples import build_sample
from specplan.excel import ImportFileError, read_plan_workbook
from specplan.excel.plan_workbook import write_plan_workbook


def hand_made(path, icbs: list[str], vintage: str | None = None):
    book = openpyxl.Workbook()
    plan = book.active
    plan.title = "Plan"
    for row in (["field", "value"], ["name", "Hand made"], ["base_year", "2025/26"], ["horizon", 3]):
        plan.append(row)
    if vintage:
        plan.append(["vintage", vintage])
    baseline = book.create_sheet("Baseline")
    baseline.append(["service_code", "icb_code", "setting", "spend_gbp"])
    for code in icbs:
        baseline.append(["NCBPS22E", code, "inpatient", 1000.25])
    book.save(path)
    return path


@pytest.mark.parametrize(("icbs", "vintage"), [(["QM7", "QJ2"], "2022-07"), (["S1Y5D", "QJ2"], "2026-04"),
                                               (["QJ2", "QK1"], "2026-04")])
def test_a_workbook_without_a_vintage_is_read_on_the_latest_that_holds_its_codes(tmp_path, icbs, vintage):
    plan, warnings = read_plan_workbook(hand_made(tmp_path / "b.xlsx", icbs))
    assert plan.vintage == vintage and [i.code for i in plan.icbs] == sorted(
        icbs, key=load_reference().vintage(vintage).icb_index.__getitem__)
    assert any(f"read on ICB vintage {vintage}" in w for w in warnings)


def test_a_workbook_mixing_vintages_is_refused_naming_the_codes(tmp_path):
    with pytest.raises(ImportFileError) as raised:
        read_plan_workbook(hand_made(tmp_path / "b.xlsx", ["QM7", "S1Y5D", "QJ2"]))
    message = str(raised.value)
    assert "no ICB vintage holds all its ICB codes" in message
    assert "2026-04 lacks QM7" in message and "2022-07 lacks S1Y5D" in message


def test_the_plan_sheet_names_the_vintage(tmp_path):
    plan, warnings = read_plan_workbook(hand_made(tmp_path / "b.xlsx", ["QJ2"], "2022-07"))
    assert plan.vintage == "2022-07" and not any("vintage" in w for w in warnings)
    with pytest.raises(ImportFileError, match="vintage '2031-04' is not a known ICB vintage"):
        read_plan_workbook(hand_made(tmp_path / "c.xlsx", ["QJ2"], "2031-04"))


def test_export_then_import_keeps_the_vintage(tmp_path):
    from specplan.domain.samples import national

    for plan in (build_sample("mh-collaborative"), national(load_reference(), "2022-07")):
        path = tmp_path / f"{plan.vintage}.xlsx"
        write_plan_workbook(plan, path)
        again, _ = read_plan_workbook(path)
        assert again.vintage == plan.vintage and again == plan
