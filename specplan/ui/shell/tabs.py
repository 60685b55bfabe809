"""The main views' tab widget, without a full repaint for every changed label.

Any widget whose size hint may have changed (a ``QLabel`` given new text always counts) asks
its ancestors to lay out again, and the request climbs to the tab widget, whose answer lays out
its tab bar and page area and then repaints the whole page area, every chart included. During a
slider drag that doubled the paint work of a step. This tab widget does that only when what it
lays out can actually have changed: its size, its tabs, or its page's size hints.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QTabWidget


class ViewTabs(QTabWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        self._laid_out: tuple | None = None

    def _layout_key(self) -> tuple:
        page = self.currentWidget()
        # The minimum size decides whether the window must grow; the preferred size (a costly
        # measure of every label) only sizes a new window, which lays out afresh anyway.
        hints = (page.minimumSizeHint(),) if page is not None else ()
        # The tab bar's own size hint measures every tab's text (half a millisecond): its texts
        # say the same for less.
        texts = tuple(self.tabText(n) for n in range(self.count()))
        return (self.size(), texts, self.currentIndex(), *hints)

    def event(self, event) -> bool:
        if event.type() == QEvent.Type.LayoutRequest:
            key = self._layout_key()
            if key == self._laid_out:
                return True  # nothing to lay out: the page's own layout has already done its part
            self._laid_out = key
        return super().event(event)
