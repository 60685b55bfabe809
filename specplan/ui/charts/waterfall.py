"""The waterfall: from one figure to another, a bar for what each lever contributes."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFontMetrics

from ..shell.palette import OKABE_ITO
from .base import Chart

UP, DOWN, ENDS = OKABE_ITO[2], OKABE_ITO[4], "#777777"  # green, vermillion and grey


class WaterfallChart(Chart):
    """Horizontal bars, top to bottom: the start, each contribution from where the last one
    ended, and the end. ``sig_bar_clicked(row)`` says which contribution was clicked.

    Each bar's words go on the left axis, or, with ``labels_above`` (the report's narrow page,
    where long words would squeeze the bars to nothing), on a line above the bar, cut to
    ``label_width`` pixels with the figure kept.
    """

    HEADROOM = 0.0
    GRID_AXIS = "bottom"
    sig_bar_clicked = Signal(int)

    def __init__(self, parent=None, max_bars: int = 40, labels_above: bool = False, label_width: int = 600):
        super().__init__("What makes the difference", "", parent)
        self.max_bars = max_bars
        self.labels_above, self.label_width = labels_above, label_width
        self._labels: list[pg.TextItem] = []
        if labels_above:
            self.plotItem.hideAxis("left")
        self.legend.hide()
        self.bars = pg.BarGraphItem(x0=[0.0], y=[0.0], height=0.6, width=[0.0], brush=ENDS, pen=ENDS)
        self.zero = pg.InfiniteLine(angle=90, pen=pg.mkPen("k", width=1))
        self.plotItem.addItem(self.bars)
        self.plotItem.addItem(self.zero)
        self.plotItem.getAxis("left").setStyle(autoReduceTextSpace=True)
        self.plotItem.getAxis("bottom").enableAutoSIPrefix(False)  # the axis names its unit (£m)
        self._rows: list[str] = []
        self._values: list[str] = []
        self.set_hover_text(lambda n: self._values[n] if 0 <= n < len(self._values) else "")
        self.scene().sigMouseMoved.disconnect(self._on_mouse_moved)
        self.scene().sigMouseMoved.connect(self._on_mouse_moved_y)
        self.scene().sigMouseClicked.connect(self._on_clicked)

    def show_steps(self, start: tuple[str, float], steps: list[tuple[str, float]], end: tuple[str, float],
                   describe: Callable[[float], str], stale: bool = False, axis: str = "") -> None:
        """``start`` and ``end`` as ``(label, value)``; each step ``(label, change)``; values in
        the chart's own unit (the caller divides pence); ``describe`` writes one in words."""
        steps = steps[: self.max_bars]
        if axis != self.plotItem.getAxis("bottom").labelText:
            self.plotItem.setLabel("bottom", axis)
        labels = [start[0], *(label for label, _ in steps), end[0]]
        lefts, widths, colours = [0.0], [start[1]], [ENDS]
        level = start[1]
        for _, change in steps:
            lefts.append(level)
            widths.append(change)
            colours.append(UP if change >= 0 else DOWN)
            level += change
        lefts.append(0.0)
        widths.append(end[1])
        colours.append(ENDS)
        n = len(labels)
        y = np.arange(n)[::-1].astype(float)  # the start at the top
        alpha = 90 if stale else 255
        brushes = [QBrush(_faded(colour, alpha)) for colour in colours]
        pens = [pg.mkPen(_faded(colour, alpha)) for colour in colours]
        height = 0.5 if self.labels_above else 0.6
        self.bars.setOpts(x0=np.array(lefts), y=y, width=np.array(widths), height=height, brushes=brushes, pens=pens)
        self._rows = [f"{label}: {describe(value)}" for label, value in
                      [start, *steps, end]]
        self._values = self._rows[::-1]
        self._x_labels = self._values  # hover rows, bottom up
        ends = np.array(lefts + [a + b for a, b in zip(lefts, widths)])
        low, high = float(min(ends.min(), 0.0)), float(max(ends.max(), 0.0))
        if high - low < 1e-9:  # nothing moves: a plain axis around zero, not one of 1e-9 steps
            low, high = -1.0, 1.0
        span = high - low
        self.plotItem.vb.setXRange(low - 0.05 * span, high + 0.05 * span, padding=0)
        if self.labels_above:
            self._label_bars(y, [start, *steps, end], describe, low - 0.05 * span)
            self.plotItem.vb.setYRange(-0.6, n - 0.05, padding=0)
        else:
            self.plotItem.getAxis("left").setTicks([[(float(y[k]), self._rows[k]) for k in range(n)]])
            self.plotItem.vb.setYRange(-0.8, n - 0.2, padding=0)
        self.grid.follow()

    def _label_bars(self, y, rows: list[tuple[str, float]], describe: Callable[[float], str], left: float) -> None:
        """A line of words just above each bar, from the left edge of the plot."""
        while len(self._labels) < len(rows):
            label = pg.TextItem(anchor=(0, 1), color="k", fill=pg.mkBrush(255, 255, 255, 210))
            self.plotItem.addItem(label, ignoreBounds=True)
            self._labels.append(label)
        metrics = QFontMetrics(self._labels[0].textItem.font())
        for label, position, (words, value) in zip(self._labels, y, rows):
            figure = f": {describe(value)}"
            room = max(self.label_width - metrics.horizontalAdvance(figure), 60)
            label.setText(metrics.elidedText(words, Qt.TextElideMode.ElideRight, room) + figure)
            label.setPos(left, float(position) + 0.25)  # on the bar's top edge
            label.show()
        for label in self._labels[len(rows):]:
            label.hide()

    @property
    def row_texts(self) -> list[str]:
        """Each bar's label and value, top to bottom, as the axis shows them."""
        return list(self._rows)

    def row_at(self, scene_position) -> int | None:
        """The bar (0 = the top) under a scene position, or None."""
        if not self.plotItem.sceneBoundingRect().contains(scene_position):
            return None
        y = self.plotItem.vb.mapSceneToView(scene_position).y()
        row = len(self._rows) - 1 - int(round(y))
        return row if 0 <= row < len(self._rows) else None

    def _on_clicked(self, event) -> None:
        row = self.row_at(event.scenePos())
        if row is not None and 0 < row < len(self._rows) - 1:  # a contribution, not an end
            self.sig_bar_clicked.emit(row - 1)

    def _on_mouse_moved_y(self, position) -> None:
        row = self.row_at(position)
        if row is None:
            self.hover.hide()
            return
        self.hover.setText(self._rows[row])
        (x_low, x_high), _ = self.plotItem.vb.viewRange()
        self.hover.setPos(x_low + 0.02 * (x_high - x_low), len(self._rows) - 1 - row + 0.4)
        self.hover.setAnchor((0, 1))
        self.hover.show()


def _faded(colour: str, alpha: int) -> QColor:
    faded = QColor(colour)
    faded.setAlpha(alpha)
    return faded
