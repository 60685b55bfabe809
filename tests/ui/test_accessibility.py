"""Keyboard access, accessible names, tooltips, and text that scales with the system font."""

from __future__ import annotations

import pytest
from layout_check import layout_problems
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QHeaderView,
    QLineEdit,
    QPlainTextEdit,
    QSlider,
    QWidget,
)

from specplan.ui.charts.base import Chart

INPUTS = (QComboBox, QAbstractSpinBox, QLineEdit, QSlider, QAbstractItemView, QPlainTextEdit)


def views(window):
    for index in range(window.tabs.count()):
        window.tabs.setCurrentIndex(index)
        QApplication.processEvents()
        yield window.tabs.tabText(index), window.tabs.widget(index)


def inputs(window, view):
    for widget in view.findChildren(QWidget):
        if (isinstance(widget, INPUTS) and not isinstance(widget, QHeaderView) and widget.isVisibleTo(window)
                and not isinstance(widget.parentWidget(), (QAbstractSpinBox, QComboBox))):
            yield widget


def test_every_control_has_an_accessible_name_and_takes_keyboard_focus(window):
    unnamed, unfocusable = [], []
    for title, view in views(window):
        for widget in inputs(window, view):
            if not widget.accessibleName():
                unnamed.append(f"{title}: {type(widget).__name__} {widget.toolTip()[:40]!r}")
            if not widget.focusPolicy() & Qt.FocusPolicy.TabFocus:
                unfocusable.append(f"{title}: {type(widget).__name__} {widget.accessibleName()!r}")
    assert unnamed == [] and unfocusable == []


def test_charts_and_tiles_describe_themselves(window):
    for title, view in views(window):
        for chart in view.findChildren(Chart):
            assert chart.accessibleName() and chart.accessibleDescription(), title
    overview = window.tabs.widget(0)
    for tile in overview.tiles.values():
        assert tile.toolTip() and tile.value.text() in tile.accessibleDescription()


def test_a_lever_can_be_moved_with_the_keyboard_alone(qtbot, window):
    options = next(view for title, view in views(window) if title == "Options")
    window.tabs.setCurrentWidget(options)
    slider = next(s for s in options.findChildren(QSlider) if s.isVisible() and s.isEnabled())
    first = options.findChildren(QWidget)[0]
    first.setFocus()
    for _ in range(200):  # Tab through the view until the slider has the focus
        if slider.hasFocus():
            break
        qtbot.keyClick(QApplication.focusWidget() or first, Qt.Key.Key_Tab)
    assert slider.hasFocus(), "Tab never reached the lever slider"
    before = window.document.plan
    qtbot.keyClick(slider, Qt.Key.Key_PageUp)
    assert window.document.plan != before


@pytest.mark.parametrize("scale", [1.4])
def test_views_fit_with_a_larger_system_font(qtbot, window, scale):
    app = QApplication.instance()
    original = app.font()
    bigger = app.font()
    bigger.setPointSizeF(original.pointSizeF() * scale)
    app.setFont(bigger)
    try:
        window.resize(1920, 1080)
        for title, _view in views(window):
            qtbot.wait(10)
            assert layout_problems(window) == [], title
    finally:
        app.setFont(original)


def test_views_built_before_the_system_font_grows_still_fit(qtbot, window):
    """The font can grow while the window is open (a user changes the desktop's text size)."""
    app = QApplication.instance()
    window.resize(1366, 768)
    for _title, _view in views(window):  # every view built at the original size
        qtbot.wait(5)
    original = app.font()
    bigger = app.font()
    bigger.setPointSizeF(original.pointSizeF() * 1.4)
    app.setFont(bigger)
    try:
        for title, _view in views(window):
            qtbot.wait(10)
            assert layout_problems(window) == [], title
    finally:
        app.setFont(original)
