"""Spend by footprint: one footprint's groups, year by year, for the selected option (or doing
nothing, or the difference), with the whole plan's total and a bar chart of the final year."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...domain.footprints import PlanningLevel
from ...engine.rollups import footprint_spend
from ..charts.footprint_bars import FootprintBarsChart
from ..document.document import Document
from ..models.footprint_spend_model import FootprintSpendModel
from .live import LiveView
from .reflow import ReflowLayout

#: The built-in footprints offered (national is one group, England: the total row already says it).
BUILT_IN = {PlanningLevel.REGIONAL: "Regional: by NHS region", PlanningLevel.ICS: "ICS: by ICB"}
SHOW = {"option": "The option's spend", "do_nothing": "Doing nothing",
        "difference": "The option less doing nothing"}
FOOTPRINT_TIP = ("The footprint to roll the plan's spend up by: regions, ICBs, or one of the plan's own "
                 "footprints (made in the Footprints view). Each ICB is in exactly one group, so the "
                 "groups add up to the whole plan to the penny.")


class FootprintSpendPanel(LiveView):
    """Follows the document as the other views do: it redraws on new figures (a footprint edit
    moves figures too), another option or scope, and only while it is shown."""

    def __init__(self, document: Document, parent: QWidget | None = None, unit: str = "gbp_m"):
        super().__init__(document, parent)
        self.unit = unit
        self._syncing = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.heading = QLabel(self)
        self.heading.setWordWrap(True)
        layout.addWidget(self.heading)
        self.footprint_box = QComboBox(self)
        self.footprint_box.setAccessibleName("Footprint to roll spend up by")
        self.footprint_box.setToolTip(FOOTPRINT_TIP)
        self.show_box = QComboBox(self)
        self.show_box.setAccessibleName("Figures shown by group")
        self.show_box.setToolTip("The selected option's spend, doing nothing's, or the difference between them")
        for kind, text in SHOW.items():
            self.show_box.addItem(text, kind)
        controls = QHBoxLayout()
        for text, box in (("Footprint", self.footprint_box), ("Show", self.show_box)):
            label = QLabel(text, self)
            label.setBuddy(box)
            controls.addWidget(label)
            controls.addWidget(box, stretch=1)
        layout.addLayout(controls)
        self.model = FootprintSpendModel(self, unit)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setAccessibleName("Spend by group and year")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)  # the figures whole
        header.setStretchLastSection(False)
        line = self.fontMetrics().height()
        self.table.setMinimumHeight(9 * line)
        self.table.setMinimumWidth(24 * line)
        self.chart = FootprintBarsChart(self, unit)
        self.chart.setMinimumWidth(20 * line)
        self.chart.setMinimumHeight(14 * line)
        # The table and its chart side by side, or the chart below the table on a narrow page.
        pair = ReflowLayout(stretch=(3, 2))
        pair.addWidget(self.table)
        pair.addWidget(self.chart)
        layout.addLayout(pair, stretch=1)
        self.footprint_box.currentIndexChanged.connect(self._on_chosen)
        self.show_box.currentIndexChanged.connect(self._on_chosen)

    @property
    def footprint(self) -> str:
        return self.footprint_box.currentData() or ""

    @property
    def kind(self) -> str:
        return self.show_box.currentData() or "option"

    def refresh(self) -> None:
        document = self.document
        plan, results = document.plan, document.results
        self._fill_footprints(plan)
        names = {s.name for s in plan.scenarios}
        option = document.selected_scenario if document.selected_scenario in names else None
        rolled = footprint_spend(results, self.footprint, option)
        years = list(plan.years)
        self.model.set_spend(rolled, years, self.kind)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)  # names get the rest
        self.chart.update_spend(rolled, years[-1])
        label = self.footprint_box.currentText().split(":")[0]
        self.heading.setText(f"<b>Spend by footprint</b>: {rolled.option} by {label}, whole plan (every service "
                             f"and ICB), {years[0]} to {years[-1]}. The total row is the plan's own total.")

    def _fill_footprints(self, plan) -> None:
        names = [n for n in plan.footprint_names if n != PlanningLevel.NATIONAL]
        if [self.footprint_box.itemData(n) for n in range(self.footprint_box.count())] == names:
            return
        current = self.footprint
        self._syncing = True
        try:
            self.footprint_box.clear()
            for name in names:
                self.footprint_box.addItem(BUILT_IN.get(name, f"{name}: {_groups(plan, name)}"), name)
            # The one chosen before if it is still there, else the plan's own, else regional.
            own = next((n for n in names if n not in BUILT_IN), PlanningLevel.REGIONAL)
            self.footprint_box.setCurrentIndex(self.footprint_box.findData(current if current in names else own))
        finally:
            self._syncing = False

    def _on_chosen(self, _index: int) -> None:
        if not self._syncing and self.isVisible():
            self.refresh()


def _groups(plan, name: str) -> str:
    n = len(plan.footprint(name).groups)
    return f"{n} group{'s' * (n != 1)}"

