"""The base-year cells as a table model straight over the plan's arrays: one row per
(service, ICB, setting) cell, no copies of the figures and no widget per cell.

Rows are cells in a display order (a permutation the model sorts with numpy); ``data`` does
constant work per call. Edits go to the Document as undoable ``set_baseline_cell`` edits; a
plan change with the same rows and columns emits ``dataChanged`` for the cells that moved,
anything else resets the model.
"""

from __future__ import annotations

import math

import numpy as np
from PySide6.QtCore import QPersistentModelIndex, Qt, Signal

from ...domain import edits
from ...domain.changes import Changes
from ...domain.plan import Plan
from ...engine.baseline_table import unit_costs
from ...engine.footprints import short_icb_name
from ..document.document import Document
from ..formatting import exact_money
from ..refusal_words import refusal_text
from .columns import NO_PARENT, RIGHT, ColumnsModel
from .inputs import parse_activity, parse_pounds

COLUMNS = ("Service code", "Service", "ICB", "Region", "Setting", "Activity", "Unit", "Spend",
           "Unit cost")
SERVICE_CODE, SERVICE, ICB_NAME, REGION, SETTING, ACTIVITY, UNIT, SPEND, UNIT_COST = range(len(COLUMNS))
NUMERIC = {ACTIVITY, SPEND, UNIT_COST}
EDITABLE = {ACTIVITY, SPEND}
#: Above this many changed cells one dataChanged covers the figure columns of every row.
MAX_SEPARATE_CHANGES = 64
SORT_ROLE = Qt.ItemDataRole.UserRole
CELL_ROLE = Qt.ItemDataRole.UserRole + 1  # (service, icb, setting) positions
HEADER_TIPS = {
    ACTIVITY: "Base-year activity in the setting's unit (bed days for inpatient care). Double-click to edit.",
    SPEND: "Base-year spend in pounds and pence. Double-click to edit; '£1,234.50' and '1234.5' both work.",
    UNIT_COST: "Spend divided by activity: what one unit of activity costs in the base year.",
}


def setting_label(setting: str) -> str:
    return setting.replace("_", " ").capitalize()


def _structure(plan: Plan) -> tuple:
    """What fixes the rows and their labels (not the figures, nor the planning levels)."""
    return (
        tuple((s.code, s.name, s.units) for s in plan.services),
        tuple((i.code, i.name, i.region) for i in plan.icbs),
        tuple((r.code, r.name) for r in plan.regions),
        plan.settings,
    )


class BaselineModel(ColumnsModel):
    """``sig_refused(index, message)``: an edit of cell ``index`` was refused, and why in pounds
    (or units of activity), naming the cell; the view says it beside the cell."""

    sig_refused = Signal(object, str)
    columns = COLUMNS
    header_tips = HEADER_TIPS
    numeric = NUMERIC

    def __init__(self, document: Document, parent=None):
        super().__init__(parent)
        self.document = document
        self._load(document.plan)
        document.sig_plan_changed.connect(self._on_plan_changed)

    # -- structure -----------------------------------------------------------------------------
    def _load(self, plan: Plan) -> None:
        self._plan = plan
        n_s, n_i, n_k = plan.baseline.shape
        self._n_k, self._n_ik, self._n = n_k, n_i * n_k, n_s * n_i * n_k
        self._order = np.arange(self._n)  # display row -> flat cell
        self.order = self._order.tolist()  # the same as a list: per-row lookups in data()
        self._row_of = np.arange(self._n)  # flat cell -> display row
        regions = {r.code: r.name for r in plan.regions}
        self._service_codes = [s.code for s in plan.services]
        self._service_names = [s.name for s in plan.services]
        self._icb_names = [short_icb_name(i.name) for i in plan.icbs]
        self._icb_codes = [i.code for i in plan.icbs]
        self._region_names = [regions[i.region] for i in plan.icbs]
        self._settings = [setting_label(k) for k in plan.settings]
        self._units = [[s.unit(k) for k in plan.settings] for s in plan.services]
        self._set_figures(plan)

    def _set_figures(self, plan: Plan) -> None:
        self._plan = plan
        self._spend = plan.baseline.spend_pence.ravel()
        self._activity = plan.baseline.activity.ravel()
        self._unit_cost = unit_costs(plan.baseline).ravel()

    @property
    def plan(self) -> Plan:
        return self._plan

    def cell_of_row(self, row: int) -> tuple[int, int, int]:
        """``(service, icb, setting)`` positions of display row ``row``."""
        s, rest = divmod(self.order[row], self._n_ik)
        i, k = divmod(rest, self._n_k)
        return s, i, k

    def row_of_cell(self, service: int, icb: int, setting: int) -> int:
        return int(self._row_of[service * self._n_ik + icb * self._n_k + setting])

    def search_texts(self) -> tuple[list[str], list[str], list[str]]:
        """Lower-case text of each service, ICB and setting, for the filter box."""
        services = [f"{c} {n}".lower() for c, n in zip(self._service_codes, self._service_names)]
        icbs = [f"{c} {n} {r}".lower() for c, n, r in zip(self._icb_codes, self._icb_names, self._region_names)]
        return services, icbs, [s.lower() for s in self._settings]

    # -- Qt model ------------------------------------------------------------------------------
    def rowCount(self, parent=NO_PARENT) -> int:
        return 0 if parent.isValid() else self._n

    def flags(self, index):
        flags = super().flags(index)
        locked = self.document.read_only or getattr(self.document, "review_mode", False)
        if index.column() in EDITABLE and not locked:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        column = index.column()
        cell = self.order[index.row()]
        s, rest = divmod(cell, self._n_ik)
        i, k = divmod(rest, self._n_k)
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(column, cell, s, i, k)
        if role == Qt.ItemDataRole.EditRole:
            if column == SPEND:
                return exact_money(int(self._spend[cell])).removeprefix("£").replace(",", "")
            if column == ACTIVITY:
                return f"{float(self._activity[cell]):g}"
            return self._display(column, cell, s, i, k)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return RIGHT if column in NUMERIC else None
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(column, cell, s, i, k)
        if role == SORT_ROLE:
            return self._sort_value(column, cell, s, i, k)
        if role == CELL_ROLE:
            return (s, i, k)
        return None

    def _display(self, column: int, cell: int, s: int, i: int, k: int):
        if column == SERVICE_CODE:
            return self._service_codes[s]
        if column == SERVICE:
            return self._service_names[s]
        if column == ICB_NAME:
            return self._icb_names[i]
        if column == REGION:
            return self._region_names[i]
        if column == SETTING:
            return self._settings[k]
        if column == ACTIVITY:
            return f"{float(self._activity[cell]):,.1f}"
        if column == UNIT:
            return self._units[s][k]
        if column == SPEND:
            return exact_money(int(self._spend[cell]))
        cost = float(self._unit_cost[cell])
        return "" if math.isnan(cost) else f"£{cost / 100:,.2f}"

    def _tooltip(self, column: int, cell: int, s: int, i: int, k: int):
        if column in (ICB_NAME, REGION):
            return f"{self._icb_names[i]} ({self._icb_codes[i]}), {self._region_names[i]}"
        if column == UNIT_COST:
            cost = float(self._unit_cost[cell])
            if math.isnan(cost):
                return "No activity recorded, so no unit cost"
            return f"£{cost / 100:,.2f} per {self._units[s][k].removesuffix('s')}"
        if column in EDITABLE:
            return HEADER_TIPS[column]
        return None

    def _sort_value(self, column: int, cell: int, s: int, i: int, k: int):
        if column == ACTIVITY:
            return float(self._activity[cell])
        if column == SPEND:
            return int(self._spend[cell])
        if column == UNIT_COST:
            return float(self._unit_cost[cell])
        return self._display(column, cell, s, i, k)

    # -- edits ---------------------------------------------------------------------------------
    def setData(self, index, value, role=Qt.ItemDataRole.EditRole) -> bool:
        column = index.column()
        if not index.isValid() or role != Qt.ItemDataRole.EditRole or column not in EDITABLE:
            return False
        s, i, k = self.cell_of_row(index.row())
        where = f"{self._service_codes[s]} / {self._icb_names[i]} / {self._settings[k].lower()}"
        field = f"Base-year {COLUMNS[column].lower()} for {where}"
        cell = QPersistentModelIndex(index)
        try:
            if column == SPEND:
                change = {"spend_pence": parse_pounds(value)}
                unchanged = change["spend_pence"] == int(self._plan.baseline.spend_pence[s, i, k])
            else:
                change = {"activity": parse_activity(value)}
                unchanged = change["activity"] == float(self._plan.baseline.activity[s, i, k])
        except ValueError as error:
            self.sig_refused.emit(cell, f"{field} not changed: {error}")
            return False
        if unchanged:
            return True
        shown = exact_money if column == SPEND else (lambda value: f"{value:,}")
        return self.document.try_apply(edits.set_baseline_cell, s, i, k, **change, refused=lambda error: (
            self.sig_refused.emit(cell, refusal_text(error, field, shown))))

    def _on_plan_changed(self, plan: Plan, changes: Changes, _source: object) -> None:
        old = self._plan
        if not (changes.baseline_rows or changes.structure):
            self._plan = plan  # an option, level or review edit: the cells are as they were
            return
        same = all(getattr(plan, name) is getattr(old, name) for name in ("services", "icbs", "regions", "settings"))
        same = same or _structure(plan) == _structure(old)
        if same and plan.baseline is old.baseline:
            self._plan = plan  # an option or level edit: the cells are as they were
            return
        if not same:
            self.beginResetModel()
            self._load(plan)
            self.endResetModel()
            return
        changed = np.flatnonzero(
            (plan.baseline.spend_pence != old.baseline.spend_pence).ravel()
            | (plan.baseline.activity != old.baseline.activity).ravel()
        )
        self._set_figures(plan)
        if len(changed) > MAX_SEPARATE_CHANGES:
            self.dataChanged.emit(self.index(0, ACTIVITY), self.index(self._n - 1, UNIT_COST))
            return
        for cell in changed:
            row = int(self._row_of[cell])
            self.dataChanged.emit(self.index(row, ACTIVITY), self.index(row, UNIT_COST))

    # -- sorting -------------------------------------------------------------------------------
    def sort(self, column: int, order=Qt.SortOrder.AscendingOrder) -> None:
        """Reorder the rows by ``column`` with numpy (a stable sort: ties keep their order)."""
        key = self._sort_key(column, descending=order == Qt.SortOrder.DescendingOrder)
        new_order = np.arange(self._n) if key is None else np.argsort(key, kind="stable")
        self.layoutAboutToBeChanged.emit()
        old_order = self._order
        self._order = new_order
        self.order = new_order.tolist()
        self._row_of = np.empty(self._n, np.intp)
        self._row_of[new_order] = np.arange(self._n)
        persistent = self.persistentIndexList()
        if persistent:
            moved = [self.index(int(self._row_of[old_order[p.row()]]), p.column()) for p in persistent]
            self.changePersistentIndexList(persistent, moved)
        self.layoutChanged.emit()

    def _sort_key(self, column: int, descending: bool) -> np.ndarray | None:
        """A number per flat cell that sorts ascending like the column in ``order`` (text by
        rank; cells without a unit cost last either way)."""
        key = self._ascending_key(column)
        if key is None or not descending:
            return key
        if column == UNIT_COST:
            return np.where(np.isnan(self._unit_cost), np.inf, -self._unit_cost)
        return -key

    def _ascending_key(self, column: int) -> np.ndarray | None:
        shape = self._plan.baseline.shape
        if column == SPEND:
            return self._spend.astype(np.float64)
        if column == ACTIVITY:
            return self._activity.astype(np.float64)
        if column == UNIT_COST:
            return np.where(np.isnan(self._unit_cost), np.inf, self._unit_cost)
        per_axis = {
            SERVICE_CODE: (0, self._service_codes), SERVICE: (0, self._service_names),
            ICB_NAME: (1, self._icb_names), REGION: (1, self._region_names),
            SETTING: (2, self._settings), UNIT: (None, None),
        }
        if column not in per_axis:
            return None
        axis, labels = per_axis[column]
        if axis is None:
            units = np.array(self._units, dtype=object)  # [s, k]
            ranks = _ranks(units.ravel().tolist()).reshape(units.shape)
            return np.broadcast_to(ranks[:, None, :], shape).ravel().astype(np.float64)
        ranks = _ranks(labels)
        view = [1, 1, 1]
        view[axis] = len(labels)
        return np.broadcast_to(ranks.reshape(view), shape).ravel().astype(np.float64)


def _ranks(labels: list[str]) -> np.ndarray:
    """Rank of each label in case-insensitive order (equal labels share a rank)."""
    keys = [label.casefold() for label in labels]
    ordered = {key: n for n, key in enumerate(sorted(set(keys)))}
    return np.array([ordered[key] for key in keys], dtype=np.int64)

