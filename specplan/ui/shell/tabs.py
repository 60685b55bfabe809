"""The main views' tab widget, without a full repaint for every changed label.

Any widget whose size hint may have changed (a ``QLabel`` given new text always counts) asks
its ancestors to lay out again, and the request climbs to the tab widget, whose answer lays out
its tab bar and page area and then repaints the whole page area, every chart included. During a
slider drag that doubled the paint work of a step. This tab widget does that only when what it
lays out can actually have changed: its size, its tabs, or its page's size hints.

Each page sits in a :class:`PageScroll`, so that on a small screen (1024x600, or half a laptop
screen) a page that needs more room than there is scrolls instead of being cut off or making the
window grow past the screen. ``widget``, ``currentWidget`` and ``indexOf`` speak of the pages,
not of their scroll areas.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QFrame, QScrollArea, QTabWidget, QWidget


class PageScroll(QScrollArea):
    """A page of the tab widget: as large as the tab's space, and scrolling below its minimum size."""

    def __init__(self, page: QWidget, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("page_scroll")
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setWidget(page)


class ViewTabs(QTabWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        self._laid_out: tuple | None = None

    # -- pages in scroll areas -----------------------------------------------------------------
    def addTab(self, page: QWidget, *args) -> int:
        return super().addTab(PageScroll(page, self), *args)

    def insertTab(self, index: int, page: QWidget, *args) -> int:
        return super().insertTab(index, PageScroll(page, self), *args)

    def widget(self, index: int) -> QWidget | None:
        holder = super().widget(index)
        return holder.widget() if isinstance(holder, PageScroll) else holder

    def currentWidget(self) -> QWidget | None:
        return self.widget(self.currentIndex())

    def scroll_area(self, index: int) -> PageScroll | None:
        holder = super().widget(index)
        return holder if isinstance(holder, PageScroll) else None

    def indexOf(self, page: QWidget) -> int:
        return next((n for n in range(self.count()) if self.widget(n) is page), -1)

    def setCurrentWidget(self, page: QWidget) -> None:
        self.setCurrentIndex(self.indexOf(page))

    def removeTab(self, index: int) -> None:
        holder = self.scroll_area(index)
        super().removeTab(index)
        if holder is not None:  # the page stays the tab widget's, as an unwrapped one would
            page = holder.takeWidget()
            if page is not None:
                page.setParent(self)
                page.hide()
            holder.deleteLater()

    def clear(self) -> None:
        while self.count():
            self.removeTab(self.count() - 1)

    # -- layout requests -----------------------------------------------------------------------
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
