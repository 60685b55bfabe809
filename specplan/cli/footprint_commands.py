"""Commands over ICB footprints in time: list the vintages or one vintage's ICBs, add a vintage,
re-map a plan onto the next vintage."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from pathlib import Path

from . import CommandError
from .plans import add_plan_source, load_plan_source


# -- footprints ------------------------------------------------------------------------------
def _footprints_args(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--vintage", metavar="V", help="list this vintage's ICBs instead of the vintages")
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")
    actions = parser.add_subparsers(dest="action", metavar="ACTION")
    add = actions.add_parser("add-vintage", help="add a newer ICB vintage from a CSV or workbook (see docs/model.md)",
                             description="add a newer ICB vintage from a CSV or workbook (see docs/model.md)")
    add.add_argument("file", metavar="FILE", help="a .csv or workbook: vintage, effective_from, code, name, "
                                                  "region, population, from_code, share")
    add.add_argument("--json", action="store_true", help="print the new vintage as JSON")


def _footprints(args: argparse.Namespace) -> int:
    from ..domain.user_vintages import load_vintages

    if args.action == "add-vintage":
        return _add_vintage(args)
    vintages = load_vintages()
    if args.vintage is None:
        rows = [{"code": v.code, "effective_from": v.effective_from, "icb_count": len(v.icbs)} for v in vintages]
        _print(rows, args.json, ("code", "effective_from", "icb_count"))
        return 0
    if args.vintage not in vintages.codes:
        raise CommandError(f"unknown vintage {args.vintage!r}; vintages: {', '.join(vintages.codes)}")
    vintage = vintages.get(args.vintage)
    rows = [{"code": i.code, "name": i.name, "region": i.region, "weight": i.population} for i in vintage.icbs]
    _print(rows, args.json, ("code", "name", "region", "weight"))
    return 0


def _add_vintage(args: argparse.Namespace) -> int:
    from ..excel.vintage_book import add_vintage_file

    vintage = add_vintage_file(args.file)
    if args.json:
        json.dump({"code": vintage.code, "effective_from": vintage.effective_from, "icb_count": len(vintage.icbs),
                   "previous": vintage.previous}, sys.stdout, indent=2)
        print()
    else:
        print(f"added vintage {vintage.code} (from {vintage.effective_from}): {len(vintage.icbs)} ICBs, "
              f"succeeding {vintage.previous}")
    return 0


def _print(rows: list[dict[str, object]], as_json: bool, columns: tuple[str, ...]) -> None:
    if as_json:
        json.dump(rows, sys.stdout, indent=2)
        print()
        return
    widths = [max(len(c), *(len(_text(r[c])) for r in rows)) for c in columns]
    print("  ".join(c.ljust(w) for c, w in zip(columns, widths)).rstrip())
    for row in rows:
        print("  ".join(_text(row[c]).ljust(w) for c, w in zip(columns, widths)).rstrip())


def _text(value: object) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


# -- remap -----------------------------------------------------------------------------------
def _remap_args(parser: argparse.ArgumentParser) -> None:
    add_plan_source(parser)
    parser.add_argument("--to", required=True, metavar="VINTAGE", help="the vintage to re-map to (the next one)")
    parser.add_argument("--into", required=True, metavar="NEW", help="the .specplan file to write")
    parser.add_argument("--force", action="store_true", help="replace NEW if it exists")
    parser.add_argument("--json", action="store_true", help="print the report as JSON")


def _remap(args: argparse.Namespace) -> int:
    from ..engine.remap import remap
    from ..store import save_plan, save_plan_as

    target = Path(args.into)
    if args.plan is not None and target.resolve() == Path(args.plan).resolve():
        raise CommandError(f"{target} is the plan being re-mapped; give another --into (the original is kept)")
    if target.exists() and not args.force:
        raise CommandError(f"{target} already exists; give --force to replace it with the re-mapped plan")
    plan = load_plan_source(args)
    new_plan, report = remap(plan, args.to)
    (save_plan_as if target.exists() else save_plan)(new_plan, target)
    if args.json:
        json.dump(report.as_json(), sys.stdout, indent=2)
        print()
    else:
        print("\n".join(report.lines()))
        print(f"wrote {target}: {new_plan.name!r} on vintage {new_plan.vintage}, {len(new_plan.icbs)} ICBs")
    return 0


COMMANDS: list[tuple[str, str, Callable, Callable]] = [
    ("footprints", "list the ICB vintages, one vintage's ICBs, or add a vintage", _footprints_args, _footprints),
    ("remap", "re-map a plan onto the next ICB vintage, into a new plan file", _remap_args, _remap),
]
