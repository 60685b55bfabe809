"""The final year's spend by the groups of one footprint: the option beside doing nothing."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor

from ...engine.rollups import FootprintSpend
from ..formatting import axis_scale, money
from ..shell.palette import DO_NOTHING_COLOUR, OKABE_ITO
from .base import Chart

#: Group names longer than this are cut on the axis (the hover and the table give them whole).
LABEL_CHARACTERS = 16
#: At most this many group names along the axis; with more, every second (third...) one.
MAX_LABELS = 10


class FootprintBarsChart(Chart):
    """One pair of bars per group: doing nothing (grey, hatched) and the option."""

    HEADROOM = 0.35

    def __init__(self, parent=None, unit: str = "gbp_m"):
        self.unit = unit
        super().__init__("Final-year spend by group", f"Spend ({axis_scale(unit)[1]})", parent, legend_columns=2)
        empty = np.zeros(0)
        self.do_nothing = pg.BarGraphItem(x=empty, height=empty, width=0.38, name="Do nothing",
                                          brush=QBrush(QColor(DO_NOTHING_COLOUR), Qt.BrushStyle.BDiagPattern),
                                          pen=pg.mkPen(DO_NOTHING_COLOUR))
        self.option = pg.BarGraphItem(x=empty, height=empty, width=0.38, name="Option",
                                      brush=QBrush(QColor(OKABE_ITO[3])), pen=pg.mkPen(OKABE_ITO[3]))
        for bar in (self.do_nothing, self.option):
            self.plotItem.addItem(bar)
        self._rolled: FootprintSpend | None = None
        self.set_hover_text(self._describe_group)

    def update_spend(self, rolled: FootprintSpend, final_year: str) -> None:
        divisor, _ = axis_scale(self.unit)
        n = len(rolled.groups)
        self.setTitle(f"Spend by group in {final_year}: {rolled.option}")
        self.set_x_labels([_short(g) for g in rolled.groups], every=max(1, -(-n // MAX_LABELS)))
        x = np.arange(n, dtype=float)
        option, nothing = rolled.spend[:, -1] / divisor, rolled.do_nothing[:, -1] / divisor
        self.set_if_changed(self.do_nothing, x=x - 0.2, height=nothing, width=np.full(n, 0.38))
        self.set_if_changed(self.option, x=x + 0.2, height=option, width=np.full(n, 0.38))
        if self.option.opts.get("name") != rolled.option:
            self.option.opts["name"] = rolled.option
            self.legend.removeItem(self.option)
            self.legend.addItem(self.option, rolled.option)
        self._rolled = rolled
        top = float(max(option.max(), nothing.max())) if n else 1.0
        self.fit_y(0.0, top)

    def heights(self) -> tuple[np.ndarray, np.ndarray]:
        """The bars drawn, in the axis unit: (doing nothing, the option)."""
        return (np.asarray(self.do_nothing.opts["height"]), np.asarray(self.option.opts["height"]))

    def _describe_group(self, index: int) -> str:
        rolled = self._rolled
        if rolled is None or index >= len(rolled.groups):
            return ""
        return (f"{rolled.groups[index]}\n{rolled.option}: {money(rolled.spend[index, -1], self.unit)}\n"
                f"Do nothing: {money(rolled.do_nothing[index, -1], self.unit)}")


def _short(name: str) -> str:
    return name if len(name) <= LABEL_CHARACTERS else name[:LABEL_CHARACTERS - 1].rstrip() + "…"
