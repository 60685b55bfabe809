"""A checkable list of codes (services or ICBs) a lever applies to; nothing ticked means all."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget


class ScopePicker(QWidget):
    """``sig_edited(codes)`` when the user ticks or unticks an item: the ticked codes in the
    plan's order, ``()`` for all."""

    sig_edited = Signal(tuple)

    def __init__(self, what: str, tooltip: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.what = what
        self.label = QLabel(self)
        self.list = QListWidget(self)
        self.list.setToolTip(tooltip)
        self.list.setAccessibleName(f"{what} the lever applies to")
        self.list.setAccessibleDescription(tooltip)
        self.list.setMinimumHeight(90)
        # Whole names, wrapped: the adult secure lines differ only at their ends, so a cut-off
        # name (or one elided in the middle) makes several look alike.
        self.list.setWordWrap(True)
        self.list.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setResizeMode(QListWidget.ResizeMode.Adjust)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label)
        layout.addWidget(self.list, stretch=1)
        self._items: list[tuple[str, str]] = []
        self._codes: tuple[str, ...] | None = None
        self.list.itemChanged.connect(self._on_item_changed)

    def set_items(self, items: list[tuple[str, str]]) -> None:
        """``(code, label)`` pairs; rebuilt only when they change."""
        if items == self._items:  # cheap: a slider drag syncs the editor on every step
            return
        self._items, self._codes = list(items), None
        self.list.blockSignals(True)
        self.list.clear()
        for code, label in items:
            item = QListWidgetItem(label, self.list)
            item.setData(Qt.ItemDataRole.UserRole, code)
            item.setToolTip(f"{label} ({code})" if code not in label else label)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
        self.list.blockSignals(False)

    def set_codes(self, codes: tuple[str, ...]) -> None:
        """Tick ``codes`` (none ticked for all) without emitting an edit."""
        if codes == self._codes:
            return
        self._codes = tuple(codes)
        chosen = set(codes)
        self.list.blockSignals(True)
        for n in range(self.list.count()):
            item = self.list.item(n)
            state = Qt.CheckState.Checked if item.data(Qt.ItemDataRole.UserRole) in chosen else Qt.CheckState.Unchecked
            if item.checkState() != state:
                item.setCheckState(state)
        self.list.blockSignals(False)
        self._show_count(len(chosen))

    def codes(self) -> tuple[str, ...]:
        return tuple(self.list.item(n).data(Qt.ItemDataRole.UserRole) for n in range(self.list.count())
                     if self.list.item(n).checkState() == Qt.CheckState.Checked)

    def _show_count(self, ticked: int) -> None:
        total = self.list.count()
        self.label.setText(f"{self.what}: all {total} (none ticked)" if ticked == 0
                           else f"{self.what}: {ticked} of {total}")

    def _on_item_changed(self, _item: QListWidgetItem) -> None:
        codes = self.codes()
        self._codes = None  # the plan decides: if the edit is refused, set_codes puts it back
        self._show_count(len(codes))
        self.sig_edited.emit(codes)
