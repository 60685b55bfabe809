"""Run by test_real_window.py on an X server: the app in a real window, driven by real input.

Prints one JSON line: what the slider drag did, the undo steps it made, and each view's layout
problems at each screen size, with the screenshots written to OUTDIR.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import time
from pathlib import Path

from PySide6.QtCore import QPoint, QSettings
from PySide6.QtWidgets import QApplication, QSlider, QStyle, QStyleOptionSlider

from specplan.screenshots import settle as settle_view


def settle(app: QApplication, seconds: float = 0.2) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        app.processEvents()
        time.sleep(0.01)


def handle_centre(slider: QSlider) -> QPoint:
    option = QStyleOptionSlider()
    slider.initStyleOption(option)
    rect = slider.style().subControlRect(QStyle.ComplexControl.CC_Slider, option,
                                         QStyle.SubControl.SC_SliderHandle, slider)
    return slider.mapToGlobal(rect.center())


def drag_with_xdotool(app: QApplication, start: QPoint, dx: int) -> None:
    steps = ["mousemove", str(start.x()), str(start.y()), "sleep", "0.2", "mousedown", "1"]
    for n in range(1, 7):
        steps += ["sleep", "0.05", "mousemove", str(start.x() + dx * n // 6), str(start.y())]
    steps += ["sleep", "0.1", "mouseup", "1"]
    process = subprocess.Popen(["xdotool", *steps])
    while process.poll() is None:  # keep the event loop turning while X delivers the events
        settle(app, 0.05)
    settle(app, 0.3)


def main(outdir: Path) -> None:
    app = QApplication(sys.argv[:1])
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # tests/: layout_check
    from layout_check import layout_problems

    from specplan.domain.samples import build_sample
    from specplan.ui.document.document import Document
    from specplan.ui.shell.main_window import MainWindow

    window = MainWindow(settings=QSettings(str(outdir / "settings.ini"), QSettings.Format.IniFormat))
    window.set_document(Document(build_sample("mh-collaborative")))
    window.move(0, 0)
    window.resize(1366, 768)
    window.show()
    window.raise_()
    window.activateWindow()
    settle(app, 0.5)
    options = next(n for n in range(window.tabs.count()) if window.tabs.tabText(n) == "Options")
    window.tabs.setCurrentIndex(options)
    settle(app, 0.3)
    sliders = [s for s in window.tabs.widget(options).findChildren(QSlider) if s.isVisible() and s.isEnabled()]
    slider = sliders[0]
    before_value, before_plan = slider.value(), window.document.plan
    drag_with_xdotool(app, handle_centre(slider), dx=max(60, slider.width() // 4))
    result = {
        "slider": slider.accessibleName() or slider.objectName(),
        "before": before_value,
        "after": slider.value(),
        "plan_changed": window.document.plan != before_plan,
        "undo_steps": window.document.undo_stack.count(),
        "platform": app.platformName(),
        "problems": {},
        "screenshots": [],
    }
    for width, height in ((1366, 768), (1920, 1080)):
        window.resize(width, height)
        settle(app, 0.3)
        for index in range(window.tabs.count()):
            window.tabs.setCurrentIndex(index)
            settle_view(app, window.tabs.currentWidget())  # the tornado is worked out off the GUI thread
            settle(app, 0.3)
            name = re.sub(r"[^a-z0-9]+", "-", window.tabs.tabText(index).lower())
            path = outdir / f"{name}-{width}x{height}.png"
            window.grab().save(str(path))
            result["screenshots"].append(str(path))
            problems = layout_problems(window)
            if problems:
                result["problems"][f"{name} {width}x{height}"] = problems
    window.document.undo_stack.setClean()
    window.close()
    print(json.dumps(result))


if __name__ == "__main__":
    main(Path(sys.argv[1]))
