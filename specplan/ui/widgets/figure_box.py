"""A box for text that changes with every slider step, which keeps its page from laying out.

A label given new text asks its parent to lay out again; each layout that activates asks its
own parent, up to the main views' tab widget, which answers by laying out its page area and
repainting all of it, every chart included: twice the paint work of a step. The box has no
layout, so a request from its label stops here: the box fits the label to itself and asks its
page to lay out again only when the label needs another height or no longer fits its width.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize
from PySide6.QtWidgets import QWidget


class FigureBox(QWidget):
    """Holds one widget (a QLabel) and stands in for it in its parent's layout."""

    def __init__(self, child: QWidget, parent: QWidget | None = None):
        super().__init__(parent)
        self.child = child
        child.setParent(self)
        # Layouts ask the box's size policy whether it trades height for width; a word-wrapped
        # label's policy says so only once it has text, so the box says so from the start.
        policy = child.sizePolicy()
        policy.setHeightForWidth(child.hasHeightForWidth() or bool(getattr(child, "wordWrap", bool)()))
        self.setSizePolicy(policy)
        self._hints = self._measure()

    def _measure(self) -> tuple:
        # The preferred width (which a label works out from its text) only sizes a new window,
        # which lays out afresh anyway: the height for the width the box has, and whether the
        # text still fits that width, decide whether the page must make room.
        child, width = self.child, self.width()
        height = child.heightForWidth(width) if child.hasHeightForWidth() else child.sizeHint().height()
        least = child.minimumSizeHint()
        return height, least.height(), least.width() <= width

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return self.child.sizeHint()

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return self.child.minimumSizeHint()

    def hasHeightForWidth(self) -> bool:  # noqa: N802 - Qt's name
        return self.sizePolicy().hasHeightForWidth()

    def heightForWidth(self, width: int) -> int:  # noqa: N802 - Qt's name
        child = self.child
        return child.heightForWidth(width) if child.hasHeightForWidth() else child.sizeHint().height()

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        self.child.setGeometry(self.rect())
        self._hints = self._measure()
        super().resizeEvent(event)

    def event(self, event) -> bool:
        if event.type() == QEvent.Type.LayoutRequest:
            hints = self._measure()
            if hints != self._hints:
                self._hints = hints
                self.updateGeometry()  # the label needs another size: let the page make room
            return True
        return super().event(event)
