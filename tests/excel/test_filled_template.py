"""The blank template filled in the ordinary way reads like a finance sheet does (issue 17, item 5)."""

from __future__ import annotations

import openpyxl
import pytest

from specplan.excel import ImportFileError, write_template
from specplan.excel.plan_import import import_plan_workbook

SECURE_MALE = "Adult secure (medium and low): medium secure, male, mental illness"
SECURE_FEMALE = "Adult secure (medium and low): medium secure, female, mental illness"


def filled(tmp_path, total=5_584_567.50, spoil=None):
    """The template as a person fills it in: names with commas, "Inpatient", money as text, a Total."""
    write_template(tmp_path / "blank.xlsx")
    book = openpyxl.load_workbook(tmp_path / "blank.xlsx")
    for row in book["Plan"].iter_rows(min_row=2):
        if row[0].value == "name":
            row[1].value = "Lincolnshire secure care"
        if row[0].value == "settings":
            row[1].value = "Inpatient, Day case, Outpatient, Community"
    rows = [(SECURE_MALE, "NHS Lincolnshire Integrated Care Board", "Inpatient", 1200, "£1,234,567.50"),
            ("NCBPS22S/MS_M_MI", "Lincolnshire", "Community", 300, 250000),
            (SECURE_FEMALE, "QJM", "Day case", None, "4.1m"),
            ("Total", None, None, None, total)]
    for r, values in enumerate(rows, start=2):
        for c, value in enumerate(values, start=1):
            book["Baseline"].cell(r, c, value)
    lever = ["Community first", 1, "Shift", f"{SECURE_MALE}; {SECURE_FEMALE}", "Lincolnshire", "Inpatient",
             "Community", "30%", "Linear"]
    for c, value in enumerate(lever, start=1):
        book["Levers"].cell(2, c, value)
    for c, value in enumerate(["Demographic", "Lincolnshire", None, "1%"], start=1):
        book["Growth"].cell(2, c, value)
    if spoil:
        spoil(book)
    book.save(tmp_path / "filled.xlsx")
    return tmp_path / "filled.xlsx"


def test_a_template_filled_in_with_names_and_words_imports(tmp_path):
    plan = import_plan_workbook(filled(tmp_path))
    assert plan.settings == ("inpatient", "day_case", "outpatient", "community")
    assert [i.code for i in plan.icbs] == ["QJM"]
    assert [s.code for s in plan.services] == ["NCBPS22S/MS_M_MI", "NCBPS22S/MS_F_MI"]
    assert plan.baseline.total_pence == 558_456_750
    assert plan.baseline.spend_pence[0, 0, 0] == 123_456_750 and plan.baseline.spend_pence[1, 0, 1] == 410_000_000
    lever = plan.scenarios[0].levers[0]
    assert lever.services == ("NCBPS22S/MS_M_MI", "NCBPS22S/MS_F_MI") and lever.icbs == ("QJM",)
    assert (lever.from_setting, lever.to_setting, lever.target_share) == ("inpatient", "community", 0.3)
    assert plan.growth.rates[0].code == "QJM"


def test_a_wrong_total_a_bad_amount_and_a_misspelt_name_are_reported_together(tmp_path):
    def spoil(book):
        book["Baseline"]["B3"] = "Lincolnshre"
        book["Baseline"]["E4"] = "4.1x"
    with pytest.raises(ImportFileError) as caught:
        import_plan_workbook(filled(tmp_path, total=1, spoil=spoil))
    problems = [str(p) for p in caught.value.problems]
    assert problems == [
        'Baseline!B3: unknown ICB "Lincolnshre"; did you mean Lincolnshire?',
        'Baseline!E4: spend_gbp "4.1x" is not a number',
        "Baseline!E5: the rows add up to £1,234,567.50 but the Total row says £1.00 (difference "
        "£1,234,566.50); 2 rows with problems are not counted",
    ]


def test_only_list_columns_are_split(tmp_path):
    """A service name with commas in a Baseline cell is one name, never three codes."""
    def spoil(book):
        book["Baseline"]["A3"] = "medium secure, male, nonsense"
    with pytest.raises(ImportFileError) as caught:
        import_plan_workbook(filled(tmp_path, spoil=spoil))
    assert [str(p) for p in caught.value.problems][0] == (
        'Baseline!A3: unknown service "medium secure, male, nonsense"')


def test_a_comma_list_of_names_with_commas_is_split_between_names(tmp_path):
    def spoil(book):
        book["Levers"]["D2"] = f"{SECURE_FEMALE}, NCBPS22S/MS_M_MI"
    lever = import_plan_workbook(filled(tmp_path, spoil=spoil)).scenarios[0].levers[0]
    assert lever.services == ("NCBPS22S/MS_F_MI", "NCBPS22S/MS_M_MI")
