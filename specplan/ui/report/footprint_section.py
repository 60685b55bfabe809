"""The report's "Spend by footprint": the plan's spend rolled up by each of its own footprints
(by region when it has none), group by group, for doing nothing and each option."""

from __future__ import annotations

from html import escape

from ...domain.footprints import PlanningLevel
from ...engine.rollups import FootprintSpend, footprint_spend
from .context import ReportContext
from .tables import Cell, chunks, grid

TITLE = "Spend by footprint"
#: Options per table, beside doing nothing: two figures each, so more would not fit across A4.
OPTIONS_PER_TABLE = 2


def footprints_reported(context: ReportContext) -> list[str]:
    """The plan's own footprints, or the regions when it has none of its own."""
    return [f.name for f in context.plan.footprints] or [str(PlanningLevel.REGIONAL)]


def rolled(context: ReportContext, footprint: str, option: str) -> FootprintSpend:
    return context.cached("footprint", f"{footprint}\n{option}",
                          lambda: footprint_spend(context.results, footprint, option))


def footprint_section(context: ReportContext) -> str:
    years = context.plan.years
    html = [f"<h1>{TITLE}</h1>",
            f"<p>The whole plan's spend (every service and ICB) by the groups of each footprint: in the final "
            f"year {years[-1]}, and added up over the plan from {years[0]} to {years[-1]}. Every ICB is in "
            "exactly one group, so each footprint's groups add up to the plan's totals to the penny; the "
            "total rows are the same figures as the options compared.</p>"]
    for footprint in footprints_reported(context):
        html.append(_footprint(context, footprint))
    return "".join(html)


def _footprint(context: ReportContext, footprint: str) -> str:
    plan = context.plan
    title = "Regional (NHS regions)" if footprint == PlanningLevel.REGIONAL else footprint
    n = len(plan.footprint(footprint).groups)
    html = [f"<h2>{escape(title)}</h2><p>{n} group{'s' * (n != 1)}.</p>"]
    first = rolled(context, footprint, context.options[0])
    # (heading, [group, t] pence, [t] total): doing nothing first, unless an option already is it
    columns = [] if context.has_do_nothing_option else [("Do nothing", first, "do_nothing")]
    options = [(name, rolled(context, footprint, name), "option") for name in context.options]
    for group in chunks(options, OPTIONS_PER_TABLE):
        shown = [*columns, *group]
        headers: list[str | Cell] = ["Group"]
        for name, _, _ in shown:
            headers += [Cell(f"{name}, final year", True), Cell(f"{name}, over the plan", True)]
        body = []
        for g, group_name in enumerate(first.groups):
            row: list[str | Cell] = [Cell(group_name)]
            for _, spend, kind in shown:
                row += [Cell(context.money(spend.by_group(kind)[g, -1]), True),
                        Cell(context.money(spend.cumulative(kind)[g]), True)]
            body.append(row)
        total: list[str | Cell] = [Cell("Total", bold=True)]
        for _, spend, kind in shown:
            total += [Cell(context.money(spend.total(kind)[-1]), True, bold=True),
                      Cell(context.money(spend.cumulative_total(kind)), True, bold=True)]
        body.append(total)
        html.append(grid(headers, body) + "<p></p>")
    return "".join(html)
