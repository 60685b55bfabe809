"""The Summary sheet: key figures per option and year, and native Excel charts of them.

Charts read their data from cells on this sheet (so they stay live if someone edits a figure)
and take option names from cells by reference, never as typed-in text: a name that begins with
``=`` is therefore shown as written and cannot become a formula.
"""

from __future__ import annotations

import numpy as np

from .. import __version__
from ..domain.plan import Plan
from ..engine.calculate import PlanResults
from .result_tables import options
from .writer import SafeWorkbook, write_text

MEASURES = (
    ("Spend", "money", lambda r: r.total_spend / 100),
    ("Do nothing", "money", lambda r: r.total_do_nothing / 100),
    ("Saving", "money", lambda r: r.total("saving") / 100),
    ("Reinvested", "money", lambda r: r.total("reinvested") / 100),
    ("Double running", "money", lambda r: r.total("double_running") / 100),
    ("Community share", "share", lambda r: r.community_share),
    ("Beds", "number", lambda r: r.total_beds),
)


def write_summary(book: SafeWorkbook, plan: Plan, results: PlanResults, formats: dict) -> None:
    sheet = book.add_worksheet("Summary")
    chosen = options(results)
    years = list(plan.years)
    write_text(sheet, 0, 0, plan.name, formats["title"])
    write_text(sheet, 1, 0, f"{len(plan.services)} services, {len(plan.icbs)} ICBs, {years[0]} to {years[-1]}. "
                            f"Money in pounds. Made by specplan {__version__}; see 'Read me'.")
    # Key figures: a block of rows per option.
    top = 3
    sheet.write_row(top, 0, ["Option", "Measure", *years], formats["header"])
    spend_rows: list[int] = []
    row = top + 1
    for result in chosen:
        for measure, kind, values in MEASURES:
            write_text(sheet, row, 0, result.name)
            sheet.write_string(row, 1, measure)
            for t, value in enumerate(np.asarray(values(result)).tolist()):
                sheet.write_number(row, 2 + t, value, formats[kind])
            if measure == "Spend":
                spend_rows.append(row)
            row += 1
    last_year_col = 1 + len(years)
    # Spend by setting in the final year.
    setting_top = row + 2
    write_text(sheet, setting_top - 1, 0, f"Spend by setting, {years[-1]} (£)", formats["bold"])
    sheet.write_row(setting_top, 0, ["Option", *plan.settings], formats["header"])
    for n, result in enumerate(chosen, start=1):
        write_text(sheet, setting_top + n, 0, result.name)
        for k, value in enumerate((result.spend_by_setting[:, -1] / 100).tolist()):
            sheet.write_number(setting_top + n, 1 + k, value, formats["money"])
    # Distance from fair share by ICB in the final year.
    icb_top = setting_top + len(chosen) + 3
    write_text(sheet, icb_top - 1, 0, f"Distance from fair share by ICB, {years[-1]} (£; above share is positive)",
               formats["bold"])
    sheet.write_row(icb_top, 0, ["ICB", "ICB code"], formats["header"])
    for n, result in enumerate(chosen):
        write_text(sheet, icb_top, 2 + n, result.name, formats["header"])
        distance = (result.distance_in(-1).sum(axis=0) / 100).tolist()
        for i, value in enumerate(distance):
            sheet.write_number(icb_top + 1 + i, 2 + n, value, formats["money"])
    for i, icb in enumerate(plan.icbs):
        write_text(sheet, icb_top + 1 + i, 0, icb.name)
        write_text(sheet, icb_top + 1 + i, 1, icb.code)
    sheet.set_column(0, 0, 34)
    sheet.set_column(1, 1, 16)
    sheet.set_column(2, max(last_year_col, 1 + len(plan.settings), 1 + len(chosen)), 14)
    sheet.freeze_panes(top + 1, 2)
    _charts(book, sheet, plan, chosen, spend_rows, top, setting_top, icb_top, last_year_col)
    sheet.activate()


def _charts(book, sheet, plan, chosen, spend_rows, top, setting_top, icb_top, last_year_col) -> None:
    anchor_col = last_year_col + 2
    line = book.add_chart({"type": "line"})
    for row in spend_rows:
        line.add_series({"name": ["Summary", row, 0], "categories": ["Summary", top, 2, top, last_year_col],
                         "values": ["Summary", row, 2, row, last_year_col], "marker": {"type": "circle"}})
    line.set_title({"name": "Spend by option (£)"})
    line.set_y_axis({"num_format": "£#,##0,,\"m\"", "name": "£m"})
    line.set_size({"width": 720, "height": 340})
    sheet.insert_chart(top, anchor_col, line)

    column = book.add_chart({"type": "column", "subtype": "stacked"})
    for k, _ in enumerate(plan.settings):
        column.add_series({"name": ["Summary", setting_top, 1 + k],
                           "categories": ["Summary", setting_top + 1, 0, setting_top + len(chosen), 0],
                           "values": ["Summary", setting_top + 1, 1 + k, setting_top + len(chosen), 1 + k]})
    column.set_title({"name": f"Spend by setting, {plan.years[-1]} (£)"})
    column.set_y_axis({"num_format": "£#,##0,,\"m\""})
    column.set_size({"width": 720, "height": 340})
    sheet.insert_chart(top + 18, anchor_col, column)

    bar = book.add_chart({"type": "bar"})
    n_icbs = len(plan.icbs)
    for n, _ in enumerate(chosen):
        bar.add_series({"name": ["Summary", icb_top, 2 + n],
                        "categories": ["Summary", icb_top + 1, 0, icb_top + n_icbs, 0],
                        "values": ["Summary", icb_top + 1, 2 + n, icb_top + n_icbs, 2 + n]})
    bar.set_title({"name": f"Distance from fair share by ICB, {plan.years[-1]} (£)"})
    bar.set_x_axis({"num_format": "£#,##0,,\"m\""})
    bar.set_y_axis({"reverse": True})
    bar.set_size({"width": 720, "height": max(340, 18 * n_icbs + 80)})
    sheet.insert_chart(top + 36, anchor_col, bar)
