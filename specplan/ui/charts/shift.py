"""Inpatient against community spend for the selected option, with do nothing for reference."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import Qt

from ..formatting import axis_scale, money
from ..shell.palette import setting_colour
from .base import Chart, pen


class ShiftChart(Chart):
    def __init__(self, parent=None, unit: str = "gbp_m"):
        self.unit = unit
        super().__init__("Inpatient against community", f"Spend ({axis_scale(unit)[1]})", parent,
                         legend_columns=2)
        self.inpatient = self.symbol_curve("inpatient", pen(setting_colour("inpatient", 0)), "s",
                                           setting_colour("inpatient", 0), size=10, symbol_pen=(200, 200, 200))
        self.community = self.symbol_curve("community", pen(setting_colour("community", 3)), "o",
                                           setting_colour("community", 3), size=10, symbol_pen=(200, 200, 200))
        self.inpatient_before = self.plot(name="inpatient, do nothing",
                                          pen=pen(setting_colour("inpatient", 0), Qt.PenStyle.DotLine, 1.5))
        self.community_before = self.plot(name="community, do nothing",
                                          pen=pen(setting_colour("community", 3), Qt.PenStyle.DotLine, 1.5))
        self._rows: dict[str, np.ndarray] = {}
        self.set_hover_text(self._describe_year)

    def update_totals(self, years: list[str], settings: list[str], option, do_nothing) -> None:
        divisor, _ = axis_scale(self.unit)
        self.set_x_labels(years, every=1 if len(years) <= 8 else 2)
        x = np.arange(len(years))
        zero = np.zeros(len(years))
        rows = {}
        for label, totals, suffix in (("", option, ""), ("before", do_nothing, ", do nothing")):
            for setting in ("inpatient", "community"):
                values = totals.by_setting[settings.index(setting)] if setting in settings else zero
                rows[setting + suffix] = values
                curve = getattr(self, f"{setting}_before" if label else setting)
                self.set_if_changed(curve, x=x, y=values / divisor)
        self._rows = rows
        stacked = np.concatenate(list(rows.values())) / divisor
        self.fit_y(0.0, float(stacked.max()))

    def _describe_year(self, index: int) -> str:
        return self._x_labels[index] + "\n" + "\n".join(
            f"{name}: {money(values[index], self.unit)}" for name, values in self._rows.items())
