"""Find widgets that are clipped (smaller than they need) or overlap a neighbour in a layout.

Used by the real-window and offscreen tests at common screen sizes; only widgets our own layouts
place are judged, so Qt's internal children (scroll bars, viewports, pyqtgraph items) are not.
"""

from __future__ import annotations

from PySide6.QtCore import QRect
from PySide6.QtWidgets import QAbstractScrollArea, QLayout, QWidget

TOLERANCE = 2  # pixels: rounding in style metrics


def layout_problems(root: QWidget) -> list[str]:
    """Descriptions of clipped or overlapping widgets under ``root`` (empty when all is well)."""
    problems: list[str] = []
    for parent in [root, *root.findChildren(QWidget)]:
        if not parent.isVisibleTo(root) and parent is not root:
            continue
        if _inside_scroll_area(parent, root):
            continue  # scrolling content may be larger than what shows
        layout = parent.layout()
        if layout is None:
            continue
        placed = [w for w in _layout_widgets(layout) if w.isVisibleTo(root)]
        for widget in placed:
            hint = widget.minimumSizeHint()
            if hint.isValid() and (widget.width() + TOLERANCE < hint.width()
                                   or widget.height() + TOLERANCE < hint.height()):
                problems.append(f"{_name(widget)} is clipped: {widget.width()}x{widget.height()} "
                                f"< needed {hint.width()}x{hint.height()}")
            if not _shrunk(parent.rect()).contains(_shrunk(widget.geometry())):
                problems.append(f"{_name(widget)} sticks out of {_name(parent)}")
        for n, first in enumerate(placed):
            for second in placed[n + 1:]:
                overlap = _shrunk(first.geometry()).intersected(_shrunk(second.geometry()))
                if overlap.width() > 0 and overlap.height() > 0:
                    problems.append(f"{_name(first)} overlaps {_name(second)}")
    return problems


def _layout_widgets(layout: QLayout) -> list[QWidget]:
    found = []
    for index in range(layout.count()):
        item = layout.itemAt(index)
        if item.widget() is not None:
            found.append(item.widget())
        elif item.layout() is not None:
            found.extend(_layout_widgets(item.layout()))
    return found


def _inside_scroll_area(widget: QWidget, root: QWidget) -> bool:
    parent = widget.parentWidget()
    while parent is not None and parent is not root:
        if isinstance(parent, QAbstractScrollArea):
            return True
        parent = parent.parentWidget()
    return False


def _shrunk(rect: QRect) -> QRect:
    return rect.adjusted(TOLERANCE, TOLERANCE, -TOLERANCE, -TOLERANCE)


def _name(widget: QWidget) -> str:
    label = widget.objectName() or widget.accessibleName() or ""
    text = getattr(widget, "text", None)
    if not label and callable(text):
        try:
            label = str(text())[:30]
        except TypeError:
            label = ""
    return f"{type(widget).__name__}({label!r})"
