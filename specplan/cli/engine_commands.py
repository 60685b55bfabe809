"""Commands over the engine: sample plans and their results."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable

from . import CommandError
from .plans import add_plan_source, load_plan_source


# -- samples -----------------------------------------------------------------------------------
def _samples_args(parser: argparse.ArgumentParser) -> None:
    pass


def _samples(args: argparse.Namespace) -> int:
    from ..domain.samples import sample_names

    for name in sample_names():
        print(name)
    return 0


# -- summary -----------------------------------------------------------------------------------
def _summary_args(parser: argparse.ArgumentParser) -> None:
    add_plan_source(parser)
    parser.add_argument("--scenario", metavar="NAME", help="only this option")
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")


def _summary(args: argparse.Namespace) -> int:
    from ..engine import compute
    from ..engine.summary import summarise

    plan = load_plan_source(args)
    if args.scenario is not None and args.scenario not in {s.name for s in plan.scenarios}:
        names = ", ".join(s.name for s in plan.scenarios)
        raise CommandError(f"unknown scenario {args.scenario!r} in {plan.name!r}; options: {names}")
    summary = summarise(compute(plan), args.scenario)
    if args.json:
        json.dump(summary, sys.stdout, indent=2)
        print()
    else:
        print(format_summary(summary))
    return 0


def format_summary(summary: dict) -> str:
    """A readable table per option: spend, saving, double running, community share, beds."""
    years = summary["years"]
    lines = [f"{summary['plan']}  ({summary['services']} services, {summary['icbs']} ICBs, "
             f"{years[0]} to {years[-1]}; money in £m)"]
    rows: list[tuple[str, str, Callable[[float], str]]] = [
        ("Spend", "spend_pence", _millions),
        ("Do nothing", "do_nothing_spend_pence", _millions),
        ("Saving", "saving_pence", _millions),
        ("Reinvested", "reinvested_pence", _millions),
        ("Double running", "double_running_pence", _millions),
        ("Community share", "community_share", lambda v: f"{v:.1%}"),
        ("Beds", "beds", lambda v: f"{v:,.0f}"),
    ]
    width = max(9, *(len(y) for y in years))
    for scenario in summary["scenarios"]:
        lines += ["", scenario["name"], f"{'':<16}" + "".join(f"{y:>{width + 1}}" for y in years)]
        for label, key, show in rows:
            values = scenario["totals"][key]
            lines.append(f"{label:<16}" + "".join(f"{show(v):>{width + 1}}" for v in values))
    return "\n".join(lines)


def _millions(pence: float) -> str:
    return f"{pence / 100 / 1e6:,.2f}"


COMMANDS: list[tuple[str, str, Callable, Callable]] = [
    ("samples", "list the sample plans, one name a line", _samples_args, _samples),
    ("summary", "print a plan's results per option and year", _summary_args, _summary),
]

