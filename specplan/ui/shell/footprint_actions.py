"""File menu actions over ICB footprints in time: add a newer ICB vintage for this user, and
re-map the open plan onto the next vintage into a new file (the open plan and its file are never
touched), then show what the re-mapping did."""

from __future__ import annotations

from pathlib import Path

from ...domain.errors import UserError
from .dialogs import PLAN_FILTER
from .file_actions import PLAN_SUFFIX

VINTAGE_FILTER = "ICB vintage tables (*.csv *.xlsx *.xlsm)"


class FootprintActions:
    """Mixed into MainWindow beside FileActions; errors are shown, never raised."""

    def _update_footprint_actions(self) -> None:
        self.actions["remap"].setEnabled(self.document is not None)

    # -- add a vintage -------------------------------------------------------------------------
    def _on_add_vintage(self) -> None:
        path = self.dialogs.open_path("Add ICB vintage", VINTAGE_FILTER)
        if path:
            self.add_vintage_file(Path(path))

    def add_vintage_file(self, path: Path):
        """Check the table in ``path`` as the command line does and keep it for this user; the
        new vintage, or None when refused (the message names the file and row)."""
        from ...excel.vintage_book import add_vintage_file

        try:
            vintage = add_vintage_file(path)
        except (UserError, OSError) as error:
            self.dialogs.error("Cannot add ICB vintage", f"{error}\n\nNo vintage was added.")
            return None
        self.dialogs.info("ICB vintage added", (
            f"Added ICB vintage {vintage.code} (from {vintage.effective_from}): {len(vintage.icbs)} ICBs, "
            f"succeeding {vintage.previous}. New plans from a template use it, and plans on {vintage.previous} "
            f"can be re-mapped to it with File > Re-map to footprints."))
        if self.document is None:
            self.set_document(None)  # the start page names the new vintage's ICBs
        return vintage

    # -- re-map --------------------------------------------------------------------------------
    def _on_remap(self):
        """Ask for the vintage and the new file, then re-map in the background; the Task, or None."""
        from ...domain.user_vintages import load_vintages

        document = self.document
        if document is None:
            return None
        try:
            vintages = load_vintages()
        except UserError as error:
            self.dialogs.error("Cannot re-map", str(error))
            return None
        plan = document.plan
        reachable = [v for v in vintages if v.previous == plan.vintage]
        if not reachable:
            self.dialogs.info("Re-map to footprints", (
                f"No ICB vintage follows the plan's {plan.vintage} (known: {', '.join(vintages.codes)}), so there is "
                "nothing to re-map it to. Add a newer vintage with File > Add ICB vintage."))
            return None
        labels = {f"{v.code} (from {v.effective_from}, {len(v.icbs)} ICBs)": v.code for v in reachable}
        choice = self.dialogs.choose("Re-map to footprints",
                                     f"The plan is on the ICBs of {plan.vintage}. Re-map a copy onto:", list(labels))
        if not choice:
            return None
        code = labels[choice]
        suggested = f"{plan.name} ({code}){PLAN_SUFFIX}"
        if document.path is not None:
            suggested = str(Path(document.path).with_name(suggested))
        path = self.dialogs.save_path("Save the re-mapped plan as", PLAN_FILTER, suggested)
        if not path:
            return None
        target = Path(path)
        if target.suffix != PLAN_SUFFIX:
            target = target.with_name(target.name + PLAN_SUFFIX)
        if document.path is not None and target.resolve() == Path(document.path).resolve():
            self.dialogs.error("Cannot re-map", f"{target} is the open plan's own file; choose another file "
                                                "(the original is kept as it is).")
            return None
        return self.remap_into(vintages, code, target)

    def remap_into(self, vintages, code: str, target: Path):
        """Re-map the open plan (as it is now, unsaved edits too) onto vintage ``code`` and write it
        to ``target`` in the background, as exports are; the report follows. The Task."""
        from ...store import ChangeEntry, save_plan, save_plan_as
        from ..document.workers import Cancelled
        from .progress import run_in_background

        policy, author = self.backup_policy(), self.author()
        written: dict[str, object] = {}

        def work(plan, progress, cancelled):
            from ...engine.remap import remap

            new_plan, report = remap(plan, code, vintages)
            if cancelled():
                raise Cancelled
            entry = ChangeEntry("ICB vintage (re-mapped)", report.from_vintage, report.to_vintage,
                                **({"who": author} if author else {}))
            (save_plan_as if target.exists() else save_plan)(new_plan, target, changes=[entry], backups=policy)
            written["result"] = (new_plan, report)  # once written, a late Cancel cannot unwrite it
            return new_plan, report

        def done(result) -> None:
            self.show_remap_report(*result, vintages, target)

        def too_late() -> None:
            if "result" in written:
                done(written["result"])

        return run_in_background(self, f"Re-mapping to {code}...", work, self.document.plan,
                                 on_done=done, on_cancelled=too_late)

    def show_remap_report(self, new_plan, report, vintages, target: Path):
        """The report beside the window (not modal); it can open the new plan."""
        from .remap_report_dialog import RemapReportDialog

        names = {icb.code: icb.name for code in (report.from_vintage, report.to_vintage)
                 for icb in vintages.get(code).icbs}
        dialog = RemapReportDialog(report, new_plan.name, target, names,
                                   {s.code: s.name for s in new_plan.services}, self)
        dialog.sig_open_plan.connect(self.open_path)
        self.remap_report = dialog
        self.statusBar().showMessage(f"Re-mapped plan written to {target}", 8000)
        dialog.show()
        return dialog
