"""``specplan``: the desktop application's entry point."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence


def parse_args(argv: Sequence[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="specplan", description="Plan specialised commissioning.")
    parser.add_argument("plan", nargs="?", metavar="PLAN", help="a .specplan file to open")
    parser.add_argument("--sample", metavar="NAME", help="open a built-in sample plan")
    parser.add_argument("--self-test", action="store_true",
                        help="open a sample, recompute, render every view offscreen, exit 0 or 1")
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(sys.argv[1:] if argv is None else argv)
    if args.self_test:
        from .selftest import run_self_test

        return run_self_test()
    from .tuning import tune_allocator

    tune_allocator()
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("specplan")
    app.setOrganizationName("specplan")
    window = build_window(args)
    window.show()
    window.offer_recovery()  # unsaved edits from a session that crashed
    return app.exec()


def build_window(args: argparse.Namespace):
    """The main window with the plan the arguments name (or none)."""
    from .ui.document.document import Document
    from .ui.shell.main_window import MainWindow

    window = MainWindow()
    if args.plan:
        window.open_path(args.plan)
    elif args.sample:
        from .domain.samples import build_sample

        window.set_document(Document(build_sample(args.sample)))
    return window


if __name__ == "__main__":
    sys.exit(main())
