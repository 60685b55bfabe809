"""The plan workbook: the canonical sheets a plan is written to and read back from.

``Plan`` (field, value), ``Baseline`` (a row per base-year cell), ``Growth`` and ``Levers`` are
the sheets people edit; ``Options``, ``Services``, ``ICBs``, ``Regions`` and ``Footprints`` (the
plan's own footprints, a row per ICB of each) hold the rest of the
plan so that export then import gives back an identical plan. Numbers are written exactly (see
``writer``); shares and rates are fractions (0.02 = 2%) shown as percentages.
"""

from __future__ import annotations

from ..domain import ConvergenceLever, Phasing, PlanningLevelLever, ShiftLever
from ..domain.plan import Plan
from ..domain.years import year_label
from .appraisal_sheets import COLUMNS as APPRAISAL_COLUMNS
from .appraisal_sheets import appraisal_rows
from .footprints_sheet import COLUMNS as FOOTPRINT_COLUMNS
from .footprints_sheet import SHEET as FOOTPRINTS_SHEET
from .footprints_sheet import footprint_rows
from .writer import MONEY_PENCE, SafeWorkbook, set_widths, widths, write_rows, write_text

WORKBOOK_FORMAT = 1
PLAN_FIELDS = ("specplan_workbook", "name", "description", "base_year", "horizon", "settings",
               "occupancy_default", "occupancy_mental_health", "viability_max_variation", "vintage")
COLUMNS: dict[str, tuple[str, ...]] = {
    "Baseline": ("service_code", "icb_code", "setting", "activity", "spend_gbp"),
    "Growth": ("kind", "code", "year", "rate"),
    "Levers": ("scenario", "order", "lever", "services", "icbs", "from_setting", "to_setting",
               "target_share", "phasing", "substitution_ratio", "reinvest_share", "double_running_share",
               "convergence_share", "planning_level"),
    "Options": ("scenario", "description"),
    "Services": ("code", "name", "programme", "planning_level", "mental_health", "units",
                 "activity_per_patient", "occupancy"),
    "ICBs": ("code", "name", "region", "population"),
    "Regions": ("code", "name"),
    FOOTPRINTS_SHEET: FOOTPRINT_COLUMNS,
}
COLUMNS |= APPRAISAL_COLUMNS
SHARE_COLUMNS = {"target_share", "reinvest_share", "double_running_share", "convergence_share", "rate"}


def plan_rows(plan: Plan) -> list[list]:
    return [
        ["specplan_workbook", WORKBOOK_FORMAT], ["name", plan.name], ["description", plan.description],
        ["base_year", year_label(plan.base_year)], ["horizon", plan.horizon],
        ["settings", ", ".join(plan.settings)], ["occupancy_default", plan.occupancy_default],
        ["occupancy_mental_health", plan.occupancy_mental_health],
        ["viability_max_variation", plan.viability_max_variation], ["vintage", plan.vintage],
    ]


def baseline_rows(plan: Plan) -> list[list]:
    """Every cell of the base year, in the plan's order (service, ICB, setting)."""
    spend = (plan.baseline.spend_pence / 100).ravel().tolist()  # exact below £90 trillion a cell
    activity = plan.baseline.activity.ravel().tolist()
    keys = [(s.code, i.code, k) for s in plan.services for i in plan.icbs for k in plan.settings]
    return [[s, i, k, a, p] for (s, i, k), a, p in zip(keys, activity, spend)]


def growth_rows(plan: Plan) -> list[list]:
    return [[r.kind, r.code, None if r.year is None else year_label(plan.base_year + r.year), r.rate]
            for r in plan.growth.rates]


def lever_rows(plan: Plan) -> list[list]:
    rows: list[list] = []
    for scenario in plan.scenarios:
        if not scenario.levers:
            rows.append([scenario.name] + [None] * (len(COLUMNS["Levers"]) - 1))
        for order, lever in enumerate(scenario.levers, start=1):
            row = dict.fromkeys(COLUMNS["Levers"])
            row.update(scenario=scenario.name, order=order, lever=lever.kind,
                       services=", ".join(lever.services) or None)
            if isinstance(lever, ShiftLever):
                row.update(icbs=", ".join(lever.icbs) or None, from_setting=lever.from_setting,
                           to_setting=lever.to_setting, target_share=lever.target_share,
                           phasing=phasing_text(lever.phasing), substitution_ratio=lever.substitution_ratio,
                           reinvest_share=lever.reinvest_share, double_running_share=lever.double_running_share)
            elif isinstance(lever, ConvergenceLever):
                row.update(convergence_share=lever.share)
            elif isinstance(lever, PlanningLevelLever):
                row.update(planning_level=str(lever.level))
            rows.append(list(row.values()))
    return rows


def phasing_text(phasing: Phasing) -> str:
    """``linear`` or per-year values ``0.1, 0.35, 1`` (exact: Python's shortest repr)."""
    if phasing.kind != "custom":
        return phasing.kind
    return ", ".join(_number_text(v) for v in phasing.values)


def _number_text(value: float) -> str:
    return str(int(value)) if value.is_integer() else repr(value)


def structure_rows(plan: Plan) -> dict[str, list[list]]:
    return {
        "Options": [[s.name, s.description or None] for s in plan.scenarios],
        "Services": [[s.code, s.name, s.programme, str(s.planning_level), s.mental_health,
                      "; ".join(f"{k}: {u}" for k, u in s.units) or None, s.activity_per_patient, s.occupancy]
                     for s in plan.services],
        "ICBs": [[i.code, i.name, i.region, i.population] for i in plan.icbs],
        "Regions": [[r.code, r.name] for r in plan.regions],
        FOOTPRINTS_SHEET: footprint_rows(plan),
    }


def write_plan_sheets(book: SafeWorkbook, plan: Plan, formats: dict) -> None:
    """Add the canonical sheets of ``plan`` to ``book`` (after whatever sheets it already has)."""
    sheets = {"Plan": (["field", "value"], plan_rows(plan)), "Baseline": (None, baseline_rows(plan)),
              "Growth": (None, growth_rows(plan)), "Levers": (None, lever_rows(plan))}
    sheets |= {name: (None, rows) for name, rows in structure_rows(plan).items()}
    sheets |= {name: (None, rows) for name, rows in appraisal_rows(plan).items()}
    for name, (headers, rows) in sheets.items():
        headers = headers or list(COLUMNS[name])
        write_sheet(book, name, headers, rows, formats)


def write_sheet(book: SafeWorkbook, name: str, headers: list[str], rows: list[list], formats: dict):
    """One plain sheet: bold frozen header with a filter, column formats by header name."""
    sheet = book.add_worksheet(name)
    for c, header in enumerate(headers):
        write_text(sheet, 0, c, header, formats["header"])
    column_formats = [_column_format(name, h, formats) for h in headers]
    write_rows(sheet, 1, rows, column_formats)
    sheet.freeze_panes(1, 0)
    sheet.autofilter(0, 0, max(len(rows), 1), len(headers) - 1)
    set_widths(sheet, widths(headers, rows))
    return sheet


def _column_format(sheet: str, header: str, formats: dict):
    if header == "spend_gbp":
        return formats["money_pence"]
    if header in SHARE_COLUMNS:
        return formats["share"]
    return None


def plan_formats(book: SafeWorkbook) -> dict:
    """The formats the canonical sheets use, made once per workbook."""
    return {
        "header": book.add_format({"bold": True, "bg_color": "#DCE6F1", "bottom": 1}),
        "money_pence": book.add_format({"num_format": MONEY_PENCE}),
        "share": book.add_format({"num_format": "0.0##%"}),
    }


def write_plan_workbook(plan: Plan, path) -> None:
    """Only the canonical sheets (no results): for plans the engine need not run on, and tests."""
    from .writer import atomic_workbook

    with atomic_workbook(path) as book:
        write_plan_sheets(book, plan, plan_formats(book))
