"""Options view: the plan's redesign options, their levers, a lever editor and goal seek.

Structure (lists, controls) follows ``sig_plan_changed`` and the option selection; the figures
(a live trajectory chart and a headline line) follow ``sig_results_changed`` while visible.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QLabel, QScrollArea, QSplitter, QVBoxLayout, QWidget

from ...domain.changes import Changes
from ...engine.scope import headline, scoped_totals
from ..charts.trajectory import TrajectoryChart
from ..document.document import Document
from ..formatting import money, share
from ..shell.dialogs import Dialogs
from ..widgets.figure_box import FigureBox
from ..widgets.goal_seek import GoalSeekPanel
from ..widgets.lever_editor import LeverEditor
from ..widgets.lever_list import LeverList
from ..widgets.live import LiveView
from ..widgets.option_list import OptionList
from ..widgets.reflow import ReflowLayout


class OptionsView(LiveView):
    def __init__(self, document: Document, parent: QWidget | None = None, *, dialogs: Dialogs | None = None,
                 unit: str = "gbp_m"):
        super().__init__(document, parent)
        self.unit = unit
        dialogs = dialogs or getattr(parent, "dialogs", None) or Dialogs(self)
        self.option_list = OptionList(document, dialogs, self)
        self.lever_list = LeverList(document, self)
        self.editor = LeverEditor(document, self)
        self.goal_seek = GoalSeekPanel(document, self, unit)
        self.trajectory = TrajectoryChart(self, unit)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.summary.setToolTip("The selected option's money against doing nothing, from the engine, "
                                "updated with every change.")
        self.lever_position = 0
        self._structure_stale = True
        self._sized = False
        self._build_layout()
        self.lever_list.sig_lever_selected.connect(self._on_lever_selected)
        document.sig_plan_changed.connect(self._on_plan_changed)
        document.sig_scenario_selected.connect(self._on_scenario_selected)

    def _build_layout(self) -> None:
        left = QSplitter(Qt.Orientation.Vertical, self)
        left.addWidget(self.option_list)
        left.addWidget(self.lever_list)
        left.setStretchFactor(0, 2)
        left.setStretchFactor(1, 3)
        self.editor_scroll = scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(self.editor)
        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.goal_seek)
        right_layout.addWidget(FigureBox(self.summary, right))  # new with every step
        right_layout.addWidget(self.trajectory, stretch=1)
        # The lists and the editor side by side, which the user may share out; the goal seek and
        # the chart beside them when the page is wide, below them when it is narrow.
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(left)
        self.splitter.addWidget(scroll)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 4)
        self.splitter.setChildrenCollapsible(False)
        self.side = right
        self.columns = ReflowLayout(self, stretch=(2, 1))
        self.columns.addWidget(self.splitter)
        self.columns.addWidget(right)

    # -- structure -----------------------------------------------------------------------------
    def sync_structure(self) -> None:
        """Lists and controls from the plan and the selection (no edits emitted)."""
        self._structure_stale = False
        scenario = self.document.selected_scenario
        self.option_list.sync()
        self.lever_list.sync(self.lever_position)
        self.lever_position = self.lever_list.position
        self.editor.show_lever(scenario, self.lever_position)
        self.goal_seek.show_lever(scenario, self.lever_position)

    def _on_plan_changed(self, _plan, changes: Changes, source: object) -> None:
        """Lists and controls follow edits of options and levers; an edit the lever editor made
        itself changes only the words that describe that lever (the editor shows the value)."""
        if not (changes.options or changes.option_structure or changes.lever_values or changes.structure):
            return  # the base year, scores or comments: nothing these lists show
        if (source is self.editor and not self._structure_stale and not changes.options
                and not changes.option_structure and not changes.structure):
            self.editor.clear_error()  # it made an edit that was taken
            self.lever_list.show_texts()
            self.editor.show_description()
            return
        self._on_structure_changed()

    def _on_structure_changed(self) -> None:
        self.editor.clear_error()
        if self.isVisible():
            self.sync_structure()
        else:
            self._structure_stale = True

    def _on_scenario_selected(self, _name: str) -> None:
        self.lever_position = 0
        self._on_structure_changed()

    def show_lever(self, option: str, position: int) -> None:
        """Select ``option`` and its lever ``position`` (where the Explain view's bars lead)."""
        self.document.select_scenario(option)
        self.lever_position = position
        self._structure_stale = True
        if self.isVisible():
            self.sync_structure()

    def _on_lever_selected(self, position: int) -> None:
        self.lever_position = position
        self.sync_structure()

    def showEvent(self, event) -> None:
        if self._structure_stale:
            self.sync_structure()
        if not self._sized:  # first show: the lists narrow, the editor room to breathe
            self._sized = True
            needed = self._fit_editor()
            width = max(self.splitter.width(), 600)
            lists = max(self.splitter.widget(0).minimumSizeHint().width(), int(width * 0.38))
            self.splitter.setSizes([lists, max(needed, width - lists)])
        super().showEvent(event)

    def _fit_editor(self) -> int:
        """The editor scrolls down, never across: never narrower than its controls need."""
        needed = (self.editor.minimumSizeHint().width()
                  + self.editor_scroll.verticalScrollBar().sizeHint().width() + 4)
        self.editor_scroll.setMinimumWidth(needed)
        return needed

    def changeEvent(self, event) -> None:
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange) and self._sized:
            self._fit_editor()
        super().changeEvent(event)

    # -- figures -------------------------------------------------------------------------------
    def refresh(self) -> None:
        document = self.document
        plan, results, scope = document.plan, document.results, document.scope
        options = [scoped_totals(r, plan, scope) for r in results.scenarios]
        do_nothing = scoped_totals(results.do_nothing, plan, scope)
        has_do_nothing = any(not s.levers for s in plan.scenarios)
        self.trajectory.update_totals(list(plan.years), options, do_nothing, show_do_nothing=not has_do_nothing)
        selected = next((o for o in options if o.name == document.selected_scenario), None)
        if selected is None:
            self.summary.clear()
            return
        figures = headline(selected, do_nothing)
        self.summary.setText(
            f"<b>{selected.name}</b> ({scope.describe(plan)}): cumulative saving "
            f"{money(figures.cumulative_saving, self.unit)}, spend in {plan.years[-1]} "
            f"{money(figures.final_spend, self.unit)}, community share {share(figures.community_share)} "
            f"(do nothing {share(figures.do_nothing_community_share)}).")
