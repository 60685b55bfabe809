"""Commands over workbooks: a blank template, export a plan, import a plan workbook or a baseline.

Imports are all or nothing: on any problem every problem is printed, the command exits 2 and
the plan file is not touched. The excel and store packages are imported inside the handlers so
that ``specplan-cli --help`` stays quick.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path

from ..domain.words import plural
from . import CommandError
from .plans import add_plan_source, load_plan_source

UNIT_CHOICES = ("gbp", "gbp_k", "gbp_m")


# -- template ------------------------------------------------------------------------------------
def _template_args(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--to", required=True, metavar="BOOK.xlsx", help="the workbook to write")


def _template(args: argparse.Namespace) -> int:
    from ..excel import write_template

    path = write_template(_xlsx(args.to))
    print(f"wrote {path}: a blank plan workbook; see its Instructions sheet, then "
          f"'specplan-cli import {path.name} --into PLAN.specplan'")
    return 0


# -- export --------------------------------------------------------------------------------------
def _export_args(parser: argparse.ArgumentParser) -> None:
    add_plan_source(parser)
    parser.add_argument("--to", required=True, metavar="BOOK.xlsx", help="the workbook to write")


def _export(args: argparse.Namespace) -> int:
    from ..excel import export_workbook

    plan = load_plan_source(args)
    source = str(Path(args.plan).resolve()) if args.plan else f"specplan sample {args.sample!r}"
    path = export_workbook(plan, _xlsx(args.to), source=source)
    print(f"wrote {path}: {plan.name} ({plural(len(plan.scenarios), 'option')}, {plan.years[0]} to {plan.years[-1]})")
    return 0


# -- import (a plan workbook) ------------------------------------------------------------------------
def _import_args(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("book", metavar="BOOK", help="a plan workbook (from export or template)")
    parser.add_argument("--into", required=True, metavar="PLAN", help="the .specplan file to write")
    parser.add_argument("--force", action="store_true", help="replace PLAN if it exists")


def _import(args: argparse.Namespace) -> int:
    from ..excel import read_plan_workbook
    from ..excel.money import pounds_text

    target = Path(args.into)
    if target.exists() and not args.force:
        raise CommandError(f"{target} already exists; give --force to replace it with the workbook's plan")
    plan, warnings = _nothing_changed(lambda: read_plan_workbook(args.book), target)
    from ..store import save_plan, save_plan_as

    (save_plan_as if target.exists() else save_plan)(plan, target)
    print(f"imported {Path(args.book).name} into {target}: {plan.name!r}, {plural(len(plan.services), 'service')}, "
          f"{plural(len(plan.icbs), 'ICB')}, {plural(len(plan.scenarios), 'option')}, base year {plan.years[0]} "
          f"spend {pounds_text(plan.baseline.total_pence)}")
    for warning in warnings:
        print(f"warning: {warning}")
    return 0


# -- import-baseline (a finance spreadsheet) ---------------------------------------------------------
def _import_baseline_args(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("book", metavar="BOOK", help="a finance spreadsheet (.xlsx, .xlsm, .xls, .ods or .csv)")
    parser.add_argument("--into", required=True, metavar="PLAN", help="the .specplan file whose baseline to replace")
    parser.add_argument("--sheet", metavar="S", help="the sheet to read (default: the first that looks right)")
    parser.add_argument("--units", choices=UNIT_CHOICES, help="amounts are in £, £k or £m (default: from the sheet)")
    parser.add_argument("--mapping", metavar="MAP.json", help="explicit column mapping (see docs/excel.md)")
    parser.add_argument("--dry-run", action="store_true", help="check and report, but do not change PLAN")
    parser.add_argument("--drop-empty", action="store_true",
                        help="drop the ICBs and services left with no spend or activity at all")
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument("--replace", dest="mode", action="store_const", const="replace",
                      help="replace the whole baseline: cells the sheet does not mention become zero")
    mode.add_argument("--update", dest="mode", action="store_const", const="update",
                      help="update only the cells the sheet mentions; keep the rest of the baseline")


def _import_baseline(args: argparse.Namespace) -> int:
    from ..excel import import_baseline
    from ..store import ChangeEntry, diff_plans, open_plan, save_plan

    target = Path(args.into)
    plan = open_plan(target, read_only=args.dry_run)
    new, report = _nothing_changed(
        lambda: import_baseline(args.book, plan, sheet=args.sheet, units=args.units, mapping=args.mapping,
                                mode=args.mode or "replace"), target)
    if args.mode is None and report.unmentioned.cells and not args.dry_run:
        raise CommandError(f"{Path(args.book).name}: {report.unmentioned.describe()}; give --replace to set "
                           "them to zero (replace the whole baseline) or --update to keep them (change only "
                           f"the cells the sheet mentions)\nnothing was imported; {target} is unchanged")
    for line in report.lines():
        print(line)
    if args.drop_empty:
        from ..domain.trim import drop_empty

        new, dropped = drop_empty(new)
        print(("would drop " if args.dry_run else "dropped ") + dropped.describe())
    if args.dry_run:
        if args.mode is None and report.unmentioned.cells:
            print("give --replace or --update to import it")
        print(f"dry run: {target} was not changed")
        return 0
    changes = [ChangeEntry("baseline imported", None, f"{Path(args.book).name} sheet {report.sheet!r}"),
               *diff_plans(plan, new)]
    save_plan(new, target, changes)
    print(f"saved {target}")
    return 0


def _nothing_changed(read: Callable, target: Path):
    """Run an import; on failure say plainly that the plan file was left alone."""
    from ..excel import ImportFileError

    try:
        return read()
    except ImportFileError as error:
        raise CommandError(f"{error}\nnothing was imported; {target} is unchanged") from None


def _xlsx(path: str) -> Path:
    target = Path(path)
    if target.suffix.lower() not in (".xlsx", ".xlsm"):
        raise CommandError(f"{target}: give a workbook name ending .xlsx")
    return target


COMMANDS: list[tuple[str, str, Callable, Callable]] = [
    ("template", "write a blank plan workbook with dropdowns and instructions", _template_args, _template),
    ("export", "write a plan and its results to an Excel workbook", _export_args, _export),
    ("import", "make a plan file from a plan workbook (from export or template)", _import_args, _import),
    ("import-baseline", "replace a plan's base-year spend and activity from a finance spreadsheet",
     _import_baseline_args, _import_baseline),
]
