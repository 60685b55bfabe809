"""Phasing: a profile choice and a one-row table of how much of the target each year reaches."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...domain import PHASING_KINDS, Phasing, edits
from ..formatting import share
from .phasing_draft import parse_fraction, profile_problem, read
from .refusal import clear_refusal, show_refusal

KIND_LABELS = {"linear": "Linear", "front_loaded": "Front-loaded", "s_curve": "S-curve", "custom": "Custom"}
TIPS = {
    "kind": "How fast the lever reaches its target: linear moves the same amount each year, front-loaded "
            "moves most money early, S-curve starts and ends slowly. Earlier moves release money "
            "(and cost double running) sooner.",
    "table": "Share of the target reached by the end of each year (non-decreasing, 0 to 100%, 100% in the "
             "final year). Type a value to make the phasing custom; money moves in step with it. Years can be "
             "typed in any order: the profile applies once it is complete.",
    "apply": "Check the typed profile and apply it, or say which year is wrong.",
    "revert": "Put back the lever's phasing and drop the values typed.",
}
DRAFT = "Typed values not applied yet: each year must be at least the one before, the final year 100%."


def phasing_from(kind: str, texts: list[str | float]) -> Phasing:
    """The Phasing a user asked for (raises ValidationError for anything the domain refuses)."""
    if kind != "custom":
        return Phasing(kind)
    return Phasing("custom", tuple(parse_fraction(text) for text in texts))


class YearTable(QTableWidget):
    """The one-row table of years. Tab moves from year to year while typing and, past the last
    year (or before the first), on to the next control: the table never traps the focus."""

    def closeEditor(self, editor, hint) -> None:
        column = self.currentColumn()
        leaves = ((hint == QAbstractItemDelegate.EndEditHint.EditNextItem and column == self.columnCount() - 1)
                  or (hint == QAbstractItemDelegate.EndEditHint.EditPreviousItem and column == 0))
        if not leaves:
            super().closeEditor(editor, hint)
            return
        super().closeEditor(editor, QAbstractItemDelegate.EndEditHint.NoHint)
        self.focusNextPrevChild(hint == QAbstractItemDelegate.EndEditHint.EditNextItem)


class PhasingEditor(QWidget):
    """``sig_edited(kind, values)``: the chosen profile and, for custom, each year's value: the
    exact figure shown for cells left alone, the typed text for cells edited.

    Typed years are a draft: a cell that is no percentage is refused at once, beside it; a
    profile that is complete and valid is sent at once; one that dips or stops short of 100% waits
    (the draft bar says so) until the user leaves the table or presses Apply, and is then refused
    beside the year that is wrong. A cell is never put back behind the user's back."""

    sig_edited = Signal(str, list)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.kind = QComboBox(self)
        for kind in PHASING_KINDS:
            self.kind.addItem(KIND_LABELS.get(kind, kind), kind)
        self.kind.setToolTip(TIPS["kind"])
        self.kind.setAccessibleName("Phasing profile")
        self.table = YearTable(1, 0, self)
        self.table.setTabKeyNavigation(False)  # Tab goes on to the next control
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
        self.draft_bar = QWidget(self)
        bar = QHBoxLayout(self.draft_bar)
        bar.setContentsMargins(0, 0, 0, 0)
        self.draft_label = QLabel(DRAFT, self.draft_bar)
        self.draft_label.setWordWrap(True)
        self.apply_button = QPushButton("Apply", self.draft_bar)
        self.revert_button = QPushButton("Revert", self.draft_bar)
        self.apply_button.setToolTip(TIPS["apply"])
        self.revert_button.setToolTip(TIPS["revert"])
        bar.addWidget(self.draft_label, stretch=1)
        bar.addWidget(self.apply_button)
        bar.addWidget(self.revert_button)
        self.draft_bar.hide()
        layout.addWidget(self.draft_bar)
        self.kind.activated.connect(self._on_kind_chosen)
        self.table.itemChanged.connect(self._on_cell_edited)
        self.apply_button.clicked.connect(self.commit)
        self.revert_button.clicked.connect(self.revert)
        QApplication.instance().focusChanged.connect(self._on_focus_changed)
        self._profile: tuple[float, ...] = ()
        self._years: list[str] = []
        self._shown: tuple[Phasing, list[str]] | None = None
        self._edited: int | None = None  # the year the user typed into last

    def set_phasing(self, phasing: Phasing, years: list[str], profile: tuple[float, ...]) -> None:
        """Show ``phasing``; ``profile`` is its ``phi(1..H)`` from the domain, ``years`` their labels."""
        if self._shown == (phasing, years):  # cheap: a slider drag syncs the editor on every step
            return
        if self._shown is None and self.draft_pending() and self._profile == profile and self._years == years:
            self._shown = (phasing, years)  # the plan did not move: keep what the user is typing
            return
        self._shown = (phasing, years)
        self._profile, self._years = profile, years
        self._edited = None
        self.draft_bar.hide()
        self.kind.setCurrentIndex(self.kind.findData(phasing.kind))  # heard through ``activated`` only
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

    def texts(self) -> list[str]:
        return [self.table.item(0, column).text() for column in range(self.table.columnCount())]

    def draft_pending(self) -> bool:
        """Some year shows a value typed but not yet in the plan."""
        return any(text != share(value) for text, value in zip(self.texts(), self._profile))

    def refuse_at(self, column: int, message: str) -> None:
        """Say ``message`` under year ``column``'s cell."""
        item = self.table.item(0, column)
        self.table.scrollToItem(item)
        show_refusal(self.table.viewport(), message, lambda: self.table.visualItemRect(item))

    def commit(self) -> bool:
        """Send the typed profile if it is a valid one, else say what is wrong beside its year."""
        values, problem = read(self._years, self.values(), self._edited)
        if problem is None:
            problem = profile_problem(self._years, values, self._edited)
        if problem is not None:
            self.refuse_at(problem.column, problem.message)
            return False
        self._send("custom", self.values())
        return True

    def revert(self) -> None:
        """Back to the lever's own phasing: the typed values go."""
        clear_refusal(self)
        self.table.blockSignals(True)
        for column, value in enumerate(self._profile):
            self.table.item(0, column).setText(share(value))
        self.table.blockSignals(False)
        self._edited = None
        self.draft_bar.hide()

    def discard_draft(self) -> None:
        """Another lever is shown: what was typed for this one goes."""
        self._shown = None
        if self.draft_pending():
            self.revert()

    def _send(self, kind: str, values: list) -> None:
        self._shown = None  # the plan decides what shows next, even if the edit is refused
        self.draft_bar.hide()
        self.sig_edited.emit(kind, values)

    def _on_kind_chosen(self, _index: int) -> None:
        # Switching to custom starts from the profile shown, so nothing moves until a cell is typed.
        if self.draft_pending():
            self.revert()
        self._send(self.kind.currentData(), list(self._profile))

    def _on_cell_edited(self, item: QTableWidgetItem) -> None:
        self._edited = item.column()
        clear_refusal(self)
        values, problem = read(self._years, self.values(), self._edited)
        if problem is not None and problem.column == self._edited:
            self.draft_bar.show()
            self.refuse_at(problem.column, problem.message)  # wrong whatever the other years say
            return
        if problem is None and profile_problem(self._years, values, self._edited) is None:
            self._send("custom", self.values())
            return
        self.draft_bar.show()  # a profile on its way: checked when the user leaves the table

    def _on_focus_changed(self, old, new) -> None:
        """Leaving the table with a draft: check it now. Tab from the table reaches the draft's
        Apply and Revert first; leaving those too is leaving the draft."""
        if old is None or new is None or not self.draft_bar.isVisible():
            return  # new is None: another window or application took the focus, not the user's move
        region = (self.table, self.draft_bar)
        was = any(w is old or w.isAncestorOf(old) for w in region)
        now = any(w is new or w.isAncestorOf(new) for w in region)
        if was and not now:
            self.commit()


def set_phasing(plan, scenario: str, position: int, kind: str, values: list[str | float]):
    """An edit function for ``Document.try_apply``: a bad value becomes the document's error."""
    return edits.set_lever(plan, scenario, position, "phasing", phasing_from(kind, values))
