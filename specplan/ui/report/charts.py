"""The app's own pyqtgraph charts, fed the same engine totals and drawn offscreen into images.

Each chart is sized in 96-dpi pixels (the units the report's HTML uses) and its scene is drawn
at ``SCALE`` times that, so text and lines stay sharp on paper.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtWidgets import QApplication, QGraphicsItem

from ..charts.base import Chart
from ..charts.option_mix import OptionMixChart
from ..charts.setting_mix import SettingMixChart
from ..charts.shift import ShiftChart
from ..charts.tornado import TornadoChart
from ..charts.trajectory import TrajectoryChart
from ..charts.waterfall import WaterfallChart
from ..explain_words import waterfall
from .context import ReportContext
from .images import OPTION_MIX, TRAJECTORY, ChartImage, option_keys, waterfall_key

#: Page body width in 96-dpi pixels (170 mm).
BODY_WIDTH = 640
SCALE = 3
#: A waterfall's height: title and axis, then a row per bar.
WATERFALL_TOP, WATERFALL_ROW = 80, 44


def chart_images(context: ReportContext) -> dict[str, ChartImage]:
    """The Overview's and Compare view's charts of the chosen options, then each option's
    waterfall of what its levers contribute, setting mix, shift and sensitivity tornado, as the
    app draws them."""
    plan, unit = context.plan, context.unit
    years, settings = list(plan.years), list(plan.settings)
    chosen = [context.totals[name] for name in context.options]
    do_nothing = context.do_nothing
    reference = not context.has_do_nothing_option
    images: dict[str, ChartImage] = {}
    charts: list[Chart] = []

    def draw(chart: Chart, key: str, height: int, caption: str) -> None:
        charts.append(chart)
        images[key] = _draw(chart, key, BODY_WIDTH, height, caption)

    trajectory = TrajectoryChart(unit=unit)
    trajectory.update_totals(years, chosen, do_nothing, show_do_nothing=reference)
    draw(trajectory, TRAJECTORY, 330, "Spend per year of each option in this report"
         + (", with doing nothing dashed grey" if reference else ""))
    mix_all = OptionMixChart(unit=unit)
    mixed = ([do_nothing] if reference else []) + chosen
    mix_all.update_options(settings, mixed)
    mix_all.legend.setColumnCount(min(len(mixed), 4))  # one line where it can: it sits over the bars
    draw(mix_all, OPTION_MIX, 280, f"Spend by setting in {years[-1]}, one bar per option")
    for position, totals in enumerate(chosen):
        explained = context.attribution(totals.name)
        if explained is not None:
            fall = waterfall(explained, plan.years, unit)
            chart = WaterfallChart(max_bars=len(fall.steps), labels_above=True, label_width=BODY_WIDTH - 60)
            chart.setTitle(fall.title)
            chart.show_steps(fall.start, fall.steps, fall.end, fall.describe, axis=fall.axis)
            draw(chart, waterfall_key(position), WATERFALL_TOP + WATERFALL_ROW * (len(fall.steps) + 2),
                 f"From doing nothing to {totals.name}: what each lever adds to the cumulative saving "
                 f"to {years[-1]}")
        mix_key, shift_key, tornado_key = option_keys(position)
        mix, shift = SettingMixChart(unit=unit), ShiftChart(unit=unit)  # fresh axes per option
        mix.setTitle(f"Spend by setting: {totals.name}")
        mix.update_totals(years, settings, totals)
        draw(mix, mix_key, 245, f"Spend by setting per year: {totals.name}")
        shift.setTitle(f"Inpatient against community: {totals.name}")
        shift.update_totals(years, settings, totals, do_nothing)
        draw(shift, shift_key, 245, f"Inpatient and community spend of {totals.name}; dotted: doing nothing")
        bars = context.sensitivity(totals.name)
        if bars is not None and bars.bars:
            tornado = TornadoChart(unit=unit, max_bars=len(bars.bars))
            tornado.setTitle(f"Sensitivity of cumulative saving: {totals.name}")
            tornado.update_tornado(bars)
            tornado.legend.setColumnCount(2)  # one line, so that it clears the top bar
            draw(tornado, tornado_key, 100 + 36 * len(bars.bars),
                 f"Cumulative saving with each number {bars.amount:.0%} lower (hatched) and higher; "
                 "dashed: as planned")
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
