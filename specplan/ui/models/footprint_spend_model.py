"""One footprint's groups by year, and their total, as a table model over the engine's
:class:`~specplan.engine.rollups.FootprintSpend`."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont

from ...engine.rollups import FootprintSpend
from ..formatting import exact_money, money
from .columns import NO_PARENT, RIGHT, ColumnsModel

#: Each cell's figure in pence (the total row's are the engine's whole-plan totals).
PENCE_ROLE = Qt.ItemDataRole.UserRole
TOTAL = "Total"


class FootprintSpendModel(ColumnsModel):
    """Rows: the footprint's groups, then the total; columns: the group, then each year."""

    header_tips = {0: "The footprint's groups: each of the plan's ICBs is in exactly one"}

    def __init__(self, parent=None, unit: str = "gbp_m"):
        super().__init__(parent)
        self.unit = unit
        self.columns = ("Group",)
        self.numeric = frozenset()
        self._names: tuple[str, ...] = ()
        self._pence: list[list[int]] = []  # [row][year], the total row last
        self._texts: list[list[str]] = []

    def set_spend(self, rolled: FootprintSpend, years: list[str], kind: str) -> None:
        """Show ``kind`` (engine.rollups.KINDS) of ``rolled``: the same groups and years repaint
        in place, others reset the model."""
        columns = ("Group", *years)
        names = (*rolled.groups, TOTAL)
        pence = [[int(v) for v in row] for row in rolled.by_group(kind)]
        pence.append([int(v) for v in rolled.total(kind)])
        signed = kind == "difference"
        texts = [[money(v, self.unit) if not signed or v <= 0 else "+" + money(v, self.unit) for v in row]
                 for row in pence]

        def update() -> None:
            self.columns, self.numeric = columns, frozenset(range(1, len(columns)))
            self._names, self._pence, self._texts = names, pence, texts
        self.replace_rows(names == self._names and columns == self.columns, update)

    @property
    def groups(self) -> tuple[str, ...]:
        """The group rows' names (the total row not included)."""
        return self._names[:-1]

    def rowCount(self, parent=NO_PARENT) -> int:  # noqa: N802 - Qt's name
        return 0 if parent.isValid() else len(self._names)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row, column = index.row(), index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._names[row] if column == 0 else self._texts[row][column - 1]
        if role == PENCE_ROLE and column > 0:
            return self._pence[row][column - 1]
        if role == Qt.ItemDataRole.TextAlignmentRole and column > 0:
            return RIGHT
        if role == Qt.ItemDataRole.FontRole and row == len(self._names) - 1:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == 0:
                return ("Every group added together: the whole plan's figure, to the penny"
                        if row == len(self._names) - 1 else self.header_tips[0])
            return f"{self._names[row]}, {self.columns[column]}: {exact_money(self._pence[row][column - 1])}"
        return None
