"""Commands over plan files: make a sample plan file, validate a file, its change log, unlock.

``summary PLAN`` (engine_commands) opens plan files through the same store.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path

from ..domain.words import plural
from . import CommandError

EXIT_PROBLEMS = 1


# -- new -----------------------------------------------------------------------------------------
def _new_args(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("plan", metavar="PLAN", help="the .specplan file to write")
    source = parser.add_mutually_exclusive_group(required=True)
    source.add_argument("--sample", metavar="NAME", help="a sample plan (see 'samples')")
    source.add_argument("--icbs", metavar="CODES", help="an empty plan for these ICBs (comma-separated codes)")
    source.add_argument("--region", metavar="R", help="an empty plan for every ICB of region R (e.g. Y60)")
    parser.add_argument("--services", metavar="CODES",
                        help="with --icbs or --region: these service lines (default: every plannable line)")
    parser.add_argument("--name", default="New plan", help="the new plan's name (default: New plan)")
    parser.add_argument("--force", action="store_true", help="replace PLAN if it exists")


def _new(args: argparse.Namespace) -> int:
    from ..domain.samples import new_plan, sample_names
    from ..store import save_plan_as
    from ..store.samples import write_sample

    path = Path(args.plan)
    if args.sample is not None and args.services is not None:
        raise CommandError("--services goes with --icbs or --region, not --sample")
    if args.sample is not None and args.sample not in sample_names():
        raise CommandError(f"unknown sample {args.sample!r}; samples: {', '.join(sample_names())}")
    if path.exists() and not args.force:
        raise CommandError(f"{path} already exists; give --force to replace it")
    if args.sample is not None:
        write_sample(args.sample, path)
        print(f"wrote {path}")
        return 0
    plan = new_plan(icbs=_codes(args.icbs), region=args.region, services=_codes(args.services), name=args.name)
    save_plan_as(plan, path)
    print(f"wrote {path}: {plan.name!r}, {plural(len(plan.icbs), 'ICB')}, "
          f"{plural(len(plan.services), 'service')}, no spend yet; "
          f"fill it with 'specplan-cli import-baseline BOOK --into {path.name} --replace --drop-empty'")
    return 0


def _codes(text: str | None) -> list[str] | None:
    return None if text is None else [c.strip() for c in text.split(",") if c.strip()]


# -- validate ------------------------------------------------------------------------------------
def _validate_args(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("plan", metavar="PLAN", help="a .specplan file")


def _validate(args: argparse.Namespace) -> int:
    from ..store.validate import check_file

    plan, problems = check_file(args.plan)
    if problems:
        print(f"{args.plan}: {plural(len(problems), 'problem')} found:")
        for problem in problems:
            print(f"  - {problem}")
        return EXIT_PROBLEMS
    print(f"{args.plan}: OK ({plan.name}: {len(plan.services)} services, {len(plan.icbs)} ICBs, "
          f"{len(plan.scenarios)} options; file integrity and every invariant checked)")
    return 0


# -- log -----------------------------------------------------------------------------------------
def _log_args(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("plan", metavar="PLAN", help="a .specplan file")


def _log(args: argparse.Namespace) -> int:
    from ..store import read_change_log

    entries = read_change_log(args.plan)
    for entry in entries:
        print(entry.describe())
    if not entries:
        print(f"{args.plan}: no changes logged yet")
    return 0


# -- unlock --------------------------------------------------------------------------------------
def _unlock_args(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("plan", metavar="PLAN", help="a .specplan file")
    parser.add_argument("--force", action="store_true",
                        help="break the lock even though its session may still be running")


def _unlock(args: argparse.Namespace) -> int:
    from ..store.locks import break_lock, read_lock

    path = Path(args.plan)
    holder = read_lock(path)
    if holder is None:
        print(f"{path} is not locked")
        return 0
    if not holder.is_stale and not args.force:
        raise CommandError(f"{path} is open by {holder.describe()}; that session is still running "
                           "(give --force only if you are sure it is not)")
    break_lock(path, holder)
    print(f"{path}: broke the lock of {holder.describe()}")
    return 0


COMMANDS: list[tuple[str, str, Callable, Callable]] = [
    ("new", "write a new plan file: a sample, or an empty plan for chosen ICBs and services", _new_args, _new),
    ("validate", "check a plan file's integrity and the plan's invariants", _validate_args, _validate),
    ("log", "print a plan file's change log", _log_args, _log),
    ("unlock", "break the lock a crashed session left on a plan file", _unlock_args, _unlock),
]
