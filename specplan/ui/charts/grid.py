"""Grid lines drawn as one plain path under the data.

pyqtgraph draws its own grid as part of the axis item, whose picture spans the whole plot and
holds every tick label; then any change inside the plot repaints the axis, text and all (about
a millisecond and a half a chart). These lines sit at the axis' major ticks and are repainted
as one thin path.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg

GRID_PEN = (0, 0, 0, 64)  # black at a quarter, as pyqtgraph's grid with alpha 0.25


class GridLines(pg.PlotCurveItem):
    """Lines across the plot at the major ticks of its ``left`` (horizontal lines) or
    ``bottom`` (vertical lines) axis, following every change of range or size."""

    def __init__(self, plot_item: pg.PlotItem, axis: str = "left"):
        super().__init__(pen=pg.mkPen(GRID_PEN, width=1), connect="pairs", antialias=False)
        self.setZValue(-100)
        self._plot, self._axis = plot_item, axis
        plot_item.addItem(self, ignoreBounds=True)
        plot_item.vb.sigRangeChanged.connect(self.follow)
        plot_item.vb.sigResized.connect(self.follow)

    def positions(self) -> np.ndarray:
        """Where the lines are (data units along the axis)."""
        return np.asarray(self.yData if self._axis == "left" else self.xData)[::2]

    def follow(self, *_args) -> None:
        vb = self._plot.vb
        (x0, x1), (y0, y1) = vb.viewRange()
        horizontal = self._axis == "left"
        low, high = (y0, y1) if horizontal else (x0, x1)
        pixels = vb.height() if horizontal else vb.width()
        if pixels <= 0 or high <= low:
            if self.xData is not None and len(self.xData):
                self.setData([], [])
            return
        levels = self._plot.getAxis(self._axis).tickValues(low, high, pixels)
        ticks = np.asarray(levels[0][1] if levels else [], dtype=np.float64)
        ticks = ticks[(ticks >= low) & (ticks <= high)]
        across = np.tile([x0, x1] if horizontal else [y0, y1], len(ticks))
        along = np.repeat(ticks, 2)
        shown = (across, along) if horizontal else (along, across)
        if self.xData is not None and len(self.xData) == len(shown[0]) and np.array_equal(self.xData, shown[0]) \
                and np.array_equal(self.yData, shown[1]):
            return  # unchanged: no repaint
        self.setData(*shown)
