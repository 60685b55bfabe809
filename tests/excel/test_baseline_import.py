"""Finance spreadsheets as they really are: imported to the penny, or refused with every problem."""

from __future__ import annotations

import copy

import numpy as np
import pytest
from corpus import CSV_PENCE, MESSY_PENCE, TITLE_ROWS, TITLE_TOTAL_PENCE, WIDE_TOTAL_PENCE

from specplan.excel import ImportFileError, import_baseline
from specplan.excel.mapping import Mapping


def cell(plan, service, icb, setting):
    return (plan.service_index[service], plan.icb_index[icb], plan.setting_index[setting])


def test_title_block_header_synonyms_units_and_control_total(corpus, mh_plan):
    plan, report = import_baseline(corpus["title_block"], mh_plan)
    assert (report.sheet, report.header_row, report.layout, report.units) == ("Budget 2025-26", 5, "long", ["gbp_k"])
    assert report.rows_read == 12 and report.cells == 12
    assert report.total_pence == TITLE_TOTAL_PENCE == int(plan.baseline.spend_pence.sum())
    assert report.control_matches and "matches the Total row at Budget 2025-26!E18" in "\n".join(report.lines())
    service, icb, setting, beds, _ = TITLE_ROWS[0]
    at = cell(plan, service, icb, setting.lower())
    assert plan.baseline.spend_pence[at] == 123_456_700 and plan.baseline.activity[at] == beds
    assert any("2 cells hold formulas; their saved values were imported" in w for w in report.warnings)
    # Cells the sheet does not mention are zero: the sheet is the whole base year.
    assert np.count_nonzero(plan.baseline.spend_pence) == 12


def test_the_plan_passed_in_is_never_changed(corpus, mh_plan):
    before = copy.deepcopy(mh_plan)
    new, _ = import_baseline(corpus["title_block"], mh_plan)
    assert mh_plan == before and new != mh_plan
    with pytest.raises(ImportFileError):
        import_baseline(corpus["bad_values"], mh_plan)
    assert mh_plan == before


def test_wide_layout_with_icb_and_service_names(corpus, mh_plan):
    plan, report = import_baseline(corpus["wide_names"], mh_plan)
    assert report.layout == "wide" and report.rows_read == 3 and report.control_matches
    assert report.total_pence == WIDE_TOTAL_PENCE
    spend, activity = plan.baseline.spend_pence, plan.baseline.activity
    assert spend[cell(plan, "NCBPS22E", "QJ2", "inpatient")] == 100025
    assert spend[cell(plan, "NCBPS22E", "QJ2", "outpatient")] == 25050
    assert spend[cell(plan, "NCBPS23L", "QJM", "community")] == 120075
    assert activity[cell(plan, "NCBPS23K", "QT1", "inpatient")] == 60
    assert activity[cell(plan, "NCBPS23K", "QT1", "community")] == 0  # only inpatient activity was given


def test_csv_money_as_text_with_rounding_warning(corpus, mh_plan):
    plan, report = import_baseline(corpus["money_text"], mh_plan)
    assert report.total_pence == CSV_PENCE and report.control_matches
    assert plan.baseline.spend_pence[cell(plan, "NCBPS23K", "QPM", "day_case")] == 250000
    assert any('rounded half away from zero: D6 ("12.345" to £12.35)' in w for w in report.warnings)


def test_merged_cells_hidden_sheets_and_rows_blank_rows_subtotals_reported(corpus, mh_plan):
    plan, report = import_baseline(corpus["messy"], mh_plan)
    assert report.sheet == "Budget"  # the hidden "Old budget" sheet is not picked by itself
    assert report.total_pence == MESSY_PENCE and report.control_matches and report.rows_read == 5
    text = "\n".join(report.warnings)
    assert 'merged cells A4:A7 were read as "NCBPS23L" on each row' in text
    assert "hidden rows were imported: 11" in text
    assert "subtotal rows were not imported: 9" in text
    assert "rows with no amounts were skipped: 10, 14" in text
    assert plan.baseline.spend_pence[cell(plan, "NCBPS23L", "QK1", "community")] == 40000


def test_a_hidden_sheet_is_read_when_asked_for_by_name(corpus, mh_plan):
    _, report = import_baseline(corpus["messy"], mh_plan, sheet="Old budget")
    assert report.total_pence == 99_999_900 and any("is hidden" in w for w in report.warnings)


def test_every_bad_row_is_reported_at_once_with_its_cell(corpus, mh_plan):
    with pytest.raises(ImportFileError) as caught:
        import_baseline(corpus["bad_values"], mh_plan)
    lines = [str(p) for p in caught.value.problems]
    assert lines == [
        'Baseline!E3: spend "12,3x4" is not a number',
        "Baseline!E4: spend -5 is negative",
        'Baseline!E5: spend "(1,234.00)" is negative',
        'Baseline!B6: unknown ICB "ZZZ"',
        'Baseline!A7: unknown service "NOPE99"',
        'Baseline!A8: service "NCBPS22S/MS_M_LD" is not in this plan (it is in the reference data)',
        "Baseline!C9: unknown setting \"teleport\"; the plan's settings are inpatient, day case, outpatient, community",
        "Baseline!A10: duplicate: row 2 already gives NCBPS23K, QJ2, inpatient",
        'Baseline!B11: ICB "QWU" is not in this plan (it is in the reference data)',
        "Baseline!B12: ICB is blank",
        'Baseline!D13: activity "lots" is not a number',
    ]
    assert "11 problems, nothing was imported" in str(caught.value)


def test_formulas_without_saved_values_are_errors_never_zeros(corpus, mh_plan):
    with pytest.raises(ImportFileError) as caught:
        import_baseline(corpus["formulas_uncached"], mh_plan)
    assert [p.cell for p in caught.value.problems] == ["D2", "D4"]
    assert all("formula has no saved value" in p.message for p in caught.value.problems)


def test_missing_columns_named(corpus, mh_plan):
    with pytest.raises(ImportFileError, match=r"missing column: no spend \(spend, budget or annual budget\)"):
        import_baseline(corpus["missing_spend"], mh_plan)


def test_rows_that_do_not_add_up_to_the_total_are_refused(corpus, mh_plan):
    with pytest.raises(ImportFileError, match=r"rows add up to £300.00 but the Total row at Sheet1!D4 says "
                                              r"£301.00 \(difference -£1.00\)"):
        import_baseline(corpus["control_mismatch"], mh_plan)


def test_mapping_file_for_local_headers(corpus, mh_plan):
    with pytest.raises(ImportFileError, match="no header row found in the first 50 rows"):
        import_baseline(corpus["local_headers"], mh_plan)
    plan, report = import_baseline(corpus["local_headers"], mh_plan, mapping=corpus["local_mapping"])
    assert report.units == ["gbp_m"] and report.total_pence == 175_000_000
    assert plan.baseline.spend_pence[cell(plan, "NCBPS22E", "QJ2", "community")] == 50_000_000


def test_mapping_object_as_the_import_wizard_builds_it(corpus, mh_plan):
    mapping = Mapping(sheet="Sheet", header_row=1, units="gbp_m",
                      columns={"icb": "Comm ref", "service": "PSS line", "setting": "Where", "spend": "Money (£m)"},
                      values={"setting": {"Ward": "inpatient", "Home": "community"}})
    _, report = import_baseline(corpus["local_headers"], mh_plan, mapping=mapping)
    assert report.total_pence == 175_000_000


def test_bad_mapping_files_are_explained(tmp_path, corpus, mh_plan):
    bad = tmp_path / "bad.json"
    bad.write_text('{"columns": {"money": "x"}, "units": "euros", "colour": 1}')
    with pytest.raises(ImportFileError) as caught:
        import_baseline(corpus["local_headers"], mh_plan, mapping=bad)
    text = str(caught.value)
    assert "unknown key 'colour'" in text and "units 'euros'" in text and "unknown field 'money'" in text


def test_units_from_header_and_conflicting_units_option(corpus, mh_plan):
    _, report = import_baseline(corpus["units_m"], mh_plan)
    assert report.total_pence == 150_000_000
    _, report = import_baseline(corpus["units_m"], mh_plan, units="gbp_m")
    assert report.total_pence == 150_000_000
    with pytest.raises(ImportFileError, match="the sheet says amounts are in £m but --units says £k"):
        import_baseline(corpus["units_m"], mh_plan, units="gbp_k")


def test_units_option_applies_when_the_sheet_is_silent(corpus, mh_plan):
    _, report = import_baseline(corpus["million_rows"], mh_plan, units="gbp_k")
    assert report.total_pence == 5 * 1000 * 1000 * 100
    _, report = import_baseline(corpus["million_rows"], mh_plan)
    assert any("amounts were read as £" in w for w in report.warnings)


def test_xlsm_reads_like_xlsx(corpus, mh_plan):
    _, report = import_baseline(corpus["xlsm"], mh_plan)
    assert report.total_pence == TITLE_TOTAL_PENCE


def test_report_lines_for_the_command_line(corpus, mh_plan):
    _, report = import_baseline(corpus["title_block"], mh_plan)
    lines = report.lines()
    assert lines[1] == "rows read: 12 into 12 cells (service, ICB, setting)"
    assert lines[2].startswith("total imported: £15,474,804.00")
    assert str(report).startswith("Imported 12 rows from title_block.xlsx: £15,474,804.00 (control total matches")


def test_provider_rows_add_up_per_cell_and_a_repeated_provider_is_a_duplicate(corpus, mh_plan, tmp_path):
    plan, report = import_baseline(corpus["providers"], mh_plan)
    assert report.rows_read == 3 and report.cells == 2
    assert plan.baseline.spend_pence[cell(plan, "NCBPS23K", "QJ2", "inpatient")] == 30075
    assert any("columns headed at A1 are hidden" in w for w in report.warnings)
    import openpyxl

    book = openpyxl.load_workbook(corpus["providers"])
    book.active.append(["RY2", "NCBPS23K", "QJ2", "inpatient", 1])
    book.save(tmp_path / "again.xlsx")
    with pytest.raises(ImportFileError, match="Sheet!B5: duplicate: row 3 already gives NCBPS23K, QJ2, inpatient, RY2"):
        import_baseline(tmp_path / "again.xlsx", mh_plan)


def test_opendocument_spreadsheets_read(corpus, mh_plan):
    plan, report = import_baseline(corpus["ods"], mh_plan)
    assert report.sheet == "Budget" and report.units == ["gbp_k"] and report.total_pence == 1_975_000
    assert plan.baseline.spend_pence[cell(plan, "NCBPS23K", "QK1", "community")] == 725_000


def test_a_mapping_alias_to_a_code_outside_the_plan_is_a_problem(corpus, mh_plan):
    mapping = {"header_row": 2, "columns": {"icb": "Comm ref", "service": "PSS line", "setting": "Where",
                                            "spend": "Money (£m)"},
               "values": {"setting": {"Ward": "inpatient", "Home": "community"}, "icb": {"QJ2": "QWU"}}}
    with pytest.raises(ImportFileError, match="the mapping gives ICB \"QJ2\" as 'QWU', which is not in this plan"):
        import_baseline(corpus["local_headers"], mh_plan, mapping=mapping)


def test_a_partial_sheet_counts_what_it_leaves_out_and_update_keeps_it(corpus, mh_plan):
    from specplan.excel.partial import choose

    replaced, report = import_baseline(corpus["title_block"], mh_plan)
    old = mh_plan.baseline
    left_out = ~report.mentioned & ((old.spend_pence != 0) | (old.activity != 0))
    assert report.unmentioned.cells == left_out.sum() > 0
    assert report.unmentioned.pence == old.spend_pence[left_out].sum()
    assert not replaced.baseline.spend_pence[~report.mentioned].any()
    updated, update_report = import_baseline(corpus["title_block"], mh_plan, mode="update")
    assert update_report.unmentioned == report.unmentioned and update_report.mode == "update"
    assert (updated.baseline.spend_pence[~report.mentioned] == old.spend_pence[~report.mentioned]).all()
    assert (updated.baseline.spend_pence[report.mentioned] == replaced.baseline.spend_pence[report.mentioned]).all()
    assert choose(mh_plan, replaced, report.mentioned, "update") == updated
    assert update_report.total_pence == updated.baseline.total_pence
    with pytest.raises(ImportFileError, match="mode 'merge' is not one of replace, update"):
        import_baseline(corpus["title_block"], mh_plan, mode="merge")


def test_a_bad_number_an_unknown_name_and_a_wrong_total_are_reported_together(tmp_path, mh_plan):
    """One pass: the Total is checked beside the other problems, and a near name is suggested."""
    from corpus import simple

    path = simple(tmp_path, "three.xlsx", [
        ["NCBPS23K", "QJ2", "inpatient", "12,3x4"], ["NCBPS23K", "Lincolnshre", "inpatient", 200],
        ["NCBPS23K", "QK1", "inpatient", 300], ["Total", None, None, 999]])
    with pytest.raises(ImportFileError) as caught:
        import_baseline(path, mh_plan)
    problems = [str(p) for p in caught.value.problems]
    assert len(problems) == 3, problems
    assert problems[0] == 'Sheet1!D2: spend "12,3x4" is not a number'
    assert problems[1] == 'Sheet1!B3: unknown ICB "Lincolnshre"; did you mean Lincolnshire?'
    assert problems[2].startswith("Sheet1!D5: the rows do not add up to the Total: DOES NOT MATCH: rows add up "
                                  "to £300.00 but the Total row at Sheet1!D5 says £999.00")
    assert problems[2].endswith("; 2 rows with problems (2-3) are not counted in the rows")
    assert str(caught.value).startswith("three.xlsx: 3 problems, nothing was imported:")


def test_counts_say_one_problem_or_many_never_problem_s():
    from specplan.domain.words import plural

    assert plural(1, "problem") == "1 problem" and plural(7, "problem") == "7 problems"
    assert plural(0, "ICB") == "0 ICBs" and plural(2_000, "cell") == "2,000 cells"
