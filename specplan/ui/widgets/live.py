"""A view that follows the Document but only redraws while it is visible (Anki's habit)."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from ..document.document import Document


class LiveView(QWidget):
    """Subclasses implement :meth:`refresh`; it runs on results, scope or option changes while
    the view is shown, and once when it is shown again after missing some."""

    def __init__(self, document: Document, parent: QWidget | None = None):
        super().__init__(parent)
        self.document = document
        self._stale = True
        document.sig_results_changed.connect(self._on_changed)
        document.sig_scope_changed.connect(self._on_changed)
        document.sig_scenario_selected.connect(self._on_changed)

    def refresh(self) -> None:
        raise NotImplementedError

    def _on_changed(self, *_args) -> None:
        if self.isVisible():
            self.refresh()
            self._stale = False
        else:
            self._stale = True

    def showEvent(self, event) -> None:  # noqa: N802 - Qt's name
        if self._stale:
            self.refresh()
            self._stale = False
        super().showEvent(event)
