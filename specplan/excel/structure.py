"""The plan's regions, ICBs and services from the ``Regions``, ``ICBs`` and ``Services`` sheets.

An exported workbook lists them in full, and they are read literally so the plan comes back
identical. A hand-made workbook may give only codes (the reference data fills in names,
regions, populations and planning levels) or leave the sheets out altogether, in which case the
codes used on the Baseline, Growth and Levers sheets decide what the plan covers.
"""

from __future__ import annotations

import dataclasses

from ..domain import ICB, Region, ServiceLine
from ..domain.errors import ValidationError
from ..domain.reference import load_reference
from .errors import Problems
from .footprints_sheet import level_named, levels_expected
from .tables import Table

_TRUE = {"true", "yes", "y", "1"}
_FALSE = {"false", "no", "n", "0", ""}


def read_structure(tables: dict[str, Table | None], settings: tuple[str, ...], problems: Problems,
                   reference_icbs: tuple[ICB, ...] | None = None, footprints: tuple[str, ...] = ()):
    """``(regions, icbs, services)``, recording problems with their cells; codes given alone are
    looked up in ``reference_icbs`` (the workbook's vintage; the latest shipped one by default),
    and a service's planning level may name one of ``footprints`` (the plan's own)."""
    ref = load_reference()
    if reference_icbs is not None:
        ref = dataclasses.replace(ref, icbs=reference_icbs)
    services = _rows_of(tables.get("Services"))
    icbs = _rows_of(tables.get("ICBs"))
    if services:
        service_lines = tuple(x for x in (_service(tables["Services"], r, row, ref, footprints)
                                          for r, row in services) if x)
    else:
        service_lines = _derive(ref.services, _used(tables, "service"), "service", "Services", problems)
    if icbs:
        icb_list = tuple(x for x in (_icb(tables["ICBs"], r, row, ref) for r, row in icbs) if x)
    else:
        icb_list = _derive(ref.icbs, _used(tables, "icb"), "ICB", "ICBs", problems)
    regions = _rows_of(tables.get("Regions"))
    if regions:
        region_list = tuple(x for x in (_region(tables["Regions"], r, row, ref) for r, row in regions) if x)
    else:
        wanted = {i.region for i in icb_list}
        region_list = tuple(r for r in ref.regions if r.code in wanted)
        for code in sorted(wanted - {r.code for r in region_list}):
            problems.add(f"region {code!r} is not a reference region; list it on a Regions sheet", "ICBs")
    for name, items in (("Services", service_lines), ("ICBs", icb_list), ("Regions", region_list)):
        _unique(name, items, tables.get(name), problems)
    return region_list, icb_list, service_lines


def icb_codes(tables: dict[str, Table | None]) -> list[str]:
    """The ICB codes a workbook uses: its ICBs sheet's, or else those of its other sheets."""
    listed = _rows_of(tables.get("ICBs"))
    if listed:
        table = tables["ICBs"]
        return [code for _, row in listed if (code := table.text(0, row, "code"))]
    return _used(tables, "icb")


def _rows_of(table: Table | None) -> list:
    return table.rows() if table is not None and table.found else []


def _used(tables: dict, kind: str) -> list[str]:
    """Codes of ``kind`` the other sheets use, in the order they first appear."""
    found: dict[str, None] = {}
    baseline, growth, levers = tables.get("Baseline"), tables.get("Growth"), tables.get("Levers")
    column = "service_code" if kind == "service" else "icb_code"
    for table, col in ((baseline, column), (levers, "services" if kind == "service" else "icbs")):
        for _, row in _rows_of(table):
            for code in str(table.text(0, row, col) or "").split(","):
                if code.strip():
                    found[code.strip()] = None
    growth_kind = "non_demographic" if kind == "service" else "demographic"
    for _, row in _rows_of(growth):
        if str(growth.text(0, row, "kind") or "").lower().replace(" ", "_") == growth_kind:
            code = growth.text(0, row, "code")
            if code:
                found[code] = None
    return list(found)


def _derive(reference: tuple, codes: list[str], what: str, sheet: str, problems: Problems) -> tuple:
    """The reference entries for ``codes``, in reference order; unknown codes are problems."""
    known = {item.code for item in reference}
    for code in codes:
        if code not in known:
            problems.add(f"{what} code {code!r} is not in the reference data; list it on a {sheet} sheet "
                         "with its details", sheet)
    wanted = set(codes)
    return tuple(item for item in reference if item.code in wanted)


def _only_code(table: Table, row: list) -> bool:
    return all(table.blank(row, c) for c in table.columns if c != "code")


def _service(table: Table, r: int, row: list, ref, footprints: tuple[str, ...]) -> ServiceLine | None:
    code = table.text(r, row, "code", required=True)
    if code is None:
        return None
    if _only_code(table, row):
        return _from_reference(table, r, ref.services, code, "service")
    text = table.text(r, row, "planning_level")
    level = level_named(text, footprints)
    if level is None:
        table.problem(r, "planning_level", f"planning_level {text!r} is not a footprint of the plan; expected "
                                           + levels_expected(footprints))
        return None
    units = []
    for part in (table.text(r, row, "units") or "").split(";"):
        if part.strip():
            setting, _, unit = part.partition(":")
            units.append((setting.strip(), unit.strip()))
    return _build(table, r, "code", lambda: ServiceLine(
        code=code, name=table.text(r, row, "name", strip=False) or "",
        programme=table.text(r, row, "programme", strip=False) or "",
        planning_level=level,
        mental_health=_flag(table, r, row, "mental_health"), units=tuple(units),
        activity_per_patient=table.number(r, row, "activity_per_patient"),
        occupancy=table.number(r, row, "occupancy", percent=True)))


def _icb(table: Table, r: int, row: list, ref) -> ICB | None:
    code = table.text(r, row, "code", required=True)
    if code is None:
        return None
    if _only_code(table, row):
        return _from_reference(table, r, ref.icbs, code, "ICB")
    population = table.number(r, row, "population", required=True)
    if population is None:
        return None
    if float(population).is_integer():
        population = int(population)
    return _build(table, r, "population", lambda: ICB(
        code, table.text(r, row, "name", strip=False) or "", table.text(r, row, "region", required=True) or "",
        population))


def _region(table: Table, r: int, row: list, ref) -> Region | None:
    code = table.text(r, row, "code", required=True)
    if code is None:
        return None
    if _only_code(table, row):
        return _from_reference(table, r, ref.regions, code, "region")
    return _build(table, r, "code", lambda: Region(code, table.text(r, row, "name", strip=False) or ""))


def _from_reference(table: Table, r: int, items: tuple, code: str, what: str):
    for item in items:
        if item.code == code:
            return item
    table.problem(r, "code", f"{what} code {code!r} is not in the reference data; give its details in this row")
    return None


def _flag(table: Table, r: int, row: list, column: str) -> bool:
    value = table.raw(row, column)
    if isinstance(value, bool):
        return value
    text = str(int(value) if isinstance(value, float) and value.is_integer() else value).strip().lower()
    if text in _TRUE or text in _FALSE:
        return text in _TRUE
    table.problem(r, column, f"{column} {value!r} is not yes or no")
    return False


def _build(table: Table, r: int, column: str, make):
    try:
        return make()
    except ValidationError as error:
        table.problem(r, column, f"{error.field}: {error.value!r} is not valid; expected {error.expected}")
    return None


def _unique(name: str, items: tuple, table: Table | None, problems: Problems) -> None:
    seen: set[str] = set()
    for item in items:
        if item.code in seen:
            problems.add(f"code {item.code!r} is listed twice", name)
        seen.add(item.code)
