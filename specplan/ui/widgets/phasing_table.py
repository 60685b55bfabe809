"""Phasing: a profile choice and a one-row table of how much of the target each year reaches."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...domain import PHASING_KINDS, Phasing, edits
from ...domain.errors import ValidationError
from ..formatting import share

KIND_LABELS = {"linear": "Linear", "front_loaded": "Front-loaded", "s_curve": "S-curve", "custom": "Custom"}
TIPS = {
    "kind": "How fast the lever reaches its target: linear moves the same amount each year, front-loaded "
            "moves most money early, S-curve starts and ends slowly. Earlier moves release money "
            "(and cost double running) sooner.",
    "table": "Share of the target reached by the end of each year (non-decreasing, 0 to 100%, 100% in the "
             "final year). Type a value to make the phasing custom; money moves in step with it.",
}


def parse_fraction(text: str | float) -> float:
    """``'60%'``, ``'60'`` or ``'0.6'`` -> 0.6; anything else is a ValidationError."""
    if isinstance(text, float):
        return text
    cleaned = text.strip().replace(",", "")
    percent = cleaned.endswith("%")
    try:
        value = float(cleaned.rstrip("%").strip())
    except ValueError:
        raise ValidationError("phasing value", text, "a percentage such as 60% or a fraction such as 0.6") from None
    return value / 100.0 if percent or value > 1.0 else value


def phasing_from(kind: str, texts: list[str | float]) -> Phasing:
    """The Phasing a user asked for (raises ValidationError for anything the domain refuses)."""
    if kind != "custom":
        return Phasing(kind)
    return Phasing("custom", tuple(parse_fraction(text) for text in texts))


class PhasingEditor(QWidget):
    """``sig_edited(kind, values)``: the chosen profile and, for custom, each year's value: the
    exact figure shown for cells left alone, the typed text for cells edited."""

    sig_edited = Signal(str, list)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.kind = QComboBox(self)
        for kind in PHASING_KINDS:
            self.kind.addItem(KIND_LABELS.get(kind, kind), kind)
        self.kind.setToolTip(TIPS["kind"])
        self.kind.setAccessibleName("Phasing profile")
        self.table = QTableWidget(1, 0, self)
        self.table.setToolTip(TIPS["table"])
        self.table.setAccessibleName("Share of the target reached each year")
        self.table.setVerticalHeaderLabels(["Reached"])
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.table.verticalHeader().hide()
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        layout = QVBoxLayout(self)  # the kind combo is laid out by the owner (a form row)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)
        self.kind.activated.connect(self._on_kind_chosen)
        self.table.itemChanged.connect(self._on_cell_edited)
        self._profile: tuple[float, ...] = ()
        self._shown: tuple[Phasing, list[str]] | None = None

    def set_phasing(self, phasing: Phasing, years: list[str], profile: tuple[float, ...]) -> None:
        """Show ``phasing``; ``profile`` is its ``phi(1..H)`` from the domain, ``years`` their labels."""
        if self._shown == (phasing, years):  # cheap: a slider drag syncs the editor on every step
            return
        self._shown = (phasing, years)
        self._profile = profile
        self.kind.blockSignals(True)
        self.kind.setCurrentIndex(self.kind.findData(phasing.kind))
        self.kind.blockSignals(False)
        self.table.blockSignals(True)
        if self.table.columnCount() != len(years):
            self.table.setColumnCount(len(years))
        self.table.setHorizontalHeaderLabels(years)
        widest = max((self.table.fontMetrics().horizontalAdvance(f"{y}  ") for y in years), default=40)
        self.table.horizontalHeader().setMinimumSectionSize(widest + 8)
        for column, value in enumerate(profile):
            item = self.table.item(0, column)
            if item is None:
                item = QTableWidgetItem()
                self.table.setItem(0, column, item)
            if item.text() != share(value):
                item.setText(share(value))
            item.setToolTip(TIPS["table"])
            item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
        self.table.blockSignals(False)
        self._fit_height()

    def _fit_height(self) -> None:
        """One row, plus room for the scroll bar only when the years do not fit across."""
        header = self.table.horizontalHeader()
        needed = self.table.columnCount() * header.minimumSectionSize()
        scrolls = needed > self.table.width() - 2 * self.table.frameWidth()
        scroll = self.table.horizontalScrollBar().sizeHint().height() if scrolls else 0
        height = header.sizeHint().height() + self.table.rowHeight(0) + 2 * self.table.frameWidth() + scroll + 2
        if self.table.height() != height:
            self.table.setFixedHeight(height)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._fit_height()

    def values(self) -> list[str | float]:
        """Each cell: the exact profile value if its text is unchanged, else the typed text."""
        values: list[str | float] = []
        for column in range(self.table.columnCount()):
            text = self.table.item(0, column).text()
            shown = column < len(self._profile) and text == share(self._profile[column])
            values.append(self._profile[column] if shown else text)
        return values

    def _on_kind_chosen(self, _index: int) -> None:
        kind = self.kind.currentData()
        self._shown = None  # the plan decides what shows next, even if the edit is refused
        # Switching to custom starts from the profile shown, so nothing moves until a cell is typed.
        self.sig_edited.emit(kind, list(self._profile))

    def _on_cell_edited(self, _item: QTableWidgetItem) -> None:
        self._shown = None
        self.sig_edited.emit("custom", self.values())


def set_phasing(plan, scenario: str, position: int, kind: str, values: list[str | float]):
    """An edit function for ``Document.try_apply``: a bad value becomes the document's error."""
    return edits.set_lever(plan, scenario, position, "phasing", phasing_from(kind, values))
