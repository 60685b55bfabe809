"""specplan-cli template / export / import / import-baseline, end to end through plan files."""

from __future__ import annotations

import hashlib

import pytest
from corpus import TITLE_TOTAL_PENCE

from specplan.cli import main
from specplan.domain.samples import build_sample
from specplan.excel import import_baseline
from specplan.excel.money import pounds_text
from specplan.store import open_plan


def run(capsys, *args) -> tuple[int, str, str]:
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def digest(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def plan_file(tmp_path, capsys):
    """A plan file made by exporting the sample and importing the workbook."""
    book, plan = tmp_path / "mh.xlsx", tmp_path / "mh.specplan"
    assert run(capsys, "export", "--sample", "mh-collaborative", "--to", book)[0] == 0
    assert run(capsys, "import", book, "--into", plan)[0] == 0
    return plan


def test_template_writes_a_workbook(tmp_path, capsys):
    code, out, _ = run(capsys, "template", "--to", tmp_path / "blank.xlsx")
    assert code == 0 and (tmp_path / "blank.xlsx").stat().st_size > 0 and "Instructions" in out


def test_export_then_import_makes_the_same_plan_file(plan_file, tmp_path, capsys):
    assert open_plan(plan_file, read_only=True) == build_sample("mh-collaborative")
    code, out, _ = run(capsys, "export", plan_file, "--to", tmp_path / "again.xlsx")
    assert code == 0 and "wrote" in out
    code, _, err = run(capsys, "import", tmp_path / "again.xlsx", "--into", plan_file)
    assert code == 2 and "already exists; give --force" in err
    code, out, _ = run(capsys, "import", tmp_path / "again.xlsx", "--into", plan_file, "--force")
    assert code == 0 and "imported again.xlsx" in out
    assert open_plan(plan_file, read_only=True) == build_sample("mh-collaborative")


def test_import_baseline_reports_and_saves(plan_file, corpus, capsys):
    code, out, _ = run(capsys, "import-baseline", corpus["title_block"], "--into", plan_file, "--replace")
    assert code == 0
    assert "rows read: 12 into 12 cells" in out and "total imported: £15,474,804.00" in out
    assert "control total: matches the Total row" in out and "warning: 2 cells hold formulas" in out
    assert open_plan(plan_file, read_only=True).baseline.total_pence == TITLE_TOTAL_PENCE


def test_a_partial_sheet_is_refused_until_replace_or_update_is_chosen(plan_file, corpus, capsys):
    before_file = digest(plan_file)
    before = open_plan(plan_file, read_only=True)
    code, out, err = run(capsys, "import-baseline", corpus["title_block"], "--into", plan_file)
    assert code == 2 and out == "" and digest(plan_file) == before_file
    _, report = import_baseline(corpus["title_block"], before)
    nonzero = (before.baseline.spend_pence != 0) | (before.baseline.activity != 0)
    left_out = nonzero & ~report.mentioned
    mentioned, left = int(report.mentioned.sum()), before.baseline.spend_pence.copy()
    amount = pounds_text(int(left[left_out].sum()))
    assert f"does not mention {left_out.sum()} cells of the plan's baseline that hold {amount}" in err
    assert "--replace" in err and "--update" in err and "is unchanged" in err
    code, out, _ = run(capsys, "import-baseline", corpus["title_block"], "--into", plan_file, "--dry-run")
    assert code == 0 and "give --replace or --update" in out and digest(plan_file) == before_file
    code, out, _ = run(capsys, "import-baseline", corpus["title_block"], "--into", plan_file, "--update")
    assert code == 0 and "kept as they were (only the cells the sheet mentions" in out
    after = open_plan(plan_file, read_only=True).baseline.spend_pence
    changed = after != left
    assert 0 < changed.sum() <= mentioned
    assert after.sum() == before.baseline.total_pence - left[changed].sum() + after[changed].sum()
    assert (after == 0).sum() == (left == 0).sum()  # nothing the sheet left out was zeroed


def test_dry_run_changes_nothing(plan_file, corpus, capsys):
    before = digest(plan_file)
    code, out, _ = run(capsys, "import-baseline", corpus["wide_names"], "--into", plan_file, "--dry-run")
    assert code == 0 and "dry run" in out and "rows read: 3" in out
    assert digest(plan_file) == before


@pytest.mark.parametrize(("book", "extra", "message"), [
    ("bad_values", (), 'Baseline!E3: spend "12,3x4" is not a number'),
    ("formulas_uncached", (), "Baseline!D2: formula has no saved value"),
    ("units_m", ("--units", "gbp_k"), "the sheet says amounts are in £m but --units says £k"),
    ("html", (), "this is a web page (HTML)"),
    ("encrypted", (), "password-protected"),
    ("control_mismatch", (), "the rows do not add up to the Total"),
])
def test_bad_input_exits_2_lists_problems_and_leaves_the_plan_file(plan_file, corpus, capsys, book, extra, message):
    before = digest(plan_file)
    code, out, err = run(capsys, "import-baseline", corpus[book], "--into", plan_file, *extra)
    assert code == 2 and message in err and "is unchanged" in err and out == ""
    assert digest(plan_file) == before


def test_all_problems_are_printed(plan_file, corpus, capsys):
    _, _, err = run(capsys, "import-baseline", corpus["bad_values"], "--into", plan_file)
    assert "11 problems, nothing was imported" in err and err.count("Baseline!") == 11


def test_mapping_sheet_and_units_options(plan_file, corpus, capsys):
    code, out, _ = run(capsys, "import-baseline", corpus["local_headers"], "--into", plan_file,
                       "--mapping", corpus["local_mapping"], "--sheet", "Sheet", "--replace")
    assert code == 0 and "total imported: £1,750,000.00" in out
    code, out, _ = run(capsys, "import-baseline", corpus["million_rows"], "--into", plan_file, "--units", "gbp_m",
                       "--update")
    assert code == 0 and "amounts in £m" in out


def test_bad_plan_workbook_leaves_the_plan_file(plan_file, corpus, capsys):
    before = digest(plan_file)
    code, _, err = run(capsys, "import", corpus["title_block"], "--into", plan_file, "--force")
    assert code == 2 and "no 'Plan' sheet" in err and digest(plan_file) == before


def test_export_needs_an_xlsx_name(tmp_path, capsys):
    code, _, err = run(capsys, "export", "--sample", "mh-collaborative", "--to", tmp_path / "plan.csv")
    assert code == 2 and "ending .xlsx" in err


def test_new_plan_for_any_icbs_and_services_then_drop_what_the_sheet_leaves_empty(tmp_path, corpus, capsys):
    target = tmp_path / "new.specplan"
    code, out, _ = run(capsys, "new", target, "--icbs", "QJ2,QK1,QJM,QPM,QT1",
                       "--services", "NCBPS23K,NCBPS23L,NCBPS22E,NCBPS22S/MS_M_MI")
    assert code == 0 and "5 ICBs, 4 services" in out
    plan = open_plan(target, read_only=True)
    assert [i.code for i in plan.icbs] == ["QJ2", "QK1", "QJM", "QPM", "QT1"]
    before = digest(target)
    code, out, _ = run(capsys, "import-baseline", corpus["title_block"], "--into", target, "--replace",
                       "--drop-empty", "--dry-run")
    assert code == 0 and digest(target) == before
    assert "would drop 3 ICBs (QJM, QPM, QT1) and 1 service (NCBPS22S/MS_M_MI) with no spend or activity" in out
    code, out, _ = run(capsys, "import-baseline", corpus["title_block"], "--into", target, "--replace", "--drop-empty")
    assert code == 0 and "dropped " in out
    trimmed = open_plan(target, read_only=True)
    assert trimmed.baseline.total_pence == TITLE_TOTAL_PENCE
    used = trimmed.baseline.spend_pence != 0
    assert used.any(axis=(1, 2)).all() and used.any(axis=(0, 2)).all()  # every service and ICB kept has money
    assert [i.code for i in trimmed.icbs] == ["QJ2", "QK1"] and len(trimmed.services) == 3


def test_new_plan_by_region_with_services_and_bad_codes(tmp_path, capsys):
    code, out, _ = run(capsys, "new", tmp_path / "r.specplan", "--region", "Y60", "--services", "NCBPS23K,NCBPS22E")
    assert code == 0 and "2 services" in out
    assert [s.code for s in open_plan(tmp_path / "r.specplan", read_only=True).services] == ["NCBPS22E", "NCBPS23K"]
    code, _, err = run(capsys, "new", tmp_path / "x.specplan", "--icbs", "QJ2,QX9")
    assert code == 2 and "unknown: 'QX9' (did you mean QOX?)" in err and not (tmp_path / "x.specplan").exists()
    code, _, err = run(capsys, "new", tmp_path / "x.specplan", "--sample", "national", "--services", "NCBPS23K")
    assert code == 2 and "--services goes with --icbs or --region" in err
