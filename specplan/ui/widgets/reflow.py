"""A page's main column with a side column that moves below it when the page is narrow.

A page in a scroll area must not need the width of both columns side by side, or on a small
screen (1024x600 with the navigator docked, half a laptop screen) it scrolls across to reach its
right-hand column. :class:`ReflowLayout` asks only for the wider of the two columns; when its
width holds both at their minimum widths the side column sits beside the main one, otherwise
below it. The arrangement depends only on the width, so the layout answers ``heightForWidth``
and the scroll area makes the page as tall as the arrangement at that width needs: beside each
other, the columns share the page's height as before; one below the other, each gets at least
its preferred height, so neither is squeezed into a sliver while the page scrolls down.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtWidgets import QLayout, QLayoutItem, QStyle, QWidget


class ReflowLayout(QLayout):
    """Two items: the main column, then the side column (``addWidget`` them in that order).

    ``stretch`` shares the width beyond the columns' minimums when they sit side by side, and
    the height beyond their preferred heights when one is below the other."""

    def __init__(self, parent: QWidget | None = None, *, stretch: tuple[int, int] = (1, 1)):
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._stretch = stretch

    # -- QLayout's item list -------------------------------------------------------------------
    def addItem(self, item: QLayoutItem) -> None:  # noqa: N802 - Qt's name
        if len(self._items) == 2:
            raise ValueError("a ReflowLayout holds a main column and a side column, no more")
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:  # noqa: N802 - Qt's name
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:  # noqa: N802 - Qt's name
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:  # noqa: N802 - Qt's name
        return Qt.Orientation.Horizontal | Qt.Orientation.Vertical

    # -- the arrangement -----------------------------------------------------------------------
    def _shown(self) -> list[QLayoutItem]:
        return [item for item in self._items if not item.isEmpty()]

    def _gap(self) -> int:
        spacing = self.spacing()
        if spacing < 0:  # unset: the style's spacing, as a box layout would take it
            parent = self.parentWidget()
            style = parent.style() if parent is not None else None
            spacing = style.pixelMetric(QStyle.PixelMetric.PM_LayoutHorizontalSpacing) if style else 6
        return max(spacing, 0)

    def side_by_side(self, width: int) -> bool:
        """Whether the columns sit beside each other in a layout ``width`` wide (margins included)."""
        shown = self._shown()
        if len(shown) < 2:
            return False
        inner = width - self._margins_width()
        return inner >= sum(item.minimumSize().width() for item in shown) + self._gap()

    def _widths(self, inner: int) -> tuple[int, int]:
        """The columns' widths side by side: shared by stretch, never under a minimum."""
        main, side = self._shown()
        free = inner - self._gap()
        side_width = max(side.minimumSize().width(), free * self._stretch[1] // sum(self._stretch))
        side_width = min(side_width, side.maximumSize().width(), free - main.minimumSize().width())
        return free - side_width, side_width

    def _margins_width(self) -> int:
        margins = self.contentsMargins()
        return margins.left() + margins.right()

    def _margins_height(self) -> int:
        margins = self.contentsMargins()
        return margins.top() + margins.bottom()

    # -- sizes ---------------------------------------------------------------------------------
    def minimumSize(self) -> QSize:  # noqa: N802 - Qt's name
        """The wider column's minimum width: the narrowest page is the one with the columns stacked."""
        shown = self._shown()
        width = max((item.minimumSize().width() for item in shown), default=0)
        height = max((item.minimumSize().height() for item in shown), default=0)
        return QSize(width + self._margins_width(), height + self._margins_height())

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        shown = self._shown()
        gap = self._gap() if len(shown) == 2 else 0
        width = sum(item.sizeHint().width() for item in shown) + gap
        height = max((item.sizeHint().height() for item in shown), default=0)
        return QSize(width + self._margins_width(), height + self._margins_height()).expandedTo(self.minimumSize())

    def hasHeightForWidth(self) -> bool:  # noqa: N802 - Qt's name
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802 - Qt's name
        return self._height(width, preferred=True)

    def minimumHeightForWidth(self, width: int) -> int:  # noqa: N802 - Qt's name
        return self._height(width, preferred=False)

    def _height(self, width: int, preferred: bool) -> int:
        shown, inner = self._shown(), width - self._margins_width()
        if self.side_by_side(width):
            heights = [_least_height(item, column) for item, column in zip(shown, self._widths(inner))]
            return max(heights) + self._margins_height()
        measure = _preferred_height if preferred else _least_height
        gaps = self._gap() * (len(shown) - 1)
        return sum(measure(item, inner) for item in shown) + gaps + self._margins_height()

    def setGeometry(self, rect: QRect) -> None:  # noqa: N802 - Qt's name
        super().setGeometry(rect)
        shown = self._shown()
        inner = self.contentsRect()
        if not shown:
            return
        if self.side_by_side(rect.width()):
            main_width, side_width = self._widths(inner.width())
            shown[0].setGeometry(QRect(inner.left(), inner.top(), main_width, inner.height()))
            shown[1].setGeometry(QRect(inner.right() + 1 - side_width, inner.top(), side_width, inner.height()))
            return
        heights = [_preferred_height(item, inner.width()) for item in shown]
        spare = inner.height() - sum(heights) - self._gap() * (len(shown) - 1)
        if spare >= 0:  # more room than asked: shared out by stretch, as the width is
            share = spare * self._stretch[0] // sum(self._stretch) if len(shown) == 2 else spare
            heights[0] += share
            heights[-1] += spare - share if len(shown) == 2 else 0
        else:  # less than asked (not in a scroll area): each gives up its share, down to its minimum
            least = [_least_height(item, inner.width()) for item in shown]
            give = [h - m for h, m in zip(heights, least)]
            total = sum(give) or 1
            heights = [h - min(g, -spare * g // total) for h, g in zip(heights, give)]
        top = inner.top()
        for item, height in zip(shown, heights):
            item.setGeometry(QRect(inner.left(), top, inner.width(), height))
            top += height + self._gap()


def _least_height(item: QLayoutItem, width: int) -> int:
    if item.hasHeightForWidth():
        return max(item.minimumHeightForWidth(width), item.minimumSize().height())
    return item.minimumSize().height()


def _preferred_height(item: QLayoutItem, width: int) -> int:
    height = item.heightForWidth(width) if item.hasHeightForWidth() else item.sizeHint().height()
    return max(height, _least_height(item, width))
