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
    parser.add_argument("--sample", metavar="NAME", required=True, help="the sample plan (see 'samples')")
    parser.add_argument("--force", action="store_true", help="replace PLAN if it exists")


def _new(args: argparse.Namespace) -> int:
    from ..domain.samples import sample_names
    from ..store.samples import write_sample

    if args.sample not in sample_names():
        raise CommandError(f"unknown sample {args.sample!r}; samples: {', '.join(sample_names())}")
    path = Path(args.plan)
    if path.exists() and not args.force:
        raise CommandError(f"{path} already exists; give --force to replace it")
    write_sample(args.sample, path)
    print(f"wrote {path}")
    return 0


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
    ("new", "write a sample plan to a .specplan file", _new_args, _new),
    ("validate", "check a plan file's integrity and the plan's invariants", _validate_args, _validate),
    ("log", "print a plan file's change log", _log_args, _log),
    ("unlock", "break the lock a crashed session left on a plan file", _unlock_args, _unlock),
]
