"""Render every main view of a plan to PNG files, offscreen.

    python -m specplan.screenshots OUTDIR [--sample NAME | --plan FILE] [--size 1366x768] [--theme dark]
"""

from __future__ import annotations

import argparse
import os
import re
import sys
from pathlib import Path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m specplan.screenshots", description=__doc__.splitlines()[0])
    parser.add_argument("outdir", type=Path)
    parser.add_argument("--sample", default="mh-collaborative")
    parser.add_argument("--plan", type=Path, help="a .specplan file instead of a sample")
    parser.add_argument("--size", default="1366x768", help="window size, WIDTHxHEIGHT")
    parser.add_argument("--theme", default="light", choices=("system", "light", "dark"))
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    width, height = (int(n) for n in args.size.lower().split("x"))
    for path in render_views(args.outdir, width, height, sample=args.sample, plan_file=args.plan,
                             theme=args.theme):
        print(path)
    return 0


def render_views(outdir: Path, width: int, height: int, sample: str = "mh-collaborative",
                 plan_file: Path | None = None, theme: str = "light") -> list[Path]:
    """One PNG per tab of the main window, named after the tab and size."""
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from .domain.samples import build_sample
    from .ui.document.document import Document
    from .ui.shell.main_window import MainWindow

    app = QApplication.instance() or QApplication(sys.argv[:1])
    outdir.mkdir(parents=True, exist_ok=True)
    settings = QSettings(str(outdir / ".screenshots.ini"), QSettings.Format.IniFormat)
    settings.setValue("preferences/theme", theme)
    window = MainWindow(settings=settings)
    if plan_file is not None:
        window.open_path(plan_file)
    else:
        window.set_document(Document(build_sample(sample)))
    window.resize(width, height)
    window.show()
    written = []
    for index in range(window.tabs.count()):
        window.tabs.setCurrentIndex(index)
        settle(app, window.tabs.currentWidget())
        name = re.sub(r"[^a-z0-9]+", "-", window.tabs.tabText(index).lower()).strip("-")
        path = outdir / f"{name}-{width}x{height}.png"
        window.grab().save(str(path))
        written.append(path)
    window.document.undo_stack.setClean()
    window.close()
    return written


def settle(app, view, timeout: float = 60.0) -> None:
    """Let ``view`` finish what it works out off the GUI thread (the tornado), then paint."""
    import time

    deadline = time.monotonic() + timeout
    for _ in range(3):
        app.processEvents()
    while getattr(view, "busy", False) and time.monotonic() < deadline:
        time.sleep(0.005)
        app.processEvents()
    for _ in range(3):
        app.processEvents()


if __name__ == "__main__":
    sys.exit(main())

