"""Each ICB's distance from its fair share, one bar per ICB, grouped by region.

Above fair share is solid vermillion, below is hatched blue (colour and pattern, so nothing
rests on colour alone). The bars are two items, one per side, made once and moved with
``setOpts`` (one item per ICB cost a slider step 42 updates and 42 paints); regions sit apart
with a gap, a dotted divider and their name under the group.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QBrush, QColor

from ...domain.plan import Plan
from ...engine.footprints import region_groups, short_icb_name
from ..formatting import money
from .base import Chart

ABOVE, BELOW = "#D55E00", "#0072B2"
BAR_WIDTH = 0.8
REGION_GAP = 1.0
#: Distances under £1m a bar read better in £k.
THOUSANDS_BELOW = 100_000_000


def above_brush() -> QBrush:
    return QBrush(QColor(ABOVE))


def below_brush() -> QBrush:
    colour = QColor(BELOW)
    return QBrush(colour, Qt.BrushStyle.BDiagPattern)


class DistanceChart(Chart):
    def __init__(self, parent=None):
        super().__init__("Distance from fair share", "Distance", parent,
                         legend_columns=2)
        self.setAccessibleDescription("Chart: each ICB's spend minus its fair share, grouped by region. "
                                      "Hover over a bar to read its figures.")
        self.plotItem.getAxis("bottom").setHeight(42)
        self.zero = pg.InfiniteLine(pos=0, angle=0, pen=pg.mkPen("k", width=1))
        self.plotItem.addItem(self.zero, ignoreBounds=True)
        self._legend_samples = (
            pg.BarGraphItem(x=[0], height=[1], width=1, brush=above_brush(), pen=pg.mkPen(ABOVE)),
            pg.BarGraphItem(x=[0], height=[1], width=1, brush=below_brush(), pen=pg.mkPen(BELOW, width=1.5)),
        )
        self.legend.addItem(self._legend_samples[0], "above fair share")
        self.legend.addItem(self._legend_samples[1], "below fair share")
        self.above = pg.BarGraphItem(x=[0.0], height=[0.0], width=BAR_WIDTH, brush=above_brush(), pen=pg.mkPen(ABOVE))
        self.below = pg.BarGraphItem(x=[0.0], height=[0.0], width=BAR_WIDTH, brush=below_brush(),
                                     pen=pg.mkPen(BELOW, width=1.5))
        for item in (self.above, self.below):
            item.hide()
            self.plotItem.addItem(item)
        self._heights = np.zeros(0)  # [i] in the axis unit, hidden ICBs included
        self._shown = np.zeros(0, bool)  # [i]
        self.dividers: list[pg.InfiniteLine] = []
        self.positions = np.zeros(0)  # [i] x of each ICB's bar
        self._structure: tuple = ()
        self._names: list[str] = []
        self._regions: list[str] = []
        self._figures: dict[str, np.ndarray] = {}
        self._divisor, self._unit = 100_000.0, "£k"
        self._key: object = None

    # -- structure -----------------------------------------------------------------------------
    def set_structure(self, plan: Plan) -> None:
        """Make one bar per ICB, in region groups; nothing happens if the ICBs are the same."""
        structure = (tuple((i.code, i.name, i.region) for i in plan.icbs),
                     tuple((r.code, r.name) for r in plan.regions))
        if structure == self._structure:
            return
        self._structure = structure
        for item in self.dividers:
            self.plotItem.removeItem(item)
        self.dividers = []
        self.positions = np.zeros(len(plan.icbs))
        ticks, x = [], 0.0
        for group, (region, members) in enumerate(region_groups(plan)):
            if group:
                divider = pg.InfiniteLine(pos=x - (REGION_GAP + 1) / 2, angle=90,
                                          pen=pg.mkPen("#999999", width=1, style=Qt.PenStyle.DotLine))
                self.plotItem.addItem(divider, ignoreBounds=True)
                self.dividers.append(divider)
            start = x
            for icb in members:
                self.positions[icb] = x
                x += 1.0
            ticks.append(((start + x - 1.0) / 2, _two_lines(plan.regions[region].name)))
            x += REGION_GAP
        self._heights, self._shown = np.zeros(len(plan.icbs)), np.zeros(len(plan.icbs), bool)
        self._names = [short_icb_name(i.name) for i in plan.icbs]
        regions = {r.code: r.name for r in plan.regions}
        self._regions = [regions[i.region] for i in plan.icbs]
        self.plotItem.getAxis("bottom").setTicks([ticks, []])
        right = x - REGION_GAP
        self.plotItem.vb.setXRange(-0.75, right - 0.25, padding=0)

    # -- figures -------------------------------------------------------------------------------
    def update_distances(self, spend: np.ndarray, fair_share: np.ndarray, distance: np.ndarray,
                         shown: np.ndarray | None = None, key: object = None) -> None:
        """Move the bars to ``distance`` (pence per ICB). The axis unit (£k or £m) is chosen again
        only when ``key`` changes (another service or year), so a slider drag never rescales it."""
        if key != self._key or not self._figures:
            self._key = key
            large = float(np.abs(distance).max(initial=0)) >= THOUSANDS_BELOW
            self._divisor, self._unit = (1e8, "£m") if large else (1e5, "£k")
            self.plotItem.setLabel("left", f"Spend minus fair share ({self._unit})")
        heights = distance / self._divisor
        shown = np.ones(len(heights), bool) if shown is None else np.asarray(shown, bool)
        for item, side in ((self.above, shown & (distance >= 0)), (self.below, shown & (distance < 0))):
            if side.any():
                self.set_if_changed(item, x=self.positions[side], height=heights[side])
            item.setVisible(bool(side.any()))
        self._heights, self._shown = heights, shown
        self._figures = {"spend": spend, "fair_share": fair_share, "distance": distance}
        visible = heights[shown]
        self.fit_y(float(visible.min(initial=0.0)), float(visible.max(initial=0.0)))

    def heights(self) -> np.ndarray:
        """Each ICB's bar height in the axis unit (for tests and exports), hidden ones too."""
        return self._heights.copy()

    def shown(self) -> np.ndarray:
        """``[i]`` True for the ICBs whose bars are drawn (the navigator's scope)."""
        return self._shown.copy()

    def bar_centre(self, icb: int) -> QPointF:
        """Where ICB ``icb``'s bar is, in scene coordinates (for hovering)."""
        return self.plotItem.vb.mapViewToScene(QPointF(float(self.positions[icb]), self._heights[icb] / 2))

    @property
    def divisor(self) -> float:
        return self._divisor

    # -- hover ---------------------------------------------------------------------------------
    def hover_icb(self, icb: int) -> str:
        """Show and return the figures of ICB position ``icb``."""
        if not self._figures or not 0 <= icb < len(self._shown) or not self._shown[icb]:
            self.hover.hide()
            return ""
        figures = self._figures
        distance = int(figures["distance"][icb])
        side = "above" if distance > 0 else "below" if distance < 0 else "at"
        text = (f"{self._names[icb]} ({self._regions[icb]})\n"
                f"spend: {money(int(figures['spend'][icb]), 'gbp', 0)}\n"
                f"fair share: {money(int(figures['fair_share'][icb]), 'gbp', 0)}\n"
                f"{money(abs(distance), 'gbp', 0)} {side} fair share")
        self.hover.setText(text)
        low, high = self.y_range()
        x = float(self.positions[icb])
        self.hover.setPos(QPointF(x, low + 0.98 * (high - low)))
        left, right = self.plotItem.vb.viewRange()[0]
        self.hover.setAnchor((0, 0) if x < (left + right) / 2 else (1, 0))
        self.hover.show()
        return text

    def hover_at(self, index: int) -> str:
        return self.hover_icb(index)

    def _on_mouse_moved(self, position) -> None:
        if not self._shown.any() or not self.plotItem.sceneBoundingRect().contains(position):
            self.hover.hide()
            return
        x = self.plotItem.vb.mapSceneToView(position).x()
        nearest = int(np.argmin(np.abs(self.positions - x)))
        if abs(self.positions[nearest] - x) <= BAR_WIDTH / 2:
            self.hover_icb(nearest)
        else:
            self.hover.hide()


def _two_lines(name: str) -> str:
    """Long region names on two lines so seven of them fit under the groups."""
    words = name.split()
    if len(name) <= 12 or len(words) < 2:
        return name
    half = len(words) // 2 + (1 if len(words) > 3 else 0)
    return " ".join(words[:half]) + "\n" + " ".join(words[half:])
