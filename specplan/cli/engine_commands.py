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



# -- explain -----------------------------------------------------------------------------------
def _explain_args(parser: argparse.ArgumentParser) -> None:
    from ..engine.coalitions import METRICS

    add_plan_source(parser)
    parser.add_argument("--scenario", "--option", dest="scenario", metavar="B", required=True,
                        help="the option to explain")
    parser.add_argument("--against", metavar="A", help="another option (default: doing nothing)")
    parser.add_argument("--metric", choices=METRICS, default="cumulative_saving",
                        help="cumulative_saving (saving summed from the base year to the year; the default), "
                             "or spend, community_share or beds in the year")
    parser.add_argument("--year", type=int, default=None, metavar="Y",
                        help="year offset from the base year (0) to the horizon; default the final year")
    parser.add_argument("--json", action="store_true", help="print JSON instead of a waterfall")


def _explain(args: argparse.Namespace) -> int:
    from ..engine.attribution import attribute
    from ..engine.coalitions import PENCE_METRICS

    plan = load_plan_source(args)
    names = [s.name for s in plan.scenarios]
    for name in (args.scenario, args.against):
        if name is not None and name not in names:
            raise CommandError(f"unknown option {name!r} in {plan.name!r}; options: {', '.join(names)}")
    year = plan.horizon if args.year is None else args.year
    if not 0 <= year <= plan.horizon:
        raise CommandError(f"--year {year} is outside the plan: give 0 (the base year) to {plan.horizon}")
    result = attribute(plan, args.scenario, against=args.against, metric=args.metric, year=year)
    pence = args.metric in PENCE_METRICS
    if args.json:
        out = {
            "option": result.option, "against": result.against, "metric": result.metric,
            "year": result.year, "year_label": plan.years[result.year],
            "start": result.start, "end": result.end, "total": result.total,
            "contributions": [
                {"option": c.option, "lever": c.lever + 1, "text": c.text, "value": c.value,
                 **({} if c.standard_error is None else {"standard_error": c.standard_error})}
                for c in result.contributions],
            "exact": result.exact,
        }
        if not result.exact:
            out["standard_error"] = {f"{c.option}/{c.lever + 1}": c.standard_error for c in result.contributions}
        json.dump(out, sys.stdout, indent=2)
        print()
        return 0
    show = _pounds if pence else (lambda v: f"{v:+.1%}") if args.metric == "community_share" else (
        lambda v: f"{v:+,.1f} beds")
    against = args.against or "doing nothing"
    print(f"{result.option} against {against}: {args.metric.replace('_', ' ')} "
          f"{'to' if args.metric == 'cumulative_saving' else 'in'} {plan.years[year]}")
    print(f"  {'difference':<64}{show(result.total):>16}")
    for c in result.contributions:
        sign = "" if c.option == result.option else f"(less {c.option}) "
        error = "" if c.standard_error is None else f"  +/- {show(c.standard_error)}"
        print(f"  {(sign + c.text)[:64]:<64}{show(c.value):>16}{error}")
    if not result.exact:
        print("  (sampled: more than 12 levers; +/- one standard error)")
    return 0


def _pounds(pence: float) -> str:
    sign = "-" if pence < 0 else "+"
    return f"{sign}£{abs(pence) / 100 / 1e6:,.2f}m"


COMMANDS.append(("explain", "say what each lever contributes to the difference an option makes",
                 _explain_args, _explain))
