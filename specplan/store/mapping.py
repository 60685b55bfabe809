"""Map a :class:`~specplan.domain.Plan` to table rows and back.

Rows are plain tuples in each table's column order, so a save is one ``executemany`` per table.
Reading checks every value's type before the domain model checks the plan's rules: a file is
input, and a damaged or hand-edited one must give a message, never a traceback.
"""

from __future__ import annotations

import math
import sqlite3
from collections import defaultdict
from itertools import chain
from pathlib import Path
from typing import Any

import numpy as np
from numpy.typing import NDArray
from sqlalchemy import Boolean, Column, Float, Integer

from ..domain import (
    ICB,
    LEVER_KINDS,
    Appraisal,
    Baseline,
    Comment,
    ConvergenceLever,
    Criterion,
    Footprint,
    FootprintGroup,
    Growth,
    GrowthRate,
    Lever,
    Phasing,
    Plan,
    PlanningLevelLever,
    Region,
    Review,
    Scenario,
    Score,
    ServiceLine,
    ShiftLever,
)
from ..domain.errors import ValidationError
from .errors import InvalidPlanFileError
from .tables import METADATA, PLAN_TABLES, SELECT_SQL

CELL_COLUMNS = "service, icb, setting, spend_pence, activity"
#: A row to write, in its table's column order.
Row = tuple[object, ...]
#: A row as SQLite's driver hands it back: any value in any column until :class:`_Tables` has
#: checked each against its column's type, so the domain's constructors take them as they are.
_StoredRow = tuple[Any, ...]
_CELL_DTYPE = np.dtype([("s", "<i8"), ("i", "<i8"), ("k", "<i8"), ("spend", "<i8"), ("activity", "<f8")])


def plan_rows(plan: Plan) -> dict[str, list[Row]]:
    """Every table's rows for ``plan``, keyed by table name, parents first."""
    rows: dict[str, list[Row]] = {t.name: [] for t in PLAN_TABLES}
    rows["plan"] = [(1, plan.name, plan.base_year, plan.horizon, float(plan.occupancy_default),
                     float(plan.occupancy_mental_health), float(plan.viability_max_variation),
                     plan.description, plan.vintage)]
    rows["region"] = [(n, r.code, r.name) for n, r in enumerate(plan.regions)]
    rows["icb"] = [(n, i.code, i.name, i.region, float(i.population)) for n, i in enumerate(plan.icbs)]
    rows["setting"] = list(enumerate(plan.settings))
    for n, s in enumerate(plan.services):
        rows["service"].append((n, s.code, s.name, s.programme, str(s.planning_level), s.mental_health,
                                _opt_float(s.activity_per_patient), _opt_float(s.occupancy)))
        rows["service_unit"] += [(n, u, setting, unit) for u, (setting, unit) in enumerate(s.units)]
    rows["baseline_cell"] = cell_rows(plan.baseline)
    for f, footprint in enumerate(plan.footprints):
        rows["footprint"].append((f, footprint.name))
        for g, group in enumerate(footprint.groups):
            rows["footprint_group"].append((f, g, group.name))
            rows["footprint_icb"] += [(f, code, g, p) for p, code in enumerate(group.icbs)]
    rows["criterion"] = [(n, c.name, float(c.weight)) for n, c in enumerate(plan.appraisal.criteria)]
    rows["score"] = [(n, s.option, s.criterion, s.score, s.rationale) for n, s in enumerate(plan.appraisal.scores)]
    rows["option_status"] = [(n, option, status) for n, (option, status) in enumerate(plan.review.statuses)]
    rows["comment"] = [(n, c.option, c.author, c.time, c.text, c.lever) for n, c in enumerate(plan.review.comments)]
    rows["growth_rate"] = [(n, r.kind, r.code, float(r.rate), r.year) for n, r in enumerate(plan.growth.rates)]
    lever_id = 0
    for n, scenario in enumerate(plan.scenarios):
        rows["scenario"].append((n, scenario.name, scenario.description))
        for position, lever in enumerate(scenario.levers):
            lever_id += 1
            rows["lever"].append(_lever_row(lever_id, n, position, lever))
            rows["lever_service"] += [(lever_id, p, code) for p, code in enumerate(lever.services)]
            if isinstance(lever, ShiftLever):
                rows["lever_icb"] += [(lever_id, p, code) for p, code in enumerate(lever.icbs)]
                rows["phasing_value"] += [(lever_id, year, v)
                                          for year, v in enumerate(lever.phasing.values, start=1)]
    return rows


def cell_rows(baseline: Baseline) -> list[Row]:
    """``(service, icb, setting, spend_pence, activity)`` of every cell that is not all zero."""
    spend, activity = baseline.spend_pence, baseline.activity
    s, i, k = np.nonzero((spend != 0) | (activity != 0))
    return list(zip(s.tolist(), i.tolist(), k.tolist(), spend[s, i, k].tolist(), activity[s, i, k].tolist()))


def _lever_row(lever_id: int, scenario: int, position: int, lever: Lever) -> Row:
    shift: Row = (None,) * 7
    if isinstance(lever, ShiftLever):
        shift = (lever.from_setting, lever.to_setting, float(lever.target_share), lever.phasing.kind,
                 float(lever.substitution_ratio), float(lever.reinvest_share), float(lever.double_running_share))
    return (
        lever_id, scenario, position, lever.kind, *shift,
        float(lever.share) if isinstance(lever, ConvergenceLever) else None,
        str(lever.level) if isinstance(lever, PlanningLevelLever) else None,
    )


def _opt_float(value: float | None) -> float | None:
    return None if value is None else float(value)


# -- reading ---------------------------------------------------------------------------------------
def read_plan(driver: sqlite3.Connection, path: Path) -> Plan:
    """The plan in the open file ``path`` (read in the caller's transaction, straight through
    the driver); InvalidPlanFileError if a value is of the wrong type or breaks a plan rule."""
    tables = _Tables(driver, path)
    plans = tables["plan"]
    if len(plans) != 1:
        raise InvalidPlanFileError(path, f"the file holds {len(plans)} plans instead of one")
    _, name, base_year, horizon, occupancy, occupancy_mental_health, viability, description, vintage = plans[0]
    try:
        services = _services(tables)
        icbs = tuple(ICB(code, icb_name, region, population)
                     for _, code, icb_name, region, population in tables["icb"])
        settings = tuple(code for _, code in tables["setting"])
        return Plan(
            name=name, base_year=base_year, horizon=horizon,
            regions=tuple(Region(code, region_name) for _, code, region_name in tables["region"]),
            icbs=icbs, services=services, settings=settings,
            baseline=_baseline(driver, path, (len(services), len(icbs), len(settings))),
            growth=Growth(tuple(GrowthRate(kind, code, rate, year)
                                for _, kind, code, rate, year in tables["growth_rate"])),
            scenarios=_scenarios(tables),
            occupancy_default=occupancy, occupancy_mental_health=occupancy_mental_health,
            viability_max_variation=viability, description=description, vintage=vintage,
            appraisal=Appraisal(
                tuple(Criterion(criterion, weight) for _, criterion, weight in tables["criterion"]),
                tuple(Score(*row[1:]) for row in tables["score"])),
            review=Review(tuple(row[1:] for row in tables["option_status"]),
                          tuple(Comment(*row[1:]) for row in tables["comment"])),
            footprints=_footprints(tables),
        )
    except ValidationError as error:
        raise InvalidPlanFileError(path, f"the plan in the file breaks a rule: {error}") from None


def _services(tables: _Tables) -> tuple[ServiceLine, ...]:
    units: dict[int, list[tuple[str, str]]] = defaultdict(list)
    for service, _, setting, unit in tables["service_unit"]:
        units[service].append((setting, unit))
    return tuple(
        ServiceLine(code, name, programme, level, bool(mental_health), tuple(units.get(position, ())),
                    per_patient, occupancy)
        for position, code, name, programme, level, mental_health, per_patient, occupancy in tables["service"]
    )


def _footprints(tables: _Tables) -> tuple[Footprint, ...]:
    """The plan's own footprints: groups in order, each group's ICBs in their stored order."""
    members: dict[tuple[int, int], list[tuple[int, str]]] = defaultdict(list)
    for footprint, icb, group, position in tables["footprint_icb"]:
        members[footprint, group].append((position, icb))
    groups: dict[int, list[FootprintGroup]] = defaultdict(list)
    for footprint, position, name in tables["footprint_group"]:
        icbs = tuple(icb for _, icb in sorted(members.pop((footprint, position), [])))
        groups[footprint].append(FootprintGroup(name, icbs))
    if members:
        (footprint, group), _ = next(iter(members.items()))
        raise InvalidPlanFileError(tables.path, f"footprint {footprint} has ICBs in group {group}, which it does not have")
    return tuple(Footprint(name, tuple(groups.get(position, ()))) for position, name in tables["footprint"])


def _scenarios(tables: _Tables) -> tuple[Scenario, ...]:
    services: dict[int, list[str]] = defaultdict(list)
    icbs: dict[int, list[str]] = defaultdict(list)
    for lever, _, code in tables["lever_service"]:
        services[lever].append(code)
    for lever, _, code in tables["lever_icb"]:
        icbs[lever].append(code)
    phasing: dict[int, list[float]] = defaultdict(list)
    for lever, year, value in tables["phasing_value"]:
        if year != len(phasing[lever]) + 1:
            raise InvalidPlanFileError(tables.path, f"lever {lever} has phasing for year {year} out of sequence")
        phasing[lever].append(value)
    levers: dict[int, list[Lever]] = defaultdict(list)
    for row in tables["lever"]:
        levers[row[1]].append(_lever(tables.path, row, services, icbs, phasing))
    return tuple(Scenario(name, tuple(levers.get(position, ())), description)
                 for position, name, description in tables["scenario"])


def _lever(path: Path, row: _StoredRow, services: dict[int, list[str]], icbs: dict[int, list[str]],
           phasing: dict[int, list[float]]) -> Lever:
    (lever_id, _, _, kind, from_setting, to_setting, target, phasing_kind, substitution, reinvest,
     double_running, share, level) = row
    scope = tuple(services.get(lever_id, ()))
    if kind == "shift":
        return ShiftLever(from_setting, to_setting, target, Phasing(phasing_kind, tuple(phasing.get(lever_id, ()))),
                          substitution, reinvest, double_running, scope, tuple(icbs.get(lever_id, ())))
    if lever_id in icbs or lever_id in phasing:
        raise InvalidPlanFileError(path, f"lever {lever_id} ({kind}) has ICBs or phasing, which only "
                                         "a shift lever has")
    if kind == "convergence":
        return ConvergenceLever(share=share, services=scope)
    if kind == "planning_level":
        return PlanningLevelLever(level=level, services=scope)
    raise InvalidPlanFileError(path, f"lever {lever_id} is of unknown kind {kind!r} "
                                     f"(expected {', '.join(LEVER_KINDS)})")


def _baseline(driver: sqlite3.Connection, path: Path, shape: tuple[int, int, int]) -> Baseline:
    """The dense arrays from the stored non-zero cells, straight from the driver's tuples.

    The cells go through float64 (one pass in C), then must be whole where whole numbers belong:
    a plain int64 conversion would silently turn 1.5 pence into 1 (SQLite skips CHECK
    constraints in a read-only ``quick_check``). Money from 2**53 pence up (£90 trillion) takes
    an exact, slower path.
    """
    select = f"SELECT {CELL_COLUMNS} FROM baseline_cell"
    try:  # streamed from the cursor: no list of row tuples is ever built
        cells = np.fromiter(chain.from_iterable(driver.execute(select)), np.float64).reshape(-1, 5)
    except (TypeError, ValueError, OverflowError):
        raise _bad_cell(driver.execute(select).fetchall(), path) from None
    if len(cells) and not np.all(np.abs(cells[:, :4]) < 2.0**53):
        rows = driver.execute(select).fetchall()
        problem = _wrong_cell(rows, path, exact=True)
        if problem is not None:
            raise problem
        exact = np.fromiter(rows, dtype=_CELL_DTYPE, count=len(rows))
        return _fill(path, shape, (exact["s"], exact["i"], exact["k"]), exact["spend"], exact["activity"])
    if (cells[:, :4] != np.floor(cells[:, :4])).any():
        raise _bad_cell(driver.execute(select).fetchall(), path)
    index = tuple(cells[:, :3].astype(np.int64).T)
    return _fill(path, shape, index, cells[:, 3].astype(np.int64), cells[:, 4])


def _bad_cell(rows: list[_StoredRow], path: Path) -> InvalidPlanFileError:
    """The error for cells that would not convert: the first wrong value's, if one is found."""
    return _wrong_cell(rows, path, exact=False) or InvalidPlanFileError(
        path, "a baseline cell holds a value that is not a number")


def _wrong_cell(rows: list[_StoredRow], path: Path, exact: bool) -> InvalidPlanFileError | None:
    """Name the first value of the wrong type (positions and pence whole, activity a number;
    ``exact``: whole floats are wrong too, as they would lose pence from 2**53 up)."""
    names = CELL_COLUMNS.split(", ")
    for row in rows:
        for column, value in enumerate(row):
            whole = column < 4
            if type(value) is int:
                continue
            if type(value) is float and (not whole or (value.is_integer() and not exact)):
                continue  # activity; or a whole float, which converts exactly below 2**53
            expected = "a whole number of pence" if column == 3 else "a whole number" if whole else "a number"
            return InvalidPlanFileError(path, f"a baseline cell's {names[column]} is {value!r}, expected {expected}")
    return None


def _fill(path: Path, shape: tuple[int, int, int], index: tuple[NDArray[np.int64], ...], spend_values: NDArray[np.int64],
          activity_values: NDArray[np.float64]) -> Baseline:
    spend, activity = np.zeros(shape, np.int64), np.zeros(shape, np.float64)
    for axis, (where, size) in enumerate(zip(index, shape)):
        if where.size and (where.min() < 0 or where.max() >= size):
            raise InvalidPlanFileError(path, f"a baseline cell refers to a {('service', 'ICB', 'setting')[axis]} "
                                             f"the plan does not have (position {int(where.max())} of {size})")
    spend[index], activity[index] = spend_values, activity_values
    return Baseline(spend, activity)


class _Tables:
    """Whole tables in key order, each value checked against its column's type in the SQLModel
    table (a file is input: SQLite stores any type in any column)."""

    def __init__(self, driver: sqlite3.Connection, path: Path):
        self.driver, self.path = driver, path
        self._rows: dict[str, list[_StoredRow]] = {}

    def __getitem__(self, table: str) -> list[_StoredRow]:
        if table not in self._rows:
            rows = self.driver.execute(SELECT_SQL[table]).fetchall()
            for column, values in zip(METADATA.tables[table].columns, zip(*rows)):
                self._check(table, column, values, rows)
            self._rows[table] = rows
        return self._rows[table]

    def _check(self, table: str, column: Column[Any], values: tuple[Any, ...], rows: list[_StoredRow]) -> None:
        kind = _python_type(column)
        widened: dict[type, set[type]] = {float: {int, float}, bool: {int}}
        allowed = widened.get(kind, {kind})
        allowed |= {type(None)} if column.nullable else set()
        found = set(map(type, values))
        if found <= allowed and (kind is not float or all(map(math.isfinite, filter(None, values)))) \
                and (kind is not bool or set(values) <= {0, 1}):
            return
        expected = {int: "a whole number", float: "a number", str: "text", bool: "0 or 1"}[kind]
        for row, value in zip(rows, values):
            if not (type(value) in allowed and (kind is not float or value is None or math.isfinite(value))
                    and (kind is not bool or value in (0, 1))):
                raise InvalidPlanFileError(self.path, f"table {table}, row {row[0]!r}: {column.name} is "
                                                      f"{value!r}, expected {expected}")


def _python_type(column: Column[Any]) -> type:
    """The Python type a column's values must have (SQLModel's strings say ``object``)."""
    for sql_type, python in ((Boolean, bool), (Integer, int), (Float, float)):
        if isinstance(column.type, sql_type):
            return python
    return str
