"""The Explain view: a waterfall of each lever's contribution, live, and a way into Options."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtTest import QTest

from specplan.domain import edits
from specplan.engine.attribution import attribute
from specplan.ui.charts.waterfall import WaterfallChart
from specplan.ui.formatting import money


def tab(window, name):
    index = next(n for n in range(window.tabs.count()) if window.tabs.tabText(n) == name)
    window.tabs.setCurrentIndex(index)
    return window.tabs.widget(index)


def answered(qtbot, view):
    qtbot.waitUntil(lambda: view.result is not None and not view.busy, timeout=10_000)
    return view.result


def test_waterfall_shows_each_lever_in_words_and_adds_up(qtbot, window):
    view = tab(window, "Explain")
    view.option_box.setCurrentText("Step-down and outreach")
    view.refresh()
    result = answered(qtbot, view)
    expected = attribute(window.document.plan, "Step-down and outreach")
    assert [c.value for c in result.contributions] == [c.value for c in expected.contributions]
    rows = view.chart.row_texts
    assert rows[0].startswith("Doing nothing") and rows[-1].startswith("Step-down and outreach")
    assert rows[1] == f"{expected.contributions[0].text}: {money(expected.contributions[0].value)}"
    assert "differs from doing nothing by" in view.sentence.text()


def test_against_another_option_and_another_figure(qtbot, window):
    view = tab(window, "Explain")
    view.option_box.setCurrentText("Step-down and outreach")
    view.against_box.setCurrentText("Community first")
    view.metric_box.setCurrentIndex(view.metric_box.findData("spend"))
    view.refresh()
    result = answered(qtbot, view)
    assert result.against == "Community first" and result.metric == "spend"
    assert sum(c.value for c in result.contributions) == result.total
    assert any(text.startswith("less Community first") for text in view.chart.row_texts)


def test_follows_an_edit(qtbot, window):
    view = tab(window, "Explain")
    view.option_box.setCurrentText("Community first")
    view.refresh()
    before = answered(qtbot, view).total
    window.document.try_apply(edits.set_lever, "Community first", 0, "target_share", 0.45)
    window.document.recompute_now()
    qtbot.waitUntil(lambda: view.result is not None and view.result.total != before and not view.busy,
                    timeout=10_000)
    assert "45%" in view.chart.row_texts[1]


def test_clicking_a_bar_opens_that_lever_in_options(qtbot, window):
    view = tab(window, "Explain")
    view.option_box.setCurrentText("Step-down and outreach")
    view.refresh()
    answered(qtbot, view)
    window.resize(1200, 800)
    qtbot.waitExposed(view.chart)
    vb = view.chart.plotItem.vb
    # The second contribution sits at row 2 from the top: y = n_rows - 1 - 2.
    n_rows = len(view.chart.row_texts)
    scene = vb.mapViewToScene(QPointF(0.0, n_rows - 1 - 2))
    point = view.chart.mapFromScene(scene)
    QTest.mouseClick(view.chart.viewport(), Qt.MouseButton.LeftButton, pos=point)
    qtbot.waitUntil(lambda: window.tabs.tabText(window.tabs.currentIndex()) == "Options", timeout=3000)
    options = window.tabs.currentWidget()
    assert window.document.selected_scenario == "Step-down and outreach"
    assert options.lever_position == 1


def bar_alphas(chart):
    return [brush.color().alpha() for brush in chart.bars.opts["brushes"]]


def test_bars_are_greyed_while_an_edit_is_worked_out(qtbot, window):
    view = tab(window, "Explain")
    view.option_box.setCurrentText("Community first")
    view.refresh()
    answered(qtbot, view)
    assert set(bar_alphas(view.chart)) == {255} and "Updating" not in view.sentence.text()
    window.document.try_apply(edits.set_lever, "Community first", 0, "target_share", 0.45)
    window.document.recompute_now()
    # the new answer comes back through the event loop, so until then the old bars show faded
    assert view.busy and set(bar_alphas(view.chart)) == {90}
    assert "Updating" in view.sentence.text() and "30%" in view.chart.row_texts[1]
    qtbot.waitUntil(lambda: not view.busy and "45%" in view.chart.row_texts[1], timeout=10_000)
    assert set(bar_alphas(view.chart)) == {255} and "Updating" not in view.sentence.text()


def test_report_mode_writes_words_above_the_bars_and_keeps_the_figure(qtbot):
    chart = WaterfallChart(labels_above=True, label_width=300)
    qtbot.addWidget(chart)
    long = "Shift 20% of a service with a name far too long to fit on one line of the chart at all"
    chart.show_steps(("Doing nothing", 0.0), [(long, 2.5), ("Close the gap", -0.5)], ("Option", 2.0),
                     lambda value: f"£{value:.2f}m")
    labels = [label.textItem.toPlainText() for label in chart._labels]
    assert labels[0] == "Doing nothing: £0.00m" and labels[2] == "Close the gap: £-0.50m"
    assert labels[1].endswith("…: £2.50m") and labels[1].startswith("Shift 20% of a service")
    assert chart.row_texts[1] == f"{long}: £2.50m"  # the full words stay on hover and in row_texts
    assert not chart.plotItem.getAxis("left").isVisible()


def test_nothing_moving_gives_a_plain_axis(qtbot):
    chart = WaterfallChart()
    qtbot.addWidget(chart)
    chart.show_steps(("Doing nothing", 0.0), [("Pool at regional level", 0.0)], ("Option", 0.0), str)
    low, high = chart.plotItem.vb.viewRange()[0]
    assert (low, high) == pytest.approx((-1.1, 1.1))
