"""Hostile and mislabelled files are refused before parsing, each with its own message."""

from __future__ import annotations

import subprocess
import sys

import pytest

from specplan.excel import ImportFileError, import_baseline, safety
from specplan.excel.reader import open_workbook


def test_defusedxml_is_active_when_excel_is_imported():
    code = "import specplan.excel, openpyxl.xml; print(openpyxl.xml.DEFUSEDXML)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "True"


@pytest.mark.parametrize(("name", "message"), [
    ("empty", "the file is empty (0 bytes)"),
    ("html", "this is a web page (HTML) saved with a spreadsheet name"),
    ("csv_renamed", "this is a text (CSV) file named .xlsx, not an Excel workbook; rename it to .csv"),
    ("encrypted", "the workbook is password-protected (encrypted)"),
    ("legacy_doc", "this is an Office file but not a workbook"),
    ("binary", "this is not a spreadsheet"),
    ("word", "this is a Word document, not a workbook"),
    ("zip_bomb", "refused: part xl/worksheets/sheet1.xml inflates"),
    ("lying_sizes", "the file is damaged"),
    ("xml_bomb", "refused: the workbook's XML declares entities or a DTD"),
    ("xxe_sheet", "refused: the sheet's XML declares entities or a DTD"),
    ("empty_sheet", "the sheet is empty"),
])
def test_each_wrong_file_gets_its_own_message(corpus, mh_plan, name, message):
    with pytest.raises(ImportFileError) as error:
        import_baseline(corpus[name], mh_plan)
    assert message in str(error.value)
    assert len(error.value.problems) == 1 and error.value.problems[0].file == str(corpus[name])


def test_a_workbook_inflating_past_the_total_limit_is_refused(corpus, monkeypatch):
    monkeypatch.setattr(safety, "MAX_UNCOMPRESSED", 1000)
    with pytest.raises(ImportFileError, match="would inflate to"):
        safety.sniff(corpus["title_block"])


def test_a_missing_file_is_a_user_error(tmp_path, mh_plan):
    with pytest.raises(ImportFileError, match="no such file"):
        import_baseline(tmp_path / "nowhere.xlsx", mh_plan)


def test_a_sheet_declaring_a_million_rows_reads_only_what_it_holds(corpus):
    with open_workbook(corpus["million_rows"]) as book:
        sheet = book.sheet(book.names[0])
    assert len(sheet.rows) == 6  # the header and five rows, not 1,048,576


def test_file_type_is_sniffed_from_content_not_name(corpus, tmp_path, mh_plan):
    renamed = tmp_path / "really_xlsx.xls"
    renamed.write_bytes(corpus["title_block"].read_bytes())
    _, report = import_baseline(renamed, mh_plan)
    assert report.rows_read == 12
