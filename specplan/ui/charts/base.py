"""What every chart shares: fixed-but-extending axes, values in £ on hover, export to PNG/SVG."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPointF, QSize, Qt

from .grid import GridLines
from .markers import SymbolCurve

pg.setConfigOptions(antialias=True, background="w", foreground="k")


class Chart(pg.PlotWidget):
    """A plot whose y range only moves when the data leaves it or shrinks well inside it, so
    that a slider drag does not make the axes jump; hovering shows the values at that year."""

    #: Room above the data, as a share of its span, for the legend in the top left corner.
    HEADROOM = 0.3
    #: The axis whose major ticks the grid lines follow.
    GRID_AXIS = "left"

    def __init__(self, title: str, y_label: str, parent=None, legend_columns: int = 1):
        super().__init__(parent, title=title)
        self._title = title
        self.setAccessibleName(title)
        self.setAccessibleDescription(f"Chart: {title}. Hover over a year to read its values.")
        self.plotItem.setLabel("left", y_label)
        # Tick labels may widen the axis but never narrow it: a narrower axis lays the whole
        # plot out again and repaints it twice more on every slider step that rescales.
        for side in ("left", "bottom"):
            self.plotItem.getAxis(side).setStyle(autoReduceTextSpace=False)
        self.grid = GridLines(self.plotItem, self.GRID_AXIS)
        self.plotItem.setMenuEnabled(False)
        self.plotItem.vb.setMouseEnabled(x=False, y=False)
        self.plotItem.hideButtons()
        self.plotItem.vb.disableAutoRange()
        self.legend = self.plotItem.addLegend(offset=(10, 5), colCount=legend_columns)
        self.hover = pg.TextItem(anchor=(0, 1), color="k", fill=pg.mkBrush(255, 255, 255, 220))
        self.hover.setZValue(100)
        self.hover.hide()
        self.plotItem.addItem(self.hover, ignoreBounds=True)
        self._describe: Callable[[int], str] | None = None
        self._last_data: dict[object, dict[str, np.ndarray]] = {}  # item -> what it shows
        self._x_labels: list[str] = []
        self.scene().sigMouseMoved.connect(self._on_mouse_moved)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        """A steady preferred size, in lines of text. pyqtgraph's follows the scene, which follows
        the widget's size, so a layout that gives a chart its preferred height (a page whose
        columns are stacked on a narrow screen) would leave it as small as it happened to be."""
        line = self.fontMetrics().height()
        return QSize(30 * line, 18 * line)

    def setTitle(self, title: str) -> None:  # noqa: N802 - pyqtgraph's name
        """Set the title only when it changes: laying out the title label costs a slider step
        about as much as redrawing a curve."""
        if title != self._title:
            self._title = title
            self.plotItem.setTitle(title)

    # -- data ----------------------------------------------------------------------------------
    def set_if_changed(self, item, **data) -> bool:
        """``setData``/``setOpts`` on ``item`` only when its data differ from last time.

        A slider drag moves one option, so most items keep their figures; skipping them saves
        pyqtgraph's bounds and symbol work on every step.
        """
        last = self._last_data.get(item)
        if last is not None and last.keys() == data.keys() and all(
                np.array_equal(last[key], value) for key, value in data.items()):
            return False
        self._last_data[item] = {key: np.array(value, copy=True) for key, value in data.items()}
        if hasattr(item, "setData") and set(data) == {"x", "y"}:
            item.setData(data["x"], data["y"])
        else:
            item.setOpts(**data)
        return True

    def symbol_curve(self, name: str, pen, symbol: str, brush, size: float = 7, symbol_pen=None) -> SymbolCurve:
        """A line with a symbol at each point, in the legend as ``name``."""
        curve = SymbolCurve(pen, symbol, brush, size, symbol_pen)
        self.plotItem.addItem(curve)
        self.legend.addItem(curve.legend_sample, name)
        return curve

    def remove_item(self, item) -> None:
        """Take ``item`` off the plot and forget what it showed."""
        self._last_data.pop(item, None)
        self.plotItem.removeItem(item)

    # -- axes ----------------------------------------------------------------------------------
    def set_x_labels(self, labels: list[str], every: int = 1) -> None:
        if labels != self._x_labels:
            self._x_labels = list(labels)
            ticks = [(n, label) for n, label in enumerate(labels) if n % every == 0]
            self.plotItem.getAxis("bottom").setTicks([ticks])
            self.plotItem.vb.setXRange(-0.5, len(labels) - 0.5, padding=0)

    def fit_y(self, low: float, high: float, include_zero: bool = True) -> None:
        """Keep the current range unless the data leaves it or fills under 40% of it."""
        if include_zero:
            low, high = min(low, 0.0), max(high, 0.0)
        if not np.isfinite([low, high]).all():
            return
        span = max(high - low, 1e-9)
        (cur_low, cur_high) = self.plotItem.vb.viewRange()[1]
        current = cur_high - cur_low
        inside = low >= cur_low and high + 0.5 * self.HEADROOM * span <= cur_high
        if inside and span >= 0.4 * current:
            return
        margin = 0.08 * span
        self.plotItem.vb.setYRange(low - (margin if low < 0 else 0), high + self.HEADROOM * span, padding=0)
        # The view box moves its items to a new range as it starts to paint, and the items then
        # ask for a second paint: move them now, so that one paint shows the step.
        self.plotItem.vb.updateMatrix()
        self.grid.follow()

    def y_range(self) -> tuple[float, float]:
        return tuple(self.plotItem.vb.viewRange()[1])

    # -- hover ---------------------------------------------------------------------------------
    def set_hover_text(self, describe: Callable[[int], str]) -> None:
        """``describe(x_index)`` gives the hover text (values already formatted in £)."""
        self._describe = describe

    def hover_at(self, index: int) -> str:
        """Show the hover box at ``index`` and return its text."""
        if self._describe is None or not 0 <= index < len(self._x_labels):
            self.hover.hide()
            return ""
        text = self._describe(index)
        self.hover.setText(text)
        low, high = self.y_range()
        self.hover.setPos(QPointF(index, low + 0.98 * (high - low)))
        self.hover.setAnchor((0, 0) if index < len(self._x_labels) / 2 else (1, 0))
        self.hover.show()
        return text

    def _on_mouse_moved(self, position) -> None:
        if not self.plotItem.sceneBoundingRect().contains(position):
            self.hover.hide()
            return
        point = self.plotItem.vb.mapSceneToView(position)
        self.hover_at(int(round(point.x())))

    def leaveEvent(self, event) -> None:  # noqa: N802 - Qt's name
        self.hover.hide()
        super().leaveEvent(event)

    # -- export --------------------------------------------------------------------------------
    def contextMenuEvent(self, event) -> None:  # noqa: N802 - Qt's name
        """Right-click offers to save the chart (popup, never a blocking menu)."""
        from PySide6.QtWidgets import QMenu

        menu = QMenu(self)
        menu.addAction("Save chart as PNG or SVG...").triggered.connect(self.ask_and_save)
        self.context_menu = menu
        menu.popup(event.globalPos())

    def ask_and_save(self) -> Path | None:
        """Ask where (through the window's dialogs) and save there."""
        dialogs = getattr(self.window(), "dialogs", None)
        title = self.plotItem.titleLabel.text or "chart"
        if dialogs is None:
            return None
        path = dialogs.save_path("Save chart", "PNG image (*.png);;SVG drawing (*.svg)", f"{title}.png")
        return self.save_image(path) if path else None

    def save_image(self, path: str | Path) -> Path:
        """Save as PNG, or as SVG when the name ends .svg.

        SVG goes through Qt's own QSvgGenerator: pyqtgraph 0.14's SVGExporter fails on the path
        syntax of recent Qt (pyqtgraph issue 3485).
        """
        path = Path(path)
        self.hover.hide()
        if path.suffix.lower() == ".svg":
            from PySide6.QtCore import QRect, QSize
            from PySide6.QtGui import QPainter
            from PySide6.QtSvg import QSvgGenerator

            generator = QSvgGenerator()
            generator.setFileName(str(path))
            generator.setSize(QSize(self.width(), self.height()))
            generator.setViewBox(QRect(0, 0, self.width(), self.height()))
            generator.setTitle(self.accessibleName())
            painter = QPainter(generator)
            try:
                self.render(painter)
            finally:
                painter.end()
        else:
            from pyqtgraph.exporters import ImageExporter

            exporter = ImageExporter(self.plotItem)
            exporter.parameters()["width"] = max(800, self.width())
            exporter.export(str(path))
        return path


def pen(colour: str, style: Qt.PenStyle = Qt.PenStyle.SolidLine, width: float = 2.0):
    return pg.mkPen(colour, width=width, style=style)
