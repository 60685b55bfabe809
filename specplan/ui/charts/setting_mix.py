"""Spend by setting per year for the selected option, stacked."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg

from ..formatting import axis_scale, money
from ..shell.palette import setting_colour
from .base import Chart

# Hatching so that settings differ by more than colour.
BRUSH_STYLES = (None, "BDiagPattern", "Dense4Pattern", "FDiagPattern", "CrossPattern", "Dense6Pattern")


class SettingMixChart(Chart):
    def __init__(self, parent=None, unit: str = "gbp_m"):
        self.unit = unit
        super().__init__("Spend by setting", f"Spend ({axis_scale(unit)[1]})", parent, legend_columns=4)
        self.bars: dict[str, pg.BarGraphItem] = {}
        self._stack = np.zeros((0, 0))
        self._settings: list[str] = []
        self.set_hover_text(self._describe_year)

    def update_totals(self, years: list[str], settings: list[str], totals) -> None:
        """``totals``: ScopedTotals of the selected option (by_setting is [k, t] pence)."""
        divisor, _ = axis_scale(self.unit)
        self.set_x_labels(years, every=1 if len(years) <= 8 else 2)
        x = np.arange(len(years))
        values = totals.by_setting / divisor
        bottom = np.zeros(len(years))
        for k, setting in enumerate(settings):
            bar = self.bars.get(setting)
            if bar is None:
                from PySide6.QtCore import Qt
                from PySide6.QtGui import QBrush, QColor

                brush = QBrush(QColor(setting_colour(setting, k)))
                style = BRUSH_STYLES[k % len(BRUSH_STYLES)]
                if style:
                    brush = QBrush(QColor(setting_colour(setting, k)), getattr(Qt.BrushStyle, style))
                bar = pg.BarGraphItem(x=x, height=values[k], y0=bottom, width=0.7, brush=brush,
                                      pen=pg.mkPen(setting_colour(setting, k)), name=setting.replace("_", " "))
                self.plotItem.addItem(bar)  # named items join the legend themselves
                self.bars[setting] = bar
            else:
                self.set_if_changed(bar, x=x, height=values[k], y0=bottom.copy())
            bottom = bottom + values[k]
        self._stack, self._settings = totals.by_setting, list(settings)
        self.fit_y(0.0, float(bottom.max()) if bottom.size else 1.0)

    def _describe_year(self, index: int) -> str:
        lines = [self._x_labels[index]]
        lines += [f"{s.replace('_', ' ')}: {money(self._stack[k, index], self.unit)}"
                  for k, s in enumerate(self._settings)]
        return "\n".join(lines)
