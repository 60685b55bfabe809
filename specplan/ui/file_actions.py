"""File menu behaviour of the main window: new, open, save, import, export, close, drop."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QUrl

from ..domain.errors import UserError
from .dialogs import PLAN_FILTER, WORKBOOK_FILTER
from .document import Document

PLAN_SUFFIX = ".specplan"
WORKBOOK_SUFFIXES = {".xlsx", ".xlsm", ".xls", ".ods", ".csv"}
MAX_RECENT = 8


class FileActions:
    """Mixed into MainWindow: every file operation, with errors shown, never raised."""

    # -- new / open ----------------------------------------------------------------------------
    def _on_new_sample(self) -> None:
        from ..samples import build_sample, sample_names

        name = self.dialogs.choose("New plan from sample", "Sample plan:", list(sample_names()))
        if name and self.confirm_discard():
            self.set_document(Document(build_sample(name)))
            self.document.undo_stack.resetClean()  # a new plan is unsaved work
            self.document.undo_stack.setClean()

    def _on_open(self) -> None:
        path = self.dialogs.open_path("Open plan", PLAN_FILTER)
        if path:
            self.open_path(path)

    def _on_open_review(self) -> None:
        path = self.dialogs.open_path("Open plan for review", PLAN_FILTER)
        if path:
            self.open_path(path, review=True)

    def open_path(self, path: str | Path, review: bool = False) -> bool:
        """Open a plan file (read-only, with a banner, when someone else holds it; in review
        mode when ``review``)."""
        from ..store import open_document

        if not self.confirm_discard():
            return False
        try:
            opened = open_document(Path(path), user=self.author())
        except UserError as error:
            self.dialogs.error("Cannot open plan", str(error))
            return False
        document = Document(opened.plan, opened.path, read_only=opened.read_only,
                            read_only_reason=opened.read_only_reason, review_mode=review)
        document.file = opened
        self.set_document(document)
        self.add_recent(opened.path)
        return True

    # -- save ----------------------------------------------------------------------------------
    def _on_save(self) -> bool:
        if self.document is None:
            return False
        if self.document.path is None or self.document.read_only:
            return self._on_save_as()
        return self.save_to(self.document.path)

    def _on_save_as(self) -> bool:
        if self.document is None:
            return False
        suggested = self.document.plan.name + PLAN_SUFFIX
        path = self.dialogs.save_path("Save plan as", PLAN_FILTER, suggested)
        if not path:
            return False
        path = Path(path)
        if path.suffix != PLAN_SUFFIX:
            path = path.with_suffix(PLAN_SUFFIX)
        return self.save_to(path)

    def save_to(self, path: Path) -> bool:
        from ..store import save_plan

        try:
            save_plan(self.document.plan, path)
        except (UserError, OSError) as error:
            self.dialogs.error("Cannot save plan", str(error))
            return False
        self.document.read_only = False
        self.document.mark_saved(path)
        self.banner.hide()
        self.add_recent(path)
        self._update_title()
        self.statusBar().showMessage(f"Saved {path}", 5000)
        return True

    # -- import / export -----------------------------------------------------------------------
    def _on_import_workbook(self) -> None:
        path = self.dialogs.open_path("Import plan workbook", WORKBOOK_FILTER)
        if path:
            self.import_workbook(Path(path))

    def import_workbook(self, path: Path) -> bool:
        from ..excel import import_plan_workbook

        try:
            plan = import_plan_workbook(path)
        except UserError as error:
            self.dialogs.error("Cannot import workbook", str(error))
            return False
        if self.document is None:
            self.set_document(Document(plan))
        else:
            self.document.replace_plan(plan, f"Import plan workbook {path.name}")
        return True

    def _on_import_finance(self) -> None:
        self.open_import_wizard()

    def open_import_wizard(self, path: Path | None = None):
        """The import wizard, shown without blocking the window; None without a plan."""
        from .import_wizard import ImportWizard

        if self.document is None:
            return None
        wizard = ImportWizard(self.document, self.dialogs, self)
        if path is not None:
            wizard.file_page.path.setText(str(path))
        self.import_wizard = wizard
        wizard.show()
        return wizard

    def import_finance(self, path: Path) -> bool:
        from ..excel import import_baseline

        try:
            plan, report = import_baseline(path, self.document.plan)
        except UserError as error:
            self.dialogs.error("Cannot import spreadsheet", str(error))
            return False
        self.document.replace_plan(plan, f"Import base year from {path.name}")
        self.statusBar().showMessage(str(report), 10000)
        return True

    def _on_export_workbook(self) -> None:
        if self.document is None:
            return
        path = self.dialogs.save_path("Export workbook", "Excel workbook (*.xlsx)", self.document.plan.name + ".xlsx")
        if path:
            from ..excel import export_workbook

            try:
                export_workbook(self.document.plan, Path(path))
            except (UserError, OSError) as error:
                self.dialogs.error("Cannot export workbook", str(error))

    def _on_export_report(self) -> None:
        if self.document is None:
            return
        path = self.dialogs.save_path("Export report", "PDF report (*.pdf)", self.document.plan.name + ".pdf")
        if path:
            from .report import write_report

            try:
                write_report(self.document.plan, Path(path))
            except (UserError, OSError) as error:
                self.dialogs.error("Cannot write report", str(error))
                return
            self.statusBar().showMessage(f"Report written to {path}", 8000)

    # -- close ---------------------------------------------------------------------------------
    def confirm_discard(self) -> bool:
        """True when there is nothing unsaved, or the user saved or chose to discard it."""
        if self.document is None or not self.document.dirty:
            return True
        answer = self.dialogs.ask_save_changes(self.document.title)
        if answer == "save":
            return self._on_save()
        return answer == "discard"

    def _on_close_plan(self) -> None:
        if self.confirm_discard():
            self._release()
            self.set_document(None)

    def _release(self) -> None:
        opened = getattr(self.document, "file", None) if self.document else None
        if opened is not None:
            opened.close()

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        if self.confirm_discard():
            self._release()
            self.save_layout()
            event.accept()
        else:
            event.ignore()

    # -- recent files and drops ----------------------------------------------------------------
    def recent_files(self) -> list[str]:
        value = self.settings.value("files/recent", [])
        return [value] if isinstance(value, str) else list(value or [])

    def add_recent(self, path: Path) -> None:
        files = [str(Path(path).resolve())] + [p for p in self.recent_files() if p != str(Path(path).resolve())]
        self.settings.setValue("files/recent", files[:MAX_RECENT])

    def author(self) -> str:
        import getpass

        return str(self.settings.value("preferences/author", "") or getpass.getuser())

    def dragEnterEvent(self, event) -> None:  # noqa: N802 - Qt's name
        if _dropped_path(event.mimeData()) is not None:
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:  # noqa: N802 - Qt's name
        path = _dropped_path(event.mimeData())
        if path is None:
            return
        event.acceptProposedAction()
        if path.suffix.lower() == PLAN_SUFFIX:
            self.open_path(path)
        elif self.document is None:
            self.import_workbook(path)
        else:
            self.open_import_wizard(path)


def _dropped_path(mime) -> Path | None:
    urls: list[QUrl] = mime.urls() if mime.hasUrls() else []
    for url in urls:
        path = Path(url.toLocalFile())
        if path.suffix.lower() == PLAN_SUFFIX or path.suffix.lower() in WORKBOOK_SUFFIXES:
            return path
    return None
