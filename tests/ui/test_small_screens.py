"""Issue 17 item 1: the first window fits the screen, and every view is usable on small screens."""

from __future__ import annotations

import pytest
from layout_check import layout_problems
from PySide6.QtCore import QSize

from specplan.ui.shell.main_window import MainWindow

SIZES = [(1366, 768), (1024, 600), (683, 768)]


def test_the_first_window_fits_the_screen_with_its_status_bar(qtbot, dialogs, settings):
    window = MainWindow(dialogs=dialogs, settings=settings)  # no saved geometry
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    available = window.screen().availableGeometry()
    assert window.width() <= available.width() and window.height() <= available.height()
    assert window.statusBar().isVisible()
    bottom = window.statusBar().mapToGlobal(window.statusBar().rect().bottomLeft())
    assert available.contains(bottom)


def test_a_saved_geometry_is_restored_rather_than_refitted(qtbot, dialogs, settings):
    first = MainWindow(dialogs=dialogs, settings=settings)
    qtbot.addWidget(first)
    first.resize(700, 500)
    first.save_layout()
    second = MainWindow(dialogs=dialogs, settings=settings)
    qtbot.addWidget(second)
    assert second.size() == QSize(700, 500)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_every_view_fits_or_scrolls_at_small_sizes(qtbot, window, size):
    window.resize(*size)
    assert window.minimumSizeHint().width() <= size[0] and window.minimumSizeHint().height() <= size[1]
    for index in range(window.tabs.count()):
        window.tabs.setCurrentIndex(index)
        qtbot.wait(20)
        name = window.tabs.tabText(index)
        assert window.size() == QSize(*size), f"{name} made the window grow"
        assert layout_problems(window) == [], name
        view = window.tabs.currentWidget()
        assert layout_problems(view) == [], name  # inside its scroll area nothing is cut off either
        hint = view.minimumSizeHint()
        assert view.width() >= hint.width() and view.height() >= hint.height(), name


@pytest.mark.parametrize("size", [(1366, 768), (1024, 600)], ids=lambda s: f"{s[0]}x{s[1]}")
def test_no_view_scrolls_sideways_on_a_laptop_or_a_small_screen(qtbot, window, size):
    """Scrolling down is fine at 1024x600; a page that must scroll across to reach its right-hand
    column is not."""
    window.resize(*size)
    for index in range(window.tabs.count()):
        window.tabs.setCurrentIndex(index)
        qtbot.wait(20)
        scroll = window.tabs.scroll_area(index)
        assert scroll.horizontalScrollBar().maximum() == 0, (
            f"{window.tabs.tabText(index)} needs {window.tabs.currentWidget().minimumSizeHint().width()} px "
            f"across; there are {scroll.viewport().width()}")
