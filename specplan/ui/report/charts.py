"""The app's own pyqtgraph charts, fed the same engine totals and drawn offscreen into images.

Each chart is sized in 96-dpi pixels (the units the report's HTML uses) and its scene is drawn
at ``SCALE`` times that, so text and lines stay sharp on paper.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtWidgets import QApplication, QGraphicsItem

from ...domain.plan import Plan
from ...engine.calculate import PlanResults
from ...engine.scope import Scope, scoped_totals
from ..charts.base import Chart
from ..charts.setting_mix import SettingMixChart
from ..charts.shift import ShiftChart
from ..charts.trajectory import TrajectoryChart

#: Page body width in 96-dpi pixels (170 mm).
BODY_WIDTH = 640
SCALE = 3


@dataclass(frozen=True)
class ChartImage:
    """An image for the report, and the size (96-dpi pixels) to show it at."""

    key: str
    image: QImage
    width: int
    height: int
    caption: str


def trajectory_key() -> str:
    return "chart:trajectory"


def option_keys(position: int) -> tuple[str, str]:
    """The setting-mix and shift chart keys of the option at ``position`` in the report."""
    return f"chart:mix-{position}", f"chart:shift-{position}"


def chart_images(plan: Plan, results: PlanResults, options: list[str], unit: str) -> dict[str, ChartImage]:
    """Trajectories of the chosen options, then each option's setting mix and shift, as the
    Overview shows them."""
    years, settings = list(plan.years), list(plan.settings)
    chosen = [scoped_totals(results.scenario(name), plan, Scope()) for name in options]
    do_nothing = scoped_totals(results.do_nothing, plan, Scope())
    has_do_nothing = any(not plan.scenario(name).levers for name in options)
    images: dict[str, ChartImage] = {}

    trajectory = TrajectoryChart(unit=unit)
    trajectory.update_totals(years, chosen, do_nothing, show_do_nothing=not has_do_nothing)
    images[trajectory_key()] = _draw(trajectory, trajectory_key(), BODY_WIDTH, 330,
                                     "Spend per year of each option in this report"
                                     + ("" if has_do_nothing else ", with doing nothing dashed grey"))
    charts: list[Chart] = [trajectory]
    for position, totals in enumerate(chosen):
        mix_key, shift_key = option_keys(position)
        mix, shift = SettingMixChart(unit=unit), ShiftChart(unit=unit)  # fresh axes per option
        charts += [mix, shift]
        mix.setTitle(f"Spend by setting: {totals.name}")
        mix.update_totals(years, settings, totals)
        images[mix_key] = _draw(mix, mix_key, BODY_WIDTH, 245, f"Spend by setting per year: {totals.name}")
        shift.setTitle(f"Inpatient against community: {totals.name}")
        shift.update_totals(years, settings, totals, do_nothing)
        images[shift_key] = _draw(shift, shift_key, BODY_WIDTH, 245,
                                  f"Inpatient and community spend of {totals.name}; dotted: doing nothing")
    for chart in charts:
        chart.deleteLater()
    return images


def _draw(chart: Chart, key: str, width: int, height: int, caption: str) -> ChartImage:
    """Lay the chart out at ``width`` x ``height`` without showing it, then draw its scene."""
    chart.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen)
    chart.resize(width, height)
    chart.show()
    QApplication.sendPostedEvents()  # lay the chart out; no user input is handled meanwhile
    chart.hover.hide()
    # Axes widen to fit their tick labels while painting: paint once, lay out again, then draw.
    scratch = QImage(width, height, QImage.Format.Format_RGB32)
    painter = QPainter(scratch)
    try:
        chart.scene().render(painter)
    finally:
        painter.end()
    QApplication.sendPostedEvents()
    image = QImage(width * SCALE, height * SCALE, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    # Items drawn at a fixed screen size (the legend) would stay small when the scene is scaled up.
    ignoring = QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations
    fixed = [item for item in chart.scene().items() if item.flags() & ignoring]
    painter = QPainter(image)
    try:
        for item in fixed:
            item.setFlag(ignoring, False)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        chart.scene().render(painter, QRectF(0, 0, image.width(), image.height()), chart.sceneRect())
    finally:
        painter.end()
        for item in fixed:
            item.setFlag(ignoring, True)
    chart.hide()
    return ChartImage(key, image, width, height, caption)
