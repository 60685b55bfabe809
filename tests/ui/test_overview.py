"""The main window and the overview follow the document, as a person would see them."""

from __future__ import annotations

import numpy as np
from choosing import choose

from specplan.domain import edits
from specplan.engine.scope import Scope, headline, scoped_totals


def flush(qtbot, window):
    qtbot.waitUntil(lambda: not window.document._pending, timeout=2000)


def overview(window):
    return window.tabs.widget(0)


def test_title_tiles_and_charts_show_the_plan(window):
    doc = window.document
    assert "East Midlands" in window.windowTitle()
    view = overview(window)
    results = doc.results
    selected = results.scenario(doc.selected_scenario)
    assert set(view.trajectory.curves) == {s.name for s in results.scenarios}
    _, y = view.trajectory.curves["Community first"].getData()
    assert np.allclose(y, results.scenario("Community first").total_spend / 1e8)
    figures = headline(scoped_totals(selected, doc.plan, Scope()), scoped_totals(results.do_nothing, doc.plan, Scope()))
    assert view.tiles["spend"].value.text() == f"£{figures.final_spend / 1e8:,.2f}m"
    assert view.tiles["beds"].value.text() == f"{figures.beds:,.0f}"
    assert view.tiles["saving"].toolTip()


def test_an_edit_redraws_charts_and_tiles_and_undo_restores(qtbot, window):
    doc = window.document
    view = overview(window)
    doc.select_scenario("Community first")
    before_tile = view.tiles["saving"].value.text()
    _, before = view.trajectory.curves["Community first"].getData()
    with qtbot.waitSignal(doc.sig_results_changed, timeout=2000):
        doc.try_apply(edits.set_lever, "Community first", 0, "target_share", 0.6)
    _, after = view.trajectory.curves["Community first"].getData()
    assert after[-1] < before[-1]
    assert np.allclose(after, doc.results.scenario("Community first").total_spend / 1e8)
    assert view.tiles["saving"].value.text() != before_tile
    assert window.isWindowModified()
    assert window.actions["undo"].text() == "&Undo Set target share of 'Community first' to 60%"
    window.actions["undo"].trigger()
    flush(qtbot, window)
    _, undone = view.trajectory.curves["Community first"].getData()
    assert np.allclose(undone, before)
    assert view.tiles["saving"].value.text() == before_tile
    assert not window.isWindowModified()


def test_steps_with_one_merge_key_are_one_undo_step(qtbot, window):
    doc = window.document
    for share in (0.31, 0.35, 0.4, 0.45):
        doc.try_apply(edits.set_lever, "Community first", 0, "target_share", share, merge_key=("drag", 1))
    assert doc.undo_stack.count() == 1
    doc.undo_stack.undo()
    assert doc.plan.scenario("Community first").levers[0].target_share == 0.30


def test_choosing_an_option_in_the_toolbar_retitles_the_setting_chart(qtbot, window):
    choose(qtbot, window.option_box, "Community first")
    assert window.document.selected_scenario == "Community first"
    assert "Community first" in overview(window).setting_mix.plotItem.titleLabel.text


def test_navigator_ticks_set_the_scope_every_view_shows(qtbot, window):
    doc = window.document
    view = overview(window)
    window.navigator.set_checked("icb", "QJ2", False)
    assert doc.scope.icbs == frozenset({"QK1", "QJM", "QPM", "QT1"})
    scoped = scoped_totals(doc.results.scenario(doc.selected_scenario), doc.plan, doc.scope)
    assert view.tiles["spend"].value.text() == f"£{scoped.spend[-1] / 1e8:,.2f}m"
    assert "4 of 5 ICBs" in view.heading.text()
    window.navigator.filter.setText("Lincolnshire")
    hidden = [item for item in window.navigator._leaves() if item.isHidden()]
    assert len(hidden) > 10


def test_hover_shows_values_in_pounds(window):
    text = overview(window).trajectory.hover_at(2)
    assert text.startswith("2027/28") and "£" in text and "Community first" in text


def test_charts_save_as_png_and_svg(window, tmp_path):
    chart = overview(window).trajectory
    assert chart.save_image(tmp_path / "chart.png").stat().st_size > 1000
    assert "<svg" in (chart.save_image(tmp_path / "chart.svg")).read_text()


def test_closing_with_unsaved_edits_asks(qtbot, window, dialogs):
    window.document.try_apply(edits.set_lever, "Community first", 0, "target_share", 0.5)
    dialogs.answer("ask_save_changes", "cancel")
    window.close()
    assert window.isVisible()
    dialogs.answer("ask_save_changes", "discard")
    window.close()
    assert not window.isVisible()


def test_read_only_document_refuses_edits(qtbot, window):
    from specplan.ui.document.document import Document

    window.set_document(Document(window.document.plan, read_only=True, read_only_reason="held by ana on laptop-1"))
    assert window.banner.isVisibleTo(window) and "ana" in window.banner.text()
    assert not window.document.try_apply(edits.set_lever, "Community first", 0, "target_share", 0.5)
    assert window.document.undo_stack.count() == 0


def test_shortcuts_are_the_standard_keys(window):
    from PySide6.QtGui import QKeySequence

    assert window.actions["save"].shortcut() == QKeySequence(QKeySequence.StandardKey.Save)
    assert window.actions["undo"].shortcut() == QKeySequence(QKeySequence.StandardKey.Undo)


def test_help_about_lists_reference_sources(window, dialogs):
    window.actions["about"].trigger()
    kind, (title, text) = dialogs.asked[-1]
    assert kind == "info" and "ICB_APR_2023" in text


def test_right_click_saves_a_chart_where_the_user_says(qtbot, window, dialogs, tmp_path):
    from PySide6.QtCore import QPoint
    from PySide6.QtGui import QContextMenuEvent

    chart = overview(window).trajectory
    chart.contextMenuEvent(QContextMenuEvent(QContextMenuEvent.Reason.Mouse, QPoint(20, 20), chart.mapToGlobal(QPoint(20, 20))))
    assert chart.context_menu.isVisible()
    dialogs.answer("save_path", str(tmp_path / "trajectory.svg"))
    chart.context_menu.actions()[0].trigger()
    chart.context_menu.close()
    assert "<svg" in (tmp_path / "trajectory.svg").read_text()


def test_symbol_curves_draw_their_symbols_at_the_data_and_the_legend_toggles_them(qtbot, window):
    from PySide6.QtCore import QPointF, Qt
    from PySide6.QtTest import QTest

    view = overview(window)
    curve = view.trajectory.curves["Community first"]
    x, y = curve.getData()
    assert [(p.x(), p.y()) for p in curve.markers._points] == list(zip(x.tolist(), y.tolist()))
    # The symbols' bounds hold every point: the scene repaints wherever a symbol moves.
    bounds = curve.markers.boundingRect()
    assert all(bounds.contains(QPointF(a, b)) for a, b in zip(x, y))
    # Clicking the legend sample hides the curve and its symbols; a second click shows them.
    sample = curve.legend_sample
    chart = view.trajectory
    centre = chart.mapFromScene(sample.mapToScene(sample.boundingRect().center()))
    QTest.mouseClick(chart.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    qtbot.waitUntil(lambda: not curve.isVisible(), timeout=1000)
    assert not curve.markers.isVisible()
    QTest.mouseClick(chart.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    qtbot.waitUntil(curve.isVisible, timeout=1000)


def test_a_changed_label_repaints_the_label_not_the_whole_view(qtbot, window):
    from PySide6.QtCore import QEvent, QObject

    view = overview(window)
    painted = []

    class Spy(QObject):
        def eventFilter(self, _watched, event):  # noqa: N802 - Qt's name
            if event.type() == QEvent.Type.Paint:
                painted.append(event.rect())
            return False

    spy = Spy()
    view.tiles["spend"].installEventFilter(spy)  # a neighbour of the changed figure
    qtbot.waitUntil(lambda: not window.document._pending, timeout=2000)
    qtbot.wait(150)  # whatever the window still had to paint from opening
    painted.clear()
    value = view.tiles["beds"].value
    value.setText("9" * len(value.text()))  # a new figure, as a slider step gives
    qtbot.wait(50)
    assert painted == []  # the tab widget did not lay out (and repaint) the whole page
    before = view.size()
    window.resize(window.width() + 120, window.height() + 60)
    qtbot.waitUntil(lambda: view.size() != before, timeout=1000)  # a real resize still lays out
    view.tiles["spend"].removeEventFilter(spy)
