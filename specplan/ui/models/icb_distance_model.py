"""Each ICB's spend, fair share and distance for one service and year: the chart's figures as a
table a person can read out, sort and copy."""

from __future__ import annotations

from PySide6.QtCore import Qt

from ...domain.plan import Plan
from ...engine.footprints import PoolTable, short_icb_name
from ..formatting import exact_money
from .columns import NO_PARENT, RIGHT, ColumnsModel

COLUMNS = ("ICB", "Region", "Pool", "Spend", "Fair share", "Distance")
ICB, REGION, POOL, SPEND, FAIR_SHARE, DISTANCE = range(len(COLUMNS))
HEADER_TIPS = {
    POOL: "The pool the ICB's money for this service is planned in",
    SPEND: "The ICB's spend on the service in the year, all settings",
    FAIR_SHARE: "The ICB's population share of its pool's budget, in whole pence adding up to the budget",
    DISTANCE: "Spend minus fair share: positive above its share, negative below",
}
SORT_ROLE = Qt.ItemDataRole.UserRole


class IcbDistanceModel(ColumnsModel):
    columns = COLUMNS
    header_tips = HEADER_TIPS
    numeric = frozenset()

    def __init__(self, parent=None):
        super().__init__(parent)
        self._table: PoolTable | None = None
        self._names: list[str] = []
        self._regions: list[str] = []

    def set_table(self, table: PoolTable, plan: Plan) -> None:
        names = [short_icb_name(i.name) for i in plan.icbs]
        regions = {r.code: r.name for r in plan.regions}

        def update() -> None:
            self._table, self._names = table, names
            self._regions = [regions[i.region] for i in plan.icbs]
        self.replace_rows(self._table is not None and names == self._names, update)

    def rowCount(self, parent=NO_PARENT) -> int:
        return 0 if parent.isValid() or self._table is None else len(self._names)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        table = self._table
        if table is None or not index.isValid():
            return None
        row, column = index.row(), index.column()
        money = {SPEND: table.spend, FAIR_SHARE: table.fair_share, DISTANCE: table.distance}
        if role == Qt.ItemDataRole.DisplayRole:
            if column in money:
                text = exact_money(int(money[column][row]))
                return f"+{text}" if column == DISTANCE and money[column][row] > 0 else text
            if column == POOL:
                return table.names[table.icb_pool[row]]
            return self._names[row] if column == ICB else self._regions[row]
        if role == SORT_ROLE:
            return int(money[column][row]) if column in money else self.data(index)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return RIGHT if column in money else None
        if role == Qt.ItemDataRole.ToolTipRole:
            return HEADER_TIPS.get(column)
        return None
