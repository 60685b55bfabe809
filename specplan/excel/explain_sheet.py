"""The ``Explain`` sheet: each option's levers and what each contributes to its cumulative saving
against doing nothing (exact Shapley values in pence, summing to the difference)."""

from __future__ import annotations

from ..domain.plan import Plan
from ..engine.attribution import attribute
from .money import pounds
from .writer import SafeWorkbook, set_widths, widths, write_rows, write_text

HEADERS = ["Option", "Lever", "What the lever does", "Contribution (£)", "Exact"]
NOTE = ("What each lever contributes to the option's cumulative saving to the final year, against "
        "doing nothing: Shapley values, the same whatever order the levers are read in, adding up to "
        "the option's saving to the penny.")


def explain_rows(plan: Plan) -> list[list[object]]:
    """A row per lever of every option with levers, then the option's total."""
    rows: list[list[object]] = []
    for option in plan.scenarios:
        if not option.levers:
            continue
        result = attribute(plan, option.name)
        for contribution in result.contributions:
            rows.append([option.name, contribution.lever + 1, contribution.text, pounds(int(contribution.value)),
                         "yes" if result.exact else "sampled"])
        rows.append([option.name, None, f"Cumulative saving to {plan.years[-1]}", pounds(int(result.total)), None])
    return rows


def write_explain(book: SafeWorkbook, plan: Plan, formats: dict) -> None:
    sheet = book.add_worksheet("Explain")
    write_text(sheet, 0, 0, NOTE, formats.get("wrap"))
    rows = explain_rows(plan)
    write_rows(sheet, 2, [HEADERS], [formats.get("bold")] * len(HEADERS))
    write_rows(sheet, 3, rows, [None, None, None, formats.get("money"), None])
    set_widths(sheet, widths(HEADERS, rows))
    sheet.freeze_panes(3, 0)
