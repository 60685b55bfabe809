"""The report as one HTML document: cover, summary, comparison, spend by footprint, appraisal,
options, assumptions.

Every figure is an engine number formatted by ``ui.formatting``, so the paper says what the app
and the command line say.
"""

from __future__ import annotations

from html import escape

from ...domain.appraisal import STATUSES
from ...engine.compare import ROWS, best
from ..formatting import comparison_figure, share
from .appraisal_section import appraisal_section, appraisal_summary, rank_text
from .assumptions_section import assumptions
from .context import ReportContext
from .footprint_section import TITLE as FOOTPRINT_TITLE
from .footprint_section import footprint_section
from .images import OPTION_MIX, TRAJECTORY
from .option_section import option_section
from .tables import Cell, chunks, figure, grid, pairs
from .words import is_illustrative

NHS_BLUE = "#005EB8"
#: Options per comparison table: more would not fit across an A4 page.
COLUMNS_PER_TABLE = 4

CSS = f"""
body {{ font-size: 9.5pt; color: #212B32; }}
h1 {{ font-size: 17pt; color: {NHS_BLUE}; font-weight: bold; margin-top: 0px; margin-bottom: 8px;
      page-break-before: always; }}
h2 {{ font-size: 12pt; color: #003087; font-weight: bold; margin-top: 14px; margin-bottom: 4px; }}
h3 {{ font-size: 10pt; color: #212B32; font-weight: bold; margin-top: 10px; margin-bottom: 2px; }}
p {{ margin-top: 3px; margin-bottom: 5px; }}
p.note {{ color: #425563; font-size: 8.5pt; }}
p.caption {{ color: #425563; font-size: 8.5pt; margin-top: 0px; margin-bottom: 10px; }}
table {{ font-size: 8.5pt; }}
"""


def section_titles(context: ReportContext) -> list[str]:
    """The level-1 headings in order, as the contents lists them."""
    return (["Summary", "Options compared", FOOTPRINT_TITLE, "Appraisal"]
            + [f"Option: {name}" for name in context.options] + ["Assumptions"])


def report_html(context: ReportContext, pages: dict[str, int] | None = None) -> str:
    """The whole report; ``pages`` maps section titles to page numbers for the contents."""
    parts = [cover(context, pages or {}), summary(context), comparison(context), footprint_section(context),
             appraisal_section(context)]
    parts += [option_section(context, n, name) for n, name in enumerate(context.options)]
    parts.append(assumptions(context))
    return f"<html><head><style>{CSS}</style></head><body>{''.join(parts)}</body></html>"


# -- cover ------------------------------------------------------------------------------------
def cover(context: ReportContext, pages: dict[str, int]) -> str:
    plan = context.plan
    years = plan.years
    html = [
        (f'<p style="color: {NHS_BLUE}; font-size: 11pt; font-weight: bold; margin-top: 40px">'
        "NHS specialised commissioning</p>"),
        f'<p style="font-size: 24pt; font-weight: bold; color: #003087; margin-top: 18px">{escape(plan.name)}</p>',
        '<p style="font-size: 15pt; color: #425563; margin-bottom: 24px">Redesign options: appraisal and review</p>',
        pairs([
            ("Date", context.date_text),
            ("Period", f"{years[0]} to {years[-1]} (base year and {plan.horizon} years)"),
            ("Footprint", f"{len(plan.services)} services across {len(plan.icbs)} ICBs"),
            ("Options", ", ".join(context.options)),
            ("Prepared with", f"specplan {context.version}"),
        ]),
    ]
    if is_illustrative(context.plan):
        html.append(
            '<table cellspacing="0" cellpadding="8" width="100%" style="margin-top: 24px" bgcolor="#FFF4D6" '
            'border="1" style="border-color: #ED8B00"><tr><td><b>Illustrative figures.</b> '
            f"{escape(plan.description)}</td></tr></table>")
    elif plan.description:
        html.append(f'<p style="margin-top: 18px">{escape(plan.description)}</p>')
    html.append('<h2 style="margin-top: 30px">Contents</h2>')
    rows = "".join(f'<tr><td width="90%">{escape(title)}</td><td align="right">{pages.get(title, "")}</td></tr>'
                   for title in section_titles(context))
    html.append(f'<table cellspacing="0" cellpadding="3" width="100%">{rows}</table>')
    return "".join(html)


# -- summary ----------------------------------------------------------------------------------
def summary(context: ReportContext) -> str:
    plan, years = context.plan, context.plan.years
    n = len(context.options)
    scope = "every option of the plan" if context.all_options else f"{n} of the plan's {len(plan.scenarios)} options"
    intro = (
        f"This paper sets out {scope} for {escape(plan.name)} from {years[0]} to {years[-1]}, each "
        "against doing nothing (today's pattern of care, grown by demand and prices). "
        f"Spend in the base year {years[0]} is {context.money(context.do_nothing.spend[0])}; doing nothing, "
        f"it reaches {context.money(context.do_nothing.spend[-1])} in {years[-1]}. Money is in "
        "pounds (£m = millions); every figure comes from the specplan engine for the whole plan.")
    headers = ["Option", "Review status", "Spend over the plan", "Against doing nothing",
               "Net saving after double running", f"Community share, {years[-1]}", "Appraisal rank"]
    rows = []
    for name in context.options:
        row, ranked = context.comparison(name), context.ranked(name)
        rows.append([Cell(name, bold=True), context.status(name), Cell(context.money(row.cumulative_spend), True),
                     Cell(context.money(row.change_vs_do_nothing), True),
                     Cell(context.money(row.net_saving), True), Cell(share(row.community_share), True),
                     Cell(f"{rank_text(context, ranked.rank)} of {n}" if context.scored and ranked.scored
                          else "not scored", True)])
    return (f"<h1>Summary</h1><p>{intro}</p><h2>The options at a glance</h2>"
            + grid(headers, rows)  # columns sized by their figures
            + f"<p>{appraisal_summary(context)}</p><p>{escape(review_summary(context))}</p>"
            + "<h2>Spend per year</h2>"
            + figure(context.images.get(TRAJECTORY)))


def review_summary(context: ReportContext) -> str:
    """``Review: endorsed: A; in review: B; draft: C.``"""
    parts = []
    for status in STATUSES:
        names = [name for name in context.options if context.status(name) == status]
        if names:
            parts.append(f"{status}: {', '.join(names)}")
    comments = sum(1 for c in context.plan.review.comments if c.option in context.options)
    said = f"{comments} comment{'' if comments == 1 else 's'}" if comments else "no comments yet"
    return f"Clinical review: {'; '.join(parts)} ({said})."


# -- comparison -------------------------------------------------------------------------------
def format_value(context: ReportContext, attribute: str, value) -> str:
    """A comparison figure as the Compare view shows it."""
    return comparison_figure(attribute, value, context.money)


def comparison(context: ReportContext) -> str:
    rows_all = context.comparisons
    # an option without levers already is doing nothing: no second column of the same figures
    reference = [] if context.has_do_nothing_option else [rows_all[0]]
    html = ["<h1>Options compared</h1>",
            ("<p>Each option against doing nothing over the whole plan: money over every year unless a row "
            "names the final year. Shaded figures are the best of the options on their row (where more or "
            "less is plainly better and the options differ).</p>")]
    winners = {attribute: best(rows_all[1:], attribute, better) for _, attribute, better in ROWS}
    for group in chunks(rows_all[1:], COLUMNS_PER_TABLE):
        columns = [*reference, *group]
        body = [[Cell(label)] + [Cell(format_value(context, attribute, getattr(row, attribute)), True,
                                      best=row.name in winners[attribute] and row is not rows_all[0])
                                 for row in columns]
                for label, attribute, _ in ROWS]
        html.append(grid(["", *(row.name for row in columns)], body) + "<p></p>")
    html.append(figure(context.images.get(OPTION_MIX)))
    html.append("<h2>Spend per year</h2>")
    for group in chunks(rows_all[1:], COLUMNS_PER_TABLE + 1):
        columns = [*reference, *group]
        body = [[Cell(year)] + [Cell(context.money(row.spend[t]), True) for row in columns]
                for t, year in enumerate(context.plan.years)]
        body.append([Cell("Total", bold=True)]
                    + [Cell(context.money(row.cumulative_spend), True, bold=True) for row in columns])
        html.append(grid(["Year", *(row.name for row in columns)], body) + "<p></p>")
    return "".join(html)
