"""The levers of the selected option, in the order they apply: add, remove and reorder them."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QGroupBox,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QWidget,
)

from ...domain import ConvergenceLever, PlanningLevelLever, ShiftLever, edits
from ..document.document import Document
from .option_list import editable_document
from .refusal import try_edit

NEW_LEVERS = {
    "Shift lever": (ShiftLever, (
        "Moves a share of one setting's activity and money (inpatient, by default) to another "
        "(community); the money released is saved or reinvested.")),
    "Convergence lever": (ConvergenceLever, (
        "Moves each ICB's spend part of the way to its fair share every year; pool totals stay "
        "the same, money moves between ICBs.")),
    "Planning-level lever": (PlanningLevelLever, (
        "Plans services at another footprint (national, regional or ICS) in this option, which "
        "changes the pools fair shares are worked out over.")),
}
TIPS = {
    "list": "The levers of the selected option. They apply in order, each to the money the earlier "
            "ones left, so order changes the figures when levers overlap.",
    "kind": "The kind of lever to add.",
    "add": "Add a lever of the chosen kind at the end; it starts at no change, so the option's money "
           "does not move until you set it.",
    "remove": "Remove the selected lever; the money it moved goes back to where doing nothing has it.",
    "up": "Apply the selected lever earlier: it acts on the money before the levers after it.",
    "down": "Apply the selected lever later: it acts on the money the levers before it left.",
}


def scope_text(lever) -> str:
    """What the lever is limited to, if anything: '; 5 services, 2 ICBs'."""
    parts = [f"{len(codes)} {what if len(codes) > 1 else what[:-1]}"
             for what, codes in (("services", lever.services), ("ICBs", getattr(lever, "icbs", ())))
             if codes]
    return "; " + ", ".join(parts) if parts else ""


class LeverList(QGroupBox):
    """Shows each lever's ``describe()``; ``sig_lever_selected(position)`` follows the selection."""

    sig_lever_selected = Signal(int)

    def __init__(self, document: Document, parent: QWidget | None = None):
        super().__init__("Levers", parent)
        self.document = document
        self.list = QListWidget(self)
        self.list.setWordWrap(True)
        self.list.setToolTip(TIPS["list"])
        self.list.setAccessibleName("Levers of the selected option")
        self.kind = QComboBox(self)
        self.kind.setAccessibleName("Kind of lever to add")
        for label, (_cls, tip) in NEW_LEVERS.items():
            self.kind.addItem(label)
            self.kind.setItemData(self.kind.count() - 1, tip, Qt.ItemDataRole.ToolTipRole)
        self.kind.setToolTip(TIPS["kind"])
        self.kind.setAccessibleName("Kind of lever to add")
        self.buttons = {key: QPushButton(text, self) for key, text in
                        (("add", "Add"), ("remove", "Remove"), ("up", "Move up"), ("down", "Move down"))}
        layout = QGridLayout(self)
        layout.addWidget(self.list, 0, 0, 1, 3)
        layout.addWidget(self.kind, 1, 0, 1, 2)
        layout.addWidget(self.buttons["add"], 1, 2)
        layout.addWidget(self.buttons["remove"], 2, 0)
        layout.addWidget(self.buttons["up"], 2, 1)
        layout.addWidget(self.buttons["down"], 2, 2)
        for key, button in self.buttons.items():
            button.setToolTip(TIPS[key])
        self.list.currentRowChanged.connect(self._on_row_changed)
        self.buttons["add"].clicked.connect(self._on_add)
        self.buttons["remove"].clicked.connect(self._on_remove)
        self.buttons["up"].clicked.connect(lambda: self._on_move(-1))
        self.buttons["down"].clicked.connect(lambda: self._on_move(+1))
        self.position = -1

    @property
    def scenario(self) -> str:
        return self.document.selected_scenario

    def sync(self, position: int) -> None:
        """Show the selected option's levers with lever ``position`` current (no signals)."""
        plan = self.document.plan
        names = {s.name for s in plan.scenarios}
        levers = plan.scenario(self.scenario).levers if self.scenario in names else ()
        texts = [f"{n + 1}. {lever.describe()}{scope_text(lever)}" for n, lever in enumerate(levers)]
        self.list.blockSignals(True)
        while self.list.count() > len(texts):
            self.list.takeItem(self.list.count() - 1)
        for n, text in enumerate(texts):
            item = self.list.item(n) or QListWidgetItem(self.list)
            if item.text() != text:
                item.setText(text)
                item.setToolTip(text)
        self.position = position if 0 <= position < len(texts) else (0 if texts else -1)
        self.list.setCurrentRow(self.position)
        self.list.blockSignals(False)
        editable = editable_document(self.document)
        self.kind.setEnabled(editable)
        self.buttons["add"].setEnabled(editable and bool(self.scenario))
        self.buttons["remove"].setEnabled(editable and self.position >= 0)
        self.buttons["up"].setEnabled(editable and self.position > 0)
        self.buttons["down"].setEnabled(editable and 0 <= self.position < len(texts) - 1)

    def show_texts(self) -> None:
        """After a lever's numbers changed: its words follow, the list and selection stay."""
        levers = self.document.plan.scenario(self.scenario).levers if self.scenario else ()
        for n, lever in enumerate(levers[: self.list.count()]):
            text = f"{n + 1}. {lever.describe()}{scope_text(lever)}"
            item = self.list.item(n)
            if item.text() != text:
                item.setText(text)
                item.setToolTip(text)

    def _on_row_changed(self, row: int) -> None:
        if row >= 0:
            self.sig_lever_selected.emit(row)

    def _on_add(self) -> None:
        cls, _tip = NEW_LEVERS[self.kind.currentText()]
        if try_edit(self.document, self.list, f"New lever of {self.scenario!r}", edits.add_lever, self.scenario, cls()):
            self.sig_lever_selected.emit(len(self.document.plan.scenario(self.scenario).levers) - 1)

    def _on_remove(self) -> None:
        position = self.position
        if position >= 0 and try_edit(self.document, self.list, f"Lever {position + 1}", edits.remove_lever,
                                      self.scenario, position):
            self.sig_lever_selected.emit(max(position - 1, 0))

    def _on_move(self, step: int) -> None:
        position = self.position
        if position >= 0 and try_edit(self.document, self.list, f"Lever {position + 1}", edits.move_lever,
                                      self.scenario, position, position + step):
            self.sig_lever_selected.emit(position + step)
