"""One option's pages: review status, key figures, levers in words and what each contributes, the
comment threads on it and on its levers, its charts, and what moves its saving most."""

from __future__ import annotations

from html import escape

from ...engine.sensitivity import SHARES as SHARE_FIELDS
from ...engine.sensitivity import Bar
from ..formatting import share
from .appraisal_section import rank_text, weighted_text
from .context import ReportContext
from .explain_section import contributions_section
from .images import option_keys
from .tables import Cell, figure, grid, pairs
from .words import comment_time, lever_sentence


def option_section(context: ReportContext, position: int, name: str) -> str:
    scenario = context.plan.scenario(name)
    html = [f"<h1>Option: {escape(name)}</h1>",
            f"<p><b>Review status: {escape(context.status(name))}</b></p>"]
    if scenario.description:
        html.append(f"<p>{escape(scenario.description)}</p>")
    html.append("<h2>Key figures</h2>" + key_figures(context, name))
    html.append("<h2>Levers</h2>" + levers(context, name))
    html.append(contributions_section(context, position, name))
    html.append("<h2>Review and comments</h2>" + comments(context, name))
    mix, shift, tornado_key = option_keys(position)
    html.append("<h2>Spend by setting</h2>" + figure(context.images.get(mix)) + figure(context.images.get(shift)))
    if scenario.levers:
        html.append(sensitivity(context, name, figure(context.images.get(tornado_key))))
    return "".join(html)


def key_figures(context: ReportContext, name: str) -> str:
    row, figures = context.comparison(name), context.headline(name)
    final = context.plan.years[-1]
    n = len(context.options)
    rows = [
        ["Spend over the plan", Cell(context.money(row.cumulative_spend), True),
         Cell(context.money(row.change_vs_do_nothing), True)],
        [f"Spend in {final}", Cell(context.money(figures.final_spend), True),
         Cell(context.money(figures.change_vs_do_nothing), True)],
        ["Cumulative saving (released, not reinvested)", Cell(context.money(figures.cumulative_saving), True), ""],
        ["Double running over the plan", Cell(context.money(figures.cumulative_double_running), True), ""],
        [f"Community share of spend, {final}", Cell(share(figures.community_share), True),
         Cell(f"doing nothing {share(figures.do_nothing_community_share)}", True)],
        [f"Beds, {final}", Cell(f"{figures.beds:,.0f}", True), Cell(f"{figures.beds_change:+,.0f}", True)],
        [f"Activity moved to community, {final}", Cell(f"{row.moved_to_community:,.0f}", True), ""],
        ["ICBs above / below fair share", Cell(f"{row.icbs_above_fair_share} / {row.icbs_below_fair_share}", True),
         ""],
        ["Pools too small for their risk", Cell(f"{row.pools_flagged:,d}", True), ""],
    ]
    if context.scored:
        ranked = context.ranked(name)
        rows.append(["Appraisal: weighted score out of 5", Cell(weighted_text(ranked.weighted), True),
                     Cell(f"rank {rank_text(context, ranked.rank)} of {n}", True)])
    return grid(["", Cell("This option", True), Cell("Against doing nothing", True)], rows, [52, 24, 24])


def levers(context: ReportContext, name: str) -> str:
    scenario = context.plan.scenario(name)
    if not scenario.levers:
        return "<p>No levers: this option keeps today's pattern of care, grown by demand and prices.</p>"
    items = "".join(f"<li>{escape(lever_sentence(context.plan, lever))}</li>" for lever in scenario.levers)
    return f"<p>Applied in this order, each to what the earlier ones leave:</p><ol>{items}</ol>"


def sensitivity(context: ReportContext, name: str, chart: str) -> str:
    result = context.sensitivity(name)
    bars = result.bars if result is not None else ()
    if not bars:
        return ""
    rows = [[_capital(bar.parameter.label), Cell(_value(bar, bar.low), True), Cell(context.money(bar.low_saving), True),
             Cell(_value(bar, bar.high), True), Cell(context.money(bar.high_saving), True),
             Cell(context.money(bar.swing), True)] for bar in bars]
    return (f"<h2>What moves the saving most</h2><p>Each number moved {result.amount:.0%} down and up on its own; "
            f"the cumulative saving is {context.money(result.base_saving)} as planned.</p>"
            + chart + grid(["Assumption", Cell("Low", True), Cell("Saving", True), Cell("High", True),
                    Cell("Saving", True), Cell("Swing", True)], rows, [34, 11, 15, 11, 15, 14]))


def comments(context: ReportContext, name: str) -> str:
    review = context.plan.review
    html = [_thread(review.thread(name), "On the option")]
    for number, lever in enumerate(context.plan.scenario(name).levers, start=1):
        thread = review.thread(name, number)
        if thread:
            html.append(_thread(thread, f"On lever {number}: {lever.describe().replace('_', ' ')}"))
    if not any(c.option == name for c in review.comments):
        return "<p>No comments yet.</p>"
    return "".join(html)


def _thread(thread, title: str) -> str:
    if not thread:
        return ""
    rows = [(f"{c.author}, {comment_time(c.time)}", c.text) for c in thread]
    return f"<h3>{escape(title)}</h3>" + pairs(rows)


def _value(bar: Bar, value: float) -> str:
    if bar.parameter.field in SHARE_FIELDS:
        return share(value)
    if bar.parameter.position is None:
        return f"×{value:.2f}"
    return f"{value:.2f}"


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]
