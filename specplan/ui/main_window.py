"""The main window: for now the plan's spend trajectory per option."""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtWidgets import QLabel, QMainWindow, QVBoxLayout, QWidget

from ..engine import PlanResults

# Okabe-Ito: distinguishable with the common colour-vision deficiencies.
PALETTE = ("#000000", "#E69F00", "#56B4E9", "#009E73", "#0072B2", "#D55E00", "#CC79A7", "#F0E442")


class MainWindow(QMainWindow):
    def __init__(self) -> None:
        super().__init__()
        self.resize(1100, 700)
        central = QWidget(self)
        layout = QVBoxLayout(central)
        self.heading = QLabel(central)
        self.plot = pg.PlotWidget(central, title="Spend per year by option (£m)")
        self.plot.addLegend()
        self.plot.showGrid(x=True, y=True, alpha=0.3)
        layout.addWidget(self.heading)
        layout.addWidget(self.plot)
        self.setCentralWidget(central)
        self.curves: dict[str, pg.PlotDataItem] = {}

    def show_results(self, results: PlanResults) -> None:
        """Draw one curve per option, reusing curves already drawn."""
        plan = results.plan
        self.setWindowTitle(f"{plan.name} - specplan")
        self.heading.setText(f"<b>{plan.name}</b> &nbsp; {plan.years[0]} to {plan.years[-1]}")
        axis = self.plot.getAxis("bottom")
        axis.setTicks([list(enumerate(plan.years))])
        years = list(range(len(plan.years)))
        for n, result in enumerate(results.scenarios):
            curve = self.curves.get(result.name)
            if curve is None:
                pen = pg.mkPen(PALETTE[n % len(PALETTE)], width=2)
                curve = self.plot.plot(name=result.name, pen=pen, symbol="o", symbolBrush=pen.color())
                self.curves[result.name] = curve
            curve.setData(years, result.total_spend / 100 / 1e6)
