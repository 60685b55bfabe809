"""The import wizard as a finance analyst uses it: file, sheet, roles, report, import."""

from __future__ import annotations

import openpyxl


def finance_book(path, plan, bad_cell: str | None = None):
    """A wide sheet under a title block: one row per service and ICB, a column per setting (£)."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Budgets 2025-26"
    sheet.append(["East Midlands specialised mental health budgets"])
    sheet.append(["All figures £"])
    sheet.append([])
    sheet.append(["Service line", "ICB code", "Inpatient", "Day case", "Outpatient", "Community"])
    expected = 0
    for s, service in enumerate(plan.services):
        for i, icb in enumerate(plan.icbs):
            values = [int(plan.baseline.spend_pence[s, i, k]) // 100 + 1 for k in range(4)]
            expected += sum(values) * 100
            sheet.append([service.code, icb.code, *values])
    if bad_cell:
        sheet[bad_cell] = "12,3x4"
    book.create_sheet("Notes").append(["not data"])
    book.save(path)
    return expected


def run_to_check_page(qtbot, window, path):
    wizard = window.open_import_wizard(path)
    qtbot.addWidget(wizard)
    assert wizard.currentPage() is wizard.file_page
    wizard.next()
    assert wizard.currentPage() is wizard.sheet_page
    assert wizard.sheet_page.sheets.currentItem().text() == "Budgets 2025-26"
    wizard.next()  # reads the sheet in the background, then moves on
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.roles_page, timeout=10_000)
    return wizard


def test_import_a_finance_sheet_then_undo(qtbot, window, tmp_path):
    plan = window.document.plan
    path = tmp_path / "budgets.xlsx"
    expected = finance_book(path, plan)
    wizard = run_to_check_page(qtbot, window, path)
    roles = wizard.roles_page.roles()
    assert roles[:6] == ["service", "icb", "spend: inpatient", "spend: day_case", "spend: outpatient",
                         "spend: community"]
    wizard.next()
    qtbot.waitUntil(lambda: wizard.check_page.isComplete(), timeout=10_000)
    assert "total imported" in wizard.check_page.summary.text()
    wizard.button(wizard.WizardButton.FinishButton).click()
    assert window.document.plan.baseline.total_pence == expected
    window.document.undo_stack.undo()
    assert window.document.plan.baseline.total_pence == plan.baseline.total_pence


def test_roles_can_be_changed(qtbot, window, tmp_path):
    path = tmp_path / "budgets.xlsx"
    finance_book(path, window.document.plan)
    wizard = run_to_check_page(qtbot, window, path)
    wizard.roles_page.combos[5].setCurrentText("(ignore)")  # leave community out
    wizard.next()
    qtbot.waitUntil(lambda: wizard.check_page.isComplete(), timeout=10_000)
    plan, _report = wizard.result
    assert plan.baseline.spend_pence[:, :, 3].sum() == 0


def test_problems_are_listed_with_cells_and_show_their_row(qtbot, window, tmp_path):
    path = tmp_path / "bad.xlsx"
    finance_book(path, window.document.plan, bad_cell="E7")
    before = window.document.plan
    wizard = run_to_check_page(qtbot, window, path)
    wizard.next()
    check = wizard.check_page
    qtbot.waitUntil(lambda: check.problems.count() > 0, timeout=10_000)
    text = check.problems.item(0).text()
    assert "E7" in text and "12,3x4" in text
    assert not check.isComplete()
    item = check.problems.item(0)
    check.problems.itemClicked.emit(item)
    assert check.shown_row == 6 and check.preview.item(0, 4).text() == "12,3x4"
    wizard.reject()
    assert window.document.plan is before


def test_a_file_that_is_not_a_workbook_is_refused_on_the_first_page(qtbot, window, tmp_path):
    path = tmp_path / "fake.xlsx"
    path.write_text("<html>not a workbook</html>")
    wizard = window.open_import_wizard(path)
    qtbot.addWidget(wizard)
    wizard.next()
    assert wizard.currentPage() is wizard.file_page
    assert wizard.file_page.message.text()


def test_a_sheet_that_leaves_cells_out_asks_before_zeroing_them(qtbot, window, tmp_path):
    """Leaving the community column out: Finish asks, and Update keeps the plan's community cells."""
    from specplan.ui.shell.import_wizard import REPLACE, UPDATE

    before = window.document.plan
    path = tmp_path / "budgets.xlsx"
    finance_book(path, before)
    community = before.baseline.spend_pence[:, :, 3].copy()
    for answer, kept in ((None, None), (UPDATE, True), (REPLACE, False)):
        wizard = run_to_check_page(qtbot, window, path)
        wizard.roles_page.combos[5].setCurrentText("(ignore)")
        wizard.next()
        qtbot.waitUntil(lambda w=wizard: w.check_page.isComplete(), timeout=10_000)
        assert "on Finish you choose" in wizard.check_page.summary.text()
        window.dialogs.answer("choose", answer)
        wizard.button(wizard.WizardButton.FinishButton).click()
        kind, (title, question, items) = window.dialogs.asked[-1]
        assert kind == "choose" and items == [REPLACE, UPDATE]
        assert question.startswith(f"The sheet does not mention {(community != 0).sum()} cells")
        after = window.document.plan.baseline.spend_pence[:, :, 3]
        if kept is None:
            assert window.document.plan is before and wizard.isVisible()
            wizard.reject()
        else:
            assert (after == community).all() if kept else not after.any()
            assert window.document.plan.baseline.spend_pence[:, :, 0].sum() != before.baseline.spend_pence[:, :, 0].sum()
            window.document.undo_stack.undo()
        assert window.document.plan.baseline == before.baseline
