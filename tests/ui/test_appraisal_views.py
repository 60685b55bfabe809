"""Compare, sensitivity, appraisal and review views, and review mode, driven as a person would."""

from __future__ import annotations

from choosing import choose
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from specplan.domain import edits
from specplan.engine.appraisal import appraise
from specplan.engine.compare import compare
from specplan.engine.sensitivity import tornado
from specplan.ui.document.document import Document
from specplan.ui.widgets.refusal import note_of, shown_refusal


def tab(window, name):
    index = next(n for n in range(window.tabs.count()) if window.tabs.tabText(n) == name)
    window.tabs.setCurrentIndex(index)
    return window.tabs.widget(index)


def settle(qtbot, window):
    qtbot.waitUntil(lambda: not window.document._pending, timeout=3000)


def test_compare_table_matches_the_engine_and_marks_the_best(qtbot, window):
    view = tab(window, "Compare")
    rows = compare(window.document.results)[1:]  # the plan's own "Do nothing" is the one do-nothing column
    headers = [view.table.horizontalHeaderItem(c).text() for c in range(view.table.columnCount())]
    assert headers == [r.name for r in rows] and "Do nothing (no change)" not in headers
    saving_row = [view.table.verticalHeaderItem(r).text() for r in range(view.table.rowCount())].index(
        "Net saving after double running")
    cells = [view.table.item(saving_row, c).text() for c in range(len(rows))]
    assert cells[1] == f"★ £{rows[1].net_saving / 1e8:,.2f}m"  # Community first saves most
    assert not cells[2].startswith("★")


def test_compare_stars_the_net_saving_not_the_saving_before_double_running(qtbot, window):
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).parents[1] / "engine"))
    from test_compare import overlap_plan

    window.document.replace_plan(overlap_plan(), "overlap")
    view = tab(window, "Compare")
    qtbot.waitUntil(lambda: view.table.horizontalHeaderItem(2).text() == "Smaller shift, clean handover", timeout=3000)
    settle(qtbot, window)
    labels = [view.table.verticalHeaderItem(r).text() for r in range(view.table.rowCount())]
    gross = [view.table.item(labels.index("Saving before double running"), c).text() for c in range(3)]
    net = [view.table.item(labels.index("Net saving after double running"), c).text() for c in range(3)]
    assert not any(text.startswith("★") for text in gross)
    assert [text.startswith("★") for text in net] == [False, False, True]  # the clean handover


def test_tornado_bars_follow_the_selected_option_and_amount(qtbot, window):
    view = tab(window, "Sensitivity")
    choose(qtbot, window.option_box, "Community first")
    expected = tornado(window.document.plan, "Community first", 0.2)
    qtbot.waitUntil(lambda: view.result == expected and not view.busy, timeout=5000)
    view.amount.setValue(50.0)
    qtbot.waitUntil(lambda: view.result.amount == 0.5 and not view.busy, timeout=5000)
    assert "Community first" in view.heading.text()
    assert view.chart.hover_at(len(view.result.bars) - 1).startswith(view.result.bars[0].parameter.label)


def test_scoring_options_ranks_them_and_undo_works(qtbot, window):
    view = tab(window, "Appraisal")
    plan = window.document.plan
    names = [c.name for c in plan.appraisal.criteria]
    for col in range(len(names)):
        view.scores.cellWidget(1, col).setValue(4)  # Community first
        view.scores.cellWidget(2, col).setValue(3)
    settle(qtbot, window)
    result = appraise(window.document.plan.appraisal, [s.name for s in plan.scenarios])
    assert result.top == ("Community first",)
    assert view.scores.item(1, len(names) + 1).text() == "1"
    assert "Community first" in view.robustness.text()
    before = window.document.plan.appraisal.score("Community first", names[0]).rationale
    view.scores.setCurrentCell(1, 0)
    assert view.rationale.toPlainText() == before
    view.rationale.setPlainText("Fewer admissions, closer to home")
    view.save_rationale.click()
    assert window.document.plan.appraisal.score("Community first", names[0]).rationale.startswith("Fewer")
    window.document.undo_stack.undo()
    assert window.document.plan.appraisal.score("Community first", names[0]).rationale == before


def test_weights_and_criteria_can_change(qtbot, window, dialogs):
    view = tab(window, "Appraisal")
    view.criteria.cellWidget(0, 0).setValue(50)
    assert window.document.plan.appraisal.criteria[0].weight == 50
    dialogs.answer("text", "Patient experience")
    view.add_button.click()
    assert window.document.plan.appraisal.criteria[-1].name == "Patient experience"


def test_a_criterion_name_taken_is_refused_beside_the_add_button(qtbot, window, dialogs):
    view = tab(window, "Appraisal")
    before = window.document.plan
    taken = before.appraisal.criteria[0].name
    dialogs.answer("text", taken)
    qtbot.mouseClick(view.add_button, Qt.MouseButton.LeftButton)
    assert window.document.plan is before
    note = note_of(window)
    assert note is not None and note.isVisible() and note.anchor is view.add_button
    button_bottom = view.add_button.mapTo(window, view.add_button.rect().bottomLeft()).y()
    assert note.y() in (button_bottom + 2, view.add_button.mapTo(window, view.add_button.rect().topLeft()).y()
                        - note.height() - 2)
    assert note.text() == (f"New criterion not changed: \u201c{taken}\u201d is a criterion already; give the new "
                           "one another name.")
    view.criteria.cellWidget(0, 0).setValue(40)  # the next edit: the refusal goes
    assert shown_refusal(window) == ""


def test_status_and_comments_with_the_author_from_preferences(qtbot, window, settings):
    window.actions["preferences"].trigger()
    dialog = window.preferences_dialog
    dialog.author.clear()
    qtbot.keyClicks(dialog.author, "Dr Ana Costa")
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save).click()
    assert settings.value("preferences/author") == "Dr Ana Costa"
    view = tab(window, "Review")
    choose(qtbot, view.statuses.cellWidget(1, 0), "endorsed")
    assert window.document.plan.review.status("Community first") == "endorsed"
    choose(qtbot, view.option, "Community first")
    choose(qtbot, view.target, view.target.itemText(1))  # lever 1
    earlier = view.thread.count()  # the sample's own comment
    qtbot.keyClicks(view.text, "Is 30% realistic with current staffing?")
    view.add_button.click()
    thread = window.document.plan.review.thread("Community first", 1)
    assert thread[-1].author == "Dr Ana Costa" and "staffing" in thread[-1].text
    assert view.thread.count() == earlier + 1 and "Dr Ana Costa" in view.thread.item(earlier).text()


def test_review_mode_allows_comments_and_scores_but_not_levers(qtbot, window):
    plan = window.document.plan
    window.set_document(Document(plan, review_mode=True))
    doc = window.document
    assert not doc.try_apply(edits.set_lever, "Community first", 0, "target_share", 0.5)
    assert not doc.try_apply(edits.set_baseline_cell, 0, 0, 0, spend_pence=1)
    assert doc.try_apply(edits.set_status, "Community first", "in review")
    assert doc.try_apply(edits.set_score, "Community first", "Workforce", 3, "ok")
    assert doc.plan.scenario("Community first") == plan.scenario("Community first")
    assert doc.plan.baseline == plan.baseline
    assert "Review mode" in window.banner.text()


def test_edits_never_wait_for_the_tornado_and_the_last_one_wins(qtbot, window, monkeypatch):
    import threading

    from specplan.domain import edits
    from specplan.ui.views import sensitivity

    view = tab(window, "Sensitivity")
    qtbot.waitUntil(lambda: view.result is not None and not view.busy, timeout=5000)
    before = view.result
    release = threading.Event()

    def slow(plan, name, amount, **kwargs):  # the worker waits until the test lets it go
        release.wait(5)
        return tornado(plan, name, amount=amount)
    monkeypatch.setattr(sensitivity, "run_tornado", slow)
    doc = window.document
    for share in (0.3, 0.4, 0.5):  # three edits while the first run is held up
        doc.try_apply(edits.set_lever, doc.selected_scenario, 0, "target_share", share, merge_key=("t",))
        doc.recompute_now()
    assert view.busy and view.result is before  # the edits went through; the old bars still show
    assert "Updating" in view.heading.text()
    release.set()
    expected = tornado(doc.plan, doc.selected_scenario, 0.2)
    qtbot.waitUntil(lambda: not view.busy and view.result == expected, timeout=5000)
    assert "Updating" not in view.heading.text()
    doc.undo_stack.setClean()
