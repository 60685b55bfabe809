"""Baseline view: the base-year cells in one sortable, filterable, editable table, with totals."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...engine.baseline_table import cell_count, spend_total
from ..document.document import Document
from ..formatting import exact_money
from ..models.baseline_model import ACTIVITY, SERVICE, SPEND, UNIT_COST, BaselineModel
from ..models.baseline_proxy import BaselineProxy
from ..widgets.live import LiveView
from ..widgets.refusal import show_refusal

COLUMN_WIDTHS = {0: 140, SERVICE: 240, 2: 170, 3: 125, 4: 80, ACTIVITY: 90, 6: 75, SPEND: 125, UNIT_COST: 80}


#: Plans up to this many cells filter on every keystroke; bigger ones after a pause.
FILTER_AT_ONCE_ROWS = 5_000
FILTER_PAUSE_MS = 250


class BaselineView(LiveView):
    """Double-click (or start typing in) an activity or spend cell to change it; each change is
    one undo step. The footer adds up the cells shown and the whole plan, to the penny."""

    def __init__(self, document: Document, parent: QWidget | None = None):
        super().__init__(document, parent)
        self.model = BaselineModel(document, self)
        self.proxy = BaselineProxy(self.model, self)
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        self.heading = QLabel(self)
        self.heading.setWordWrap(True)  # beside the filter on a narrow screen: wrap, never widen the page
        self.filter = QLineEdit(self)
        self.filter.setPlaceholderText("Filter: service, ICB, region, setting")
        self.filter.setClearButtonEnabled(True)
        self.filter.setAccessibleName("Filter the base-year cells")
        self.filter.setToolTip("Shows the cells whose service code or name, ICB, region or setting "
                               "contains every word typed; the navigator's ticks apply too")
        self.filter.setMinimumWidth(240)
        top.addWidget(self.heading, stretch=1)
        top.addWidget(self.filter)
        layout.addLayout(top)

        self.table = QTableView(self)
        self.table.setModel(self.proxy)
        self.table.setAccessibleName("Base-year spend and activity by service, ICB and setting")
        self.table.setAlternatingRowColors(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed)
        self.table.setWordWrap(False)
        vertical = self.table.verticalHeader()
        vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)  # no per-row size hints
        vertical.setDefaultSectionSize(self.fontMetrics().height() + 8)
        vertical.hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        for column, width in COLUMN_WIDTHS.items():
            self.table.setColumnWidth(column, width)
        header.setSectionResizeMode(SERVICE, QHeaderView.ResizeMode.Stretch)
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        header.setSortIndicatorClearable(True)
        self.table.setSortingEnabled(True)
        layout.addWidget(self.table, stretch=1)

        self.totals = QLabel(self)
        self.totals.setObjectName("baseline_totals")
        self.totals.setWordWrap(True)
        self.totals.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.totals.setAccessibleName("Totals of the base-year cells")
        layout.addWidget(self.totals)

        # On a big plan each filter pass takes about 0.1 s: wait for a pause in the typing.
        self._filter_timer = QTimer(self)
        self._filter_timer.setSingleShot(True)
        self._filter_timer.setInterval(FILTER_PAUSE_MS)
        self._filter_timer.timeout.connect(self._apply_filter)
        self.filter.textChanged.connect(self._on_filter)
        self.proxy.modelReset.connect(self._show_totals)
        self.proxy.layoutChanged.connect(self._show_totals)
        self.proxy.rowsInserted.connect(self._show_totals)
        self.proxy.rowsRemoved.connect(self._show_totals)
        self.model.dataChanged.connect(self._show_totals)
        self.model.modelReset.connect(self._on_reset)
        self.model.sig_refused.connect(self._on_refused)

    def _on_refused(self, cell, message: str) -> None:
        """Say why beside the cell typed into (as the table shows it now: sorted, filtered)."""
        index = QPersistentModelIndex(self.proxy.mapFromSource(self.model.index(cell.row(), cell.column())))
        if not index.isValid():
            return
        show_refusal(self.table.viewport(), message, lambda: self.table.visualRect(QModelIndex(index)), self.document)

    def refresh(self) -> None:
        """Follow the navigator's scope; the cells themselves follow the plan through the model."""
        self.proxy.set_filter(scope=self.document.scope)
        self._show_totals()

    def _on_reset(self) -> None:
        """Other cells (an import): keep the order the header shows."""
        header = self.table.horizontalHeader()
        if header.sortIndicatorSection() >= 0 and self.table.isSortingEnabled():
            self.model.sort(header.sortIndicatorSection(), header.sortIndicatorOrder())

    def _on_filter(self, _text: str) -> None:
        if self.model.rowCount() > FILTER_AT_ONCE_ROWS:
            self._filter_timer.start()
        else:
            self._apply_filter()

    def _apply_filter(self) -> None:
        self.proxy.set_filter(text=self.filter.text())
        self._show_totals()

    def _show_totals(self, *_args) -> None:
        baseline = self.model.plan.baseline
        shown = self.proxy.shown_cells
        n_shown, n_all = cell_count(shown, baseline), baseline.spend_pence.size
        plan_total = exact_money(baseline.total_pence)
        if shown is None:
            text = f"<b>Total</b> of all {n_all:,} cells: <b>{plan_total}</b>"
        else:
            text = (f"<b>Shown</b>: {n_shown:,} of {n_all:,} cells, spend <b>{exact_money(spend_total(baseline, shown))}</b>"
                    f" &nbsp;&nbsp; <b>Plan total</b>: {plan_total}")
        self.totals.setText(text)
        self.heading.setText(f"<b>Base year {self.model.plan.years[0]}</b>: double-click a spend or "
                             f"activity figure to change it")
