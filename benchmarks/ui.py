"""Live-update and start-up speed of the desktop app, offscreen, on the national-scale plan.

    python benchmarks/ui.py [--repeat N]

1. An edit to a finished repaint, for lever drags and a base-year cell edit in each live view:
   the edit, the recompute, every view's refresh, then the event loop until the resulting
   paint events have been painted (the charts' own viewports included: ``QWidget.repaint()``
   of a view does not paint its charts, so it is not used). Median and 95th percentile, next
   to a bare pyqtgraph update and paint of the same kinds of item in the same run (curves with
   symbols, dotted curves, stacked hatched bars, legends and grids, antialiased, at the
   Overview's chart sizes; every item new data each step).
2. Start-up to a painted window with the sample plan, next to a bare PySide6 window with one
   pyqtgraph plot, each in a fresh process.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import numpy as np  # noqa: E402

#: (view, option, lever position, lever field); None as the lever means a base-year cell edit.
CASES = (
    ("Overview", "Community shift", 0, "target_share"),
    ("Overview", "Ambitious redesign", 0, "target_share"),
    ("Overview", "Ambitious redesign", 2, "share"),
    ("Overview", "Ambitious redesign", None, "spend"),
    ("Baseline", "Ambitious redesign", None, "spend"),
    ("Options", "Community shift", 0, "target_share"),
    ("Options", "Ambitious redesign", 0, "reinvest_share"),
    ("Footprints", "Regional pooling", 1, "share"),
    ("Footprints", "Ambitious redesign", 2, "share"),
    ("Compare", "Ambitious redesign", 0, "target_share"),
)


def percentile(values: list[float], share: float) -> float:
    return float(np.percentile(values, share * 100))


class PaintCounter:
    """Counts paint events of the charts' viewports: proof that each step really repainted."""

    def __init__(self, charts):
        from PySide6.QtCore import QEvent, QObject

        counter = self

        class Filter(QObject):
            def eventFilter(self, _watched, event):  # noqa: N802 - Qt's name
                if event.type() == QEvent.Type.Paint:
                    counter.count += 1
                return False

        self.count = 0
        self.filter = Filter()
        for chart in charts:
            chart.viewport().installEventFilter(self.filter)


def settle(app) -> None:
    """Run the event loop until nothing is left to do: scene updates are queued, and the paint
    they ask for is queued again."""
    for _ in range(3):
        app.processEvents()


def live_update(repeat: int):
    import pyqtgraph as pg
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from specplan.domain import edits
    from specplan.domain.samples import build_sample
    from specplan.tuning import tune_allocator
    from specplan.ui.document.document import Document
    from specplan.ui.shell.main_window import MainWindow

    tune_allocator()
    app = QApplication.instance() or QApplication([])
    window = MainWindow(settings=QSettings("/tmp/specplan-bench.ini", QSettings.Format.IniFormat))
    document = Document(build_sample("national"))
    window.set_document(document)
    window.resize(1366, 768)
    window.show()
    settle(app)
    titles = [window.tabs.tabText(n) for n in range(window.tabs.count())]
    plan = document.plan
    cell = (plan.service_index[plan.services[0].code], 0, plan.setting_index["inpatient"])
    base_spend = int(plan.baseline.spend_pence[cell])

    results = []
    for view_name, option, lever, field in CASES:
        window.tabs.setCurrentIndex(titles.index(view_name))
        document.select_scenario(option)
        settle(app)
        view = window.tabs.currentWidget()
        charts = [c for c in view.findChildren(pg.PlotWidget) if c.isVisible()]
        painted = PaintCounter(charts)
        steps = {"compute": [], "paint": [], "total": []}
        values = np.linspace(0.1, 0.9, repeat + 5)
        for n, value in enumerate(values):
            painted.count = 0
            start = time.perf_counter()
            if lever is None:
                document.try_apply(edits.set_baseline_cell, *cell, spend_pence=int(base_spend * (0.5 + value)),
                                   merge_key=("bench", "cell"))
            else:
                document.try_apply(edits.set_lever, option, lever, field, float(value),
                                   merge_key=("bench", option, lever))
            document.recompute_now()
            computed = time.perf_counter()
            settle(app)
            done = time.perf_counter()
            if n >= 5:
                steps["compute"].append((computed - start) * 1e3)
                steps["paint"].append((done - computed) * 1e3)
                steps["total"].append((done - start) * 1e3)
                steps.setdefault("paints", []).append(painted.count)
        label = f"{view_name}: {option}, " + ("a base-year cell" if lever is None else f"lever {lever + 1} {field}")
        results.append((label, len(charts), steps))

    # The same kinds of item on bare pyqtgraph, at the Overview's chart sizes, all new each step.
    window.tabs.setCurrentIndex(0)
    settle(app)
    overview = window.tabs.currentWidget()
    sizes = [c.size() for c in overview.findChildren(pg.PlotWidget)]
    bare_times = bare_update(app, sizes, repeat)
    window.document.undo_stack.setClean()
    window.close()
    return results, bare_times


def bare_update(app, sizes, repeat: int) -> list[float]:
    import pyqtgraph as pg
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QBrush, QColor
    from PySide6.QtWidgets import QGridLayout, QWidget

    colours = ["#E69F00", "#56B4E9", "#009E73", "#0072B2", "#D55E00", "#CC79A7"]
    bare = QWidget()
    grid = QGridLayout(bare)
    plots = [pg.PlotWidget(title=f"Chart {n}") for n in range(3)]
    grid.addWidget(plots[0], 0, 0, 1, 2)
    grid.addWidget(plots[1], 1, 0)
    grid.addWidget(plots[2], 1, 1)
    for plot, size in zip(plots, sizes):
        plot.setFixedSize(size)
        plot.plotItem.showGrid(x=False, y=True, alpha=0.25)
        plot.plotItem.addLegend()
        plot.plotItem.vb.disableAutoRange()
    years = np.arange(11)
    zero = years * 0.0
    curves = [plots[0].plot(years, zero, name=f"option {n}", symbol=("o", "s", "t1", "d")[n], symbolBrush=colours[n],
                            pen=pg.mkPen(colours[n], width=2)) for n in range(4)]
    curves.append(plots[0].plot(years, zero, name="do nothing", pen=pg.mkPen("#777777", width=2,
                                                                             style=Qt.PenStyle.DashLine)))
    bars = []
    for n in range(4):
        bar = pg.BarGraphItem(x=years, height=zero, width=0.7, name=f"setting {n}",
                              brush=QBrush(QColor(colours[n]), Qt.BrushStyle.BDiagPattern if n else Qt.BrushStyle.SolidPattern),
                              pen=pg.mkPen(colours[n]))
        plots[1].addItem(bar)
        bars.append(bar)
    lines = [plots[2].plot(years, zero, name=f"line {n}", symbol="so"[n % 2] if n < 2 else None,
                           symbolBrush=colours[n], pen=pg.mkPen(colours[n], width=2 if n < 2 else 1.5,
                                                                  style=Qt.PenStyle.SolidLine if n < 2 else Qt.PenStyle.DotLine))
             for n in range(4)]
    for plot in plots:
        plot.plotItem.vb.setRange(xRange=(-0.5, 10.5), yRange=(0, 5e4), padding=0)
    bare.show()
    settle(app)
    times = []
    for n in range(repeat + 5):
        data = np.random.default_rng(n).random((13, 11)) * 1e4
        start = time.perf_counter()
        for item, row in zip(curves + lines, data):
            item.setData(years, row)
        bottom = np.zeros(11)
        for bar, row in zip(bars, data[9:]):
            bar.setOpts(x=years, height=row, y0=bottom.copy())
            bottom += row
        settle(app)
        if n >= 5:
            times.append((time.perf_counter() - start) * 1e3)
    bare.close()
    return times


STARTUP_APP = """
import sys, time
start = time.perf_counter()
from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication
app = QApplication([])
from specplan.app import build_window, parse_args
window = build_window(parse_args(['--sample', 'mh-collaborative']))
window.show()
app.processEvents()
window.repaint()
print((time.perf_counter() - start) * 1e3)
"""
STARTUP_BARE = """
import time
start = time.perf_counter()
from PySide6.QtWidgets import QApplication, QMainWindow
import pyqtgraph as pg
app = QApplication([])
window = QMainWindow()
plot = pg.PlotWidget()
plot.plot([1, 2, 3], [3, 1, 2])
window.setCentralWidget(plot)
window.show()
app.processEvents()
window.repaint()
print((time.perf_counter() - start) * 1e3)
"""


def startup(code: str, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                             env=dict(os.environ, QT_QPA_PLATFORM="offscreen"))
        times.append(float(out.stdout.strip().splitlines()[-1]))
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=40)
    args = parser.parse_args()
    results, bare_times = live_update(args.repeat)
    bare_median, bare_p95 = statistics.median(bare_times), percentile(bare_times, 0.95)
    print("national plan, an edit to a finished repaint (ms; compute = edit, recompute and views' refresh):")
    print(f"  {'bare pyqtgraph update + paint of 3 charts (baseline)':62s} median {bare_median:5.1f}  p95 {bare_p95:5.1f}")
    every = []
    for label, n_charts, steps in results:
        total = steps["total"]
        every += total
        print(f"  {label:62s} median {statistics.median(total):5.1f}  p95 {percentile(total, 0.95):5.1f}"
              f"  (compute {statistics.median(steps['compute']):4.1f}, paint {statistics.median(steps['paint']):4.1f};"
              f" {n_charts} charts, {statistics.median(steps['paints']):.0f} chart paints a step)")
    every_p95 = percentile(every, 0.95)
    print(f"  {'every case together':62s} median {statistics.median(every):5.1f}  p95 {every_p95:5.1f}"
          f"  ({every_p95 / bare_p95:.1f}x the bare p95)")
    frame = 1000 / 60
    within = sum(t <= frame for t in every) / len(every)
    bare_within = sum(t <= frame for t in bare_times) / len(bare_times)
    print(f"  steps within one 60 Hz frame ({frame:.1f} ms): {within:.0%} (bare pyqtgraph: {bare_within:.0%})")
    runs = max(3, args.repeat // 10)
    bare_start, app_start = startup(STARTUP_BARE, runs), startup(STARTUP_APP, runs)
    print("start-up to a painted window (fresh process, median):")
    print(f"  bare PySide6 window with one pyqtgraph plot (baseline): {bare_start:7.0f} ms")
    print(f"  specplan with the mh-collaborative sample:              {app_start:7.0f} ms"
          f"  ({app_start / bare_start:.1f}x baseline)")
    print("goals: p95 under 16 ms and within 1.5x of the bare update; start-up within 1.5x of the bare window")


if __name__ == "__main__":
    main()
