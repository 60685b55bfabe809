"""The Baseline view as a person uses it: read, sort, filter and edit the base-year cells."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit, QWidget

from specplan.domain.samples import build_sample
from specplan.ui.document.document import Document
from specplan.ui.formatting import exact_money
from specplan.ui.models.baseline_model import ACTIVITY, ICB_NAME, SETTING, SPEND, UNIT_COST
from specplan.ui.views.baseline import BaselineView
from specplan.ui.widgets.refusal import note_of, shown_refusal


def mark_saved(window) -> None:
    """Tests end with edits in place; marking them saved lets the window close without asking
    (and a dirty undo stack would signal while it is destroyed, after its Document has gone)."""
    window.document.undo_stack.setClean()


def open_view(window) -> BaselineView:
    titles = [window.tabs.tabText(n) for n in range(window.tabs.count())]
    window.tabs.setCurrentIndex(titles.index("Baseline"))
    view = window.tabs.currentWidget()
    assert isinstance(view, BaselineView)
    return view


def type_into_cell(qtbot, view: BaselineView, row: int, column: int, text: str) -> None:
    """Double-click the cell, replace the editor's text and press Enter, as a person would."""
    table = view.table
    index = view.proxy.index(row, column)
    table.scrollTo(index)
    centre = table.visualRect(index).center()
    QTest.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, centre)
    QTest.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, centre)
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit), editor
    editor.selectAll()
    qtbot.keyClicks(editor, text)
    QTest.keyClick(editor, Qt.Key.Key_Return)
    QApplication.processEvents()  # the delegate commits the editor's text on a queued call


def click_header(view: BaselineView, column: int) -> None:
    header = view.table.horizontalHeader()
    x = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
    QTest.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                     QPoint(x, header.height() // 2))


def shown_cells(view: BaselineView, column: int) -> list:
    return [view.proxy.index(r, column).data(Qt.ItemDataRole.UserRole) for r in range(view.proxy.rowCount())]


def test_every_cell_is_a_row_and_the_totals_reconcile_to_the_penny(window):
    view = open_view(window)
    baseline = window.document.plan.baseline
    assert view.proxy.rowCount() == baseline.spend_pence.size == 200
    s, i, k = view.proxy.index(7, 0).data(Qt.ItemDataRole.UserRole + 1)
    assert view.proxy.index(7, SPEND).data() == exact_money(int(baseline.spend_pence[s, i, k]))
    assert view.proxy.index(7, ACTIVITY).data() == f"{baseline.activity[s, i, k]:,.1f}"
    assert view.proxy.index(7, 6).data() == window.document.plan.services[s].unit(window.document.plan.settings[k])
    assert exact_money(baseline.total_pence) in view.totals.text()
    assert exact_money(baseline.total_pence) == "£119,145,586.00"


def test_typing_a_spend_changes_that_cell_in_pence_and_undo_restores(qtbot, window):
    doc = window.document
    view = open_view(window)
    before = doc.plan
    s, i, k = view.proxy.index(3, SPEND).data(Qt.ItemDataRole.UserRole + 1)
    type_into_cell(qtbot, view, 3, SPEND, "£1,234.50")
    spend = doc.plan.baseline.spend_pence
    assert spend[s, i, k] == 123_450
    changed = np.argwhere(spend != before.baseline.spend_pence)
    assert changed.tolist() == [[s, i, k]]
    assert np.array_equal(doc.plan.baseline.activity, before.baseline.activity)
    assert view.proxy.index(3, SPEND).data() == "£1,234.50"
    assert exact_money(doc.plan.baseline.total_pence) in view.totals.text()
    assert doc.undo_stack.count() == 1
    assert window.actions["undo"].text().startswith("&Undo Set base-year spend to £1,234.50 for ")
    window.actions["undo"].trigger()
    assert doc.plan.baseline == before.baseline
    assert view.proxy.index(3, SPEND).data() == exact_money(int(before.baseline.spend_pence[s, i, k]))
    assert exact_money(before.baseline.total_pence) in view.totals.text()


def test_typing_activity_changes_activity_and_unit_cost(qtbot, window):
    doc = window.document
    view = open_view(window)
    s, i, k = view.proxy.index(0, ACTIVITY).data(Qt.ItemDataRole.UserRole + 1)
    spend = int(doc.plan.baseline.spend_pence[s, i, k])
    type_into_cell(qtbot, view, 0, ACTIVITY, "2,500.5")
    assert doc.plan.baseline.activity[s, i, k] == 2500.5
    assert doc.plan.baseline.spend_pence[s, i, k] == spend
    assert view.proxy.index(0, UNIT_COST).data() == f"£{spend / 100 / 2500.5:,.2f}"
    mark_saved(window)


def refusal_at_cell(window, view: BaselineView, row: int, column: int) -> str:
    """The refusal shown, checked to sit just under (or over) the cell."""
    note = note_of(window)
    assert note is not None and note.isVisible(), "no refusal is shown"
    viewport = view.table.viewport()
    rect = view.table.visualRect(view.proxy.index(row, column))
    top, bottom = viewport.mapTo(window, rect.topLeft()).y(), viewport.mapTo(window, rect.bottomLeft()).y()
    assert note.y() in (bottom + 2, top - note.height() - 2), "the refusal is not beside the cell"
    return note.text()


def test_invalid_text_is_refused_beside_the_cell_in_pounds_and_changes_nothing(qtbot, window):
    doc = window.document
    view = open_view(window)
    before = doc.plan
    s, i, k = view.proxy.index(2, SPEND).data(Qt.ItemDataRole.UserRole + 1)
    where = f"{doc.plan.services[s].code} / {view.proxy.index(2, ICB_NAME).data()} / "
    for column, text, reason in (
            (SPEND, "abc", "\u201cabc\u201d is not a number; type pounds such as £4,100,000, 4,100k or £4.1m"),
            (SPEND, "-5", "\u201c-5\u201d is negative; spend is zero or more"),
            (SPEND, "£1.234", "\u201c£1.234\u201d has a fraction of a penny (£1.234); give pounds and pence such as £1.23"),
            (ACTIVITY, "lots", "\u201clots\u201d is not a number; type a number of units such as 1,234.5"),
            (ACTIVITY, "-1", "\u201c-1\u201d is negative; activity is zero or more")):
        type_into_cell(qtbot, view, 2, column, text)
        message = refusal_at_cell(window, view, 2, column)
        what = "spend" if column == SPEND else "activity"
        assert message.startswith(f"Base-year {what} for {where}") and message.endswith(f"not changed: {reason}")
    assert doc.plan is before
    assert doc.undo_stack.count() == 0
    type_into_cell(qtbot, view, 2, SPEND, "12")  # the next edit, taken: the refusal goes
    assert shown_refusal(window) == ""
    mark_saved(window)


def test_a_spend_cell_takes_the_money_text_the_importer_takes(qtbot, window):
    doc = window.document
    view = open_view(window)
    s, i, k = view.proxy.index(3, SPEND).data(Qt.ItemDataRole.UserRole + 1)
    for text in ("4.1m", "£4.2m", "4,300k", "£4,400,000"):
        type_into_cell(qtbot, view, 3, SPEND, text)
        assert shown_refusal(window) == ""
        assert int(doc.plan.baseline.spend_pence[s, i, k]) == {
            "4.1m": 410_000_000, "£4.2m": 420_000_000, "4,300k": 430_000_000, "£4,400,000": 440_000_000}[text]
    assert view.proxy.index(3, SPEND).data() == "£4,400,000.00"
    mark_saved(window)


def test_an_edit_repaints_only_its_own_row(qtbot, window):
    view = open_view(window)
    changes, resets = [], []
    view.model.dataChanged.connect(lambda top, bottom, *_: changes.append((top.row(), bottom.row())))
    view.model.modelReset.connect(lambda: resets.append(True))
    source_row = view.proxy.mapToSource(view.proxy.index(5, SPEND)).row()
    type_into_cell(qtbot, view, 5, SPEND, "99")
    assert changes == [(source_row, source_row)]
    assert resets == []
    mark_saved(window)


def test_clicking_a_header_sorts_and_clicking_again_reverses(qtbot, window):
    view = open_view(window)
    click_header(view, SPEND)
    values = shown_cells(view, SPEND)
    assert values == sorted(values)
    click_header(view, SPEND)
    values = shown_cells(view, SPEND)
    assert values == sorted(values, reverse=True)
    assert values[0] == window.document.plan.baseline.spend_pence.max()
    click_header(view, ICB_NAME)
    names = [view.proxy.index(r, ICB_NAME).data() for r in range(view.proxy.rowCount())]
    assert names == sorted(names, key=str.casefold)
    # Editing in a sorted table edits the cell shown in that row.
    s, i, k = view.proxy.index(10, SPEND).data(Qt.ItemDataRole.UserRole + 1)
    type_into_cell(qtbot, view, 10, SPEND, "12")
    assert window.document.plan.baseline.spend_pence[s, i, k] == 1200
    mark_saved(window)


def test_filter_box_and_navigator_scope_narrow_the_rows_and_the_shown_total(qtbot, window):
    doc = window.document
    view = open_view(window)
    qtbot.keyClicks(view.filter, "lincolnshire inpatient")
    assert view.proxy.rowCount() == len(doc.plan.services)
    assert {view.proxy.index(r, ICB_NAME).data() for r in range(view.proxy.rowCount())} == {"Lincolnshire"}
    assert {view.proxy.index(r, SETTING).data() for r in range(view.proxy.rowCount())} == {"Inpatient"}
    i = doc.plan.icb_index["QJM"]
    shown = int(doc.plan.baseline.spend_pence[:, i, 0].sum())
    assert f"spend <b>{exact_money(shown)}</b>" in view.totals.text()
    assert exact_money(doc.plan.baseline.total_pence) in view.totals.text()
    view.filter.clear()
    window.navigator.set_checked("icb", "QJ2", False)
    assert view.proxy.rowCount() == 4 * len(doc.plan.services) * len(doc.plan.settings)
    assert "Derby and Derbyshire" not in {view.proxy.index(r, ICB_NAME).data() for r in range(view.proxy.rowCount())}
    kept = doc.plan.baseline.spend_pence[:, [n for n, icb in enumerate(doc.plan.icbs) if icb.code != "QJ2"]].sum()
    assert exact_money(int(kept)) in view.totals.text()


def test_the_national_plan_loads_without_widgets_per_cell_and_sorts(qtbot, window):
    window.set_document(Document(build_sample("national")))
    view = open_view(window)
    baseline = window.document.plan.baseline
    assert view.proxy.rowCount() == baseline.spend_pence.size > 20_000  # 156 lines x 36 ICBs x 4
    assert len(view.table.findChildren(QWidget)) < 40
    click_header(view, SPEND)
    click_header(view, SPEND)
    assert view.proxy.index(0, SPEND).data() == exact_money(int(baseline.spend_pence.max()))
    assert exact_money(baseline.total_pence) in view.totals.text()
    qtbot.keyClicks(view.filter, "cancer london")
    assert view.proxy.rowCount() == baseline.spend_pence.size  # a big plan waits for a pause in typing
    qtbot.waitUntil(lambda: 0 < view.proxy.rowCount() < 1000, timeout=5000)


def test_a_plan_with_other_cells_resets_the_table(qtbot, window):
    view = open_view(window)
    resets = []
    view.model.modelReset.connect(lambda: resets.append(True))
    click_header(view, SPEND)
    window.document.replace_plan(build_sample("national"), "Import")
    assert resets == [True]
    assert view.proxy.rowCount() == window.document.plan.baseline.spend_pence.size
    values = shown_cells(view, SPEND)
    assert values == sorted(values)  # still in the order the header shows
    assert exact_money(window.document.plan.baseline.total_pence) in view.totals.text()
    mark_saved(window)


def test_a_read_only_plan_cannot_be_edited(window):
    window.set_document(Document(window.document.plan, read_only=True, read_only_reason="held by ana"))
    view = open_view(window)
    assert not view.proxy.index(0, SPEND).flags() & Qt.ItemFlag.ItemIsEditable


def test_what_a_person_may_type_for_money_and_activity():
    import pytest

    from specplan.ui.models.inputs import parse_activity, parse_pounds

    assert parse_pounds("£1,234.50") == 123_450
    assert parse_pounds(" 1234.5 ") == 123_450
    assert parse_pounds("£0") == 0
    assert parse_pounds("12,345,678.09") == 1_234_567_809
    assert parse_activity("2,500.5") == 2500.5
    assert parse_pounds("4.1m") == 410_000_000 and parse_pounds("£4,100k") == 410_000_000
    for bad in ("", "abc", "-1", "£-1", "1,23", "1.234", "£", ".", "1.2x"):
        with pytest.raises(ValueError):
            parse_pounds(bad)
    for bad in ("", "x", "-0.5", "nan", "inf"):
        with pytest.raises(ValueError):
            parse_activity(bad)


def test_a_plan_in_review_mode_cannot_be_edited(window):
    window.set_document(Document(window.document.plan, review_mode=True))
    view = open_view(window)
    assert not view.proxy.index(0, ACTIVITY).flags() & Qt.ItemFlag.ItemIsEditable


def test_an_edit_keeps_the_filter_and_the_scope_still_narrows(qtbot, window, monkeypatch):
    doc = window.document
    view = open_view(window)
    window.navigator.set_checked("icb", "QJ2", False)
    rows = view.proxy.rowCount()
    passes = []
    real = type(view.proxy)._recompute
    monkeypatch.setattr(type(view.proxy), "_recompute", lambda self: passes.append(1) or real(self))
    type_into_cell(qtbot, view, 0, SPEND, "1234.56")
    qtbot.waitUntil(lambda: not doc._pending, timeout=2000)
    assert passes == []  # the same rows: no pass over every cell again
    assert view.proxy.rowCount() == rows
    window.navigator.set_checked("icb", "QJ2", True)
    assert passes and view.proxy.rowCount() == doc.plan.baseline.spend_pence.size
    mark_saved(window)
