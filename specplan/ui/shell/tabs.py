"""The main views' tab widget.

A QTabWidget: it lays out and repaints its whole page whenever a layout request reaches it, so
the figures that change with every slider step sit in ``widgets.figure_box.FigureBox``es, which
keep their labels' requests from climbing this far.

Each page sits in a :class:`PageScroll`, so that on a small screen (1024x600, or half a laptop
screen) a page that needs more room than there is scrolls instead of being cut off or making the
window grow past the screen. ``widget``, ``currentWidget`` and ``indexOf`` speak of the pages,
not of their scroll areas.
"""

from __future__ import annotations

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
    """The tab widget of the main views, each page in a scroll area."""

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
