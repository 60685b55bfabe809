"""The Options view, driven as a person would: clicks, typing and a real slider drag."""

from __future__ import annotations

import numpy as np
import pytest
from choosing import choose
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QListWidget,
    QSlider,
    QStyle,
    QStyleOptionSlider,
    QTableWidget,
    QWidget,
)

from specplan.domain import ConvergenceLever, PlanningLevel, PlanningLevelLever, ShiftLever
from specplan.engine.goalseek import measure
from specplan.ui.widgets.refusal import note_of, shown_refusal


@pytest.fixture(autouse=True)
def discard_on_close(dialogs, window):
    """The window closes after each test with the edits it made: answer that question up front.

    Afterwards empty the undo stack while its Document is alive: Document relays the stack's
    cleanChanged through a lambda, which raises if the stack outlives it being destroyed dirty.
    """
    dialogs.answer("ask_save_changes", "discard")
    yield
    if window.document is not None:
        window.document.undo_stack.clear()


def refusal_beside(window, control: QWidget, rect=None) -> str:
    """The refusal the window shows, checked to sit just under (or over) ``control``'s ``rect``."""
    note = note_of(window)
    assert note is not None and note.isVisible(), "no refusal is shown"
    rect = control.rect() if rect is None else rect
    top_left = control.mapTo(window, rect.topLeft())
    bottom = control.mapTo(window, rect.bottomLeft()).y()
    assert note.y() in (bottom + 2, top_left.y() - note.height() - 2), "the refusal is not beside the control"
    assert note.x() <= top_left.x() + rect.width() and note.x() + note.width() >= top_left.x()
    return note.text()


def flush(qtbot, window):
    qtbot.waitUntil(lambda: not window.document._pending, timeout=2000)


def open_options(window):
    titles = [window.tabs.tabText(n) for n in range(window.tabs.count())]
    window.tabs.setCurrentIndex(titles.index("Options"))
    return window.tabs.currentWidget()


def click_row(qtbot, view: QAbstractItemView, row: int) -> None:
    rect = view.visualRect(view.model().index(row, 0))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def choose_option(qtbot, view, name: str) -> None:
    names = [view.option_list.list.item(n).text() for n in range(view.option_list.list.count())]
    click_row(qtbot, view.option_list.list, names.index(name))


def _slider_rects(slider: QSlider):
    option = QStyleOptionSlider()
    slider.initStyleOption(option)
    style = slider.style()
    handle = style.subControlRect(QStyle.ComplexControl.CC_Slider, option, QStyle.SubControl.SC_SliderHandle, slider)
    groove = style.subControlRect(QStyle.ComplexControl.CC_Slider, option, QStyle.SubControl.SC_SliderGroove, slider)
    return handle, groove


def slider_point(slider: QSlider, value: int) -> QPoint:
    """Where the handle's centre sits when the slider shows ``value``."""
    handle, groove = _slider_rects(slider)
    span = groove.width() - handle.width()
    x = groove.x() + handle.width() // 2 + QStyle.sliderPositionFromValue(
        slider.minimum(), slider.maximum(), value, span)
    return QPoint(x, handle.center().y())


def drag_slider(qtbot, slider: QSlider, values: list[int], each=None) -> None:
    """Press on the handle, move through ``values`` (calling ``each()`` after every step), release."""
    handle, _groove = _slider_rects(slider)
    QTest.mousePress(slider, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, handle.center())
    assert slider.isSliderDown()
    for value in values:
        QTest.mouseMove(slider, slider_point(slider, value))
        if each is not None:
            each()
    QTest.mouseRelease(slider, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                       slider_point(slider, values[-1]))


def type_into(qtbot, widget, text: str) -> None:
    """Select what a field holds, type ``text`` and press Enter."""
    line = widget.lineEdit() if isinstance(widget, QAbstractSpinBox) else widget
    widget.setFocus()
    line.selectAll()
    qtbot.keyClicks(line, text)
    qtbot.keyClick(line, Qt.Key.Key_Return)


def find_share(qtbot, panel) -> None:
    """Click Find and wait for the search, which runs off the GUI thread."""
    with qtbot.waitSignal(panel.sig_finished, timeout=10_000):
        qtbot.mouseClick(panel.find_button, Qt.MouseButton.LeftButton)


def curve_matches(chart, results, name: str) -> bool:
    _x, y = chart.curves[name].getData()
    return bool(np.allclose(y, results.scenario(name).total_spend / 1e8))


# -- the slider drag -----------------------------------------------------------------------------
def test_dragging_reinvestment_is_live_and_one_undo_step(qtbot, window):
    doc = window.document
    view = open_options(window)
    choose_option(qtbot, view, "Community first")
    assert doc.selected_scenario == "Community first"
    assert window.option_box.currentText() == "Community first"
    slider = view.editor.controls["reinvest_share"].slider
    assert slider.value() == 70
    original = doc.plan
    _x, before = window.tabs.widget(0).trajectory.curves["Community first"].getData()
    seen: list[float] = []

    def each_step():
        # Every step of the drag recomputes and the chart on screen follows, before the release.
        flush(qtbot, window)
        seen.append(doc.plan.scenario("Community first").levers[0].reinvest_share)
        assert curve_matches(view.trajectory, doc.results, "Community first")

    drag_slider(qtbot, slider, [75, 80, 85, 90], each_step)
    flush(qtbot, window)
    lever = doc.plan.scenario("Community first").levers[0]
    assert lever.reinvest_share == slider.value() / 100 and abs(slider.value() - 90) <= 1
    assert len(set(seen)) >= 3 and seen == sorted(seen)
    assert view.editor.controls["reinvest_share"].spin.value() == slider.value()
    assert doc.undo_stack.count() == 1
    assert window.actions["undo"].text() == f"&Undo Set reinvestment of 'Community first' to {slider.value()}%"
    assert f"reinvest {slider.value()}%" in view.lever_list.list.item(0).text()
    # The Overview redraws from the same results when it is shown.
    window.tabs.setCurrentIndex(0)
    assert curve_matches(window.tabs.widget(0).trajectory, doc.results, "Community first")
    _x, after = window.tabs.widget(0).trajectory.curves["Community first"].getData()
    assert after[-1] > before[-1]  # more reinvested, less saved
    # One undo restores the whole drag.
    window.actions["undo"].trigger()
    flush(qtbot, window)
    assert doc.plan == original
    assert curve_matches(window.tabs.widget(0).trajectory, doc.results, "Community first")
    assert np.allclose(window.tabs.widget(0).trajectory.curves["Community first"].getData()[1], before)
    window.tabs.setCurrentWidget(view)
    assert slider.value() == 70


def test_a_second_drag_is_a_second_undo_step_and_typing_a_value_is_one(qtbot, window):
    doc = window.document
    view = open_options(window)
    choose_option(qtbot, view, "Community first")
    target = view.editor.controls["target_share"]
    drag_slider(qtbot, target.slider, [35, 40])
    drag_slider(qtbot, target.slider, [45, 50])
    assert doc.undo_stack.count() == 2
    type_into(qtbot, view.editor.controls["double_running_share"].spin, "25")
    assert doc.plan.scenario("Community first").levers[0].double_running_share == 0.25
    assert doc.undo_stack.count() == 3
    assert doc.undo_stack.undoText() == "Set double running of 'Community first' to 25%"
    assert view.editor.controls["double_running_share"].slider.value() == 25
    type_into(qtbot, view.editor.controls["substitution_ratio"], "2.5")
    assert doc.plan.scenario("Community first").levers[0].substitution_ratio == 2.5
    # A burst of arrow-key steps (a held key) is one undo step too; a pause starts another.
    count = doc.undo_stack.count()
    slider = view.editor.controls["reinvest_share"].slider
    slider.setFocus()
    for _ in range(5):
        qtbot.keyClick(slider, Qt.Key.Key_Right)
    assert doc.plan.scenario("Community first").levers[0].reinvest_share == 0.75
    assert doc.undo_stack.count() == count + 1
    qtbot.wait(900)
    qtbot.keyClick(slider, Qt.Key.Key_Left)
    assert doc.undo_stack.count() == count + 2
    doc.undo_stack.undo()
    doc.undo_stack.undo()
    assert doc.plan.scenario("Community first").levers[0].reinvest_share == 0.7


# -- options -------------------------------------------------------------------------------------
def test_add_duplicate_rename_and_delete_options(qtbot, window, dialogs):
    doc = window.document
    view = open_options(window)
    buttons = view.option_list.buttons
    start = doc.plan
    dialogs.answer("text", "Hospital at home")
    qtbot.mouseClick(buttons["add"], Qt.MouseButton.LeftButton)
    assert [s.name for s in doc.plan.scenarios][-1] == "Hospital at home"
    assert doc.selected_scenario == "Hospital at home"
    assert view.option_list.list.currentItem().text() == "Hospital at home"
    assert doc.undo_stack.undoText() == "Add option 'Hospital at home'"
    assert view.editor.heading.text().startswith("This option has no levers")

    choose_option(qtbot, view, "Community first")
    qtbot.mouseClick(buttons["duplicate"], Qt.MouseButton.LeftButton)
    names = [s.name for s in doc.plan.scenarios]
    assert names[names.index("Community first") + 1] == "Community first (copy)"
    assert doc.selected_scenario == "Community first (copy)"
    assert doc.plan.scenario("Community first (copy)").levers == doc.plan.scenario("Community first").levers

    dialogs.answer("text", "Community first, faster")
    qtbot.mouseClick(buttons["rename"], Qt.MouseButton.LeftButton)
    assert "Community first, faster" in [s.name for s in doc.plan.scenarios]
    assert doc.selected_scenario == "Community first, faster"
    assert window.option_box.currentText() == "Community first, faster"
    assert dialogs.asked[-1] == ("text", ("Rename option", "New name for 'Community first (copy)':",
                                         "Community first (copy)"))

    # A name already taken is refused beside the option's row, naming it; nothing changes.
    count = doc.undo_stack.count()
    dialogs.answer("text", "Do nothing")
    qtbot.mouseClick(buttons["rename"], Qt.MouseButton.LeftButton)
    assert doc.undo_stack.count() == count
    assert dialogs.asked[-1][0] == "text"  # no error dialog to dismiss
    lst = view.option_list.list
    message = refusal_beside(window, lst.viewport(), lst.visualItemRect(lst.currentItem()))
    assert message == ("Name of 'Community first, faster' not changed: \u201cDo nothing\u201d is not accepted; "
                       "expected a name no other option has.")

    # Double-clicking an option renames it too.
    dialogs.answer("text", "Faster")
    item = view.option_list.list.currentItem()
    rect = view.option_list.list.visualItemRect(item)
    qtbot.mouseClick(view.option_list.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(view.option_list.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert doc.selected_scenario == "Faster"
    window.actions["undo"].trigger()
    doc.select_scenario("Community first, faster")

    dialogs.answer("confirm", False)
    qtbot.mouseClick(buttons["delete"], Qt.MouseButton.LeftButton)
    assert "Community first, faster" in [s.name for s in doc.plan.scenarios]
    dialogs.answer("confirm", True)
    qtbot.mouseClick(buttons["delete"], Qt.MouseButton.LeftButton)
    assert "Community first, faster" not in [s.name for s in doc.plan.scenarios]
    assert doc.selected_scenario in {s.name for s in doc.plan.scenarios}
    assert view.option_list.list.currentItem().text() == doc.selected_scenario
    flush(qtbot, window)
    assert set(view.trajectory.curves) == {s.name for s in doc.plan.scenarios}

    while doc.undo_stack.canUndo():
        window.actions["undo"].trigger()
    assert doc.plan == start
    assert [view.option_list.list.item(n).text() for n in range(view.option_list.list.count())] == \
        [s.name for s in start.scenarios]


def test_the_last_option_cannot_be_deleted(qtbot, window, dialogs):
    from specplan.domain import edits

    doc = window.document
    view = open_options(window)
    for name in ("Do nothing", "Community first"):
        doc.try_apply(edits.delete_scenario, name)
    assert not view.option_list.buttons["delete"].isEnabled()


# -- levers --------------------------------------------------------------------------------------
def test_add_reorder_and_remove_levers(qtbot, window):
    doc = window.document
    view = open_options(window)
    choose_option(qtbot, view, "Step-down and outreach")
    levers = view.lever_list
    assert levers.list.count() == 3
    assert levers.list.item(0).text().endswith("double running 40%; 5 services")
    click_row(qtbot, levers.list, 2)
    assert view.editor.title() == "Lever 3 of 'Step-down and outreach': convergence"
    assert not view.editor.controls["target_share"].isVisible()
    assert view.editor.controls["share"].isVisible()
    qtbot.mouseClick(levers.buttons["up"], Qt.MouseButton.LeftButton)
    order = doc.plan.scenario("Step-down and outreach").levers
    assert isinstance(order[1], ConvergenceLever) and isinstance(order[2], ShiftLever)
    assert doc.undo_stack.undoText() == "Move lever 3 of 'Step-down and outreach' to 2"
    assert levers.list.currentRow() == 1
    assert levers.list.item(1).text().startswith("2. Converge 20%")
    assert view.editor.title().startswith("Lever 2 of")
    qtbot.mouseClick(levers.buttons["up"], Qt.MouseButton.LeftButton)
    assert isinstance(doc.plan.scenario("Step-down and outreach").levers[0], ConvergenceLever)
    assert not levers.buttons["up"].isEnabled()
    qtbot.mouseClick(levers.buttons["down"], Qt.MouseButton.LeftButton)
    assert isinstance(doc.plan.scenario("Step-down and outreach").levers[1], ConvergenceLever)

    levers.kind.setCurrentText("Planning-level lever")
    qtbot.mouseClick(levers.buttons["add"], Qt.MouseButton.LeftButton)
    added = doc.plan.scenario("Step-down and outreach").levers[-1]
    assert isinstance(added, PlanningLevelLever)
    assert levers.list.currentRow() == 3
    level = view.editor.controls["level"]
    assert level.isVisible() and not view.editor.icbs.isVisible()
    level.setFocus()
    qtbot.keyClicks(level, "N")  # keyboard search picks "National"
    assert doc.plan.scenario("Step-down and outreach").levers[3].level == PlanningLevel.NATIONAL
    assert doc.undo_stack.undoText() == "Set planning level of 'Step-down and outreach' to national (lever 4)"

    qtbot.mouseClick(levers.buttons["remove"], Qt.MouseButton.LeftButton)
    assert len(doc.plan.scenario("Step-down and outreach").levers) == 3
    assert levers.list.currentRow() == 2


def test_scope_pickers_tick_services_and_icbs(qtbot, window):
    doc = window.document
    view = open_options(window)
    choose_option(qtbot, view, "Community first")
    services, icbs = view.editor.services, view.editor.icbs
    assert services.label.text() == "Services: all 10 (none ticked)"
    item = icbs.list.item(1)
    item.setCheckState(Qt.CheckState.Checked)  # what clicking the box does
    code = doc.plan.icbs[1].code
    assert doc.plan.scenario("Community first").levers[0].icbs == (code,)
    assert icbs.label.text() == "ICBs: 1 of 5"
    assert view.lever_list.list.item(0).text().endswith("; 1 ICB")
    assert doc.undo_stack.undoText() == f"Set ICBs of 'Community first' to {code}"
    item.setCheckState(Qt.CheckState.Unchecked)
    assert doc.plan.scenario("Community first").levers[0].icbs == ()
    services.list.item(0).setCheckState(Qt.CheckState.Checked)
    assert doc.plan.scenario("Community first").levers[0].services == (doc.plan.services[0].code,)


def test_choosing_the_same_setting_for_from_and_to_is_refused_and_shown(qtbot, window):
    doc = window.document
    view = open_options(window)
    choose_option(qtbot, view, "Community first")
    before = doc.plan
    combo = view.editor.controls["from_setting"]
    combo.setFocus()
    qtbot.keyClicks(combo, "c")  # "community", the to setting
    assert doc.plan == before
    message = refusal_beside(window, combo)
    assert message.startswith("Move care from not changed: \u201ccommunity\u201d is where care moves to")
    assert "to_setting" not in message
    assert combo.currentData() == "inpatient"  # put back to the plan's value
    qtbot.keyClick(combo, Qt.Key.Key_Down)  # day case is fine, and clears the message
    assert doc.plan.scenario("Community first").levers[0].from_setting == "day_case"
    assert shown_refusal(window) == ""


# -- phasing -------------------------------------------------------------------------------------
def edit_cell_open(qtbot, table: QTableWidget, column: int):
    """Double-click year ``column``'s cell; its editor, all selected."""
    rect = table.visualItemRect(table.item(0, column))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    editor = QApplication.focusWidget()
    assert editor is not None and editor is not table
    editor.selectAll()
    return editor


def edit_cell(qtbot, table: QTableWidget, column: int, text: str) -> None:
    editor = edit_cell_open(qtbot, table, column)
    qtbot.keyClicks(editor, text)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    # The delegate commits on the next turn of the event loop.
    qtbot.waitUntil(lambda: table.state() != QAbstractItemView.State.EditingState, timeout=1000)


def cell_rect(table: QTableWidget, column: int):
    return table.visualItemRect(table.item(0, column))


def test_custom_phasing_table_valid_and_invalid_edits(qtbot, window):
    doc = window.document
    view = open_options(window)
    choose_option(qtbot, view, "Step-down and outreach")
    click_row(qtbot, view.lever_list.list, 1)
    phasing = view.editor.phasing
    assert phasing.kind.currentData() == "custom"
    assert [phasing.table.horizontalHeaderItem(c).text() for c in range(5)] == list(doc.plan.years[1:])
    assert phasing.table.item(0, 1).text() == "30.0%"

    edit_cell(qtbot, phasing.table, 1, "40%")
    assert doc.plan.scenario("Step-down and outreach").levers[1].phasing.values == (0.1, 0.4, 0.6, 0.85, 1.0)
    assert doc.undo_stack.undoText().startswith("Set phasing of 'Step-down and outreach' to custom")
    flush(qtbot, window)
    assert curve_matches(view.trajectory, doc.results, "Step-down and outreach")

    before, count = doc.plan, doc.undo_stack.count()
    years = list(doc.plan.years[1:])
    edit_cell(qtbot, phasing.table, 0, "70%")  # above the next year's 40%: a draft, not yet refused
    assert doc.plan == before and doc.undo_stack.count() == count
    assert phasing.table.item(0, 0).text() == "70%"  # what was typed stays
    assert phasing.draft_bar.isVisible() and shown_refusal(window) == ""
    qtbot.mouseClick(phasing.apply_button, Qt.MouseButton.LeftButton)  # done: now it is checked
    message = refusal_beside(window, phasing.table.viewport(), cell_rect(phasing.table, 0))
    assert message.startswith(f"{years[0]}: 70.0% is above {years[1]}'s 40.0%")
    assert "0.7" not in message and "year 1" not in message
    assert doc.plan == before and phasing.table.item(0, 0).text() == "70%"
    qtbot.mouseClick(phasing.revert_button, Qt.MouseButton.LeftButton)
    assert phasing.table.item(0, 0).text() == "10.0%" and not phasing.draft_bar.isVisible()
    assert shown_refusal(window) == ""

    edit_cell(qtbot, phasing.table, 4, "90%")  # the target must be reached in the final year
    qtbot.mouseClick(phasing.apply_button, Qt.MouseButton.LeftButton)
    message = refusal_beside(window, phasing.table.viewport(), cell_rect(phasing.table, 4))
    assert message.startswith(f"{years[4]} (the final year): 90.0% must be 100.0%")
    assert doc.plan == before
    qtbot.mouseClick(phasing.revert_button, Qt.MouseButton.LeftButton)

    edit_cell(qtbot, phasing.table, 2, "lots")  # no percentage whatever the other years say: said at once
    message = refusal_beside(window, phasing.table.viewport(), cell_rect(phasing.table, 2))
    assert message == f"{years[2]} not changed: \u201clots\u201d is not a percentage; type one such as 60%."
    assert doc.plan == before and phasing.table.item(0, 2).text() == "lots"
    edit_cell(qtbot, phasing.table, 2, "150%")
    assert refusal_beside(window, phasing.table.viewport(), cell_rect(phasing.table, 2)).startswith(
        f"{years[2]} not changed: 150.0% is outside 0% to 100%")
    edit_cell(qtbot, phasing.table, 2, "65%")  # a valid profile again: applied, and the refusal goes
    assert doc.plan.scenario("Step-down and outreach").levers[1].phasing.values == (0.1, 0.4, 0.65, 0.85, 1.0)
    assert shown_refusal(window) == "" and not phasing.draft_bar.isVisible()

    # A preset profile shows its values; typing into it makes it custom.
    phasing.kind.setFocus()
    qtbot.keyClicks(phasing.kind, "L")
    lever = doc.plan.scenario("Step-down and outreach").levers[1]
    assert lever.phasing.kind == "linear"
    assert [phasing.table.item(0, c).text() for c in range(5)] == ["20.0%", "40.0%", "60.0%", "80.0%", "100.0%"]
    edit_cell(qtbot, phasing.table, 0, "0.1")
    lever = doc.plan.scenario("Step-down and outreach").levers[1]
    assert lever.phasing.kind == "custom" and lever.phasing.values == (0.1, 0.4, 0.6, 0.8, 1.0)
    assert phasing.kind.currentData() == "custom"


def test_phasing_years_typed_in_any_order_apply_once_the_profile_is_valid(qtbot, window):
    """Lowering a linear profile from the last year back: every step but the last dips, and none
    is refused or put back; the finished profile is one edit."""
    doc = window.document
    view = open_options(window)
    choose_option(qtbot, view, "Step-down and outreach")
    click_row(qtbot, view.lever_list.list, 1)
    phasing = view.editor.phasing
    phasing.kind.setFocus()
    qtbot.keyClicks(phasing.kind, "L")
    assert [phasing.table.item(0, c).text() for c in range(5)] == ["20.0%", "40.0%", "60.0%", "80.0%", "100.0%"]
    before, count = doc.plan, doc.undo_stack.count()
    for column, text in ((3, "40%"), (2, "20%"), (1, "10%")):
        edit_cell(qtbot, phasing.table, column, text)
        assert doc.plan == before and phasing.table.item(0, column).text() == text
        assert shown_refusal(window) == ""
    edit_cell(qtbot, phasing.table, 0, "5%")
    lever = doc.plan.scenario("Step-down and outreach").levers[1]
    assert lever.phasing.kind == "custom" and lever.phasing.values == (0.05, 0.1, 0.2, 0.4, 1.0)
    assert doc.undo_stack.count() == count + 1
    assert shown_refusal(window) == "" and not phasing.draft_bar.isVisible()


def test_leaving_the_phasing_table_checks_the_draft_and_tab_is_not_trapped(qtbot, window):
    doc = window.document
    view = open_options(window)
    choose_option(qtbot, view, "Step-down and outreach")
    click_row(qtbot, view.lever_list.list, 1)
    phasing = view.editor.phasing
    years = list(doc.plan.years[1:])
    table = phasing.table
    # Tab from the table itself goes on to the next control.
    table.setFocus()
    table.setCurrentCell(0, 1)
    qtbot.keyClick(table, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is not table and not table.isAncestorOf(QApplication.focusWidget())
    # Tab while typing moves from year to year, and past the last year out of the table.
    before = doc.plan
    edit_cell_open(qtbot, table, 3)
    qtbot.keyClicks(QApplication.focusWidget(), "90%")  # a valid profile: applied as it is typed
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    qtbot.waitUntil(lambda: table.currentColumn() == 4 and table.state() == QAbstractItemView.State.EditingState)
    QApplication.focusWidget().selectAll()
    qtbot.keyClicks(QApplication.focusWidget(), "80%")  # below 2029/30's 90%: a draft
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    qtbot.waitUntil(lambda: table.state() != QAbstractItemView.State.EditingState)
    assert QApplication.focusWidget() is phasing.apply_button  # the next control: the draft's own
    assert doc.plan.scenario("Step-down and outreach").levers[1].phasing.values == (0.1, 0.3, 0.6, 0.9, 1.0)
    assert before is not doc.plan and shown_refusal(window) == ""
    qtbot.keyClick(phasing.apply_button, Qt.Key.Key_Tab)
    qtbot.keyClick(phasing.revert_button, Qt.Key.Key_Tab)
    focus = QApplication.focusWidget()
    assert not phasing.isAncestorOf(focus)
    # Leaving with a draft checks it: the refusal is about the year typed last, in percent.
    message = refusal_beside(window, table.viewport(), cell_rect(table, 4))
    assert message.startswith(f"{years[4]} (the final year): 80.0% must be 100.0%")
    assert table.item(0, 4).text() == "80%"
    assert doc.plan.scenario("Step-down and outreach").levers[1].phasing.values == (0.1, 0.3, 0.6, 0.9, 1.0)


# -- goal seek -----------------------------------------------------------------------------------
def test_goal_seek_finds_a_share_and_applying_it_meets_the_goal(qtbot, window):
    doc = window.document
    view = open_options(window)
    choose_option(qtbot, view, "Community first")
    panel = view.goal_seek
    panel.metric_box.setFocus()
    qtbot.keyClicks(panel.metric_box, "C")  # "Cumulative saving to the year" (then community share)
    panel.metric_box.setCurrentIndex(panel.metric_box.findData("cumulative_saving"))
    assert [panel.year_box.itemText(n) for n in range(panel.year_box.count())] == list(doc.plan.years[1:])
    assert panel.year_box.currentText() == doc.plan.years[-1]
    type_into(qtbot, panel.target_box, "40")
    assert panel.goal() == 40e8  # £40m in pence
    find_share(qtbot, panel)
    assert panel.result is not None and panel.result.share is not None
    assert "reaches £40,0" in panel.message.text()
    assert panel.apply_button.isEnabled()
    share = panel.result.share
    qtbot.mouseClick(panel.apply_button, Qt.MouseButton.LeftButton)
    lever = doc.plan.scenario("Community first").levers[0]
    assert lever.target_share == share
    assert doc.undo_stack.undoText() == f"Set target share of 'Community first' to {share:.0%}"
    flush(qtbot, window)
    year = doc.plan.horizon
    assert measure(doc.results.scenario("Community first"), "cumulative_saving", year) >= 40e8
    assert measure(doc.engine.compute_scenario(doc.plan, doc.plan.scenario("Community first")),
                   "cumulative_saving", year) >= 40e8
    assert not panel.apply_button.isEnabled()
    assert panel.message.text().startswith("Applied")
    assert abs(view.editor.controls["target_share"].spin.value() - share * 100) < 0.06

    # An unreachable goal says so and offers nothing to apply.
    type_into(qtbot, panel.target_box, "5000")
    find_share(qtbot, panel)
    assert panel.result.share is None and "Cannot be met" in panel.message.text()
    assert not panel.apply_button.isEnabled()

    # The community share goal is typed as a percentage.
    panel.metric_box.setCurrentIndex(panel.metric_box.findData("community_share"))
    assert panel.target_box.suffix() == " %"
    type_into(qtbot, panel.target_box, "30")
    find_share(qtbot, panel)
    assert panel.result.share is not None and panel.goal() == 0.30


def test_goal_seek_needs_a_shift_lever(qtbot, window):
    view = open_options(window)
    choose_option(qtbot, view, "Step-down and outreach")
    click_row(qtbot, view.lever_list.list, 2)
    assert not view.goal_seek.find_button.isEnabled()
    assert "Select a shift lever" in view.goal_seek.intro.text()


# -- words ---------------------------------------------------------------------------------------
def test_every_control_says_what_it_does_to_the_money(qtbot, window):
    view = open_options(window)
    choose_option(qtbot, view, "Step-down and outreach")
    kinds = (QAbstractButton, QComboBox, QAbstractSpinBox, QSlider, QListWidget, QTableWidget)
    missing = []
    for widget in view.findChildren(QWidget):
        if not isinstance(widget, kinds):
            continue
        parent, inside = widget.parentWidget(), False
        while parent is not None and parent is not view:
            inside = inside or isinstance(parent, (QAbstractItemView, QAbstractSpinBox))
            parent = parent.parentWidget()
        if not inside and not widget.toolTip():
            missing.append(f"{type(widget).__name__} {widget.accessibleName() or widget.objectName()}")
    assert missing == []
    reinvest = view.editor.controls["reinvest_share"].slider.toolTip()
    assert reinvest == ("Share of the money released by moving care that is spent on the new community "
                        "service; the rest is saving.")
    assert "money" in view.editor.controls["double_running_share"].spin.toolTip()


def test_a_read_only_plan_disables_the_editor(qtbot, window):
    from specplan.ui.document.document import Document

    window.set_document(Document(window.document.plan, read_only=True, read_only_reason="held by ana"))
    view = open_options(window)
    assert not view.editor.isEnabled()
    assert not view.goal_seek.find_button.isEnabled()
    assert not any(button.isEnabled() for button in view.option_list.buttons.values())
    assert not any(button.isEnabled() for button in view.lever_list.buttons.values())
    choose_option(qtbot, view, "Community first")  # looking is not editing
    assert window.document.selected_scenario == "Community first"


def test_the_toolbar_choice_and_undo_keep_the_view_in_step(qtbot, window):
    doc = window.document
    view = open_options(window)
    choose(qtbot, window.option_box, "Step-down and outreach")
    assert view.option_list.list.currentItem().text() == "Step-down and outreach"
    assert view.lever_list.list.count() == 3
    click_row(qtbot, view.lever_list.list, 2)
    type_into(qtbot, view.editor.controls["share"].spin, "35")
    assert doc.plan.scenario("Step-down and outreach").levers[2].share == 0.35
    assert view.lever_list.list.item(2).text() == "3. Converge 35% of the way to fair share each year"
    window.actions["undo"].trigger()
    assert view.editor.controls["share"].slider.value() == 20
    assert view.lever_list.list.item(2).text() == "3. Converge 20% of the way to fair share each year"
    choose(qtbot, window.option_box, "Community first")
    assert view.editor.title() == "Lever 1 of 'Community first': shift"
    assert view.goal_seek.intro.text().startswith("Find the target share of lever 1")


def test_goal_seek_runs_off_the_gui_thread_and_can_be_cancelled(qtbot, window):
    view = open_options(window)
    choose_option(qtbot, view, "Community first")
    panel = view.goal_seek
    type_into(qtbot, panel.target_box, "20")
    qtbot.mouseClick(panel.find_button, Qt.MouseButton.LeftButton)
    assert panel.find_button.text() == "Cancel"  # the window answers while the search runs
    task = panel._task
    qtbot.mouseClick(panel.find_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(task.isFinished, timeout=10_000)
    qtbot.wait(50)  # whatever the cancelled search sends back is ignored
    assert panel.message.text() == "Goal seek cancelled; nothing changed."
    assert panel.result is None and not panel.apply_button.isEnabled()
    assert panel.find_button.text() == "Find share"
    assert window.document.undo_stack.count() == 0


def test_the_view_catches_up_when_shown_and_idles_while_hidden(qtbot, window):
    from specplan.domain import edits

    doc = window.document
    view = open_options(window)
    choose_option(qtbot, view, "Community first")
    window.tabs.setCurrentIndex(0)  # the Overview
    doc.try_apply(edits.set_lever, "Community first", 0, "reinvest_share", 0.5)
    flush(qtbot, window)
    assert view._structure_stale and view._stale  # nothing redrawn while hidden
    assert view.editor.controls["reinvest_share"].slider.value() == 70
    window.tabs.setCurrentWidget(view)
    assert view.editor.controls["reinvest_share"].slider.value() == 50
    assert curve_matches(view.trajectory, doc.results, "Community first")
