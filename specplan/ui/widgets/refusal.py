"""Why an edit was refused, shown where the user made it: a note pinned under the control (or
the table cell) that was edited, which stays until the next edit there or anywhere else.

A refusal reported in the status bar is easily missed and a cell put back without a word looks
like nothing happened; the note sits at the edit itself. There is one note per window (it is
about the last edit), floating over the window's content so no layout moves to make room.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QPoint, QRect, Qt
from PySide6.QtWidgets import QLabel, QWidget

from ..document.document import Document
from ..refusal_words import refusal_text

#: The note wraps at this width (pixels) so a long reason stays beside its control.
MAX_WIDTH = 380
GAP = 2
STYLE = ("QLabel#refusal { background: #FDECEA; color: #8A1F11; border: 1px solid #C0392B; "
         "border-radius: 3px; padding: 4px 6px; }")
Where = QRect | Callable[[], QRect] | None


class RefusalNote(QLabel):
    """The window's note; :func:`show_refusal` places it, :func:`clear_refusal` hides it."""

    def __init__(self, window: QWidget):
        super().__init__(window)
        self.setObjectName("refusal")
        self.setStyleSheet(STYLE)
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setAccessibleName("Edit not made")
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.anchor: QWidget | None = None
        self._where: Where = None
        self.document: Document | None = None
        self.hide()

    def watch(self, document: Document | None) -> None:
        """The next edit that changes ``document``'s plan (or an undo) ends the refusal."""
        if document is not None and document is not self.document:
            if self.document is not None:
                self.document.sig_plan_changed.disconnect(self._on_plan_changed)
            document.sig_plan_changed.connect(self._on_plan_changed)
            self.document = document

    def _on_plan_changed(self, *_args) -> None:
        self.clear()

    def point_at(self, anchor: QWidget, message: str, where: Where = None) -> None:
        if self.anchor is not anchor:
            if self.anchor is not None:
                self.anchor.removeEventFilter(self)
            anchor.installEventFilter(self)
            anchor.destroyed.connect(self._on_anchor_gone)
        self.anchor, self._where = anchor, where
        self.setText(message)
        self.setAccessibleDescription(message)
        anchor.setAccessibleDescription(message)
        self.show()
        self.place()
        self.raise_()

    def place(self) -> None:
        """Under the edited cell or control, inside the window; above it when there is no room."""
        anchor, window = self.anchor, self.parentWidget()
        if anchor is None or window is None:
            return
        where = self._where() if callable(self._where) else self._where
        rect = where if where is not None else anchor.rect()
        top_left = anchor.mapTo(window, rect.topLeft())
        bottom = anchor.mapTo(window, rect.bottomLeft()).y()
        width = min(MAX_WIDTH, max(window.width() - 2 * GAP, 80))
        self.setFixedWidth(width)
        self.setFixedHeight(self.heightForWidth(width))
        x = max(GAP, min(top_left.x(), window.width() - width - GAP))
        y = bottom + GAP
        if y + self.height() > window.height() and top_left.y() - self.height() - GAP >= 0:
            y = top_left.y() - self.height() - GAP
        self.move(QPoint(x, y))

    def clear(self) -> None:
        if self.anchor is not None:
            self.anchor.setAccessibleDescription("")
        self.hide()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.anchor and self.isVisible():
            if event.type() == QEvent.Type.Hide:
                self.hide()
            elif event.type() in (QEvent.Type.Move, QEvent.Type.Resize):
                self.place()
        return False

    def _on_anchor_gone(self, *_args) -> None:
        self.anchor = None
        self.hide()


def note_of(widget: QWidget, create: bool = False) -> RefusalNote | None:
    """The note of ``widget``'s window (made on first use when ``create``)."""
    window = widget.window()
    note = window.findChild(RefusalNote, "refusal", Qt.FindChildOption.FindDirectChildrenOnly)
    if note is None and create:
        note = RefusalNote(window)
    return note


def show_refusal(anchor: QWidget, message: str, where: Where = None, document: Document | None = None) -> RefusalNote:
    """Say ``message`` under ``anchor`` (under ``where``, a rect in ``anchor``, for a table cell)
    until the next edit (of ``document``'s plan, when given)."""
    note = note_of(anchor, create=True)
    note.watch(document)
    note.point_at(anchor, message, where)
    return note


def clear_refusal(widget: QWidget) -> None:
    """A new edit begins: the last refusal in ``widget``'s window no longer applies."""
    note = note_of(widget)
    if note is not None and note.isVisible():
        note.clear()


def shown_refusal(widget: QWidget) -> str:
    """The refusal showing in ``widget``'s window, or '' (for tests and the accessibility check)."""
    note = note_of(widget)
    return note.text() if note is not None and note.isVisible() else ""


def try_edit(document: Document, anchor: QWidget, field: str, make_edit, *args, where: Where = None,
             shown: Callable[[object], str] | None = None, explain: Callable[[object], str] | None = None,
             **kwargs) -> bool:
    """``document.try_apply`` from the control ``anchor``: any refusal is said under it, about
    ``field`` (the name the control shows) with values written by ``shown`` (the control's units),
    or in the words ``explain(error)`` gives."""
    clear_refusal(anchor)

    def refused(error) -> None:
        message = explain(error) if explain is not None else refusal_text(error, field, shown)
        show_refusal(anchor, message, where, document)

    return document.try_apply(make_edit, *args, refused=refused, **kwargs)
