"""Curves with a symbol at every year, cheap to move.

pyqtgraph draws a curve's symbols with a ``ScatterPlotItem``, which rebuilds a record per
point on every ``setData`` and works out its padded bounds each time the scene asks; with three
such curves a slider step spent about 3 ms on eleven symbols each. Here a curve is a plain
curve item with a child item that paints its symbols straight from the arrays.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from pyqtgraph.graphicsItems.LegendItem import ItemSample
from pyqtgraph.graphicsItems.ScatterPlotItem import Symbols
from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QPainter, QTransform


class Markers(pg.GraphicsObject):
    """A symbol of ``size`` pixels at each point (scaled with the painter when a chart is
    rendered larger, as for the PDF report)."""

    def __init__(self, symbol: str, size: float, brush, pen, parent=None):
        super().__init__(parent)
        self._path = QTransform.fromScale(size, size).map(Symbols[symbol])
        self._size = size
        self._brush, self._pen = pg.mkBrush(brush), pg.mkPen(pen)
        self._points: list[QPointF] = []
        self._data = QRectF()
        self._padded: QRectF | None = None

    def setData(self, x, y) -> None:  # noqa: N802 - pyqtgraph's name
        x, y = np.asarray(x, dtype=np.float64), np.asarray(y, dtype=np.float64)
        keep = np.isfinite(x) & np.isfinite(y)
        x, y = x[keep], y[keep]
        self.prepareGeometryChange()
        self._points = [QPointF(a, b) for a, b in zip(x.tolist(), y.tolist())]
        self._data = (QRectF(float(x.min()), float(y.min()), float(np.ptp(x)), float(np.ptp(y)))
                      if len(x) else QRectF())
        self._padded = None
        self.update()

    def viewTransformChanged(self) -> None:  # noqa: N802 - pyqtgraph's name
        self.prepareGeometryChange()
        self._padded = None

    def boundingRect(self) -> QRectF:  # noqa: N802 - Qt's name
        if not self._points:
            return QRectF()
        if self._padded is None:
            view = self.getViewBox()
            pixel = view.viewPixelSize() if view is not None else (0.0, 0.0)
            pad_x, pad_y = self._size * abs(pixel[0]), self._size * abs(pixel[1])
            self._padded = self._data.adjusted(-pad_x, -pad_y, pad_x, pad_y)
        return self._padded

    def paint(self, painter: QPainter, *_args) -> None:
        if not self._points:
            return
        to_device = painter.transform()
        scene = self.sceneTransform().m11()
        zoom = abs(to_device.m11() / scene) if scene else 1.0  # 1 on screen, more when rendered larger
        painter.save()
        painter.resetTransform()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(self._pen)
        painter.setBrush(self._brush)
        for point in self._points:
            centre = to_device.map(point)
            painter.setTransform(QTransform.fromTranslate(centre.x(), centre.y()).scale(zoom, zoom))
            painter.drawPath(self._path)
        painter.restore()


class SymbolCurve(pg.PlotCurveItem):
    """A line with a symbol at each point; ``legend_sample`` shows both in the legend, and a
    click on it shows or hides the curve, as pyqtgraph's own legend does. A plain curve item,
    not a ``PlotDataItem``: its ``setData`` costs a sixth as much, and each step sets several."""

    def __init__(self, pen, symbol: str, brush, size: float = 7, symbol_pen=None):
        super().__init__(pen=pen)
        self.markers = Markers(symbol, size, brush, symbol_pen if symbol_pen is not None else brush, parent=self)
        # One point, so that pyqtgraph passes the symbol's style on to the scatter the legend reads.
        proxy = pg.PlotDataItem([0.0], [0.0], pen=pen, symbol=symbol, symbolSize=size, symbolBrush=brush,
                                symbolPen=symbol_pen if symbol_pen is not None else brush)
        self.legend_sample = LegendSample(proxy, self)

    def setData(self, *args, **kwargs) -> None:  # noqa: N802 - pyqtgraph's name
        super().setData(*args, **kwargs)
        markers = getattr(self, "markers", None)  # pyqtgraph may set data while constructing
        if markers is not None:
            x, y = self.getData()
            markers.setData(np.zeros(0) if x is None else x, np.zeros(0) if y is None else y)


class LegendSample(ItemSample):
    """The legend's picture of a symbol curve, drawn from a stand-in with pyqtgraph's symbol."""

    def __init__(self, proxy: pg.PlotDataItem, curve: SymbolCurve):
        super().__init__(proxy)
        self.curve = curve

    def mouseClickEvent(self, event) -> None:  # noqa: N802 - pyqtgraph's name
        super().mouseClickEvent(event)  # greys the sample out (its stand-in's visibility)
        self.curve.setVisible(self.item.isVisible())
