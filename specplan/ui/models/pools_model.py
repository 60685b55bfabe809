"""The pools of one service in one year, as a table model over the engine's :class:`PoolTable`."""

from __future__ import annotations

import math

from PySide6.QtCore import Qt

from ...engine.footprints import PoolTable
from ..formatting import exact_money
from ..tones import tone
from .columns import NO_PARENT, RIGHT, ColumnsModel

COLUMNS = ("Pool", "ICBs", "Budget", "Gap to fair share", "Patients a year", "Demand swing (95%)",
           "Viability")
POOL, MEMBERS, BUDGET, GAP, PATIENTS, SWING, VIABILITY = range(len(COLUMNS))
HEADER_TIPS = {
    POOL: "The ICBs planned and paid for together: England, a region, or one ICB",
    MEMBERS: "How many of the plan's ICBs are in the pool",
    BUDGET: "The pool's spend on this service in the year: the sum over its ICBs",
    GAP: "Money above fair share in the pool (equal to the money below it): what would move between "
         "its ICBs if each spent exactly its population share of the budget",
    PATIENTS: "Patients a year: inpatient bed days over the service's bed days per patient",
    SWING: "How far demand, and so cost, may swing in a year by chance alone (95% Poisson range, "
           "1.96 / square root of patients), as a share of the budget",
    VIABILITY: "'Too small' when the demand swing is more than the plan's limit: the pool cannot carry "
               "the financial risk on its own",
}
SORT_ROLE = Qt.ItemDataRole.UserRole
#: A pool too small for its risk: a warning tint and its text, as (background, text) from ``tone``.
FLAG_ROLES = {Qt.ItemDataRole.BackgroundRole: 0, Qt.ItemDataRole.ForegroundRole: 1}


class PoolsModel(ColumnsModel):
    columns = COLUMNS
    header_tips = HEADER_TIPS
    numeric = frozenset()

    def __init__(self, parent=None):
        super().__init__(parent)
        self._table: PoolTable | None = None
        self._texts: list[list[str]] = []
        self.limit = 0.0  # the plan's viability limit, for the tooltip

    @property
    def table(self) -> PoolTable | None:
        return self._table

    def set_table(self, table: PoolTable, limit: float) -> None:
        """Show ``table``: the same pools repaint in place, other pools reset the model."""
        old = self._table
        self.limit = limit
        # The texts once per table: a repaint asks for each cell's several times over.
        texts = [[self._display(table, row, column) for column in range(len(COLUMNS))]
                 for row in range(len(table))]

        def update() -> None:
            self._table, self._texts = table, texts
        self.replace_rows(old is not None and old.names == table.names, update)

    def rowCount(self, parent=NO_PARENT) -> int:
        return 0 if parent.isValid() or self._table is None else len(self._texts)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        table = self._table
        if table is None or not index.isValid():
            return None
        row, column = index.row(), index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._texts[row][column]
        if role == SORT_ROLE:
            return self._sort_value(table, row, column)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return RIGHT if column not in (POOL, VIABILITY) else None
        if role in FLAG_ROLES and bool(table.flagged[row]):
            return tone("warn")[FLAG_ROLES[role]]  # from the palette: it reads in either theme
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(table, row, column)
        return None

    def _display(self, table: PoolTable, row: int, column: int) -> str:
        if column == POOL:
            return table.names[row]
        if column == MEMBERS:
            return str(int(table.members[row]))
        if column == BUDGET:
            return exact_money(int(table.budget[row]))
        if column == GAP:
            return exact_money(int(table.gap[row]))
        if column == PATIENTS:
            patients = float(table.patients[row])
            return "n/a" if math.isnan(patients) else f"{patients:,.0f}"
        if column == SWING:
            swing = float(table.variation[row])
            return "n/a" if math.isnan(swing) else f"±{swing:.1%}"
        if bool(table.flagged[row]):
            return "Too small"
        return "n/a" if math.isnan(float(table.variation[row])) else "Viable"

    def _sort_value(self, table: PoolTable, row: int, column: int):
        values = {MEMBERS: table.members, BUDGET: table.budget, GAP: table.gap,
                  PATIENTS: table.patients, SWING: table.variation}
        if column in values:
            value = float(values[column][row])
            return -1.0 if math.isnan(value) else value
        return self._display(table, row, column)

    def _tooltip(self, table: PoolTable, row: int, column: int) -> str | None:
        if column == VIABILITY:
            swing = float(table.variation[row])
            if math.isnan(swing):
                return "The service has no bed days per patient, so its pools cannot be sized"
            verdict = "more" if table.flagged[row] else "no more"
            return (f"Demand may swing by ±{swing:.1%} of the budget in a year: {verdict} than the "
                    f"plan's limit of {self.limit:.0%}")
        return HEADER_TIPS.get(column)
