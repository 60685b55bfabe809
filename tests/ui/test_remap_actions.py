"""File > Re-map to footprints and File > Add ICB vintage, driven through the menu actions with
the dialogs answering: the new file, the untouched original, the report and its reconciliation."""

from __future__ import annotations

import csv

import pytest
from PySide6.QtCore import Qt
from vintage_rows import rows_2027

from specplan.domain.reference import load_reference
from specplan.domain.samples import national
from specplan.domain.user_vintages import load_vintages
from specplan.store import open_plan, read_change_log, save_plan

TO_2026 = "2026-04 (from 2026-04-01, 36 ICBs)"


@pytest.fixture
def vintages_dir(tmp_path, monkeypatch):
    """This test's own per-user vintage folder, empty at the start."""
    folder = tmp_path / "user-vintages"
    monkeypatch.setenv("SPECPLAN_VINTAGES_DIR", str(folder))
    return folder


def pence(text: str) -> int:
    """``£1,234.56`` or ``-£0.01`` as shown in the report -> pence."""
    sign = -1 if text.startswith("-") else 1
    pounds, p = text.lstrip("-£").replace(",", "").split(".")
    return sign * (int(pounds) * 100 + int(p))


def column(table, header: str) -> list[str]:
    headers = [table.horizontalHeaderItem(c).text() for c in range(table.columnCount())]
    c = headers.index(header)
    return [table.item(r, c).text() for r in range(table.rowCount())]


def wait_for_report(qtbot, window):
    task = window.background_task
    with qtbot.waitSignal(task.finished, timeout=60_000):
        pass
    qtbot.waitUntil(lambda: getattr(window, "remap_report", None) is not None, timeout=10_000)
    return window.remap_report


def test_remap_writes_a_new_file_reports_and_leaves_the_original(qtbot, window, dialogs, tmp_path, vintages_dir):
    old = national(load_reference(), "2022-07")
    original = tmp_path / "england.specplan"
    save_plan(old, original)
    before = original.read_bytes()
    assert window.open_path(original)
    target = tmp_path / "england on 2026.specplan"
    dialogs.answer("choose", TO_2026)
    dialogs.answer("save_path", str(target))
    assert window.actions["remap"].isEnabled()
    window.actions["remap"].trigger()
    report = wait_for_report(qtbot, window)

    choose = next(args for kind, args in dialogs.asked if kind == "choose")
    assert choose[2] == [TO_2026]  # only the next vintage: remap cannot reach further
    save = next(args for kind, args in dialogs.asked if kind == "save_path")
    assert save[2] == str(tmp_path / f"{old.name} (2026-04).specplan")  # beside the plan's file
    new = open_plan(target, read_only=True)
    assert new.vintage == "2026-04" and len(new.icbs) == 36
    assert new.baseline.total_pence == old.baseline.total_pence == 2_075_609_505_800
    assert [(e.what, e.old, e.new) for e in read_change_log(target)] == [("ICB vintage (re-mapped)", "2022-07", "2026-04")]
    assert original.read_bytes() == before
    assert window.document.path == original and window.document.plan == old and not window.document.dirty

    assert report.isVisible() and not report.isModal()
    assert "difference £0.00" in report.summary.text() and "agrees to the penny" in report.summary.text()
    rows = report.reconciliation
    assert rows.rowCount() == len(report.report.reconciliation) > 100
    assert set(column(rows, "Difference")) == {"£0.00"}
    assert sum(pence(t) for t in column(rows, "Before")) == old.baseline.total_pence
    assert sum(pence(t) for t in column(rows, "After")) == new.baseline.total_pence
    regions = report.regions
    assert regions.rowCount() == 7 and set(column(regions, "Difference")) == {"£0.00"}
    assert sum(pence(t) for t in column(regions, "After")) == old.baseline.total_pence
    frimley = [r for r in range(report.money.rowCount()) if report.money.item(r, 0).text() == "QNQ"]
    shown = [report.money.item(r, 2).text() for r in frimley]
    assert "QRL" in shown and shown == [d.to for d in report.report.icbs["QNQ"]]
    assert sum(pence(report.money.item(r, 5).text()) for r in frimley) == \
        int(old.baseline.spend_pence[:, [i.code for i in old.icbs].index("QNQ"), :].sum())
    assert report.widened.item(0).text().startswith("None")

    qtbot.mouseClick(report.open_button, Qt.MouseButton.LeftButton)
    assert window.document.path == target and window.document.plan.vintage == "2026-04"
    assert original.read_bytes() == before


def test_remap_says_when_no_vintage_follows_and_needs_a_plan(window, dialogs, vintages_dir):
    assert window.document.plan.vintage == "2026-04"
    window.actions["remap"].trigger()
    kind, (title, message) = dialogs.asked[-1]
    assert kind == "info" and "No ICB vintage follows the plan's 2026-04" in message
    assert "Add ICB vintage" in message
    window.actions["close"].trigger()
    assert not window.actions["remap"].isEnabled()


def write_csv(path, rows) -> None:
    with path.open("w", newline="", encoding="utf-8") as handle:
        csv.writer(handle).writerows(rows)


def test_add_vintage_refuses_a_bad_table_then_accepts_a_good_one(qtbot, window, dialogs, tmp_path, vintages_dir):
    rows = rows_2027()
    rows[4][7] = 0.5  # line 5 of the CSV: one share broken
    write_csv(tmp_path / "bad.csv", rows)
    dialogs.answer("open_path", str(tmp_path / "bad.csv"))
    window.actions["add_vintage"].trigger()
    kind, (title, message) = dialogs.asked[-1]
    assert kind == "error" and "bad.csv row 5" in message and "exactly 1" in message
    assert "No vintage was added" in message
    assert not vintages_dir.exists() and load_vintages().codes == ("2022-07", "2026-04")

    rows[4][7] = 1
    write_csv(tmp_path / "good.csv", rows)
    dialogs.answer("open_path", str(tmp_path / "good.csv"))
    window.actions["add_vintage"].trigger()
    kind, (title, message) = dialogs.asked[-1]
    assert kind == "info" and "Added ICB vintage 2027-04" in message and "35 ICBs" in message
    assert [p.name for p in vintages_dir.iterdir()] == ["2027-04.csv"]
    assert load_vintages().codes == ("2022-07", "2026-04", "2027-04")

    # Re-map now offers the new vintage to a plan on 2026-04 (here declined at the file name).
    dialogs.answer("choose", "2027-04 (from 2027-04-01, 35 ICBs)")
    dialogs.answer("save_path", None)
    window.actions["remap"].trigger()
    assert [a[2] for k, a in dialogs.asked if k == "choose"][-1] == ["2027-04 (from 2027-04-01, 35 ICBs)"]
    # ...and a new plan from the template is on it.
    dialogs.answer("choose", "England: all 35 ICBs")
    window.actions["new_template"].trigger()
    assert window.document.plan.vintage == "2027-04" and len(window.document.plan.icbs) == 35
    window.actions["close"].trigger()
    assert window.start_page.region.itemText(0) == "England: all 35 ICBs (2027-04)"


def test_a_cancelled_remap_never_leaves_a_file_without_its_report(qtbot, window, tmp_path, vintages_dir):
    old = national(load_reference(), "2022-07")
    original = tmp_path / "england.specplan"
    save_plan(old, original)
    assert window.open_path(original)
    target = tmp_path / "cancelled.specplan"
    task = window.remap_into(load_vintages(), "2026-04", target)
    task.cancel()
    with qtbot.waitSignal(task.finished, timeout=60_000):
        pass
    qtbot.wait(50)
    report = getattr(window, "remap_report", None)
    # Cancelled before the write (the usual case): no file, no report. If the write had already
    # finished, the file is there and so is its report.
    assert target.exists() == (report is not None)
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]  # no temporary left
    assert window.document.path == original and window.document.plan == old
