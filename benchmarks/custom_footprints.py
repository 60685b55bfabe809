"""Speed of footprints in the desktop app, offscreen, on the national-scale plan.

    python benchmarks/custom_footprints.py [--repeat N]

``bench_custom_footprint_view``: the Footprints view with a service planned on a footprint of
the plan's own with 11 groups (the regions, with the Midlands, London, the North West and the
North East and Yorkshire each split in two). Timed: moving an ICB between groups (the edit, the
recompute, the view's refresh: pools, ICB table, chart, editor tree) to a finished repaint, and
the view's refresh alone; next to a bare pyqtgraph update and paint in the same run
(``benchmarks/ui.py``'s baseline). Median and 95th percentile.
"""

from __future__ import annotations

import argparse
import os
import statistics
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from ui import bare_update, percentile, settle  # noqa: E402

SPLIT = ("Y60", "Y56", "Y62", "Y63")  # regions split in two: 7 + 4 = 11 groups


def eleven_groups(plan):
    from specplan.domain import Footprint, FootprintGroup

    groups = []
    for region in plan.regions:
        codes = tuple(i.code for i in plan.icbs if i.region == region.code)
        if region.code in SPLIT:
            half = (len(codes) + 1) // 2
            groups += [FootprintGroup(f"{region.name} A", codes[:half]), FootprintGroup(f"{region.name} B", codes[half:])]
        else:
            groups.append(FootprintGroup(region.name, codes))
    return Footprint("Joint committees", tuple(groups))


def bench_custom_footprint_view(repeat: int = 30):
    """(move timings, refresh timings, bare timings) in ms, and the number of pools shown."""
    import pyqtgraph as pg
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from specplan.domain import edits
    from specplan.domain import footprint_edits as fe
    from specplan.domain.samples import build_sample
    from specplan.tuning import tune_allocator
    from specplan.ui.document.document import Document
    from specplan.ui.shell.main_window import MainWindow

    tune_allocator()
    app = QApplication.instance() or QApplication([])
    plan = build_sample("national")
    footprint = eleven_groups(plan)
    assert len(footprint.groups) == 11
    plan = plan.replace(footprints=(footprint,))
    service = plan.services[0].code
    plan = edits.set_planning_level(plan, service, footprint.name).plan
    window = MainWindow(settings=QSettings("/tmp/specplan-bench.ini", QSettings.Format.IniFormat))
    document = Document(plan)
    window.set_document(document)
    window.resize(1366, 768)
    window.show()
    titles = [window.tabs.tabText(n) for n in range(window.tabs.count())]
    window.tabs.setCurrentIndex(titles.index("Footprints"))
    settle(app)
    view = window.tabs.currentWidget()
    view.select_service(service)
    settle(app)
    pools = view.pools.rowCount()
    first, second = footprint.groups[0], footprint.groups[1]
    icb = first.icbs[0]
    moves, refreshes = [], []
    for n in range(repeat + 5):
        start = time.perf_counter()
        document.try_apply(fe.move_icb, footprint.name, icb, (second if n % 2 == 0 else first).name)
        document.recompute_now()
        settle(app)
        moved = time.perf_counter()
        view.refresh()
        settle(app)
        done = time.perf_counter()
        if n >= 5:
            moves.append((moved - start) * 1e3)
            refreshes.append((done - moved) * 1e3)
    sizes = [c.size() for c in view.findChildren(pg.PlotWidget)] * 3
    bare = bare_update(app, sizes[:3], repeat)
    document.undo_stack.setClean()
    window.close()
    return moves, refreshes, bare, pools


def _line(label: str, times: list[float]) -> str:
    return f"{label:58s} median {statistics.median(times):7.1f} ms   p95 {percentile(times, 0.95):7.1f} ms"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=30)
    args = parser.parse_args()
    moves, refreshes, bare, pools = bench_custom_footprint_view(args.repeat)
    print(f"Footprints view, a service on a footprint of 11 groups ({pools} pools shown):")
    print(_line("  move an ICB: edit, recompute, refresh, paint", moves))
    print(_line("  the view's refresh and paint alone", refreshes))
    print(_line("  bare pyqtgraph update and paint (same run)", bare))


if __name__ == "__main__":
    main()
