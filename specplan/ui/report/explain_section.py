"""What each lever of an option contributes to its saving against doing nothing: the Explain
view's waterfall and sentence, and a table of the parts that adds up to the penny."""

from __future__ import annotations

from html import escape

from ..explain_words import SAMPLED, sentence
from ..formatting import exact_money
from .context import ReportContext
from .images import waterfall_key
from .tables import Cell, figure, grid

ONE_LEVER = ("The chart starts from doing nothing, which saves nothing; the option has one lever, so the whole "
             "of its cumulative saving is that lever's.")
READING = ("The chart starts from doing nothing, which saves nothing; each bar is what one lever adds to the "
           "saving (or takes away), and the last bar is the option's cumulative saving. Where levers act on the "
           "same services, what they achieve together is shared equally between them, so each lever's part is "
           "the same whatever order the levers are listed in, and the parts add up exactly to the option's "
           "saving.")


def contributions_section(context: ReportContext, position: int, name: str) -> str:
    """Nothing for an option without levers: it is doing nothing."""
    result = context.attribution(name)
    if result is None:
        return ""
    years = context.plan.years
    sampled = not result.exact
    headers = [Cell("Lever", True), "What it does", Cell("Contribution", True), Cell("To the penny", True)]
    if sampled:
        headers.append(Cell("± standard error", True))
    rows = []
    for contribution in result.contributions:
        row = [Cell(str(contribution.lever + 1), True), contribution.text,
               Cell(context.money(contribution.value), True), Cell(exact_money(int(contribution.value)), True)]
        if sampled:
            row.append(Cell(context.money(contribution.standard_error or 0), True))
        rows.append(row)
    total = [Cell(""), Cell(f"Cumulative saving to {years[-1]}, against doing nothing", bold=True),
             Cell(context.money(result.total), True, bold=True), Cell(exact_money(int(result.total)), True, bold=True)]
    rows.append(total + ([Cell("")] if sampled else []))
    note = f" {SAMPLED}" if sampled else ""
    if not any(c.value for c in result.contributions):
        note += (" Here the levers change where the money goes but not the cumulative saving, so every lever's "
                 "part is nothing.")
    return ("<h2>What each lever contributes</h2>"
            f"<p>{sentence(result, years, context.unit)}</p>"
            f"<p>{escape(ONE_LEVER if len(result.contributions) == 1 else READING)}{escape(note)}</p>"
            + figure(context.images.get(waterfall_key(position)))
            + grid(headers, rows, [8, 56, 16, 20] if not sampled else [7, 45, 14, 18, 16]))
