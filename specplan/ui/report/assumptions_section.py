"""The assumptions behind doing nothing: the plan's shape, growth in words and in tables, beds
and risk pools."""

from __future__ import annotations

import statistics
from html import escape

from ..formatting import share
from .context import ReportContext
from .tables import Cell, grid, pairs
from .words import NAMED, growth_sentences, is_illustrative, other_assumptions


def assumptions(context: ReportContext) -> str:
    plan = context.plan
    years = plan.years
    regions = len(plan.regions)
    facts = pairs([
        ("Base year", f"{years[0]}, projected {plan.horizon} years to {years[-1]}"),
        ("Services", f"{len(plan.services)} service lines"),
        ("Footprints", f"{len(plan.icbs)} ICBs in {regions} region{'' if regions == 1 else 's'}"),
        ("Settings", ", ".join(s.replace("_", " ") for s in plan.settings)),
        ("Base-year spend", context.money(context.do_nothing.spend[0])),
    ])
    growth = "".join(f"<li>{escape(text)}</li>" for text in growth_sentences(plan))
    other = "".join(f"<li>{escape(text)}</li>" for text in other_assumptions(plan))
    note = ""
    if is_illustrative(plan):
        note = f'<p class="note"><b>Illustrative:</b> {escape(plan.description)}</p>'
    return (f"<h1>Assumptions</h1>{facts}<h2>Growth (doing nothing)</h2><ul>{growth}</ul>"
            f"{by_programme(context)}{by_icb(context)}"
            f"<h2>Beds and risk pools</h2><ul>{other}</ul>{note}")


def every_year(context: ReportContext, kind: str) -> dict[str, float]:
    """Every-year rates of ``kind`` by code (a code without one grows 0%)."""
    return {r.code: r.rate for r in context.plan.growth.rates if r.kind == kind and r.year is None}


def by_programme(context: ReportContext) -> str:
    """Non-demographic growth summarised per programme of care, when there are too many services
    to name."""
    plan = context.plan
    if len(plan.services) <= NAMED:
        return ""
    rates = every_year(context, "non_demographic")
    programmes: dict[str, list[float]] = {}
    for service in plan.services:
        programmes.setdefault(service.programme, []).append(rates.get(service.code, 0.0))
    rows = [[name, Cell(str(len(values)), True), Cell(share(min(values)), True),
             Cell(share(statistics.median(values)), True), Cell(share(max(values)), True)]
            for name, values in sorted(programmes.items())]
    return ("<h3>Non-demographic growth by programme (a year)</h3>"
            + grid(["Programme", Cell("Services", True), Cell("Lowest", True), Cell("Median", True),
                    Cell("Highest", True)], rows))


def by_icb(context: ReportContext) -> str:
    """Demographic growth of every ICB, two to a row, when there are too many to name."""
    plan = context.plan
    if len(plan.icbs) <= NAMED:
        return ""
    rates = every_year(context, "demographic")
    icbs = sorted(plan.icbs, key=lambda icb: icb.name)
    half = (len(icbs) + 1) // 2
    rows = []
    for n in range(half):
        row = []
        for icb in (icbs[n], icbs[n + half] if n + half < len(icbs) else None):
            row += [short_icb_name(icb.name), Cell(share(rates.get(icb.code, 0.0)), True)] if icb else ["", ""]
        rows.append(row)
    return ("<h3>Demographic growth by ICB (a year)</h3>"
            '<p class="note">Names without "NHS" and "Integrated Care Board".</p>'
            + grid(["ICB", Cell("Growth", True), "ICB", Cell("Growth", True)], rows, [40, 10, 40, 10]))


def short_icb_name(name: str) -> str:
    """``NHS Devon Integrated Care Board`` -> ``Devon``."""
    short = name.removeprefix("NHS ").removesuffix(" Integrated Care Board")
    return short or name
