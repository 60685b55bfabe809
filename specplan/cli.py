"""``specplan-cli``: the planning engine, plan files and workbooks from the command line.

Errors a user can cause print one line and exit 2; no traceback.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence

from . import __version__
from .domain.errors import ValidationError

EXIT_USAGE = 2


class CommandError(Exception):
    """A user error with a message to print; exits with ``code``."""

    def __init__(self, message: str, code: int = EXIT_USAGE):
        super().__init__(message)
        self.code = code


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "handler", None):
        parser.print_help()
        return EXIT_USAGE
    try:
        return args.handler(args) or 0
    except CommandError as error:
        print(f"specplan-cli: {error}", file=sys.stderr)
        return error.code
    except ValidationError as error:
        print(f"specplan-cli: {error}", file=sys.stderr)
        return EXIT_USAGE
    except BrokenPipeError:
        return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="specplan-cli", description="Plan specialised commissioning budgets from the command line."
    )
    parser.add_argument("--version", action="version", version=f"specplan {__version__}")
    commands = parser.add_subparsers(title="commands", metavar="COMMAND")
    for name, help_text, configure, handler in COMMANDS:
        sub = commands.add_parser(name, help=help_text, description=help_text)
        configure(sub)
        sub.set_defaults(handler=handler)
    return parser


# -- samples -----------------------------------------------------------------------------------
def _samples_args(parser: argparse.ArgumentParser) -> None:
    pass


def _samples(args: argparse.Namespace) -> int:
    from .samples import sample_names

    for name in sample_names():
        print(name)
    return 0


# -- summary -----------------------------------------------------------------------------------
def _summary_args(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--sample", metavar="NAME", required=True, help="a sample plan (see 'samples')")
    parser.add_argument("--scenario", metavar="NAME", help="only this option")
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")


def _summary(args: argparse.Namespace) -> int:
    from .engine import compute
    from .engine.summary import summarise
    from .samples import build_sample, sample_names

    if args.sample not in sample_names():
        raise CommandError(f"unknown sample {args.sample!r}; samples: {', '.join(sample_names())}")
    plan = build_sample(args.sample)
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


if __name__ == "__main__":
    sys.exit(main())
