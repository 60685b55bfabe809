"""The menus as data: one row per action, bound to a MainWindow method by name."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QAction, QKeySequence

Std = QKeySequence.StandardKey


@dataclass(frozen=True)
class ActionSpec:
    menu: str
    key: str
    text: str
    slot: str
    shortcut: QKeySequence.StandardKey | str | None = None
    tip: str = ""


ACTIONS: tuple[ActionSpec, ...] = (
    ActionSpec("&File", "new_sample", "&New from sample...", "_on_new_sample", Std.New,
               "Start a new plan from one of the illustrative sample plans"),
    ActionSpec("&File", "new_template", "New from &template...", "_on_new_template", None,
               "Start an empty plan for a region's ICBs, ready for a finance spreadsheet"),
    ActionSpec("&File", "open", "&Open...", "_on_open", Std.Open, "Open a .specplan plan file"),
    ActionSpec("&File", "open_review", "Open for re&view...", "_on_open_review", None,
               "Open a plan to score, comment and set statuses, with levers and baseline locked"),
    ActionSpec("&File", "save", "&Save", "_on_save", Std.Save, "Save the plan to its file"),
    ActionSpec("&File", "save_as", "Save &As...", "_on_save_as", Std.SaveAs, "Save the plan to a new file"),
    ActionSpec("&File", "-", "", ""),
    ActionSpec("&File", "import_workbook", "&Import plan workbook...", "_on_import_workbook", None,
               "Replace the plan with one read from a specplan workbook"),
    ActionSpec("&File", "import_finance", "Import &finance spreadsheet...", "_on_import_finance", None,
               "Read base-year spend and activity from a finance spreadsheet"),
    ActionSpec("&File", "export_workbook", "&Export workbook...", "_on_export_workbook", None,
               "Write the plan and its results to an Excel workbook"),
    ActionSpec("&File", "export_report", "Export &report (PDF)...", "_on_export_report", None,
               "Write an A4 PDF report of the options, their figures, appraisal and comments"),
    ActionSpec("&File", "-", "", ""),
    ActionSpec("&File", "remap", "Re-&map to footprints...", "_on_remap", None,
               "Write a copy of the plan on the next ICB vintage to a new file, with a report that reconciles"),
    ActionSpec("&File", "add_vintage", "A&dd ICB vintage...", "_on_add_vintage", None,
               "Add a newer set of ICBs and where they came from, from a CSV or workbook, for your plans"),
    ActionSpec("&File", "-", "", ""),
    ActionSpec("&File", "close", "&Close", "_on_close_plan", Std.Close, "Close the plan"),
    ActionSpec("&File", "quit", "&Quit", "close", Std.Quit, "Quit specplan"),
    ActionSpec("&Edit", "undo", "&Undo", "_on_undo", Std.Undo),
    ActionSpec("&Edit", "redo", "&Redo", "_on_redo", Std.Redo),
    ActionSpec("&Edit", "preferences", "&Preferences...", "_on_preferences", Std.Preferences,
               "Your name on comments, backups, autosave, money units and theme"),
    ActionSpec("&View", "reset_layout", "&Reset layout", "_on_reset_layout", None,
               "Put the docks and window back as they were at first start"),
    ActionSpec("&Help", "quick_start", "&Quick start", "_on_quick_start", Std.HelpContents),
    ActionSpec("&Help", "about", "&About specplan", "_on_about", None,
               "Version and the sources of the reference data"),
)


def build_actions(window) -> dict[str, QAction]:
    """Create the menus and actions of ``window`` from :data:`ACTIONS`."""
    menus: dict[str, object] = {}
    actions: dict[str, QAction] = {}
    for spec in ACTIONS:
        menu = menus.get(spec.menu)
        if menu is None:
            menu = menus[spec.menu] = window.menuBar().addMenu(spec.menu)
        if spec.key == "-":
            menu.addSeparator()
            continue
        action = QAction(spec.text, window)
        action.setObjectName(f"action_{spec.key}")
        if spec.shortcut is not None:
            action.setShortcut(QKeySequence(spec.shortcut))
        if spec.tip:
            action.setStatusTip(spec.tip)
            action.setToolTip(spec.tip)
        action.triggered.connect(getattr(window, spec.slot))
        menu.addAction(action)
        actions[spec.key] = action
    window.menus = menus
    return actions
