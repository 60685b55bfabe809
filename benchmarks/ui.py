"""Live-update and start-up speed of the desktop app, offscreen, on the national-scale plan.

    python benchmarks/ui.py [--repeat N]

1. A lever value change to a finished repaint of the visible charts (edit, recompute, every
   chart's setData, a synchronous repaint), median and 95th percentile, next to a bare pyqtgraph
   update and repaint of the same items (same curves and bars, new arrays) in the same run.
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


def percentile(values: list[float], share: float) -> float:
    return float(np.percentile(values, share * 100))


def live_update(repeat: int) -> tuple[list[float], list[float]]:
    import pyqtgraph as pg
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication, QGridLayout, QWidget

    from specplan.domain import edits
    from specplan.samples import build_sample
    from specplan.tuning import tune_allocator
    from specplan.ui.document import Document
    from specplan.ui.main_window import MainWindow

    tune_allocator()
    app = QApplication.instance() or QApplication([])
    window = MainWindow(settings=QSettings("/tmp/specplan-bench.ini", QSettings.Format.IniFormat))
    document = Document(build_sample("national"))
    window.set_document(document)
    window.resize(1366, 768)
    window.show()
    app.processEvents()
    overview = window.tabs.widget(0)
    name = document.plan.scenarios[1].name
    document.select_scenario(name)
    app.processEvents()
    shares = np.linspace(0.05, 0.95, repeat + 5)
    app_times = []
    for n, value in enumerate(shares):
        start = time.perf_counter()
        document.try_apply(edits.set_lever, name, 0, "target_share", float(value), merge_key=("bench",))
        document.recompute_now()
        overview.repaint()
        if n >= 5:
            app_times.append((time.perf_counter() - start) * 1e3)

    # The same items on bare pyqtgraph: 4 curves, 4 bar sets, 4 lines, new data, repaint.
    bare = QWidget()
    grid = QGridLayout(bare)
    plots = [pg.PlotWidget() for _ in range(3)]
    for n, plot in enumerate(plots):
        grid.addWidget(plot, n // 2, n % 2)
    years = np.arange(11)
    curves = [plots[0].plot(years, years * 0.0) for _ in range(4)]
    bars = [pg.BarGraphItem(x=years, height=years * 0.0, width=0.7) for _ in range(4)]
    for bar in bars:
        plots[1].addItem(bar)
    lines = [plots[2].plot(years, years * 0.0) for _ in range(4)]
    bare.resize(1366, 700)
    bare.show()
    app.processEvents()
    bare_times = []
    for n in range(repeat + 5):
        data = np.random.default_rng(n).random((12, 11)) * 1e4
        start = time.perf_counter()
        for item, row in zip(curves + lines, data):
            item.setData(years, row)
        bottom = np.zeros(11)
        for bar, row in zip(bars, data[8:]):
            bar.setOpts(x=years, height=row, y0=bottom.copy())
            bottom += row
        bare.repaint()
        if n >= 5:
            bare_times.append((time.perf_counter() - start) * 1e3)
    window.document.undo_stack.setClean()
    window.close()
    bare.close()
    return app_times, bare_times


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
    app_times, bare_times = live_update(args.repeat)
    app_median, app_p95 = statistics.median(app_times), percentile(app_times, 0.95)
    bare_median, bare_p95 = statistics.median(bare_times), percentile(bare_times, 0.95)
    print("national plan, lever change to repainted overview charts:")
    print(f"  bare pyqtgraph update + repaint (baseline): median {bare_median:6.1f} ms  p95 {bare_p95:6.1f} ms")
    print(f"  specplan edit + recompute + repaint:        median {app_median:6.1f} ms  p95 {app_p95:6.1f} ms"
          f"  ({app_p95 / bare_p95:.1f}x baseline at p95)")
    runs = max(3, args.repeat // 10)
    bare_start, app_start = startup(STARTUP_BARE, runs), startup(STARTUP_APP, runs)
    print("start-up to a painted window (fresh process, median):")
    print(f"  bare PySide6 window with one pyqtgraph plot (baseline): {bare_start:7.0f} ms")
    print(f"  specplan with the mh-collaborative sample:              {app_start:7.0f} ms"
          f"  ({app_start / bare_start:.1f}x baseline)")
    print("goals: p95 under 16 ms and within 1.5x of the bare update; start-up within 1.5x of the bare window")


if __name__ == "__main__":
    main()
