"""Commands that write reports: the board paper of a plan's options as an A4 PDF."""

from __future__ import annotations

import argparse
import os
from collections.abc import Callable
from pathlib import Path

from . import CommandError
from .plans import add_plan_source, load_plan_source


def _report_args(parser: argparse.ArgumentParser) -> None:
    add_plan_source(parser)
    parser.add_argument("--to", metavar="REPORT.pdf", required=True, help="the PDF file to write")
    parser.add_argument("--options", metavar="A,B",
                        help="only these options, comma-separated, in this order (default: every option)")


def _report(args: argparse.Namespace) -> int:
    plan = load_plan_source(args)
    options = None
    if args.options is not None:
        options = [name.strip() for name in args.options.split(",") if name.strip()]
        known = [s.name for s in plan.scenarios]
        unknown = [name for name in options if name not in known]
        if unknown or not options:
            what = f"unknown option {unknown[0]!r}" if unknown else "no options named"
            raise CommandError(f"{what} in {plan.name!r}; options: {', '.join(known)}")
    target = Path(args.to)
    if not target.parent.is_dir():
        raise CommandError(f"cannot write {target}: the folder {target.parent} does not exist")
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # a command line has no windows to show
    from ..ui.report import export_report

    try:
        written = export_report(plan, target, options)
    except OSError as error:
        raise CommandError(f"cannot write {target}: {error.strerror or error}") from None
    print(f"{written.path}  ({written.pages} pages)")
    return 0


COMMANDS: list[tuple[str, str, Callable, Callable]] = [
    ("report", "write a plan's options report (A4 PDF) for a board paper", _report_args, _report),
]
