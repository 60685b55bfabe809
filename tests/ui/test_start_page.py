from __future__ import annotations

from specplan.store import PlanFile
from specplan.ui.shell.main_window import MainWindow


def test_start_page_opens_a_sample_a_template_and_recent_plans(qtbot, dialogs, settings, tmp_path):
    window = MainWindow(dialogs=dialogs, settings=settings)
    qtbot.addWidget(window, before_close_func=lambda w: w.document and w.document.undo_stack.setClean())
    window.show()
    assert window.tabs.tabText(0) == "Start" and window.document is None
    page = window.start_page
    page.sample.setCurrentText("national")
    page.open_sample.click()
    assert window.document.plan.name.startswith("England specialised")
    window.actions["close"].trigger()
    page = window.start_page
    page.region.setCurrentIndex(page.region.findData("Y60"))
    page.new_plan.click()
    plan = window.document.plan
    assert len(plan.icbs) == 11 and plan.baseline.total_pence == 0 and plan.scenarios[0].name == "Do nothing"
    path = tmp_path / "recent.specplan"
    PlanFile.create(plan.replace(name="Recent one"), path).close()
    window.open_path(path)
    window.actions["close"].trigger()
    recent = window.start_page.recent
    assert recent.count() == 1 and recent.item(0).text() == "recent.specplan"
    recent.itemActivated.emit(recent.item(0))
    assert window.document.plan.name == "Recent one"
    window.recent_menu.aboutToShow.emit()
    assert [a.text() for a in window.recent_menu.actions()] == ["recent.specplan"]


def test_import_from_the_start_page_opens_the_wizard_on_a_template(qtbot, window):
    window.actions["close"].trigger()
    window.start_page.import_button.click()
    assert window.document is not None and len(window.document.plan.icbs) == 36  # the latest vintage, 2026-04
    assert window.import_wizard.isVisible()
    window.import_wizard.reject()
