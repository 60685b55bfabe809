"""The result sheets of an export: Excel tables (filters, banding) of the engine's figures.

Each sheet is one long table, a row per option, thing and year, so a finance team can filter,
sort and pivot it. Every figure is a roll-up of the engine's arrays (integer pence, summed
exactly), written in pounds with the ``£#,##0`` format; nothing is recalculated here.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ..domain.plan import Plan
from ..engine.calculate import PlanResults
from ..engine.index import LEVEL_CODES
from ..engine.results import ScenarioResult
from ..engine.rollups import spend_by_footprint
from .writer import SafeWorkbook, fast_writer, write_text


@dataclass
class Column:
    header: str
    values: list  # one per row
    kind: str = "text"  # text, money, share, number, whole


def options(results: PlanResults) -> list[ScenarioResult]:
    """The options to report: the plan's scenarios, or doing nothing if it has none."""
    return list(results.scenarios) or [results.do_nothing]


def region_table(plan: Plan, results: PlanResults) -> tuple[list[str], list[Column]]:
    present = sorted({plan.region_index[i.region] for i in plan.icbs})
    labels = [[plan.regions[r].code, plan.regions[r].name] for r in present]

    def arrays(result: ScenarioResult):
        return [("Spend £", "money", result.spend_by_region[present]),
                ("Do nothing £", "money", result.by_region(result.do_nothing_spend.sum(axis=2))[present]),
                ("Saving £", "money", result.by_region(result.saving)[present]),
                ("Double running £", "money", result.by_region(result.double_running)[present]),
                ("Distance from fair share £", "money", result.distance_by_region[present])]
    return _assemble(plan, results, ["Region code", "Region"], labels, arrays)


def service_table(plan: Plan, results: PlanResults) -> tuple[list[str], list[Column]]:
    labels = [[s.code, s.name, s.programme] for s in plan.services]

    def arrays(result: ScenarioResult):
        return [("Spend £", "money", result.spend_by_service),
                ("Do nothing £", "money", result.do_nothing_spend.sum(axis=(1, 2))),
                ("Saving £", "money", result.saving.sum(axis=1)),
                ("Reinvested £", "money", result.reinvested.sum(axis=1)),
                ("Double running £", "money", result.double_running.sum(axis=1)),
                ("Beds", "number", result.beds.sum(axis=1))]
    headers, columns = _assemble(plan, results, ["Service code", "Service", "Programme of care"], labels, arrays)
    levels = [LEVEL_CODES.name_of(int(code)) for result in options(results) for code in result.levels
              for _ in plan.years]
    columns.insert(4, Column("Planning level", levels))
    return headers[:4] + ["Planning level"] + headers[4:], columns


def icb_table(plan: Plan, results: PlanResults) -> tuple[list[str], list[Column]]:
    region_names = {r.code: r.name for r in plan.regions}
    labels = [[i.code, i.name, region_names.get(i.region, i.region)] for i in plan.icbs]

    def arrays(result: ScenarioResult):
        spend = result.spend_by_icb.sum(axis=0)
        fair = result.fair_share.sum(axis=0)
        distance = result.distance.sum(axis=0)
        share = np.divide(distance, fair, out=np.zeros(distance.shape), where=fair != 0)
        return [("Spend £", "money", spend), ("Fair share £", "money", fair),
                ("Distance from fair share £", "money", distance), ("Distance %", "share", share),
                ("Do nothing £", "money", result.do_nothing_spend.sum(axis=(0, 2)))]
    return _assemble(plan, results, ["ICB code", "ICB", "Region"], labels, arrays)


def footprint_table(plan: Plan, results: PlanResults) -> tuple[list[str], list[Column]]:
    """Spend per group of every footprint (built-ins, then the plan's own): each ICB is in one
    group of each footprint, so a footprint's groups add up exactly to the option's total."""
    first = spend_by_footprint(options(results)[0], plan)
    labels = [[name, group] for name, groups in first.items() for group in groups]

    def arrays(result: ScenarioResult):
        groups = spend_by_footprint(result, plan)
        return [("Spend £", "money", np.array([groups[name][group] for name, group in labels], np.int64))]
    return _assemble(plan, results, ["Footprint", "Group"], labels, arrays)


def comparison_table(plan: Plan, results: PlanResults) -> tuple[list[str], list[Column]]:
    def arrays(result: ScenarioResult):
        return [("Spend £", "money", result.total_spend), ("Do nothing £", "money", result.total_do_nothing),
                ("Change from do nothing £", "money", result.total_spend - result.total_do_nothing),
                ("Saving £", "money", result.total("saving")), ("Reinvested £", "money", result.total("reinvested")),
                ("Double running £", "money", result.total("double_running")),
                ("Community share", "share", result.community_share), ("Beds", "number", result.total_beds),
                ("Pools too small", "whole", result.pool_flagged.sum(axis=(0, 1)))]
    return _assemble(plan, results, [], [[]], arrays)


def _assemble(plan: Plan, results: PlanResults, label_headers: list[str], labels: list[list], arrays):
    years = list(plan.years)
    first = [Column("Option", []), *(Column(h, []) for h in label_headers), Column("Year", [])]
    figures: dict[str, Column] = {}
    for result in options(results):
        for thing in labels:
            first[0].values += [result.name] * len(years)
            for c, value in enumerate(thing):
                first[c + 1].values += [value] * len(years)
            first[-1].values += years
        for header, kind, array in arrays(result):
            values = np.asarray(array)
            values = values / 100 if kind == "money" else values
            column = figures.setdefault(header, Column(header, [], kind))
            column.values += values.reshape(-1).tolist()
    columns = first + list(figures.values())
    return [c.header for c in columns], columns


def write_table(book: SafeWorkbook, name: str, table_name: str, columns: list[Column], formats: dict) -> None:
    """A sheet holding one Excel table: filters, frozen header, formats and widths by column kind."""
    sheet = book.add_worksheet(name)
    n_rows = len(columns[0].values)
    for c, column in enumerate(columns):
        fmt = formats.get(column.kind)
        if column.kind == "text":
            write_text(sheet, 1, c, max(column.values, key=len, default=""))  # refuses text Excel would cut
            write = fast_writer(sheet, "string")
            for r, value in enumerate(column.values, start=1):
                if value:
                    write(r, c, value)
        else:
            write = fast_writer(sheet, "number")
            for r, value in enumerate(column.values, start=1):
                write(r, c, value, fmt)
    sheet.add_table(0, 0, max(n_rows, 1), len(columns) - 1, {
        "name": table_name, "style": "Table Style Medium 2",
        "columns": [{"header": c.header, "format": formats.get(c.kind)} for c in columns]})
    sheet.freeze_panes(1, 0)
    for c, column in enumerate(columns):
        sheet.set_column(c, c, _width(column))


def _width(column: Column) -> float:
    if column.kind == "text":
        longest = max((len(v) for v in column.values[:5000]), default=0)
        return float(min(max(len(column.header) + 4, longest + 2, 8), 50))
    return float(max(len(column.header) + 4, 14))
