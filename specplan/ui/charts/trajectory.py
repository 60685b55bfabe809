"""Spend trajectory of every option against do nothing."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import Qt

from ..formatting import axis_scale, money
from ..shell.palette import DO_NOTHING_COLOUR, LINE_STYLES, SYMBOLS, option_colour
from .base import Chart, pen
from .markers import SymbolCurve


class TrajectoryChart(Chart):
    """One curve per option (colour, line style and symbol each its own), do nothing dashed grey."""

    def __init__(self, parent=None, unit: str = "gbp_m"):
        self.unit = unit
        divisor, label = axis_scale(unit)
        super().__init__("Spend per year by option", f"Spend ({label})", parent, legend_columns=2)
        self.curves: dict[str, SymbolCurve] = {}
        self.do_nothing = self.plot(name="Do nothing (no change)", pen=pen(DO_NOTHING_COLOUR, Qt.PenStyle.DashLine))
        self._series: dict[str, np.ndarray] = {}
        self.set_hover_text(self._describe_year)

    def update_totals(self, years: list[str], options: list, do_nothing, show_do_nothing: bool = True) -> None:
        """``options``: ScopedTotals per option (in plan order); ``do_nothing``: ScopedTotals, drawn
        as a reference unless an option already is doing nothing (``show_do_nothing`` False)."""
        divisor, _ = axis_scale(self.unit)
        self.set_x_labels(years, every=1 if len(years) <= 8 else 2)
        x = np.arange(len(years))
        wanted = [o.name for o in options]
        for name in list(self.curves):
            if name not in wanted:
                self.remove_item(self.curves.pop(name))
                self.legend.removeItem(name)
        for n, totals in enumerate(options):
            curve = self.curves.get(totals.name)
            if curve is None:
                colour = option_colour(n, totals.name)
                style = LINE_STYLES[n % len(LINE_STYLES)]
                curve = self.symbol_curve(totals.name, pen(colour, style), SYMBOLS[n % len(SYMBOLS)], colour,
                                          size=7, symbol_pen=colour)
                self.curves[totals.name] = curve
            self.set_if_changed(curve, x=x, y=totals.spend / divisor)
        self.set_if_changed(self.do_nothing, x=x, y=do_nothing.spend / divisor)
        if show_do_nothing != self.do_nothing.isVisible():
            self.do_nothing.setVisible(show_do_nothing)
            if show_do_nothing:
                self.legend.addItem(self.do_nothing, self.do_nothing.name())
            else:
                self.legend.removeItem(self.do_nothing)
        self._series = {o.name: o.spend for o in options}
        if show_do_nothing:
            self._series["Do nothing (no change)"] = do_nothing.spend
        values = np.concatenate([s / divisor for s in self._series.values()]) if self._series else np.zeros(1)
        self.fit_y(float(values.min()) * 0.9, float(values.max()), include_zero=False)

    def _describe_year(self, index: int) -> str:
        year = self._x_labels[index]
        return year + "\n" + "\n".join(f"{name}: {money(series[index], self.unit)}"
                                        for name, series in self._series.items())
