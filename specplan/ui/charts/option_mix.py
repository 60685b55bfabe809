"""Setting mix of every option side by side (final year): one bar group per setting."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtGui import QBrush, QColor

from ..formatting import axis_scale, money
from ..shell.palette import option_colour
from .base import Chart


class OptionMixChart(Chart):
    """Bars grouped by setting, one bar per option in that option's colour (and its name in
    the legend and hover), for the final year."""

    #: The tallest group (usually inpatient) sits under the legend in the top left corner.
    HEADROOM = 0.5

    def __init__(self, parent=None, unit: str = "gbp_m"):
        self.unit = unit
        super().__init__("Spend by setting in the final year", f"Spend ({axis_scale(unit)[1]})", parent,
                         legend_columns=2)
        self.bars: dict[str, pg.BarGraphItem] = {}
        self._values: dict[str, np.ndarray] = {}

    def update_options(self, settings: list[str], options: list) -> None:
        """``options``: ScopedTotals per option, do nothing first."""
        divisor, _ = axis_scale(self.unit)
        self.set_x_labels([s.replace("_", " ") for s in settings])
        self.set_hover_text(self._describe_setting)
        width = 0.8 / max(len(options), 1)
        wanted = {o.name for o in options}
        for name in list(self.bars):
            if name not in wanted:
                self.remove_item(self.bars.pop(name))
                self.legend.removeItem(name)
        top = 0.0
        for n, totals in enumerate(options):
            x = np.arange(len(settings)) - 0.4 + width * (n + 0.5)
            heights = totals.by_setting[:, -1] / divisor
            bar = self.bars.get(totals.name)
            colour = option_colour(n, totals.name)
            if bar is None:
                bar = pg.BarGraphItem(x=x, height=heights, width=width * 0.9, brush=QBrush(QColor(colour)),
                                      pen=pg.mkPen("k", width=0.5), name=totals.name)
                self.plotItem.addItem(bar)
                self.bars[totals.name] = bar
            else:
                self.set_if_changed(bar, x=x, height=heights, width=np.full(len(x), width * 0.9))
            top = max(top, float(heights.max()) if heights.size else 0.0)
        self._values = {o.name: o.by_setting[:, -1] for o in options}
        self.fit_y(0.0, top)

    def _describe_setting(self, index: int) -> str:
        return self._x_labels[index] + "\n" + "\n".join(
            f"{name}: {money(values[index], self.unit)}" for name, values in self._values.items())
