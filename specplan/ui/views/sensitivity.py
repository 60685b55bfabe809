"""Sensitivity: the tornado of the selected option, each assumption moved down and up.

The tornado reruns the option once per bar (about a tenth of a second on the national plan),
so it is worked out off the GUI thread (a LatestAnswer): an edit or a step of the amount never
waits for it, the bars shown say what they are of until the new ones arrive, edits made
meanwhile are gathered into one more run, and an answer for a plan that has changed since is
drawn saying it is updating.
"""

from __future__ import annotations

from PySide6.QtWidgets import QDoubleSpinBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from ...engine.sensitivity import tornado
from ..charts.tornado import TornadoChart
from ..document.document import Document
from ..document.latest import LatestAnswer
from ..formatting import money
from ..widgets.live import LiveView


def run_tornado(plan, name: str, amount: float, *, progress, cancelled):
    """The tornado in a worker thread (the engine's own arrays: nothing shared with the GUI's)."""
    return tornado(plan, name, amount=amount)


class SensitivityView(LiveView):
    def __init__(self, document: Document, parent: QWidget | None = None, unit: str = "gbp_m"):
        super().__init__(document, parent)
        self.unit = unit
        layout = QVBoxLayout(self)
        row = QHBoxLayout()
        self.heading = QLabel(self)
        self.heading.setWordWrap(True)
        self.amount = QDoubleSpinBox(self)
        self.amount.setRange(1.0, 90.0)
        self.amount.setValue(20.0)
        self.amount.setSuffix(" %")
        self.amount.setKeyboardTracking(False)
        self.amount.setAccessibleName("Move each assumption by")
        self.amount.setToolTip("How far each lever number and growth assumption is moved down and up")
        self.amount.valueChanged.connect(lambda _value: self.refresh())
        row.addWidget(self.heading, stretch=1)
        row.addWidget(QLabel("Move each assumption by", self))
        row.addWidget(self.amount)
        self.chart = TornadoChart(self, unit)
        self.chart.setToolTip("Each bar: cumulative saving with one assumption lower (hatched) or higher "
                              "(solid); the dashed line is the saving as planned")
        self.result = None
        # run_tornado looked up at each run, not bound once, so that tests can slow it down
        self.answer = LatestAnswer(lambda *question, **hooks: run_tornado(*question, **hooks), self)
        self.answer.sig_answer.connect(self._on_answer)
        self.answer.sig_failed.connect(self._on_failed)
        layout.addLayout(row)
        layout.addWidget(self.chart, stretch=1)

    def refresh(self) -> None:
        plan, name = self.document.plan, self.document.selected_scenario
        if not name:
            return
        self.answer.ask(plan, name, self.amount.value() / 100.0)
        if self.result is not None and self.answer.busy:
            self.heading.setText(self._describe(self.result) + " <i>Updating...</i>")

    def _on_answer(self, result, stale: bool) -> None:
        """Draw each answer; a stale one (the plan changed while it ran) says it is updating."""
        self.result = result
        self.chart.setTitle(f"Sensitivity of cumulative saving: {result.scenario}")
        self.chart.update_tornado(result)
        self.heading.setText(self._describe(result) + (" <i>Updating...</i>" if stale else ""))

    def _on_failed(self, message: str) -> None:
        self.heading.setText(f"The sensitivity could not be worked out: {message}")

    def _describe(self, result) -> str:
        top = result.bars[0].parameter.label if result.bars and result.bars[0].swing else "nothing"
        return (f"<b>{result.scenario}</b>: cumulative saving {money(result.base_saving, self.unit)} "
                f"as planned; it depends most on {top}.")

    @property
    def busy(self) -> bool:
        """True while a tornado is being worked out."""
        return self.answer.busy
