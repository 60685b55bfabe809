"""The one undoable command: swap the document's plan for another (plans are immutable)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QUndoCommand

from ...domain.changes import Changes, changes_between
from ...domain.plan import Plan

MERGING_ID = 1

#: What a command calls to put a plan in place, saying what changed and which widget sent it.
SetPlan = Callable[[Plan, Changes, object], None]


class PlanEdit(QUndoCommand):
    """Before and after plans, and what changed between them (the same either way, so undo and
    redo say it too). Edits with the same ``merge_key`` (the steps of one slider drag) merge into
    one undo step, keeping the first 'before' and the last 'after'."""

    def __init__(self, set_plan: SetPlan, before: Plan, after: Plan, text: str, merge_key: object = None,
                 changes: Changes | None = None, source: object = None):
        super().__init__(text)
        self.set_plan = set_plan
        self.before = before
        self.after = after
        self.merge_key = merge_key
        #: This step's own change, for redo; undo after a merge spans every merged step.
        self.changes = changes if changes is not None else changes_between(before, after)
        self.merged = self.changes
        #: The widget that made the step: told on the first redo only (an undo or a later redo
        #: changes what every widget shows, the sender's included).
        self.source = source
        self._redone = False

    def id(self) -> int:  # noqa: A003 - Qt's name
        return MERGING_ID if self.merge_key is not None else -1

    def mergeWith(self, other: QUndoCommand) -> bool:  # noqa: N802 - Qt's name
        if not isinstance(other, PlanEdit) or other.merge_key != self.merge_key:
            return False
        self.after = other.after
        self.merged = self.merged | other.changes
        self.setText(other.text())
        return True

    def redo(self) -> None:
        # The first redo (on push) is this step alone; a later redo replays the merged steps.
        if self._redone:
            self.set_plan(self.after, self.merged, None)
        else:
            self.set_plan(self.after, self.changes, self.source)
            self._redone = True

    def undo(self) -> None:
        self.set_plan(self.before, self.merged, None)
