"""Map a :class:`~specplan.domain.Plan` to table rows and back.

Rows are plain tuples in each table's column order, so a save is one ``executemany`` per table.
Reading checks every value's type before the domain model checks the plan's rules: a file is
input, and a damaged or hand-edited one must give a message, never a traceback.
"""

from __future__ import annotations

import math
from collections import defaultdict
from operator import itemgetter
from pathlib import Path

import numpy as np
from sqlalchemy import Connection

from ..domain import (
    ICB,
    LEVER_KINDS,
    Baseline,
    ConvergenceLever,
    Growth,
    GrowthRate,
    Phasing,
    Plan,
    PlanningLevelLever,
    Region,
    Scenario,
    ServiceLine,
    ShiftLever,
)
from ..domain.errors import ValidationError
from .errors import InvalidPlanFileError
from .tables import METADATA, PLAN_TABLES, SELECT_SQL

CELL_COLUMNS = "service, icb, setting, spend_pence, activity"
_CELL_DTYPE = np.dtype([("s", "<i8"), ("i", "<i8"), ("k", "<i8"), ("spend", "<i8"), ("activity", "<f8")])


def plan_rows(plan: Plan) -> dict[str, list[tuple]]:
    """Every table's rows for ``plan``, keyed by table name, parents first."""
    rows: dict[str, list[tuple]] = {t.name: [] for t in PLAN_TABLES}
    rows["plan"] = [(1, plan.name, plan.base_year, plan.horizon, float(plan.occupancy_default),
                     float(plan.occupancy_mental_health), float(plan.viability_max_variation),
                     plan.description)]
    rows["region"] = [(n, r.code, r.name) for n, r in enumerate(plan.regions)]
    rows["icb"] = [(n, i.code, i.name, i.region, float(i.population)) for n, i in enumerate(plan.icbs)]
    rows["setting"] = list(enumerate(plan.settings))
    for n, s in enumerate(plan.services):
        rows["service"].append((n, s.code, s.name, s.programme, s.planning_level.value, s.mental_health,
                                _opt_float(s.activity_per_patient), _opt_float(s.occupancy)))
        rows["service_unit"] += [(n, u, setting, unit) for u, (setting, unit) in enumerate(s.units)]
    rows["baseline_cell"] = cell_rows(plan.baseline)
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


def cell_rows(baseline: Baseline) -> list[tuple[int, int, int, int, float]]:
    """``(service, icb, setting, spend_pence, activity)`` of every cell that is not all zero."""
    spend, activity = baseline.spend_pence, baseline.activity
    s, i, k = np.nonzero((spend != 0) | (activity != 0))
    return list(zip(s.tolist(), i.tolist(), k.tolist(), spend[s, i, k].tolist(), activity[s, i, k].tolist()))


def _lever_row(lever_id: int, scenario: int, position: int, lever) -> tuple:
    shift = isinstance(lever, ShiftLever)
    return (
        lever_id, scenario, position, lever.kind,
        lever.from_setting if shift else None, lever.to_setting if shift else None,
        float(lever.target_share) if shift else None, lever.phasing.kind if shift else None,
        float(lever.substitution_ratio) if shift else None, float(lever.reinvest_share) if shift else None,
        float(lever.double_running_share) if shift else None,
        float(lever.share) if isinstance(lever, ConvergenceLever) else None,
        lever.level.value if isinstance(lever, PlanningLevelLever) else None,
    )


def _opt_float(value: float | None) -> float | None:
    return None if value is None else float(value)


# -- reading ---------------------------------------------------------------------------------------
def read_plan(conn: Connection, path: Path) -> Plan:
    """The plan in the open file ``path``; InvalidPlanFileError if a value is of the wrong type
    or the plan breaks its rules."""
    get = _Reader(conn, path)
    plans = get.rows("plan")
    if len(plans) != 1:
        raise InvalidPlanFileError(path, f"the file holds {len(plans)} plans instead of one")
    try:
        services = _services(get)
        settings = tuple(get.text("setting", r, 1) for r in get.rows("setting"))
        icbs = tuple(ICB(get.text("icb", r, 1), get.text("icb", r, 2), get.text("icb", r, 3),
                         get.number("icb", r, 4)) for r in get.rows("icb"))
        return Plan(
            name=get.text("plan", plans[0], 1), base_year=get.integer("plan", plans[0], 2),
            horizon=get.integer("plan", plans[0], 3),
            regions=tuple(Region(get.text("region", r, 1), get.text("region", r, 2))
                          for r in get.rows("region")),
            icbs=icbs, services=services, settings=settings,
            baseline=_baseline(conn, path, (len(services), len(icbs), len(settings))),
            growth=Growth(tuple(
                GrowthRate(get.text("growth_rate", r, 1), get.text("growth_rate", r, 2, optional=True),
                           get.number("growth_rate", r, 3), get.integer("growth_rate", r, 4, optional=True))
                for r in get.rows("growth_rate"))),
            scenarios=_scenarios(get),
            occupancy_default=get.number("plan", plans[0], 4),
            occupancy_mental_health=get.number("plan", plans[0], 5),
            viability_max_variation=get.number("plan", plans[0], 6),
            description=get.text("plan", plans[0], 7),
        )
    except ValidationError as error:
        raise InvalidPlanFileError(path, f"the plan in the file breaks a rule: {error}") from None


def _services(get: _Reader) -> tuple[ServiceLine, ...]:
    units: dict[int, list[tuple[str, str]]] = defaultdict(list)
    for row in get.rows("service_unit"):
        units[row[0]].append((get.text("service_unit", row, 2), get.text("service_unit", row, 3)))
    return tuple(
        ServiceLine(
            code=get.text("service", r, 1), name=get.text("service", r, 2),
            programme=get.text("service", r, 3), planning_level=get.text("service", r, 4),
            mental_health=get.flag("service", r, 5), units=tuple(units.pop(r[0], ())),
            activity_per_patient=get.number("service", r, 6, optional=True),
            occupancy=get.number("service", r, 7, optional=True),
        )
        for r in get.rows("service")
    )


def _scenarios(get: _Reader) -> tuple[Scenario, ...]:
    scopes: dict[str, dict[int, list[str]]] = {}
    for table, column in (("lever_service", 2), ("lever_icb", 2)):
        scopes[table] = defaultdict(list)
        for row in get.rows(table):
            scopes[table][row[0]].append(get.text(table, row, column))
    phasing: dict[int, list[float]] = defaultdict(list)
    for row in get.rows("phasing_value"):
        if row[1] != len(phasing[row[0]]) + 1:
            raise InvalidPlanFileError(get.path, f"lever {row[0]} has phasing for year {row[1]!r} "
                                                 "out of sequence")
        phasing[row[0]].append(get.number("phasing_value", row, 2))
    levers: dict[int, list] = defaultdict(list)
    for row in get.rows("lever"):
        levers[row[1]].append(_lever(get, row, scopes, phasing))
    return tuple(Scenario(get.text("scenario", r, 1), tuple(levers.get(r[0], ())), get.text("scenario", r, 2))
                 for r in get.rows("scenario"))


def _lever(get: _Reader, row, scopes, phasing):
    lever_id, kind = row[0], get.text("lever", row, 3)
    services = tuple(scopes["lever_service"].get(lever_id, ()))
    if kind == "shift":
        number = lambda n: get.number("lever", row, n)
        return ShiftLever(
            from_setting=get.text("lever", row, 4), to_setting=get.text("lever", row, 5),
            target_share=number(6), phasing=Phasing(get.text("lever", row, 7), tuple(phasing.get(lever_id, ()))),
            substitution_ratio=number(8), reinvest_share=number(9), double_running_share=number(10),
            services=services, icbs=tuple(scopes["lever_icb"].get(lever_id, ())),
        )
    if lever_id in scopes["lever_icb"] or lever_id in phasing:
        raise InvalidPlanFileError(get.path, f"lever {lever_id} ({kind}) has ICBs or phasing, which only "
                                             "a shift lever has")
    if kind == "convergence":
        return ConvergenceLever(share=get.number("lever", row, 11), services=services)
    if kind == "planning_level":
        return PlanningLevelLever(level=get.text("lever", row, 12), services=services)
    raise InvalidPlanFileError(get.path, f"lever {lever_id} is of unknown kind {kind!r} "
                                         f"(expected {', '.join(LEVER_KINDS)})")


def _baseline(conn: Connection, path: Path, shape: tuple[int, int, int]) -> Baseline:
    """The dense arrays from the stored non-zero cells, straight from the driver's tuples.

    numpy would silently turn 1.5 pence into 1 and '7' into 7, so the money and activity
    columns' Python types are checked first (SQLite skips CHECK constraints in a read-only
    ``quick_check``).
    """
    rows = conn.connection.driver_connection.execute(f"SELECT {CELL_COLUMNS} FROM baseline_cell").fetchall()
    for column, name, expected in ((3, "spend_pence", int), (4, "activity", float)):
        found = set(map(type, map(itemgetter(column), rows)))
        if found - {expected}:
            wrong = next(r for r in rows if type(r[column]) is not expected)
            raise InvalidPlanFileError(path, f"a baseline cell's {name} is {wrong[column]!r}, expected "
                                             f"{'a whole number of pence' if expected is int else 'a number'}")
    try:
        cells = np.fromiter(rows, dtype=_CELL_DTYPE, count=len(rows))
    except (TypeError, ValueError, OverflowError) as error:
        raise InvalidPlanFileError(path, f"a baseline cell holds a value that is not a number ({error})") from None
    spend, activity = np.zeros(shape, np.int64), np.zeros(shape, np.float64)
    index = (cells["s"], cells["i"], cells["k"])
    for axis, (where, size) in enumerate(zip(index, shape)):
        if where.size and (where.min() < 0 or where.max() >= size):
            raise InvalidPlanFileError(path, f"a baseline cell refers to a {('service', 'ICB', 'setting')[axis]} "
                                             f"the plan does not have (position {int(where.max())} of {size})")
    spend[index], activity[index] = cells["spend"], cells["activity"]
    return Baseline(spend, activity)


class _Reader:
    """Reads whole tables in key order and checks the type of each value it hands out."""

    def __init__(self, conn: Connection, path: Path):
        self.conn, self.path = conn, path

    def rows(self, table: str) -> list[tuple]:
        return self.conn.connection.driver_connection.execute(SELECT_SQL[table]).fetchall()

    def flag(self, table: str, row: tuple, column: int) -> bool:
        if row[column] in (0, 1) and not isinstance(row[column], float):
            return bool(row[column])
        return self._check(table, row, column, (), "0 or 1", False)

    def text(self, table: str, row: tuple, column: int, optional: bool = False) -> str | None:
        return self._check(table, row, column, (str,), "text", optional)

    def integer(self, table: str, row: tuple, column: int, optional: bool = False) -> int | None:
        return self._check(table, row, column, (int,), "a whole number", optional)

    def number(self, table: str, row: tuple, column: int, optional: bool = False) -> float | None:
        return self._check(table, row, column, (int, float), "a number", optional)

    def _check(self, table: str, row: tuple, column: int, types: tuple, what: str, optional: bool):
        value = row[column]
        if value is None and optional:
            return None
        if types == (str,):
            ok = isinstance(value, str)
        else:  # bool is an int to Python, and inf is a float: neither is a figure of a plan
            ok = isinstance(value, types) and not isinstance(value, bool) and math.isfinite(value)
        if ok:
            return value
        name = list(METADATA.tables[table].columns)[column].name
        raise InvalidPlanFileError(self.path, f"table {table}, row {row[0]!r}: {name} is {value!r}, "
                                              f"expected {what}")
