"""Compare: every option side by side against doing nothing, best values marked, charts overlaid."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QBrush, QFont
from PySide6.QtWidgets import QHBoxLayout, QHeaderView, QLabel, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget

from ...engine.compare import ROWS, best, columns, compare
from ...engine.scope import totals_in_scope
from ..charts.option_mix import OptionMixChart
from ..charts.trajectory import TrajectoryChart
from ..document.document import Document
from ..formatting import comparison_figure, money
from ..tones import tone
from ..widgets.live import LiveView

BEST_TIP = "Best of the options on this row"


class CompareView(LiveView):
    def __init__(self, document: Document, parent: QWidget | None = None, unit: str = "gbp_m"):
        super().__init__(document, parent)
        self.unit = unit
        layout = QVBoxLayout(self)
        self.heading = QLabel(self)
        self.heading.setWordWrap(True)
        self.table = QTableWidget(self)
        self.table.setAccessibleName("Options compared with doing nothing")
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        # One line per row: fixed heights spare a relayout of every row on every changed cell.
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        charts = QHBoxLayout()
        self.trajectory = TrajectoryChart(self, unit)
        self.mix = OptionMixChart(self, unit)
        charts.addWidget(self.trajectory)
        charts.addWidget(self.mix)
        layout.addWidget(self.heading)
        layout.addWidget(self.table, stretch=3)
        layout.addLayout(charts, stretch=2)
        self._headers: tuple[list[str], list[str]] | None = None

    def refresh(self) -> None:
        document = self.document
        plan, results, scope = document.plan, document.results, document.scope
        every = compare(results, scope)
        rows = columns(every, results)  # one do-nothing column
        self.heading.setText(f"Every option against doing nothing ({scope.describe(plan)}). "
                             "★ marks the best value where one is better than another.")
        years = list(plan.years)
        labels = [label for label, _, _ in ROWS] + [f"Spend {year}" for year in years]
        names = [r.name for r in rows]
        if (labels, names) != self._headers:  # a new table only when its shape changes
            self._headers = (labels, names)
            self.table.clear()
            self.table.setRowCount(len(labels))
            self.table.setColumnCount(len(rows))
            self.table.setVerticalHeaderLabels(labels)
            self.table.setHorizontalHeaderLabels(names)
        for r, (_label, attribute, more_is_better) in enumerate(ROWS):
            winners = best(every[1:], attribute, more_is_better)
            for c, row in enumerate(rows):
                self._put(r, c, self._format(attribute, getattr(row, attribute)), row.name in winners)
        for t in range(len(years)):
            for c, row in enumerate(rows):
                self._put(len(ROWS) + t, c, money(row.spend[t], self.unit), False)
        options, do_nothing = totals_in_scope(results, scope)
        self.trajectory.update_totals(years, options, do_nothing, show_do_nothing=not plan.has_do_nothing_option)
        self.mix.update_options(list(plan.settings), options)

    def _put(self, row: int, column: int, text: str, is_best: bool) -> None:
        """Show ``text`` in the cell, touching the cell only if it changed: a slider step
        changes one column, and every item set costs the table a relayout."""
        text = f"★ {text}" if is_best else text
        item = self.table.item(row, column)
        if item is None:
            item = QTableWidgetItem()
            item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.table.setItem(row, column, item)
        elif item.text() == text:
            return
        item.setText(text)
        if is_best != (item.toolTip() != ""):
            self._colour(item, is_best)
            font = QFont(item.font())
            font.setBold(is_best)
            item.setFont(font)
            item.setToolTip(BEST_TIP if is_best else "")

    @staticmethod
    def _colour(item: QTableWidgetItem, is_best: bool) -> None:
        """A best value's tint and text from the current palette; plain cells keep the table's."""
        background, text = tone("good") if is_best else (QBrush(), QBrush())
        item.setBackground(background)
        item.setForeground(text)

    def changeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        """A new theme: the best values take the new palette's tint."""
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange):
            for row in range(self.table.rowCount()):
                for column in range(self.table.columnCount()):
                    item = self.table.item(row, column)
                    if item is not None and item.toolTip() == BEST_TIP:
                        self._colour(item, True)
        super().changeEvent(event)

    def _format(self, attribute: str, value) -> str:
        return comparison_figure(attribute, value, lambda pence: money(pence, self.unit))
