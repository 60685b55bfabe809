from __future__ import annotations

import numpy as np

from specplan.engine import compute
from specplan.samples import build_sample
from specplan.ui.main_window import MainWindow


def test_window_shows_each_options_spend(qtbot):
    results = compute(build_sample("mh-collaborative"))
    window = MainWindow()
    qtbot.addWidget(window)
    window.show_results(results)
    window.show()
    assert "East Midlands" in window.windowTitle()
    assert set(window.curves) == {s.name for s in results.scenarios}
    x, y = window.curves["Community first"].getData()
    assert np.allclose(y, results.scenario("Community first").total_spend / 100 / 1e6)
    assert len(x) == results.plan.horizon + 1
