"""The plan's redesign options: pick one, add, duplicate, rename or delete (all undoable)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QGridLayout,
    QGroupBox,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QWidget,
)

from ...domain import edits
from ..document.document import Document
from ..shell.dialogs import Dialogs
from .refusal import try_edit

TIPS = {
    "list": "The plan's redesign options. Pick one to edit its levers; the Overview and the charts "
            "compare its spend and savings with doing nothing.",
    "add": "Add an option with no levers: it spends what doing nothing spends until you add levers.",
    "duplicate": "Copy the selected option and its levers, to try a variation without losing the original's figures.",
    "rename": "Rename the selected option (or double-click it); its money does not change.",
    "delete": "Delete the selected option and its levers; its spend and savings leave every chart (undo brings them back).",
}


def editable_document(document: Document) -> bool:
    """False while the plan is open read-only or for review only (levers locked)."""
    return not document.read_only and not getattr(document, "review_mode", False)


class OptionList(QGroupBox):
    """Lists ``document.plan.scenarios``; selecting one selects it in the Document."""

    def __init__(self, document: Document, dialogs: Dialogs, parent: QWidget | None = None):
        super().__init__("Options", parent)
        self.document = document
        self.dialogs = dialogs
        self.list = QListWidget(self)
        self.list.setToolTip(TIPS["list"])
        self.list.setAccessibleName("Redesign options")
        self.buttons = {key: QPushButton(text, self) for key, text in
                        (("add", "Add..."), ("duplicate", "Duplicate"), ("rename", "Rename..."),
                         ("delete", "Delete"))}
        layout = QGridLayout(self)
        layout.addWidget(self.list, 0, 0, 1, 2)
        for n, (key, button) in enumerate(self.buttons.items()):
            button.setToolTip(TIPS[key])
            layout.addWidget(button, 1 + n // 2, n % 2)
        self.list.currentRowChanged.connect(self._on_row_changed)
        self.list.itemDoubleClicked.connect(lambda _item: self._on_rename())
        self.buttons["add"].clicked.connect(self._on_add)
        self.buttons["duplicate"].clicked.connect(self._on_duplicate)
        self.buttons["rename"].clicked.connect(self._on_rename)
        self.buttons["delete"].clicked.connect(self._on_delete)

    # -- showing -------------------------------------------------------------------------------
    def sync(self) -> None:
        """Show the plan's options and the document's selection (no edits emitted)."""
        plan, selected = self.document.plan, self.document.selected_scenario
        names = [s.name for s in plan.scenarios]
        self.list.blockSignals(True)
        if names != [self.list.item(n).text() for n in range(self.list.count())]:
            self.list.clear()
            for scenario in plan.scenarios:
                item = QListWidgetItem(scenario.name, self.list)
                item.setToolTip(scenario.description or TIPS["list"])
        if selected in names:
            self.list.setCurrentRow(names.index(selected))
        self.list.blockSignals(False)
        has, editable = bool(selected), editable_document(self.document)
        self.buttons["add"].setEnabled(editable)
        for key in ("duplicate", "rename"):
            self.buttons[key].setEnabled(has and editable)
        self.buttons["delete"].setEnabled(has and editable and len(names) > 1)

    # -- gestures ------------------------------------------------------------------------------
    def _apply(self, make_edit, *args, anchor=None, field: str = "Option") -> bool:
        """A name the user typed may be refused (taken, blank): said beside the option's row, or
        beside the button pressed, where they are looking."""
        item = self.list.currentItem()
        if anchor is None and item is not None:
            return try_edit(self.document, self.list.viewport(), field, make_edit, *args,
                            where=lambda: self.list.visualItemRect(item))
        return try_edit(self.document, anchor or self.list, field, make_edit, *args)

    def _on_row_changed(self, row: int) -> None:
        if 0 <= row < len(self.document.plan.scenarios):
            self.document.select_scenario(self.document.plan.scenarios[row].name)

    def _on_add(self) -> None:
        suggested = edits.unused_name(self.document.plan, "New option")
        name = self.dialogs.text("Add option", "Name of the new option:", suggested)
        if name and self._apply(edits.add_scenario, name.strip(), anchor=self.buttons["add"], field="New option name"):
            self.document.select_scenario(name.strip())
            self.sync()

    def _on_duplicate(self) -> None:
        before = {s.name for s in self.document.plan.scenarios}
        if self._apply(edits.duplicate_scenario, self.document.selected_scenario, anchor=self.buttons["duplicate"]):
            added = [s.name for s in self.document.plan.scenarios if s.name not in before]
            if added:
                self.document.select_scenario(added[0])
            self.sync()

    def _on_rename(self) -> None:
        if not self.buttons["rename"].isEnabled():
            return
        current = self.document.selected_scenario
        name = self.dialogs.text("Rename option", f"New name for {current!r}:", current)
        if name and name.strip() != current and self._apply(
                edits.rename_scenario, current, name.strip(), field=f"Name of {current!r}"):
            self.document.select_scenario(name.strip())
            self.sync()

    def _on_delete(self) -> None:
        current = self.document.selected_scenario
        names = [s.name for s in self.document.plan.scenarios]
        if current not in names or len(names) < 2:
            return
        if not self.dialogs.confirm("Delete option", f"Delete the option {current!r} and its levers? "
                                    "Undo brings it back."):
            return
        at = names.index(current)
        neighbour = names[at + 1] if at + 1 < len(names) else names[at - 1]
        if self._apply(edits.delete_scenario, current, anchor=self.buttons["delete"]):
            self.document.select_scenario(neighbour)
            self.sync()
