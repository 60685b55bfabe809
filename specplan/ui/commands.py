"""The one undoable command: swap the document's plan for another (plans are immutable)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QUndoCommand

if TYPE_CHECKING:
    from ..domain.plan import Plan
    from .document import Document

MERGING_ID = 1


class PlanEdit(QUndoCommand):
    """Before and after plans. Edits with the same ``merge_key`` (the steps of one slider drag)
    merge into one undo step, keeping the first 'before' and the last 'after'."""

    def __init__(self, document: Document, before: Plan, after: Plan, text: str, merge_key: object = None):
        super().__init__(text)
        self.document = document
        self.before = before
        self.after = after
        self.merge_key = merge_key

    def id(self) -> int:  # noqa: A003 - Qt's name
        return MERGING_ID if self.merge_key is not None else -1

    def mergeWith(self, other: QUndoCommand) -> bool:  # noqa: N802 - Qt's name
        if not isinstance(other, PlanEdit) or other.merge_key != self.merge_key:
            return False
        self.after = other.after
        self.setText(other.text())
        return True

    def redo(self) -> None:
        self.document._set_plan(self.after)

    def undo(self) -> None:
        self.document._set_plan(self.before)
