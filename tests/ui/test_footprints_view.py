"""The Footprints view as a person uses it: pick a service, change its level, read the pools and
the distances, and drag the pace of change."""

from __future__ import annotations

import numpy as np
from choosing import choose, key_to
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QStyle, QStyleOptionSlider

from specplan.domain import ConvergenceLever, PlanningLevel
from specplan.domain.samples import build_sample
from specplan.ui.document.document import Document
from specplan.ui.formatting import exact_money
from specplan.ui.models.pools_model import BUDGET, GAP, MEMBERS, POOL, SWING, VIABILITY
from specplan.ui.views.footprints import FootprintsView


def open_view(window) -> FootprintsView:
    titles = [window.tabs.tabText(n) for n in range(window.tabs.count())]
    window.tabs.setCurrentIndex(titles.index("Footprints"))
    view = window.tabs.currentWidget()
    assert isinstance(view, FootprintsView)
    return view


def flush(qtbot, window):
    qtbot.waitUntil(lambda: not window.document._pending, timeout=2000)


def mark_saved(window) -> None:
    """Let the window close without asking about the test's edits."""
    window.document.undo_stack.setClean()


def pool_rows(view) -> list[dict[int, str]]:
    proxy = view.pools_proxy
    return [{c: proxy.index(r, c).data() for c in range(proxy.columnCount())} for r in range(proxy.rowCount())]


def selected_result(window):
    return window.document.results.scenario(window.document.selected_scenario)


def handle_centre(slider) -> QPoint:
    option = QStyleOptionSlider()
    slider.initStyleOption(option)
    return slider.style().subControlRect(QStyle.ComplexControl.CC_Slider, option,
                                         QStyle.SubControl.SC_SliderHandle, slider).center()


def test_pools_table_shows_the_engines_figures(qtbot, window):
    doc = window.document
    view = open_view(window)
    key_to(view.service_box, "NCBPS23K")
    s = doc.plan.service_index["NCBPS23K"]
    t = doc.plan.horizon
    assert view.year_box.currentText() == doc.plan.years[-1]
    result = selected_result(window)
    slots = np.flatnonzero(result.pool_exists[s])
    rows = pool_rows(view)
    assert len(rows) == len(slots) == 1
    assert rows[0][POOL] == "Midlands"
    assert rows[0][MEMBERS] == "5"
    assert rows[0][BUDGET] == exact_money(int(result.pool_budget[s, slots[0], t]))
    above = np.maximum(result.distance[s, :, t], 0).sum()
    assert rows[0][GAP] == exact_money(int(above))
    assert rows[0][SWING] == f"±{result.pool_variation[s, slots[0], t]:.1%}"
    assert rows[0][VIABILITY] == ("Too small" if result.pool_flagged[s, slots[0], t] else "Viable")
    key_to(view.year_box, doc.plan.years[0])
    assert pool_rows(view)[0][BUDGET] == exact_money(int(result.pool_budget[s, slots[0], 0]))


def test_distance_bars_are_the_engines_distances_and_hover_in_pounds(qtbot, window):
    doc = window.document
    view = open_view(window)
    key_to(view.service_box, "NCBPS22E")
    s, t = doc.plan.service_index["NCBPS22E"], doc.plan.horizon
    distance = selected_result(window).distance[s, :, t]
    chart = view.chart
    assert len(chart.heights()) == len(doc.plan.icbs) and chart.shown().all()
    assert np.allclose(chart.heights() * chart.divisor, distance, rtol=0, atol=1e-6)
    text = chart.hover_icb(1)
    name = doc.plan.icbs[1].name.removeprefix("NHS ").removesuffix(" Integrated Care Board")
    assert text.startswith(name) and "£" in text
    assert f"£{abs(int(distance[1])) / 100:,.0f} {'above' if distance[1] > 0 else 'below'} fair share" in text


def test_changing_the_planning_level_moves_the_pools_and_undo_restores(qtbot, window):
    doc = window.document
    view = open_view(window)
    key_to(view.service_box, "NCBPS23K")
    s = doc.plan.service_index["NCBPS23K"]
    assert doc.plan.services[s].planning_level == PlanningLevel.REGIONAL
    items = (view.chart.above, view.chart.below)
    QTest.keyClick(view.level_box, Qt.Key.Key_Down)  # regional -> ICS, the next item
    assert view.level_box.currentText().startswith("ICS")
    assert doc.undo_stack.count() == 1
    assert doc.plan.services[s].planning_level == PlanningLevel.ICS
    flush(qtbot, window)
    rows = pool_rows(view)
    assert len(rows) == 5 and {r[MEMBERS] for r in rows} == {"1"}
    assert {r[GAP] for r in rows} == {"£0.00"}
    assert np.allclose(view.chart.heights(), 0)
    assert (view.chart.above, view.chart.below) == items  # the same bar items, moved, not rebuilt
    assert window.actions["undo"].text() == "&Undo Plan NCBPS23K at ics level"
    window.actions["undo"].trigger()
    flush(qtbot, window)
    assert doc.plan.services[s].planning_level == PlanningLevel.REGIONAL
    assert view.level_box.currentData() == "regional"
    assert len(pool_rows(view)) == 1


def test_dragging_the_convergence_slider_is_one_undo_step_and_redraws(qtbot, window):
    doc = window.document
    view = open_view(window)
    option = doc.selected_scenario
    assert option == "Step-down and outreach"
    s, t = 0, doc.plan.horizon
    assert view.slider.value() == 20
    before = view.chart.heights().copy()
    slider = view.slider
    start = handle_centre(slider)
    QTest.mousePress(slider, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start)
    for step in range(1, 11):
        QTest.mouseMove(slider, QPoint(start.x() + step * 20, start.y()))
        qtbot.wait(5)
    QTest.mouseRelease(slider, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                       QPoint(start.x() + 200, start.y()))
    flush(qtbot, window)
    share = doc.plan.scenario(option).levers[2].share
    assert share > 0.3 and share == slider.value() / 100 == view.spin.value() / 100
    assert doc.undo_stack.count() == 1
    distance = doc.results.scenario(option).distance[s, :, t]
    assert np.allclose(view.chart.heights() * view.chart.divisor, distance, atol=1e-6)
    assert np.abs(view.chart.heights()).sum() < np.abs(before).sum()  # closer to fair share
    window.actions["undo"].trigger()
    flush(qtbot, window)
    assert doc.plan.scenario(option).levers[2].share == 0.2
    assert view.slider.value() == 20
    assert np.allclose(view.chart.heights(), before)


def test_an_option_without_a_convergence_lever_gets_one_from_the_spin_box(qtbot, window):
    doc = window.document
    choose(qtbot, window.option_box, "Community first")
    view = open_view(window)
    assert view.slider.value() == 0 and "no lever yet" in view.convergence_label.text()
    view.spin.selectAll()
    qtbot.keyClicks(view.spin.lineEdit(), "15")
    QTest.keyClick(view.spin.lineEdit(), Qt.Key.Key_Return)
    levers = doc.plan.scenario("Community first").levers
    assert levers[-1] == ConvergenceLever(share=0.15)
    assert view.slider.value() == 15
    window.actions["undo"].trigger()
    assert len(doc.plan.scenario("Community first").levers) == 1
    choose(qtbot, window.option_box, "Do nothing")
    assert not view.slider.isEnabled() and not view.spin.isEnabled()


def test_the_navigator_scope_hides_the_bars_of_unticked_icbs(qtbot, window):
    view = open_view(window)
    window.navigator.set_checked("icb", "QJ2", False)
    n = window.document.plan.icb_index["QJ2"]
    shown = view.chart.shown()
    assert not shown[n] and shown.sum() == len(shown) - 1
    drawn = np.concatenate([item.opts["x"] for item in (view.chart.above, view.chart.below) if item.isVisible()])
    assert view.chart.positions[n] not in drawn and len(drawn) == len(shown) - 1


def test_the_national_plan_groups_its_icbs_in_7_regions_and_shows_an_options_override(qtbot, window):
    window.set_document(Document(build_sample("national")))
    choose(qtbot, window.option_box, "Regional pooling")
    view = open_view(window)
    doc = window.document
    ics = next(s for s in doc.plan.services if s.planning_level == PlanningLevel.ICS)
    view.select_service(ics.code)
    assert len(view.chart.heights()) == len(doc.plan.icbs) == 36 and len(view.chart.dividers) == 6
    ticks = view.chart.plotItem.getAxis("bottom")._tickLevels[0]
    assert [label.replace("\n", " ") for _, label in ticks] == [r.name for r in doc.plan.regions]
    assert len(pool_rows(view)) == 7
    assert view.level_box.currentData() == "ics"
    assert "overrides the plan's ics level" in view.note.text()
    s, t = doc.plan.service_index[ics.code], doc.plan.horizon
    distance = doc.results.scenario("Regional pooling").distance[s, :, t]
    assert np.allclose(view.chart.heights() * view.chart.divisor, distance, atol=1e-6)


def test_chart_saves_as_png_and_svg(window, tmp_path):
    view = open_view(window)
    assert view.chart.save_image(tmp_path / "distance.png").stat().st_size > 1000
    assert "<svg" in view.chart.save_image(tmp_path / "distance.svg").read_text()


def test_a_plan_in_review_mode_locks_the_level_and_the_pace_of_change(qtbot, window):
    window.set_document(Document(window.document.plan, review_mode=True))
    view = open_view(window)
    assert not view.level_box.isEnabled()
    assert not view.slider.isEnabled() and not view.spin.isEnabled()


def test_the_icb_table_lists_each_icbs_spend_fair_share_and_distance(qtbot, window):
    doc = window.document
    view = open_view(window)
    key_to(view.service_box, "NCBPS23K")
    view.tables.setCurrentWidget(view.icb_table)
    s, t = doc.plan.service_index["NCBPS23K"], doc.plan.horizon
    result = selected_result(window)
    proxy = view.icbs_proxy
    assert proxy.rowCount() == len(doc.plan.icbs)
    for row in range(proxy.rowCount()):
        i = proxy.mapToSource(proxy.index(row, 0)).row()
        spend, fair = int(result.spend_by_icb[s, i, t]), int(result.fair_share[s, i, t])
        assert proxy.index(row, 3).data() == exact_money(spend)
        assert proxy.index(row, 4).data() == exact_money(fair)
        assert proxy.index(row, 5).data().removeprefix("+") == exact_money(spend - fair)
        assert proxy.index(row, 2).data() == "Midlands"
    header = view.icb_table.horizontalHeader()
    x = header.sectionViewportPosition(5) + header.sectionSize(5) // 2
    QTest.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                     QPoint(x, header.height() // 2))
    values = [proxy.index(r, 5).data(Qt.ItemDataRole.UserRole) for r in range(proxy.rowCount())]
    assert values == sorted(values)


def test_moving_the_mouse_over_a_bar_shows_its_figures(qtbot, window):
    view = open_view(window)
    chart = view.chart
    chart.resize(800, 400)
    qtbot.wait(10)
    centre = chart.bar_centre(2)
    QTest.mouseMove(chart.viewport(), chart.mapFromScene(centre))
    qtbot.waitUntil(chart.hover.isVisible, timeout=1000)
    assert chart.hover.isVisible()
    name = window.document.plan.icbs[2].name.removeprefix("NHS ").removesuffix(" Integrated Care Board")
    assert chart.hover.textItem.toPlainText().startswith(name)


def test_the_service_list_follows_the_navigators_ticked_services(qtbot, window):
    view = open_view(window)
    doc = window.document
    key_to(view.service_box, "NCBPS23K")
    assert view.service_box.count() == len(doc.plan.services)
    window.navigator.set_checked("service", "NCBPS22E", False)
    codes = [view.service_box.itemData(n) for n in range(view.service_box.count())]
    assert "NCBPS22E" not in codes and len(codes) == len(doc.plan.services) - 1
    assert view.service_code == "NCBPS23K"  # the choice survives
    window.navigator.set_checked("service", "NCBPS23K", False)
    assert view.service_code != "NCBPS23K"
    s = doc.plan.service_index[view.service_code]
    distance = selected_result(window).distance[s, :, doc.plan.horizon]
    assert np.allclose(view.chart.heights() * view.chart.divisor, distance, atol=1e-6)
