"""The tornado: each assumption's effect on cumulative saving, largest first."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor

from ..formatting import axis_scale, money
from ..shell.palette import OKABE_ITO
from .base import Chart

LOW_COLOUR, HIGH_COLOUR = OKABE_ITO[4], OKABE_ITO[3]  # vermillion and blue, with hatching on "low"


class TornadoChart(Chart):
    """Horizontal bars from the base saving to the saving with each number moved down or up."""

    HEADROOM = 0.0
    GRID_AXIS = "bottom"

    def __init__(self, parent=None, unit: str = "gbp_m", max_bars: int = 20):
        self.unit = unit
        super().__init__("Sensitivity of cumulative saving", "", parent)
        self.plotItem.setLabel("bottom", f"Cumulative saving ({axis_scale(unit)[1]})")
        self.max_bars = max_bars
        zeros = np.zeros(max_bars)
        self.low = pg.BarGraphItem(x0=zeros, y=np.arange(max_bars), height=0.6, width=zeros,
                                   brush=QBrush(QColor(LOW_COLOUR), Qt.BrushStyle.BDiagPattern),
                                   pen=pg.mkPen(LOW_COLOUR), name="assumption 20% lower")
        self.high = pg.BarGraphItem(x0=zeros, y=np.arange(max_bars), height=0.6, width=zeros,
                                    brush=QBrush(QColor(HIGH_COLOUR)), pen=pg.mkPen(HIGH_COLOUR),
                                    name="assumption 20% higher")
        self.base_line = pg.InfiniteLine(angle=90, pen=pg.mkPen("k", width=1.5, style=Qt.PenStyle.DashLine))
        for item in (self.low, self.high, self.base_line):
            self.plotItem.addItem(item)
        self._bars = ()
        self._base = 0
        self.set_hover_text(self._describe_bar)
        self.scene().sigMouseMoved.disconnect(self._on_mouse_moved)
        self.scene().sigMouseMoved.connect(self._on_mouse_moved_y)

    def update_tornado(self, tornado) -> None:
        divisor, _ = axis_scale(self.unit)
        bars = tornado.bars[: self.max_bars]
        n = len(bars)
        y = np.arange(n)[::-1].astype(float)  # largest at the top
        base = tornado.base_saving / divisor
        low = np.array([b.low_saving for b in bars], float) / divisor
        high = np.array([b.high_saving for b in bars], float) / divisor
        self.low.setOpts(x0=np.full(n, base), y=y, width=low - base, height=0.6)
        self.high.setOpts(x0=np.full(n, base), y=y, width=high - base, height=0.6)
        self.base_line.setValue(base)
        self.low.opts["name"] = f"assumption {tornado.amount:.0%} lower"
        self.high.opts["name"] = f"assumption {tornado.amount:.0%} higher"
        self.plotItem.getAxis("left").setTicks([[(float(y[k]), bars[k].parameter.label) for k in range(n)]])
        self._x_labels = [b.parameter.label for b in bars][::-1]
        self._bars, self._base = bars, tornado.base_saving
        values = np.concatenate([low, high, [base]]) if n else np.array([base])
        span = max(values.max() - values.min(), abs(base) * 0.05, 1e-6)
        self.plotItem.vb.setXRange(values.min() - 0.1 * span, values.max() + 0.1 * span, padding=0)
        self.plotItem.vb.setYRange(-0.8, max(n, 1) - 0.2 + 0.9, padding=0)

    def _describe_bar(self, index: int) -> str:
        bar = self._bars[len(self._bars) - 1 - index]
        return (f"{bar.parameter.label}\nlower ({bar.low:.3g}): {money(bar.low_saving, self.unit)}\n"
                f"higher ({bar.high:.3g}): {money(bar.high_saving, self.unit)}\n"
                f"as planned: {money(self._base, self.unit)}")

    def hover_at(self, index: int) -> str:
        """Show the values of the bar drawn at height ``index`` (0 = the bottom bar)."""
        if not 0 <= index < len(self._bars):
            self.hover.hide()
            return ""
        text = self._describe_bar(index)
        self.hover.setText(text)
        (x_low, x_high), _ = self.plotItem.vb.viewRange()
        self.hover.setPos(x_low + 0.02 * (x_high - x_low), index + 0.4)
        self.hover.setAnchor((0, 1))
        self.hover.show()
        return text

    def _on_mouse_moved_y(self, position) -> None:
        if not self.plotItem.sceneBoundingRect().contains(position):
            self.hover.hide()
            return
        point = self.plotItem.vb.mapSceneToView(position)
        self.hover_at(int(round(point.y())))
