"""A view that follows the Document but only redraws while it is visible (Anki's habit)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QWidget

from ...domain.changes import EVERYTHING, NOTHING, Changes
from ..document.document import Document


class LiveView(QWidget):
    """Subclasses implement :meth:`refresh`; it runs when figures change (new results whose
    change flags move any figure), the scope changes or another option is selected, while the
    view is shown, and once when it is shown again after missing some. :attr:`changes` says
    what changed since the last refresh (``EVERYTHING`` for a new scope or selection), so a
    view can redraw only what moved."""

    def __init__(self, document: Document, parent: QWidget | None = None):
        super().__init__(parent)
        self.document = document
        self.changes: Changes = EVERYTHING
        self._stale = True
        document.sig_results_changed.connect(self._on_results_changed)
        document.sig_scope_changed.connect(self._on_selection_changed)
        document.sig_scenario_selected.connect(self._on_selection_changed)

    def refresh(self) -> None:
        raise NotImplementedError

    def follow_plan(self, wanted: Callable[[Changes], bool]) -> None:
        """Also refresh on plan edits whose flags ``wanted`` accepts (the appraisal and review
        views show scores and comments, which change no result)."""
        self._wanted = wanted
        self.document.sig_plan_changed.connect(self._on_plan_changed)

    def _on_plan_changed(self, _plan: object, changes: Changes, _source: object) -> None:
        if self._wanted(changes):
            self._changed(changes)

    def _on_results_changed(self, _results: object, changes: Changes) -> None:
        if changes.figures:  # scores, statuses and comments move no figure of these views
            self._changed(changes)

    def _on_selection_changed(self, *_args: object) -> None:
        self._changed(EVERYTHING)

    def _changed(self, changes: Changes) -> None:
        self.changes = changes | self.changes if self._stale else changes
        if self.isVisible():
            self._refresh_now()
        else:
            self._stale = True

    def _refresh_now(self) -> None:
        self.refresh()
        self._stale = False
        self.changes = NOTHING

    def showEvent(self, event) -> None:  # noqa: N802 - Qt's name
        if self._stale:
            self._refresh_now()
        super().showEvent(event)
