"""File menu behaviour of the main window: new, open, save, import, export, close, drop."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QUrl

from ...domain.edits import Edit
from ...domain.errors import UserError
from ..document.document import Document
from .dialogs import PLAN_FILTER, WORKBOOK_FILTER

PLAN_SUFFIX = ".specplan"
WORKBOOK_SUFFIXES = {".xlsx", ".xlsm", ".xls", ".ods", ".csv"}
MAX_RECENT = 8


class FileActions:
    """Mixed into MainWindow: every file operation, with errors shown, never raised."""

    # -- new / open ----------------------------------------------------------------------------
    def _on_new_sample(self) -> None:
        from ...domain.samples import sample_names

        name = self.dialogs.choose("New plan from sample", "Sample plan:", list(sample_names()))
        if name and self.confirm_discard():
            self.open_sample(name)

    def _on_new_template(self) -> None:
        from ...domain.reference import load_reference
        from ...domain.user_vintages import load_vintages

        try:
            latest = load_vintages().latest  # the template's ICBs: a vintage the user added counts
        except UserError as error:
            self.dialogs.error("Cannot start a plan", str(error))
            return
        regions = {f"England: all {len(latest.icbs)} ICBs": None} | {
            f"{r.name} ICBs": r.code for r in load_reference().regions if any(i.region == r.code for i in latest.icbs)}
        choice = self.dialogs.choose("New plan from template", f"Footprint (ICBs of {latest.code}):", list(regions))
        if choice:
            self.new_from_template(regions[choice])

    def _on_open(self) -> None:
        path = self.dialogs.open_path("Open plan", PLAN_FILTER)
        if path:
            self.open_path(path)

    def _on_open_review(self) -> None:
        path = self.dialogs.open_path("Open plan for review", PLAN_FILTER)
        if path:
            self.open_path(path, review=True)

    def open_path(self, path: str | Path, review: bool = False) -> bool:
        """Open a plan file, taking its lock. If someone else holds it, offer read-only (with a
        banner saying who); a stale lock (its session ended) may be broken. In review mode when
        ``review``."""
        from ...store import PlanFile, PlanLockedError, StaleLockError

        if not self.confirm_discard():
            return False
        policy = self.backup_policy()
        try:
            try:
                opened = PlanFile.open(path, backups=policy)
            except StaleLockError as error:
                if not self.dialogs.confirm("Stale lock", f"{error}\n\nThat session has ended. "
                                                          "Break its lock and open the plan?"):
                    return False
                opened = PlanFile.open(path, break_stale_lock=True, backups=policy)
            except PlanLockedError as error:
                if not self.dialogs.confirm("Plan in use", f"{error}\n\nOpen it read-only?"):
                    return False
                opened = PlanFile.open(path, read_only=True, backups=policy)
        except UserError as error:
            self.dialogs.error("Cannot open plan", str(error))
            return False
        reason = f"{opened.holder.describe()} has it open" if opened.holder else "opened read-only"
        document = Document(opened.saved_plan, opened.path, read_only=opened.read_only,
                            read_only_reason=reason, review_mode=review)
        document.file = opened
        self.set_document(document)
        self.add_recent(opened.path)
        return True

    # -- save ----------------------------------------------------------------------------------
    def _on_save(self) -> bool:
        if self.document is None:
            return False
        if self.document.path is None or self.document.read_only or getattr(self.document, "file", None) is None:
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
        """Save (to the open file, or as ``path``); the change log records what changed."""
        from ...store import PlanFile

        document, path = self.document, Path(path)
        opened = getattr(document, "file", None)
        try:
            if opened is not None and path == opened.path and not opened.read_only:
                opened.save(document.plan)
            elif opened is not None:
                opened.save_as(document.plan, path)
            else:
                document.file = PlanFile.create(document.plan, path, backups=self.backup_policy())
        except (UserError, OSError) as error:
            self.dialogs.error("Cannot save plan", str(error))
            return False
        document.read_only = False
        document.mark_saved(path)
        self.discard_autosave()
        self.banner.setVisible(document.review_mode)
        self.add_recent(path)
        self._update_title()
        self.statusBar().showMessage(f"Saved {path}", 5000)
        return True

    def backup_policy(self):
        from ...store import BackupPolicy

        return BackupPolicy(keep=self.prefs.backups)

    # -- autosave and recovery -----------------------------------------------------------------
    def autosave_now(self) -> Path | None:
        """Copy unsaved edits to the recovery folder (the timer calls this)."""
        from ...store.autosave import Autosave

        document = self.document
        if document is None or not document.dirty or document.read_only:
            return None
        if getattr(document, "autosave", None) is None:
            document.autosave = Autosave(document.path, folder=self.recovery_folder)
        try:
            return document.autosave.write(document.plan)
        except (UserError, OSError) as error:
            self.statusBar().showMessage(f"Autosave failed: {error}", 8000)
            return None

    def discard_autosave(self) -> None:
        saved = getattr(self.document, "autosave", None) if self.document else None
        if saved is not None:
            saved.discard()
            self.document.autosave = None

    def offer_recovery(self) -> bool:
        """After a crash: offer the newest recovery copy of unsaved edits; True if one was opened."""
        from ...store.autosave import pending_recoveries

        for recovery in pending_recoveries(self.recovery_folder):
            where = recovery.plan_path.name if recovery.plan_path else "a plan never saved"
            warning = " The plan file has been saved since, by you or someone else." if recovery.plan_changed_since else ""
            if self.dialogs.confirm("Recover unsaved edits", f"specplan closed without saving edits to "
                                    f"{recovery.plan_name} ({where}) on {recovery.saved_at:%d %b %Y %H:%M}."
                                    f"{warning} Recover them?"):
                try:
                    plan = recovery.load()
                except UserError as error:
                    self.dialogs.error("Cannot recover", str(error))
                    continue
                self._open_recovered(recovery, plan)
                recovery.discard()
                return True
            recovery.discard()
        return False

    def _open_recovered(self, recovery, plan) -> None:
        """The recovered edits as one undoable step over the plan file they belong to (if it
        still opens), so Save writes them there; otherwise as a new, unsaved plan."""
        if recovery.plan_path is not None and recovery.plan_path.exists() and self.open_path(recovery.plan_path):
            self.document.apply(Edit(plan, "Recover unsaved edits"))
            return
        self.set_document(Document(plan))
        self.document.undo_stack.resetClean()  # nothing on disk holds these edits yet
        self._update_title()

    # -- import / export -----------------------------------------------------------------------
    def _on_import_workbook(self) -> None:
        path = self.dialogs.open_path("Import plan workbook", WORKBOOK_FILTER)
        if path:
            self.import_workbook(Path(path))

    def import_workbook(self, path: Path):
        """Read a plan workbook in the background; the plan is replaced (undoably) when it is read."""
        from .progress import run_in_background

        def read(path, progress, cancelled):
            from ...excel import import_plan_workbook

            return import_plan_workbook(path)

        def done(plan) -> None:
            if self.document is None:
                self.set_document(Document(plan))
            else:
                self.document.replace_plan(plan, f"Import plan workbook {path.name}")

        return run_in_background(self, f"Importing {path.name}...", read, path, on_done=done)

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

    def _on_export_workbook(self) -> None:
        if self.document is None:
            return
        path = self.dialogs.save_path("Export workbook", "Excel workbook (*.xlsx)", self.document.plan.name + ".xlsx")
        if path:
            self.export_workbook(Path(path))

    def export_workbook(self, target: Path):
        """Write the workbook in the background to a temporary file beside ``target``; only a
        finished, uncancelled export replaces ``target``."""
        from ...domain.files import replace_file
        from .progress import run_in_background

        temporary = target.with_name(f".{target.stem}.exporting.xlsx")

        def write(plan, results, progress, cancelled):
            from ...excel import export_workbook

            return export_workbook(plan, temporary, results=results, source=str(self.document.path or ""))

        def done(_written) -> None:
            replace_file(temporary, target)  # keeps the mode of a workbook it replaces
            self.statusBar().showMessage(f"Exported {target}", 8000)

        def cancelled() -> None:
            temporary.unlink(missing_ok=True)

        return run_in_background(self, f"Exporting {target.name}...", write, self.document.plan,
                                 self.document.results, on_done=done, on_cancelled=cancelled)

    def _on_export_report(self) -> None:
        if self.document is None:
            return
        path = self.dialogs.save_path("Export report", "PDF report (*.pdf)", self.document.plan.name + ".pdf")
        if path:
            from PySide6.QtCore import Qt
            from PySide6.QtWidgets import QApplication

            from ..report import write_report

            # Charts are widgets, and widgets live on the GUI thread: show that it is busy.
            self.statusBar().showMessage(f"Writing {Path(path).name}...")
            QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
            try:
                write_report(self.document.plan, Path(path))
            except (UserError, OSError) as error:
                self.dialogs.error("Cannot write report", str(error))
                return
            finally:
                QApplication.restoreOverrideCursor()
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
        """Give up the open file's lock and the recovery copy of the document being closed."""
        if self.document is None:
            return
        self.discard_autosave()
        opened = getattr(self.document, "file", None)
        if opened is not None:
            opened.close()
            self.document.file = None

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
        return self.prefs.author_name

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
