"""Footprints view: for one service, the footprint it is planned on, its pools in a year, each
ICB's distance from fair share, the selected option's pace of change (convergence lever), and
an editor of the plan's own footprints."""

from __future__ import annotations

from PySide6.QtCore import QSortFilterProxyModel, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSlider,
    QSpinBox,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ...domain import ConvergenceLever, edits
from ...engine import DO_NOTHING
from ...engine.footprints import pool_table
from ..charts.distance import DistanceChart
from ..document.document import Document
from ..models.icb_distance_model import IcbDistanceModel
from ..models.pools_model import SORT_ROLE, PoolsModel
from ..refusal_words import percent as percent_text
from ..widgets.footprint_editor import AskText, FootprintEditor, ask_with_dialog
from ..widgets.live import LiveView
from ..widgets.refusal import try_edit

LEVELS = {"national": "National: one pool for England", "regional": "Regional: one pool per region",
          "ics": "ICS: each ICB on its own"}
CONVERGENCE_TIP = ("Pace of change: each year every ICB closes this share of the gap between its spend and "
                   "its fair share of its pool's budget. Money moves between ICBs; each pool's total stays "
                   "the same to the penny. Applies to the services the option's convergence lever covers.")


class FootprintsView(LiveView):
    def __init__(self, document: Document, parent: QWidget | None = None, ask_text: AskText = ask_with_dialog):
        super().__init__(document, parent)
        self._drag = 0  # serial of the slider drag, so that one drag is one undo step
        self._syncing = False
        layout = QVBoxLayout(self)
        controls = QGridLayout()
        self.service_box = QComboBox(self)
        self.service_box.setAccessibleName("Service")
        self.service_box.setToolTip("The service line whose footprint, pools and fair shares are shown")
        self.service_box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.service_box.setMinimumContentsLength(40)
        self.level_box = QComboBox(self)
        self.level_box.setAccessibleName("Planning level of the service")
        self.level_box.setToolTip("The footprint the service is planned and pooled on in this plan "
                                  "(an option's planning-level lever can override it)")
        self.year_box = QComboBox(self)
        self.year_box.setAccessibleName("Year")
        self.year_box.setToolTip("The financial year the pools and distances are shown for")
        self.slider = QSlider(Qt.Orientation.Horizontal, self)
        self.slider.setRange(0, 100)
        self.slider.setPageStep(5)
        self.slider.setAccessibleName("Convergence share per year")
        self.slider.setToolTip(CONVERGENCE_TIP)
        self.spin = QSpinBox(self)
        self.spin.setRange(0, 100)
        self.spin.setSuffix("% a year")
        self.spin.setKeyboardTracking(False)
        self.spin.setAccessibleName("Convergence share per year, exact")
        self.spin.setToolTip(CONVERGENCE_TIP)
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        self.note.setObjectName("footprints_note")
        self.convergence_label = QLabel(self)
        self.convergence_label.setToolTip(CONVERGENCE_TIP)

        controls.addWidget(QLabel("Service", self), 0, 0)
        controls.addWidget(self.service_box, 0, 1)
        controls.addWidget(QLabel("Planned at", self), 0, 2)
        controls.addWidget(self.level_box, 0, 3)
        controls.addWidget(QLabel("Year", self), 0, 4)
        controls.addWidget(self.year_box, 0, 5)
        controls.setColumnStretch(1, 3)
        controls.setColumnStretch(3, 1)
        layout.addLayout(controls)
        pace = QHBoxLayout()
        pace.addWidget(self.convergence_label)
        pace.addWidget(self.slider, stretch=1)
        pace.addWidget(self.spin)
        layout.addLayout(pace)
        layout.addWidget(self.note)

        self.chart = DistanceChart(self)
        self.pools = PoolsModel(self)
        self.pools_proxy = QSortFilterProxyModel(self)
        self.pools_proxy.setSourceModel(self.pools)
        self.pools_proxy.setSortRole(SORT_ROLE)
        self.table = _table_view(self.pools_proxy, "Pools of the service", self)
        self.icbs = IcbDistanceModel(self)
        self.icbs_proxy = QSortFilterProxyModel(self)
        self.icbs_proxy.setSourceModel(self.icbs)
        self.icbs_proxy.setSortRole(SORT_ROLE)
        self.icb_table = _table_view(self.icbs_proxy, "Each ICB's spend, fair share and distance", self)
        self.tables = QTabWidget(self)
        self.tables.addTab(self.table, "Pools")
        self.tables.addTab(self.icb_table, "ICBs")
        self.editor = FootprintEditor(document, self, ask_text)
        self.tables.addTab(self.editor, "Edit footprints")
        self.tables.setDocumentMode(True)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self.chart)
        splitter.addWidget(self.tables)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setChildrenCollapsible(False)
        self.chart.setMinimumHeight(240)
        self.tables.setMinimumHeight(140)
        splitter.setSizes([6000, 2500])  # scaled to the space there is: the chart gets most
        layout.addWidget(splitter, stretch=1)

        self.service_box.currentIndexChanged.connect(self._on_selection)
        self.year_box.currentIndexChanged.connect(self._on_selection)
        self.level_box.currentIndexChanged.connect(self._on_level_chosen)
        self.slider.sliderPressed.connect(self._on_slider_pressed)
        self.slider.valueChanged.connect(self._on_slider_moved)
        self.spin.valueChanged.connect(self._on_spin_changed)

    # -- what is selected ----------------------------------------------------------------------
    @property
    def service_code(self) -> str:
        return self.service_box.currentData() or ""

    @property
    def year(self) -> int:
        return max(self.year_box.currentIndex(), 0)

    def select_service(self, code: str) -> None:
        self.service_box.setCurrentIndex(self.service_box.findData(code))

    def _option(self):
        """The selected option, or None when the plan has none."""
        name = self.document.selected_scenario
        return next((s for s in self.document.plan.scenarios if s.name == name), None)

    def _locked(self) -> bool:
        """Read-only plans and review mode change no levers and no levels."""
        return self.document.read_only or getattr(self.document, "review_mode", False)

    def _convergence(self) -> tuple[int | None, ConvergenceLever | None]:
        option = self._option()
        for position, lever in enumerate(option.levers if option else ()):
            if isinstance(lever, ConvergenceLever):
                return position, lever
        return None, None

    # -- refresh -------------------------------------------------------------------------------
    def refresh(self) -> None:
        plan = self.document.plan
        self._syncing = True
        try:
            self._fill_boxes(plan)
            if not plan.services:
                return
            service = plan.service_index[self.service_code]
            option = self._option()
            results = self.document.results
            result = results.scenario(option.name) if option else results.do_nothing
            table = pool_table(result, plan, service, self.year)
            own = str(plan.services[service].planning_level)
            self.level_box.setCurrentIndex(self.level_box.findData(own))
            self.level_box.setEnabled(not self._locked())
            self._show_convergence(plan.services[service].code)
        finally:
            self._syncing = False
        self.pools.set_table(table, plan.viability_max_variation)
        self.icbs.set_table(table, plan)
        _, icbs = self.document.scope.masks(plan)
        self.chart.set_structure(plan)
        self.chart.update_distances(table.spend, table.fair_share, table.distance,
                                    None if icbs.all() else icbs, key=(table.service, table.year))
        year = plan.years[self.year]
        name = option.name if option else DO_NOTHING
        self.chart.setTitle(f"Distance from fair share: {table.service}, {year}, {name}")
        self.note.setText(self._describe(plan, table, own, name, year))
        self.editor.refresh()

    def _fill_boxes(self, plan) -> None:
        levels = list(plan.footprint_names)
        if [self.level_box.itemData(n) for n in range(self.level_box.count())] != levels:
            self.level_box.clear()
            for level in levels:
                groups = len(plan.footprint(level).groups) if level not in LEVELS else 0
                self.level_box.addItem(LEVELS.get(level, f"{level}: {groups} group{'s' * (groups != 1)}"), level)
        ticked = self.document.scope.services
        # The navigator's ticked services, or all of them when none (or all) are ticked.
        services = [s for s in plan.services if ticked is None or s.code in ticked] or list(plan.services)
        codes = [s.code for s in services]
        if [self.service_box.itemData(n) for n in range(self.service_box.count())] != codes:
            current = self.service_code
            self.service_box.clear()
            for service in services:
                self.service_box.addItem(f"{service.code}  {service.name}", service.code)
            self.service_box.setCurrentIndex(max(self.service_box.findData(current), 0))
        years = list(plan.years)
        if [self.year_box.itemText(n) for n in range(self.year_box.count())] != years:
            current = self.year_box.currentIndex()
            self.year_box.clear()
            self.year_box.addItems(years)
            self.year_box.setCurrentIndex(current if 0 <= current < len(years) else len(years) - 1)

    def _show_convergence(self, service_code: str) -> None:
        option = self._option()
        _, lever = self._convergence()
        editable = option is not None and option.name != DO_NOTHING and not self._locked()
        share = round(lever.share * 100) if lever else 0
        for control in (self.slider, self.spin):
            control.setEnabled(editable)
            control.setValue(share)  # signals are ignored while syncing
        if option is None:
            self.convergence_label.setText("Pace of change: no option to change")
        elif option.name == DO_NOTHING:
            self.convergence_label.setText(f"Pace of change in <b>{option.name}</b>: none (pick an option)")
        elif lever is None:
            self.convergence_label.setText(f"Pace of change in <b>{option.name}</b> (no lever yet)")
        elif lever.services and service_code not in lever.services:
            self.convergence_label.setText(f"Pace of change in <b>{option.name}</b> (not for this service)")
        else:
            self.convergence_label.setText(f"Pace of change in <b>{option.name}</b>")

    def _describe(self, plan, table, own: str, option: str, year: str) -> str:
        flagged = int(table.flagged.sum())
        pools = f"{len(table)} pool{'s' if len(table) != 1 else ''}"
        parts = [f"{pools} {_on(table.level)} in <b>{option}</b>, {year}"]
        if table.level != own:
            plans = f"{own} level" if own in LEVELS else f"footprint {own!r}"
            parts.append(f"this option's planning-level lever overrides the plan's {plans}")
        if flagged:
            parts.append(f"<b>{flagged} too small</b> to carry the risk (demand swing over "
                         f"{plan.viability_max_variation:.0%})")
        return "; ".join(parts) + "."

    # -- edits ---------------------------------------------------------------------------------
    def _on_selection(self, *_args) -> None:
        if not self._syncing and self.isVisible():
            self.refresh()

    def _on_level_chosen(self, index: int) -> None:
        if self._syncing or index < 0 or not self.service_code:
            return
        try_edit(self.document, self.level_box, f"Planning level of {self.service_code}", edits.set_planning_level,
                 self.service_code, self.level_box.itemData(index))

    def _on_slider_pressed(self) -> None:
        self._drag += 1

    def _on_slider_moved(self, value: int) -> None:
        if self._syncing:
            return
        self._syncing = True
        self.spin.setValue(value)
        self._syncing = False
        key = ("convergence", id(self), self._drag) if self.slider.isSliderDown() else None
        self._set_share(value, key)

    def _on_spin_changed(self, value: int) -> None:
        if self._syncing:
            return
        self._syncing = True
        self.slider.setValue(value)
        self._syncing = False
        self._set_share(value, None)

    def _set_share(self, percent: int, merge_key: object) -> None:
        option = self._option()
        if option is None:
            return
        share = percent / 100
        position, lever = self._convergence()
        if lever is None:
            if percent:
                try_edit(self.document, self.spin, "Convergence", edits.add_lever, option.name,
                         ConvergenceLever(share=share), merge_key=merge_key, shown=percent_text)
        elif lever.share != share:
            try_edit(self.document, self.spin, "Convergence", edits.set_lever, option.name, position, "share", share,
                     merge_key=merge_key, shown=percent_text)


def _on(level: str) -> str:
    return f"at {level} level" if level in LEVELS else f"on footprint {level!r}"


def _table_view(model, name: str, parent: QWidget) -> QTableView:
    """A read-only, sortable table filling its width."""
    table = QTableView(parent)
    table.setModel(model)
    table.setAccessibleName(name)
    table.setSortingEnabled(True)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    table.verticalHeader().hide()
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
    header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
    return table
