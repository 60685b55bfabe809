"""Export a plan as a workbook a finance director would circulate, and specplan can read back.

Sheets: ``Summary`` (key figures and charts), ``Option comparison``, ``By region``,
``By service``, ``By ICB``, ``By footprint`` (result tables from the engine), ``Explain`` (what each lever
contributes), ``Read me``, then the canonical
plan sheets (see ``plan_workbook``) from which :func:`import_plan_workbook` rebuilds the plan.
The file is written to a temporary file beside the target and moved over it only when complete.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from .. import __version__
from ..domain.plan import Plan
from ..engine import compute
from ..engine.calculate import PlanResults
from .appraisal_sheets import NOTES as APPRAISAL_NOTES
from .explain_sheet import NOTE as EXPLAIN_NOTE
from .explain_sheet import write_explain
from .plan_workbook import plan_formats, write_plan_sheets
from .result_tables import comparison_table, footprint_table, icb_table, region_table, service_table, write_table
from .summary_sheet import write_summary
from .writer import MONEY, SafeWorkbook, atomic_workbook, write_text

RESULT_SHEETS = (
    ("Option comparison", "OptionComparison", comparison_table,
     ("England totals per option and year: spend, do nothing, saving, reinvestment, double running, "
      "community share, beds and pools too small to carry their risk.")),
    ("By region", "ByRegion", region_table,
     "Spend, do nothing, saving, double running and distance from fair share per NHS England region."),
    ("By service", "ByService", service_table,
     ("Spend, do nothing, saving, reinvestment, double running and beds per service line, with the "
      "footprint each option plans it at.")),
    ("By ICB", "ByICB", icb_table,
     "Spend, fair share and distance from fair share per ICB (all services), and do nothing."),
    ("By footprint", "ByFootprint", footprint_table,
     ("Spend per group of every footprint: national, regional, ics and the plan's own. Each ICB is in "
      "one group of each footprint, so each footprint's groups add up to the option's total exactly.")),
)
PLAN_SHEET_NOTES = (
    ("Plan", "The plan's settings: name, base year, horizon, settings, bed occupancy. Edit and re-import."),
    ("Baseline", "The base-year spend (£) and activity of every service, ICB and setting."),
    ("Growth", ("Growth rates: demographic per ICB, non-demographic per service, net price; a year "
                "applies to that year only, blank to every year. Rates are fractions (0.02 = 2%).")),
    ("Levers", "The options and their levers, in the order they apply."),
    ("Options", "A description of each option."),
    ("Services", "The service lines of the plan."),
    ("ICBs", "The ICBs of the plan and their fair-share weights (population)."),
    ("Regions", "NHS England regions."),
    ("Footprints", "The plan's own footprints: a row per ICB, naming its group (every ICB in one group of each)."),
    *APPRAISAL_NOTES,
)


def export_workbook(plan: Plan, path: str | Path, *, results: PlanResults | None = None,
                    source: str | None = None, now: datetime | None = None) -> Path:
    """Write ``plan`` and its results to ``path`` (.xlsx); returns the path written."""
    path = Path(path)
    results = results if results is not None else compute(plan)
    with atomic_workbook(path) as book:
        formats = _formats(book)
        write_summary(book, plan, results, formats)
        for name, table_name, build, _ in RESULT_SHEETS:
            _, columns = build(plan, results)
            write_table(book, name, table_name, columns, formats)
        write_explain(book, plan, formats)
        _read_me(book, plan, source, now or datetime.now(UTC), formats)
        write_plan_sheets(book, plan, formats)
    return path


def _read_me(book: SafeWorkbook, plan: Plan, source: str | None, now: datetime, formats: dict) -> None:
    sheet = book.add_worksheet("Read me")
    lines = [
        ("Plan", plan.name), ("Source", source or "(not saved to a file)"),
        ("Exported", now.strftime("%Y-%m-%d %H:%M %Z").strip()), ("specplan version", __version__),
        ("Years", f"{plan.years[0]} (base) to {plan.years[-1]}"),
        ("Money", "Pounds sterling. Cells hold exact pence; formats show whole pounds."),
        ("Figures", ("Every result is calculated by specplan's engine. Editing a result sheet does not "
                     "change the plan: edit the plan sheets and import the workbook with "
                     "'specplan-cli import BOOK --into PLAN'.")),
    ]
    write_text(sheet, 0, 0, "About this workbook", formats["title"])
    for r, (label, text) in enumerate(lines, start=2):
        sheet.write_string(r, 0, label, formats["bold"])
        write_text(sheet, r, 1, text, formats["wrap"])
    top = len(lines) + 3
    sheet.write_row(top, 0, ["Sheet", "What it holds"], formats["header"])
    notes = [("Summary", ("Key figures per option and year, with charts of spend by option, spend by "
                          "setting and distance from fair share by ICB."))]
    notes += [(name, note) for name, _, _, note in RESULT_SHEETS]
    notes += [("Explain", EXPLAIN_NOTE), ("Read me", "This sheet.")] + list(PLAN_SHEET_NOTES)
    for r, (name, note) in enumerate(notes, start=top + 1):
        sheet.write_string(r, 0, name)
        sheet.write_string(r, 1, note, formats["wrap"])
    sheet.set_column(0, 0, 20)
    sheet.set_column(1, 1, 100)


def _formats(book: SafeWorkbook) -> dict:
    formats = plan_formats(book)
    formats |= {
        "money": book.add_format({"num_format": MONEY}),
        "share": book.add_format({"num_format": "0.0%"}),
        "number": book.add_format({"num_format": "#,##0.0"}),
        "whole": book.add_format({"num_format": "#,##0"}),
        "title": book.add_format({"bold": True, "font_size": 14}),
        "bold": book.add_format({"bold": True}),
        "wrap": book.add_format({"text_wrap": True, "valign": "top"}),
    }
    return formats
