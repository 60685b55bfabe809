"""Issue 17 item 1: the first window fits the screen, and every view is usable on small screens."""

from __future__ import annotations

import pytest
from layout_check import layout_problems
from PySide6.QtCore import QSize, Qt

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


def _show_options(qtbot, window, size):
    window.resize(*size)
    titles = [window.tabs.tabText(n) for n in range(window.tabs.count())]
    window.tabs.setCurrentIndex(titles.index("Options"))
    view = window.tabs.currentWidget()
    qtbot.wait(20)
    return view


def test_options_side_column_sits_beside_the_editor_when_wide_and_below_it_when_narrow(qtbot, window):
    view = _show_options(qtbot, window, (1366, 768))
    main, side = view.splitter.geometry(), view.side.geometry()
    assert side.left() >= main.right() and side.top() == main.top()  # beside: goal seek and chart to the right
    view = _show_options(qtbot, window, (1024, 600))
    main, side = view.splitter.geometry(), view.side.geometry()
    assert side.top() > main.bottom() and side.left() == main.left()  # below, the page's full width
    assert side.width() == main.width() == view.contentsRect().width() - view.layout().contentsMargins().left() \
        - view.layout().contentsMargins().right()
    assert layout_problems(view) == []
    # Scrolling down brings the chart into sight, nothing clipped on the way.
    scroll = window.tabs.scroll_area(window.tabs.currentIndex())
    scroll.ensureWidgetVisible(view.trajectory)
    qtbot.wait(20)
    top = view.trajectory.mapTo(scroll.viewport(), view.trajectory.rect().topLeft())
    assert scroll.verticalScrollBar().value() > 0 and 0 <= top.y() < scroll.viewport().height()
    view = _show_options(qtbot, window, (1366, 768))  # and back beside it when the window widens
    assert view.side.geometry().left() >= view.splitter.geometry().right()


@pytest.mark.parametrize("size", [(1366, 768), (1024, 600)], ids=lambda s: f"{s[0]}x{s[1]}")
def test_the_share_sliders_are_long_and_take_the_width_of_their_row(qtbot, window, size):
    view = _show_options(qtbot, window, size)
    for field in ("target_share", "reinvest_share", "double_running_share"):
        control = view.editor.controls[field]
        assert control.slider.isVisible() and control.slider.width() >= 200, field
        spacing = control.layout().spacing()
        # the slider has all of its row but the value box: as the editor widens, so does it
        assert control.slider.width() + spacing + control.spin.width() >= control.width() - 2, field
        assert control.width() >= view.editor.form.contentsRect().width() // 2, field


def test_every_service_name_in_the_lever_editor_is_shown_whole(qtbot, window):
    view = _show_options(qtbot, window, (1024, 600))
    services = view.editor.services.list
    assert services.count() == len(window.document.plan.services) and services.count() > 5
    names = [services.item(n).text() for n in range(services.count())]
    assert len(set(names)) == len(names)
    metrics = services.fontMetrics()
    wrapped = 0
    for n, name in enumerate(names):
        rect = services.visualItemRect(services.item(n))
        assert rect.right() <= services.viewport().width()  # nothing runs off to the right
        text_width = rect.width() - 2 * services.style().pixelMetric(
            services.style().PixelMetric.PM_IndicatorWidth)  # less the tick box
        lines = metrics.boundingRect(0, 0, text_width, 10_000, Qt.TextFlag.TextWordWrap, name).height()
        assert rect.height() >= lines, name  # every line of the name has room
        wrapped += lines > metrics.height() * 1.5
        assert services.item(n).toolTip().startswith(name)
    assert wrapped >= 5  # the five adult secure lines are long: they wrap rather than being cut
