"""Goal seek: find the target share of the selected shift lever that meets a saving or share goal."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...domain import ShiftLever, edits
from ...engine import Engine
from ...engine.goalseek import METRICS, GoalSeekResult, goal_seek
from ..document.document import Document
from ..document.workers import Task, keep_alive
from ..formatting import axis_scale, money, share
from ..refusal_words import percent
from .option_list import editable_document
from .refusal import try_edit

MAX_GOAL_PENCE = 10**13  # £100bn: more than all specialised commissioning spends in a year
METRIC_LABELS = {
    "saving": "Saving in the year",
    "cumulative_saving": "Cumulative saving to the year",
    "community_share": "Community share of spend",
}
TIPS = {
    "metric": "What the goal measures: the money saved (released and not reinvested) in the year, the saving "
              "added up from the base year to it, or community services' share of all spend.",
    "target": "The goal: the saving to reach, in pounds, or the community share of spend.",
    "year": "The year the goal must be met by.",
    "find": "Work out the smallest target share of the selected shift lever that meets the goal, with the "
            "engine (other levers as they are).",
    "apply": "Set the lever's target share to the share found (one undoable step); every chart updates.",
}


def seek(plan, scenario: str, position: int, metric: str, year: int, target: float, *, progress, cancelled):
    """Goal seek in a worker thread, with its own Engine (the document's serves the GUI thread)."""
    return goal_seek(plan, scenario, position, metric, year, target, Engine())


class GoalSeekPanel(QGroupBox):
    """Runs :func:`specplan.engine.goalseek.goal_seek` off the GUI thread for the lever the
    editor shows (a national plan takes seconds); ``sig_finished`` when a search ends."""

    sig_finished = Signal()

    def __init__(self, document: Document, parent: QWidget | None = None, unit: str = "gbp_m"):
        super().__init__("Goal seek", parent)
        self.document = document
        self.unit = unit
        self.scenario, self.position = "", -1
        self.result: GoalSeekResult | None = None
        self._task: Task | None = None
        self._asked: tuple = ()
        self._result_plan = None
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.metric_box = QComboBox(self)
        self.metric_box.setAccessibleName("Goal")
        for metric in METRICS:
            self.metric_box.addItem(METRIC_LABELS[metric], metric)
        self.target_box = QDoubleSpinBox(self)
        self.target_box.setAccessibleName("Goal amount")
        self.target_box.setKeyboardTracking(False)
        self.target_box.setMinimumWidth(110)
        self.year_box = QComboBox(self)
        self.year_box.setAccessibleName("Goal year")
        self.find_button = QPushButton("Find share", self)
        self.apply_button = QPushButton("Apply share", self)
        self.apply_button.setEnabled(False)
        self.message = QLabel(self)
        self.message.setObjectName("goal_seek_message")
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        for key in ("metric", "target", "year", "find", "apply"):
            widget = getattr(self, f"{key}_{'button' if key in ('find', 'apply') else 'box'}")
            widget.setToolTip(TIPS[key])
            widget.setAccessibleDescription(TIPS[key])
        self.metric_box.setAccessibleName("Goal seek measure")
        self.target_box.setAccessibleName("Goal seek target")
        self.year_box.setAccessibleName("Goal seek year")
        form = QFormLayout()
        form.addRow("Goal", self.metric_box)
        form.addRow("At least", self.target_box)
        form.addRow("By the year", self.year_box)
        buttons = QHBoxLayout()
        buttons.addWidget(self.find_button)
        buttons.addWidget(self.apply_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        layout.addStretch(1)
        self.metric_box.currentIndexChanged.connect(self._on_metric)
        self.find_button.clicked.connect(self._on_find)
        self.apply_button.clicked.connect(self._on_apply)
        self._on_metric()

    # -- showing -------------------------------------------------------------------------------
    def show_lever(self, scenario: str, position: int) -> None:
        if (scenario, position) != (self.scenario, self.position):
            self.scenario, self.position = scenario, position
            self._forget()
        self.sync()

    def _lever(self):
        return self.document.plan.lever_at(self.scenario, self.position)

    def sync(self) -> None:
        plan = self.document.plan
        years = list(plan.years[1:])
        if [self.year_box.itemText(n) for n in range(self.year_box.count())] != years:
            self.year_box.clear()
            self.year_box.addItems(years)
            self.year_box.setCurrentIndex(len(years) - 1)
        usable = isinstance(self._lever(), ShiftLever)
        for widget in (self.metric_box, self.target_box, self.year_box, self.find_button):
            widget.setEnabled(usable and editable_document(self.document))
        self.intro.setText(f"Find the target share of lever {self.position + 1} that meets a goal."
                           if usable else "Select a shift lever to find the share that meets a goal.")
        fresh = self.result is not None and self._result_plan is plan
        self.apply_button.setEnabled(fresh and self.result.share is not None and editable_document(self.document))
        if self.result is not None and not fresh and not self.message.text().startswith("Applied"):
            self.message.setText(self.message.text().split("\n")[0] + "\nThe plan has changed since: find again.")

    def _forget(self) -> None:
        self.result, self._result_plan = None, None
        self.message.clear()

    # -- gestures ------------------------------------------------------------------------------
    def _on_metric(self, *_args) -> None:
        self.target_box.blockSignals(True)
        if self.metric_box.currentData() == "community_share":
            self.target_box.setPrefix("")
            self.target_box.setSuffix(" %")
            self.target_box.setDecimals(1)
            self.target_box.setRange(0.0, 100.0)
            self.target_box.setSingleStep(1.0)
        else:
            per_unit, label = axis_scale(self.unit)
            self.target_box.setPrefix(label[:1])
            self.target_box.setSuffix(label[1:])
            self.target_box.setDecimals(2)
            largest = MAX_GOAL_PENCE / per_unit  # £100bn, in the units shown
            self.target_box.setRange(-largest, largest)
            self.target_box.setSingleStep(0.1)
        self.target_box.blockSignals(False)
        self._forget()
        self.sync()

    def goal(self) -> float:
        """The target in the engine's units: pence for savings, a fraction for the share."""
        if self.metric_box.currentData() == "community_share":
            return self.target_box.value() / 100.0
        divisor, _label = axis_scale(self.unit)
        return self.target_box.value() * divisor

    def _on_find(self) -> None:
        if self._task is not None:  # the button reads "Cancel" while a search runs
            self._task.cancel()
            self._task = None  # whatever that search still sends is ignored
            self.result, self._result_plan = None, None
            self._finish("Goal seek cancelled; nothing changed.")
            return
        plan, metric = self.document.plan, self.metric_box.currentData()
        self._asked = (plan, self.scenario, self.position, metric)
        task = Task(seek, plan, self.scenario, self.position, metric, self.year_box.currentIndex() + 1,
                    self.goal())
        task.sig_done.connect(self._on_found)  # bound slots: dropped if the panel goes first
        task.sig_failed.connect(self._on_failed)
        keep_alive(task)
        self._task = task
        self.find_button.setText("Cancel")
        self.find_button.setToolTip("Stop the search; nothing changes.")
        self.message.setText("Searching for the share that meets the goal...")
        task.start()

    def _finish(self, message: str) -> None:
        self._task = None
        self.find_button.setText("Find share")
        self.find_button.setToolTip(TIPS["find"])
        self.message.setText(message)
        self.sync()
        self.sig_finished.emit()

    def _on_found(self, result: GoalSeekResult) -> None:
        if self.sender() is not self._task:
            return  # a cancelled search
        plan, scenario, position, metric = self._asked
        if (scenario, position) != (self.scenario, self.position):
            self._finish("")  # another lever is shown now; its goal was not asked
            return
        self.result, self._result_plan = result, plan
        low, high = result.reachable
        show = share if metric == "community_share" else (lambda value: money(value, self.unit))
        self._finish(f"{result.message}\nFrom no shift to moving everything in scope: "
                     f"{show(low)} to {show(high)}.")

    def _on_failed(self, message: str) -> None:
        if self.sender() is not self._task:
            return
        self.result, self._result_plan = None, None
        self._finish(message)

    def _on_apply(self) -> None:
        result = self.result
        if result is None or result.share is None:
            return
        if try_edit(self.document, self.apply_button, "Target share", edits.set_lever, self.scenario, self.position,
                    "target_share", result.share, shown=percent):
            self.message.setText(f"Applied: target share {share(result.share)}. " + result.message)
            self.sync()
