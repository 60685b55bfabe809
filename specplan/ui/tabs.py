"""The main views' tab widget, without a full repaint for every changed label.

Any widget whose size hint may have changed (a ``QLabel`` given new text always counts) asks
its ancestors to lay out again, and the request climbs to the tab widget, whose answer lays out
its tab bar and page area and then repaints the whole page area, every chart included. During a
slider drag that doubled the paint work of a step. This tab widget does that only when what it
lays out can actually have changed: its size, its tab bar's or its pages' size hints.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QStackedWidget, QTabWidget


class ViewTabs(QTabWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        self._laid_out: tuple | None = None

    def _layout_key(self) -> tuple:
        stack = self.findChild(QStackedWidget)
        page = stack.currentWidget() if stack is not None else None
        hints = (page.minimumSizeHint(), page.sizeHint()) if page is not None else ()
        return (self.size(), self.tabBar().sizeHint(), self.count(), self.currentIndex(), *hints)

    def event(self, event) -> bool:
        if event.type() == QEvent.Type.LayoutRequest:
            key = self._layout_key()
            if key == self._laid_out:
                return True  # nothing to lay out: the page's own layout has already done its part
            self._laid_out = key
        return super().event(event)
