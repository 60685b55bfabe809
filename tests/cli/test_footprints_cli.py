"""``specplan-cli footprints`` and ``remap``: their JSON keys, messages and refusals."""

from __future__ import annotations

import json

import pytest

from specplan.cli import main
from specplan.domain.reference import load_reference
from specplan.domain.samples import national
from specplan.store import open_plan, save_plan


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def old_plan(tmp_path):
    path = tmp_path / "england-2022.specplan"
    save_plan(national(load_reference(), "2022-07"), path)
    return path


def test_footprints_lists_the_vintages_and_one_vintages_icbs(capsys):
    code, out, _ = run(capsys, "footprints", "--json")
    assert code == 0 and json.loads(out) == [
        {"code": "2022-07", "effective_from": "2022-07-01", "icb_count": 42},
        {"code": "2026-04", "effective_from": "2026-04-01", "icb_count": 36}]
    code, out, _ = run(capsys, "footprints", "--vintage", "2026-04", "--json")
    icbs = json.loads(out)
    assert code == 0 and len(icbs) == 36 and set(icbs[0]) == {"code", "name", "region", "weight"}
    assert {"code": "S1Y5D", "name": "NHS Central East Integrated Care Board", "region": "Y61",
            "weight": 2780662} in icbs
    code, out, _ = run(capsys, "footprints")
    assert code == 0 and "2026-04" in out and "36" in out
    code, _, err = run(capsys, "footprints", "--vintage", "1999-01")
    assert code == 2 and "unknown vintage '1999-01'" in err


def test_remap_json_keys_and_the_original_kept(capsys, old_plan, tmp_path):
    before = old_plan.read_bytes()
    target = tmp_path / "england-2026.specplan"
    code, out, _ = run(capsys, "remap", str(old_plan), "--to", "2026-04", "--into", str(target), "--json")
    report = json.loads(out)
    assert code == 0 and list(report) == ["from_vintage", "to_vintage", "icbs", "widened", "reconciliation"]
    assert report["from_vintage"] == "2022-07" and report["to_vintage"] == "2026-04"
    assert len(report["icbs"]) == 42 and set(report["icbs"]["QM7"][0]) == {"to", "share", "spend_pence"}
    assert [d["to"] for d in report["icbs"]["QM7"]] == ["S1Y5D", "D7T5G"]
    row = report["reconciliation"][0]
    assert set(row) == {"service", "setting", "before_pence", "after_pence"}
    assert all(r["before_pence"] == r["after_pence"] for r in report["reconciliation"])
    assert old_plan.read_bytes() == before and open_plan(old_plan, read_only=True).vintage == "2022-07"
    new = open_plan(target, read_only=True)
    assert new.vintage == "2026-04" and len(new.icbs) == 36
    code, out, _ = run(capsys, "summary", str(target), "--json")
    assert json.loads(out)["vintage"] == "2026-04"
    code, _, err = run(capsys, "remap", str(old_plan), "--to", "2026-04", "--into", str(target))
    assert code == 2 and "already exists" in err
    code, out, _ = run(capsys, "remap", str(old_plan), "--to", "2026-04", "--into", str(target), "--force")
    assert code == 0 and "QNQ -> QRL 22.9339%" in out and "agree to the penny" in out


def test_remap_refusals(capsys, old_plan, tmp_path):
    code, _, err = run(capsys, "remap", str(old_plan), "--to", "2022-07", "--into", str(tmp_path / "x.specplan"))
    assert code == 2 and "the vintage after the plan's 2022-07" in err
    code, _, err = run(capsys, "remap", str(old_plan), "--to", "2026-04", "--into", str(old_plan))
    assert code == 2 and "the original is kept" in err
    code, _, err = run(capsys, "remap", "--sample", "national", "--to", "2026-04", "--into", str(tmp_path / "y.specplan"))
    assert code == 2 and "latest vintage" in err


def test_add_vintage_from_a_workbook(capsys, tmp_path, monkeypatch):
    import openpyxl

    monkeypatch.setenv("SPECPLAN_VINTAGES_DIR", str(tmp_path / "mine"))
    from vintage_rows import rows_2027

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Vintage"
    for row in rows_2027():
        sheet.append(row)
    sheet.cell(5, 8).value = 0.5  # one share broken: refused, naming the sheet and row
    book.save(tmp_path / "bad.xlsx")
    code, _, err = run(capsys, "footprints", "add-vintage", str(tmp_path / "bad.xlsx"))
    assert code == 2 and "bad.xlsx sheet Vintage row 5" in err and "exactly 1" in err
    sheet.cell(5, 8).value = 1
    book.save(tmp_path / "good.xlsx")
    code, out, _ = run(capsys, "footprints", "add-vintage", str(tmp_path / "good.xlsx"))
    assert code == 0 and "added vintage 2027-04" in out and "35 ICBs" in out
    code, out, _ = run(capsys, "footprints", "--json")
    assert [v["code"] for v in json.loads(out)] == ["2022-07", "2026-04", "2027-04"]
    code, _, err = run(capsys, "footprints", "add-vintage", str(tmp_path / "missing.csv"))
    assert code == 2 and "no such file" in err and "missing.csv" in err
