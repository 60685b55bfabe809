"""Sensitivity: the tornado of the selected option, each assumption moved down and up."""

from __future__ import annotations

from PySide6.QtWidgets import QDoubleSpinBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from ...engine.sensitivity import tornado
from ..charts.tornado import TornadoChart
from ..document import Document
from ..formatting import money
from .live import LiveView


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
        layout.addLayout(row)
        layout.addWidget(self.chart, stretch=1)

    def refresh(self) -> None:
        plan, name = self.document.plan, self.document.selected_scenario
        if not name:
            return
        self.result = tornado(plan, name, amount=self.amount.value() / 100.0)
        self.chart.setTitle(f"Sensitivity of cumulative saving: {name}")
        self.chart.update_tornado(self.result)
        top = self.result.bars[0].parameter.label if self.result.bars and self.result.bars[0].swing else "nothing"
        self.heading.setText(f"<b>{name}</b>: cumulative saving {money(self.result.base_saving, self.unit)} "
                             f"as planned; it depends most on {top}.")
