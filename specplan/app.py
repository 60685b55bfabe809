"""``specplan``: the desktop application's entry point."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="specplan", description="Plan specialised commissioning.")
    parser.add_argument("--sample", metavar="NAME", default="mh-collaborative",
                        help="open a sample plan (default: mh-collaborative)")
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(sys.argv[1:] if argv is None else argv)
    from .tuning import tune_allocator

    tune_allocator()
    from PySide6.QtWidgets import QApplication

    from .engine import compute
    from .samples import build_sample
    from .ui.main_window import MainWindow

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("specplan")
    app.setOrganizationName("specplan")
    plan = build_sample(args.sample)
    window = MainWindow()
    window.show_results(compute(plan))
    window.show()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
