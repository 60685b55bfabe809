"""Read a plan workbook (``Plan``, ``Baseline``, ``Growth``, ``Levers`` and friends) into a Plan.

All or nothing: every sheet is checked, every problem is collected with its cell, and the plan is
built only if there are none. The ``Services``, ``ICBs`` and ``Regions`` sheets are optional: a
hand-made workbook may leave them out (or give codes only) and the reference data fills them in.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import numpy as np

from ..domain import STANDARD_SETTINGS, Baseline, Growth, GrowthRate, Plan
from ..domain.errors import ValidationError
from ..domain.years import parse_year_label
from .appraisal_sheets import REQUIRED as APPRAISAL_REQUIRED
from .appraisal_sheets import read_appraisal
from .errors import Problems
from .footprints_sheet import COLUMNS as FOOTPRINT_COLUMNS
from .footprints_sheet import SHEET as FOOTPRINTS_SHEET
from .footprints_sheet import footprint_names, read_footprints
from .levers_sheet import read_levers
from .money import MoneyError, describe_cell, to_pence
from .plan_workbook import COLUMNS, PLAN_FIELDS, WORKBOOK_FORMAT
from .reader import Workbook, open_workbook
from .structure import icb_codes, read_structure
from .tables import Table
from .workbook_vintage import choose_vintage


def import_plan_workbook(path: str | Path) -> Plan:
    """The plan a workbook describes, or one ImportFileError listing every problem in it."""
    return read_plan_workbook(path)[0]


def read_plan_workbook(path: str | Path) -> tuple[Plan, list[str]]:
    """The plan and the warnings worth showing (ignored columns, rounded amounts)."""
    problems = Problems(path)
    warnings: list[str] = []
    with open_workbook(path) as book:
        missing = [n for n in ("Plan", "Baseline") if n not in book.names]
        for name in missing:
            problems.add(f"the workbook has no {name!r} sheet (sheets: {', '.join(book.names)}); "
                         "is it a plan workbook? For a finance spreadsheet use import-baseline")
        problems.raise_if_any()
        tables = {name: _table(book, name, problems) for name in ("Plan", *COLUMNS)}
    fields = _plan_fields(tables["Plan"], problems)
    settings = fields.get("settings", STANDARD_SETTINGS)
    vintage = choose_vintage(fields.pop("vintage", None), icb_codes(tables), problems, warnings)
    own = footprint_names(tables[FOOTPRINTS_SHEET])
    regions, icbs, services = read_structure(tables, settings, problems, vintage.icbs if vintage else None, own)
    footprints = read_footprints(tables[FOOTPRINTS_SHEET], icbs, problems)
    plan_parts = {"regions": regions, "icbs": icbs, "services": services, "settings": settings,
                  "footprints": footprints}
    baseline = _baseline(tables["Baseline"], plan_parts, problems, warnings)
    growth = _growth(tables["Growth"], fields, plan_parts, problems)
    scenarios = read_levers(tables["Levers"], tables["Options"], fields.get("horizon"), plan_parts, problems)
    appraisal, review = read_appraisal(tables, {s.name for s in scenarios})
    for table in tables.values():
        if table is not None and table.ignored_columns():
            warnings.append("ignored columns: " + ", ".join(table.ignored_columns()))
    problems.raise_if_any()
    try:
        plan = Plan(baseline=baseline, growth=growth, scenarios=scenarios, appraisal=appraisal, review=review,
                    vintage=vintage.code if vintage else "", **plan_parts,
                    **{k: v for k, v in fields.items() if k not in ("settings", "specplan_workbook")})
    except ValidationError as error:
        problems.add(str(error), "Plan")
        problems.raise_if_any()
    return plan, warnings


def _table(book: Workbook, name: str, problems: Problems) -> Table | None:
    if name not in book.names:
        return None
    required = {"Plan": ("field", "value"), "Baseline": ("service_code", "icb_code", "setting", "spend_gbp"),
                "Growth": ("kind", "rate"), "Levers": ("scenario", "lever"), "Options": ("scenario",),
                FOOTPRINTS_SHEET: FOOTPRINT_COLUMNS, **APPRAISAL_REQUIRED}
    columns = ("field", "value") if name == "Plan" else COLUMNS[name]
    return Table(book.sheet(name), columns, required.get(name, ("code",)), problems)


def _plan_fields(table: Table, problems: Problems) -> dict:
    fields: dict = {}
    seen: dict[str, int] = {}
    for r, row in table.rows():
        field = table.text(r, row, "field", required=True)
        if field is None:
            continue
        key = field.strip().lower().replace(" ", "_")
        if key not in PLAN_FIELDS:
            table.problem(r, "field", f"unknown field {field!r}; fields: {', '.join(PLAN_FIELDS[1:])}")
            continue
        if key in seen:
            table.problem(r, "field", f"{key} is given twice (also row {seen[key] + 1})")
            continue
        seen[key] = r
        if key == "vintage":
            raw = table.raw(row, "value")  # Excel turns a typed 2026-04 into a date
            value = f"{raw.year:04d}-{raw.month:02d}" if isinstance(raw, date) else table.text(r, row, "value")
            if value:
                fields[key] = value
        elif key in ("name", "description"):
            value = table.text(r, row, "value", required=key == "name", strip=False, label=key)
            if value is not None:
                fields[key] = value
        elif key == "base_year":
            text = table.text(r, row, "value", required=True, label=key)
            if text is not None:
                try:
                    fields[key] = parse_year_label(text)
                except ValidationError:
                    table.problem(r, "value", f"base_year {describe_cell(table.raw(row, 'value'))} is not a "
                                              "financial year such as 2025/26")
        elif key in ("horizon", "specplan_workbook"):
            value = table.whole(r, row, "value", required=True, label=key)
            if value is not None:
                fields[key] = value
        elif key == "settings":
            text = table.text(r, row, "value")
            if text:
                fields[key] = tuple(s.strip() for s in text.split(",") if s.strip())
        else:
            value = table.number(r, row, "value", required=True, label=key)
            if value is not None:
                fields[key] = value
    for key in ("name", "base_year", "horizon"):
        if key not in seen:
            problems.add(f"the {key} field is missing (add a row with field {key!r})", "Plan")
    if fields.get("specplan_workbook", WORKBOOK_FORMAT) > WORKBOOK_FORMAT:
        problems.add(f"this workbook was made by a newer specplan (format {fields['specplan_workbook']}); "
                     "update specplan to read it", "Plan")
    return fields


def _baseline(table: Table | None, parts: dict, problems: Problems, warnings: list[str]) -> Baseline:
    services = {s.code: n for n, s in enumerate(parts["services"])}
    icbs = {i.code: n for n, i in enumerate(parts["icbs"])}
    settings = {k: n for n, k in enumerate(parts["settings"])}
    shape = (len(services), len(icbs), len(settings))
    spend, activity = np.zeros(shape, np.int64), np.zeros(shape)
    seen: dict[tuple, int] = {}
    rounded = []
    for r, row in table.rows() if table is not None else ():
        s = table.text(r, row, "service_code", required=True)
        i = table.text(r, row, "icb_code", required=True)
        k = table.text(r, row, "setting", required=True)
        for value, known, column, what in ((s, services, "service_code", "service"),
                                           (i, icbs, "icb_code", "ICB"), (k, settings, "setting", "setting")):
            if value is not None and value not in known:
                table.problem(r, column, f"unknown {what} {value!r}" + (
                    f"; the plan's settings are {', '.join(settings)}" if what == "setting" else ""))
        raw = table.raw(row, "spend_gbp")
        try:
            found = to_pence(raw, "gbp")
        except MoneyError as error:
            table.problem(r, "spend_gbp", f"spend_gbp {describe_cell(raw)} {error}")
            found = None
        amount = table.number(r, row, "activity") if "activity" in table.columns else None
        if amount is not None and amount < 0:
            table.problem(r, "activity", f"activity {describe_cell(table.raw(row, 'activity'))} is negative")
        if s in services and i in icbs and k in settings:
            key = (services[s], icbs[i], settings[k])
            if key in seen:
                table.problem(r, "service_code", f"duplicate: row {seen[key] + 1} already gives {s}, {i}, {k}")
                continue
            seen[key] = r
            if found is not None:
                spend[key] = found[0]
                if found[1] is not None:
                    rounded.append(table.where(r, "spend_gbp"))
            if amount is not None and amount >= 0:
                activity[key] = amount
    if rounded:
        warnings.append(f"{len(rounded)} amounts were not whole pence and were rounded half away from zero: "
                        + ", ".join(rounded[:5]))
    return Baseline(spend, activity)


def _growth(table: Table | None, fields: dict, parts: dict, problems: Problems) -> Growth:
    known = {"demographic": {i.code for i in parts["icbs"]}, "non_demographic": {s.code for s in parts["services"]}}
    rates, seen = [], {}
    base, horizon = fields.get("base_year"), fields.get("horizon")
    for r, row in table.rows() if table is not None else ():
        kind = table.text(r, row, "kind", required=True)
        code = table.text(r, row, "code")
        rate = table.number(r, row, "rate", required=True, percent=True)
        year = None
        label = table.text(r, row, "year")
        if label is not None and base is not None:
            try:
                year = parse_year_label(label) - base
            except ValidationError:
                table.problem(r, "year", f"year {describe_cell(table.raw(row, 'year'))} is not a financial year "
                                         "such as 2026/27 (leave it blank for every year)")
                continue
            if not 1 <= year <= (horizon or 15):
                table.problem(r, "year", f"year {label} is outside the plan's years after the base year")
                continue
        if kind is None or rate is None:
            continue
        kind = kind.strip().lower().replace(" ", "_").replace("-", "_")
        if kind in known and code is not None and code not in known[kind]:
            what = "ICB" if kind == "demographic" else "service"
            table.problem(r, "code", f"unknown {what} code {code!r} for {kind} growth")
            continue
        try:
            growth_rate = GrowthRate(kind, code, rate, year)
        except ValidationError as error:
            column = "rate" if "rate" in error.field else "code" if "code" in error.field else "kind"
            table.problem(r, column, f"{error.field}: {error.value!r} is not valid; expected {error.expected}")
            continue
        key = (growth_rate.kind, growth_rate.code, growth_rate.year)
        if key in seen:
            table.problem(r, "kind", f"duplicate: row {seen[key] + 1} already gives this rate")
            continue
        seen[key] = r
        rates.append(growth_rate)
    return Growth(tuple(rates))
