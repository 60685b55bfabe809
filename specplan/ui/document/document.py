"""The Document: the open plan, its undo stack and its results, shared by every view."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QUndoStack

from ...domain.changes import NOTHING, Changes, changes_between
from ...domain.edits import Edit
from ...domain.errors import ValidationError
from ...domain.plan import Plan
from ...engine import Engine, PlanResults
from ...engine.scope import Scope
from .commands import PlanEdit


class Document(QObject):
    """Every edit goes through :meth:`apply` as an undoable command; recomputation is deferred
    to the next turn of the event loop so that a burst of edits (a slider drag) costs one
    recompute, and views redraw from the immutable results it emits."""

    sig_plan_changed = Signal(object, object, object)  # Plan, Changes, the widget that sent the edit or None
    sig_results_changed = Signal(object, object)  # PlanResults, Changes since the last results
    sig_scope_changed = Signal(object)  # Scope
    sig_scenario_selected = Signal(str)
    sig_dirty_changed = Signal(bool)
    sig_error = Signal(str)

    def __init__(self, plan: Plan, path: Path | None = None, *, read_only: bool = False,
                 read_only_reason: str = "", review_mode: bool = False, parent: QObject | None = None):
        super().__init__(parent)
        #: Review mode: scores, statuses and comments may change; levers and baseline may not.
        self.review_mode = review_mode
        self._plan = plan
        self.path = Path(path) if path else None
        self.read_only = read_only
        self.read_only_reason = read_only_reason
        self.engine = Engine()
        self._results = self.engine.compute(plan)
        self.scope = Scope()
        self.selected_scenario = plan.scenarios[-1].name if plan.scenarios else ""
        self.undo_stack = QUndoStack(self)
        # A bound method, not a lambda: Qt drops it when the Document is destroyed, before the
        # stack (its child) is, whose destructor would otherwise emit into a deleted Document.
        self.undo_stack.cleanChanged.connect(self._on_clean_changed)
        self._pending = False
        self._changes: Changes = NOTHING

    # -- state ---------------------------------------------------------------------------------
    @property
    def plan(self) -> Plan:
        return self._plan

    @property
    def results(self) -> PlanResults:
        return self._results

    @property
    def dirty(self) -> bool:
        return not self.undo_stack.isClean()

    @property
    def title(self) -> str:
        return self.path.name if self.path else self._plan.name

    def _on_clean_changed(self, clean: bool) -> None:
        self.sig_dirty_changed.emit(not clean)

    # -- edits ---------------------------------------------------------------------------------
    def apply(self, edit: Edit, merge_key: object = None, source: object = None, refused=None) -> bool:
        """Push ``edit`` as an undoable step; False (and ``sig_error``) if the plan is read-only.

        ``source`` is the widget that made the edit: it already shows the new value, so it is
        named with the change and need not sync itself from its own echo (undo and redo name none).
        ``refused(reason)``, when given, hears a refusal instead of ``sig_error``: the control
        that made the edit says why beside itself (widgets.refusal).
        """
        if self.read_only:
            self._refuse(f"This plan is open read-only: {self.read_only_reason}", refused)
            return False
        changes = changes_between(self._plan, edit.plan)
        if changes.is_empty:
            return True
        if self.review_mode and not (changes.review_only and not changes.description):
            self._refuse("Review mode: only scores, statuses and comments can change, "
                         "not levers or the baseline", refused)
            return False
        self.undo_stack.push(PlanEdit(self._set_plan, self._plan, edit.plan, edit.text, merge_key, changes, source))
        return True

    def try_apply(self, make_edit, *args, merge_key: object = None, source: object = None, refused=None,
                  **kwargs) -> bool:
        """Run an edit function; a ValidationError is reported through ``refused(error)`` or else
        ``sig_error``, not raised."""
        try:
            edit = make_edit(self._plan, *args, **kwargs)
        except ValidationError as error:
            self._refuse(error, refused)
            return False
        return self.apply(edit, merge_key, source, refused)

    def _refuse(self, reason: ValidationError | str, refused) -> None:
        if refused is None:
            self.sig_error.emit(str(reason))
        else:
            refused(reason)

    def replace_plan(self, plan: Plan, text: str) -> bool:
        """Swap in a whole new plan (an import) as one undoable step."""
        return self.apply(Edit(plan, text))

    def mark_saved(self, path: Path) -> None:
        self.path = Path(path)
        self.undo_stack.setClean()

    def _set_plan(self, plan: Plan, changes: Changes, source: object = None) -> None:
        """Called by undo commands only."""
        self._plan = plan
        self._changes = changes | self._changes if self._pending else changes
        if self.selected_scenario not in {s.name for s in plan.scenarios}:
            self.selected_scenario = plan.scenarios[-1].name if plan.scenarios else ""
        self.sig_plan_changed.emit(plan, changes, source)
        self._schedule_recompute()

    # -- selection -----------------------------------------------------------------------------
    def set_scope(self, scope: Scope) -> None:
        if scope != self.scope:
            self.scope = scope
            self.sig_scope_changed.emit(scope)

    def select_scenario(self, name: str) -> None:
        if name != self.selected_scenario and name in {s.name for s in self._plan.scenarios}:
            self.selected_scenario = name
            self.sig_scenario_selected.emit(name)

    # -- recompute -----------------------------------------------------------------------------
    def _schedule_recompute(self) -> None:
        if not self._pending:
            self._pending = True
            QTimer.singleShot(0, self.recompute_now)

    def recompute_now(self) -> None:
        """Recompute if an edit is pending (tests and benchmarks call it to skip the wait)."""
        if not self._pending:
            return
        self._pending = False
        changes, self._changes = self._changes, NOTHING
        self._results = self.engine.compute(self._plan, changes)
        self.sig_results_changed.emit(self._results, changes)
