"""Every view reads in the dark theme and the light one: WCAG AA contrast, checked three ways.

(a) each visible widget's text against its background, from the palette roles it paints with;
(b) each visible table/tree cell that has its own ForegroundRole or BackgroundRole;
(c) the pixels painted for the cells that carry a meaning in colour (the starred best values in
Compare, the "Too small" pools) and for unticked check boxes, which must show a box at all.
"""

from __future__ import annotations

import pytest
from contrast import NON_TEXT, TEXT, contrast, luminance, over, painted_contrast
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QPalette
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QCheckBox,
    QComboBox,
    QDialogButtonBox,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QRadioButton,
    QStyle,
    QStyleOptionButton,
    QTabBar,
    QTableView,
    QTextEdit,
    QTreeView,
    QWidget,
)

from specplan.domain.samples import build_sample
from specplan.screenshots import settle
from specplan.ui.document.document import Document
from specplan.ui.models.pools_model import VIABILITY
from specplan.ui.shell.main_window import MainWindow
from specplan.ui.shell.preferences import apply_theme
from specplan.ui.views.compare import CompareView
from specplan.ui.views.footprints import FootprintsView

Role = QPalette.ColorRole
Group = QPalette.ColorGroup
#: Cells checked per view: every cell of the tables here, and enough of the national baseline's
#: thousands of rows (their colours follow from the row's kind, not its figures).
CELL_LIMIT = 4000
TEXT_WIDGETS = (QLabel, QAbstractButton, QLineEdit, QAbstractSpinBox, QComboBox, QAbstractItemView,
                QTabBar, QHeaderView, QGroupBox, QPlainTextEdit, QTextEdit)


@pytest.fixture(params=[("dark", "mh-collaborative"), ("dark", "national"),
                        ("light", "mh-collaborative"), ("light", "national")], ids="-".join)
def themed_window(request, qtbot, dialogs, settings, tmp_path):
    theme, sample = request.param
    settings.setValue("preferences/theme", theme)
    window = MainWindow(dialogs=dialogs, settings=settings)
    window.recovery_folder = tmp_path / "recovery"
    qtbot.addWidget(window, before_close_func=lambda w: w.document and w.document.undo_stack.setClean())
    window.set_document(Document(build_sample(sample)))
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    yield window
    apply_theme("system")  # as the other tests expect it


def test_both_palettes_read_and_dim_their_disabled_text(qapp):
    try:
        for theme in ("dark", "light"):
            apply_theme(theme)
            palette = QApplication.palette()
            problems = _palette_problems(palette)
            assert problems == [], f"{theme}: {problems}"
    finally:
        apply_theme("system")


def test_every_view_reads(themed_window, qapp):
    window = themed_window
    problems: set[str] = set()
    seen_best = seen_small = seen_unticked = False
    for index in range(window.tabs.count()):
        window.tabs.setCurrentIndex(index)
        view = window.tabs.currentWidget()
        settle(qapp, view)
        if isinstance(view, FootprintsView):
            _show_a_too_small_pool(view, qapp)
        name = window.tabs.tabText(index)
        for widget in _visible_widgets(window):
            problems |= {f"{name}: {p}" for p in _widget_problems(widget)}
            if isinstance(widget, QAbstractItemView) and not isinstance(widget, QHeaderView):
                problems |= {f"{name}: {p}" for p in _cell_problems(widget)}
                found, found_problems = _unticked_box_problems(widget)
                seen_unticked |= found
                problems |= {f"{name}: {p}" for p in found_problems}
            if isinstance(widget, (QCheckBox, QRadioButton)):
                problems |= {f"{name}: {p}" for p in _indicator_problems(widget)}
        if isinstance(view, CompareView):
            seen_best, found = _starred_cell_problems(view.table)
            problems |= {f"{name}: {p}" for p in found}
        if isinstance(view, FootprintsView):
            seen_small, found = _too_small_problems(view)
            problems |= {f"{name}: {p}" for p in found}
    assert seen_best, "Compare showed no starred best value to check"
    assert seen_small, "no 'Too small' pool found to check"
    assert seen_unticked, "no unticked check box found to check"
    assert not problems, "\n".join(sorted(problems))


# -- (a) palettes and widgets ------------------------------------------------------------------
def _palette_problems(palette: QPalette) -> list[str]:
    problems = []
    for fg, bg in ((Role.WindowText, Role.Window), (Role.Text, Role.Base), (Role.ButtonText, Role.Button)):
        active = contrast(_colour(palette, Group.Active, fg, bg), palette.color(Group.Active, bg))
        disabled = contrast(_colour(palette, Group.Disabled, fg, bg), palette.color(Group.Disabled, bg))
        if active < TEXT:
            problems.append(f"{fg.name} on {bg.name}: {active:.2f}")
        if disabled < NON_TEXT:
            problems.append(f"disabled {fg.name} on {bg.name}: {disabled:.2f}, below {NON_TEXT}")
        if disabled > active * 2 / 3:
            problems.append(f"disabled {fg.name} on {bg.name} ({disabled:.2f}) does not look disabled "
                            f"beside {active:.2f}")
    for fg, bg in ((Role.PlaceholderText, Role.Base), (Role.HighlightedText, Role.Highlight),
                   (Role.ToolTipText, Role.ToolTipBase), (Role.Link, Role.Window), (Role.Link, Role.Base),
                   (Role.Text, Role.AlternateBase)):
        ratio = contrast(_colour(palette, Group.Active, fg, bg), palette.color(Group.Active, bg))
        if ratio < TEXT:
            problems.append(f"{fg.name} on {bg.name}: {ratio:.2f}")
    return problems


def _colour(palette: QPalette, group, fg, bg) -> QColor:
    """``fg`` as painted over ``bg`` (the default placeholder colour is half transparent)."""
    return over(palette.color(group, fg), palette.color(group, bg))


def _visible_widgets(window: MainWindow) -> list[QWidget]:
    return [w for w in window.findChildren(QWidget) if w.isVisible() and isinstance(w, TEXT_WIDGETS)]


def _describe(widget: QWidget) -> str:
    text = getattr(widget, "text", None)
    text = text() if callable(text) else ""
    words = widget.accessibleName() or text or widget.objectName()
    return f"{type(widget).__name__} {str(words)[:40]!r}"


def _widget_problems(widget: QWidget) -> list[str]:
    palette = widget.palette()
    enabled = widget.isEnabled()
    group = Group.Active if enabled else Group.Disabled
    pairs = [(widget.foregroundRole(), widget.backgroundRole())]
    if isinstance(widget, QAbstractItemView):
        pairs += [(Role.Text, Role.Base), (Role.HighlightedText, Role.Highlight)]
        if widget.alternatingRowColors():
            pairs.append((Role.Text, Role.AlternateBase))
    if isinstance(widget, (QLineEdit, QPlainTextEdit, QTextEdit)) and widget.placeholderText() and enabled:
        empty = widget.text() if isinstance(widget, QLineEdit) else widget.toPlainText()
        if not empty:
            pairs.append((Role.PlaceholderText, Role.Base))
    problems = []
    for fg, bg in pairs:
        ratio = contrast(_colour(palette, group, fg, bg), palette.color(group, bg))
        floor = TEXT if enabled else NON_TEXT
        if ratio < floor:
            state = "" if enabled else "disabled "
            problems.append(f"{_describe(widget)}: {state}{fg.name} on {bg.name} {ratio:.2f} < {floor}")
        if not enabled:
            active = contrast(_colour(palette, Group.Active, fg, bg), palette.color(Group.Active, bg))
            if ratio > active * 2 / 3:
                problems.append(f"{_describe(widget)}: disabled but its {fg.name} on {bg.name} "
                                f"({ratio:.2f}) is as strong as enabled ({active:.2f})")
    return problems


# -- (b) model cells ---------------------------------------------------------------------------
def _indexes(view: QAbstractItemView):
    """The model's indexes, depth first, up to :data:`CELL_LIMIT`, skipping hidden columns."""
    model = view.model()
    stack = [QModelIndex()]
    count = 0
    if model is None:
        return
    while stack and count < CELL_LIMIT:
        parent = stack.pop()
        for row in range(model.rowCount(parent)):
            for column in range(_columns(model, parent)):
                if isinstance(view, (QTableView, QTreeView)) and view.isColumnHidden(column):
                    continue
                index = model.index(row, column, parent)
                count += 1
                yield index
                if column == 0 and model.rowCount(index) > 0:
                    stack.append(index)
            if count >= CELL_LIMIT:
                return


def _columns(model, parent: QModelIndex) -> int:
    try:
        return model.columnCount(parent)
    except TypeError:  # a list model (QListWidget's) keeps its one column private
        return 0 if parent.isValid() else 1


def _as_colour(value) -> QColor | None:
    if isinstance(value, QBrush):
        return value.color() if value.style() != Qt.BrushStyle.NoBrush else None
    if isinstance(value, (QColor, Qt.GlobalColor, str)):
        return QColor(value)
    return None


def _cell_problems(view: QAbstractItemView) -> list[str]:
    model = view.model()
    if model is None:
        return []
    palette = view.palette()
    group = Group.Active if view.isEnabled() else Group.Disabled
    bases = [palette.color(group, Role.Base)]
    if view.alternatingRowColors():
        bases.append(palette.color(group, Role.AlternateBase))
    problems = []
    for index in _indexes(view):
        fg = _as_colour(model.data(index, Qt.ItemDataRole.ForegroundRole))
        bg = _as_colour(model.data(index, Qt.ItemDataRole.BackgroundRole))
        if fg is None and bg is None:
            continue
        for base in bases:
            back = over(bg, base) if bg is not None else base
            text = over(fg if fg is not None else palette.color(group, Role.Text), back)
            ratio = contrast(text, back)
            if ratio < TEXT:
                problems.append(f"{_describe(view)} cell {index.data()!r}: {text.name()} on {back.name()} "
                                f"{ratio:.2f} < {TEXT}")
                break
    return problems


# -- (c) painted pixels ------------------------------------------------------------------------
def _cell_image_problems(view: QAbstractItemView, index: QModelIndex, what: str) -> list[str]:
    """The contrast painted in the cell at ``index``, its edges trimmed off the grid lines."""
    view.scrollTo(index)
    QApplication.processEvents()
    rect = view.visualRect(index)
    image = view.viewport().grab().toImage()
    ratio, back, text = painted_contrast(image, rect.x() + 3, rect.y() + 2, rect.width() - 6, rect.height() - 4)
    if ratio < TEXT:
        return [f"{what} {index.data()!r} painted {text.name()} on {back.name()}: {ratio:.2f} < {TEXT}"]
    return []


def _without_selection(view: QAbstractItemView) -> None:
    view.clearSelection()
    view.setCurrentIndex(QModelIndex())


def _starred_cell_problems(table) -> tuple[bool, list[str]]:
    _without_selection(table)
    model = table.model()
    starred = [model.index(r, c) for r in range(model.rowCount()) for c in range(model.columnCount())
               if str(model.index(r, c).data() or "").startswith("★")]
    return bool(starred), [p for index in starred for p in _cell_image_problems(table, index, "starred best")]


def _show_a_too_small_pool(view: FootprintsView, qapp) -> None:
    """Choose, as a person would in the service box, the first service with a pool too small."""
    view.tables.setCurrentIndex(0)  # the pools
    for n in range(view.service_box.count()):
        if any(view.pools.data(view.pools.index(r, VIABILITY)) == "Too small"
               for r in range(view.pools.rowCount())):
            return
        view.service_box.setCurrentIndex(n)
        settle(qapp, view)


def _too_small_problems(view: FootprintsView) -> tuple[bool, list[str]]:
    table = view.table
    _without_selection(table)
    model = table.model()
    rows = [r for r in range(model.rowCount()) if model.index(r, VIABILITY).data() == "Too small"]
    problems = []
    for row in rows[:5]:
        for column in range(model.columnCount()):
            problems += _cell_image_problems(table, model.index(row, column), "too-small pool")
    return bool(rows), problems


def _box_problem(image, rect, background: QColor, what: str) -> list[str]:
    """An unticked box must show: some pixel of it at 3:1 against what is around it (WCAG 1.4.11)."""
    best = max((contrast(QColor(image.pixel(x, y)), background)
                for y in range(rect.top(), rect.bottom() + 1) for x in range(rect.left(), rect.right() + 1)
                if 0 <= x < image.width() and 0 <= y < image.height()), default=1.0)
    return [] if best >= NON_TEXT else [f"{what}: its box shows at {best:.2f} < {NON_TEXT}"]


def _unticked_box_problems(view: QAbstractItemView) -> tuple[bool, list[str]]:
    """The indicator square at the left of up to three unticked, visible, checkable cells."""
    model = view.model()
    if model is None:
        return False, []
    viewport = view.viewport().rect()
    unticked = [index for index in _indexes(view)
                if index.flags() & Qt.ItemFlag.ItemIsUserCheckable
                and model.data(index, Qt.ItemDataRole.CheckStateRole) in (Qt.CheckState.Unchecked, 0)
                and viewport.intersects(view.visualRect(index))][:3]
    if not unticked:
        return False, []
    image = view.viewport().grab().toImage()
    problems = []
    for index in unticked:
        rect = view.visualRect(index)
        square = rect.adjusted(0, 0, -(rect.width() - rect.height()), 0)
        bg = _as_colour(model.data(index, Qt.ItemDataRole.BackgroundRole))
        background = view.palette().color(Role.Base) if bg is None else bg
        problems += _box_problem(image, square, background, f"{_describe(view)} unticked {index.data()!r}")
    return True, problems


def _indicator_problems(button: QAbstractButton) -> list[str]:
    if button.isChecked() or not button.isEnabled():
        return []
    option = QStyleOptionButton()
    option.initFrom(button)
    element = (QStyle.SubElement.SE_CheckBoxIndicator if isinstance(button, QCheckBox)
               else QStyle.SubElement.SE_RadioButtonIndicator)
    rect = button.style().subElementRect(element, option, button)
    image = button.grab().toImage()
    return _box_problem(image, rect, button.palette().color(button.backgroundRole()),
                        f"{_describe(button)} unticked")


# -- a change of theme -------------------------------------------------------------------------
def _choose_theme(window: MainWindow, theme: str) -> None:
    window.actions["preferences"].trigger()
    dialog = window.preferences_dialog
    dialog.theme.setCurrentText(theme)
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save).click()


def test_a_new_theme_retints_the_best_values_and_gives_back_the_platform_style(window, qtbot, qapp):
    platform = qapp.style().name()
    titles = [window.tabs.tabText(n) for n in range(window.tabs.count())]
    window.tabs.setCurrentIndex(titles.index("Compare"))
    view = window.tabs.currentWidget()
    settle(qapp, view)
    try:
        for theme, dark in (("dark", True), ("light", False), ("dark", True)):
            _choose_theme(window, theme)
            settle(qapp, view)
            seen, problems = _starred_cell_problems(view.table)
            assert seen and problems == []
            starred = next(view.table.item(r, c) for r in range(view.table.rowCount())
                           for c in range(view.table.columnCount()) if view.table.item(r, c).text().startswith("★"))
            assert (luminance(starred.background().color()) < 0.2) == dark
    finally:
        _choose_theme(window, "system")
    assert qapp.style().name() == platform and qapp.style().objectName() != "specplan_theme_style"
