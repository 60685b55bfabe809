"""Options and their levers from the ``Levers`` sheet (and descriptions from ``Options``).

One row per lever: ``scenario``, ``order``, ``lever`` and the columns that lever uses. A row with
``lever`` blank lists an option with no levers. A value in a column the lever does not use is a
problem rather than silently ignored: it is usually a lever typed on the wrong row.
"""

from __future__ import annotations

from ..domain import ConvergenceLever, Phasing, PlanningLevelLever, Scenario, ShiftLever
from ..domain.errors import ValidationError
from ..domain.phasing import PHASING_KINDS
from .errors import Problems
from .footprints_sheet import level_named, levels_expected
from .money import MoneyError, parse_decimal
from .names import normal
from .tables import Table

USES = {
    "shift": ("services", "icbs", "from_setting", "to_setting", "target_share", "phasing", "substitution_ratio",
              "reinvest_share", "double_running_share"),
    "convergence": ("services", "convergence_share"),
    "planning_level": ("services", "planning_level"),
}
REQUIRED = {"shift": "target_share", "convergence": "convergence_share", "planning_level": "planning_level"}
_OPTIONAL = ("services", "icbs", "from_setting", "to_setting", "target_share", "phasing", "substitution_ratio",
             "reinvest_share", "double_running_share", "convergence_share", "planning_level")
_SHARES = ("target_share", "reinvest_share", "double_running_share", "convergence_share")


def read_levers(levers: Table | None, options: Table | None, horizon: int | None, parts: dict,
                problems: Problems) -> tuple[Scenario, ...]:
    descriptions: dict[str, str] = {}
    order: list[str] = []
    for r, row in options.rows() if options is not None and options.found else ():
        name = options.text(r, row, "scenario", required=True, strip=False)
        if name is None:
            continue
        if name in descriptions:
            options.problem(r, "scenario", f"option {name!r} is listed twice")
        descriptions[name] = options.text(r, row, "description", strip=False) or ""
        order.append(name)
    found: dict[str, list[tuple[int | None, int, object]]] = {}
    for r, row in levers.rows() if levers is not None and levers.found else ():
        name = levers.text(r, row, "scenario", required=True, strip=False)
        if name is None:
            continue
        if name not in found:
            found[name] = []
            if name not in descriptions:
                order.append(name)
        lever = _lever(levers, r, row, horizon, parts)
        if lever is not None:
            found[name].append((levers.whole(r, row, "order"), r, lever))
    scenarios = []
    for name in order:
        entries = found.get(name, [])
        levers_in_order = _ordered(levers, name, entries)
        try:
            scenarios.append(Scenario(name, levers_in_order, descriptions.get(name, "")))
        except ValidationError as error:
            problems.add(f"option {name!r}: {error}", "Levers")
    return tuple(scenarios)


def _ordered(table: Table | None, name: str, entries: list) -> tuple:
    real = [e for e in entries if e[2] is not _NO_LEVER]
    given = [e for e in real if e[0] is not None]
    if given and len(given) != len(real):
        table.problem(real[0][1], "order", f"option {name!r}: give an order for every lever or for none")
    positions = [e[0] for e in given]
    for entry in given:
        if positions.count(entry[0]) > 1:
            table.problem(entry[1], "order", f"option {name!r}: order {entry[0]} is used twice")
            break
    return tuple(e[2] for e in sorted(real, key=lambda e: (e[0] or 0, e[1])))


_NO_LEVER = object()


def _lever(table: Table, r: int, row: list, horizon: int | None, parts: dict):
    kind_text = table.text(r, row, "lever")
    if kind_text is None:
        stray = [c for c in (*_OPTIONAL, "order") if c in table.columns and not table.blank(row, c)]
        if stray:
            table.problem(r, "lever", f"lever is blank but {', '.join(stray)} is given (name the lever: "
                                      "shift, convergence or planning_level)")
        return _NO_LEVER
    kind = normal(kind_text).replace(" ", "_")
    if kind not in USES:
        table.problem(r, "lever", f"unknown lever {kind_text!r}; levers are shift, convergence, planning_level")
        return None
    for column in _OPTIONAL:
        if column in table.columns and column not in USES[kind] and not table.blank(row, column):
            table.problem(r, column, f"{column} does not apply to a {kind} lever")
    if table.blank(row, REQUIRED[kind]):
        table.problem(r, REQUIRED[kind], f"{REQUIRED[kind]} is blank (a {kind} lever needs it)")
        return None
    services = table.codes(r, row, "services", {s.code for s in parts["services"]}, "service")
    values = {c: table.number(r, row, c, percent=True) for c in _SHARES if c in USES[kind]}
    if any(v is None and not table.blank(row, c) for c, v in values.items()):
        return None  # the bad number is already a problem
    if kind == "convergence":
        return _make(table, r, "convergence_share", lambda: ConvergenceLever(values["convergence_share"], services))
    if kind == "planning_level":
        text = table.text(r, row, "planning_level")
        names = tuple(f.name for f in parts.get("footprints", ()))
        level = level_named(text, names)
        if level is None:
            table.problem(r, "planning_level", f"planning_level {text!r} is not a footprint of the plan; expected "
                                               + levels_expected(names))
            return None
        return _make(table, r, "planning_level", lambda: PlanningLevelLever(level, services))
    icbs = table.codes(r, row, "icbs", {i.code for i in parts["icbs"]}, "ICB")
    settings = parts["settings"]
    ends = {}
    for column, default in (("from_setting", "inpatient"), ("to_setting", "community")):
        ends[column] = table.text(r, row, column) or default
        if ends[column] not in settings:
            table.problem(r, column, f"unknown setting {ends[column]!r}; the plan's settings are {', '.join(settings)}")
            return None
    phasing = _phasing(table, r, row, horizon)
    ratio = table.number(r, row, "substitution_ratio")
    if phasing is None or (ratio is None and not table.blank(row, "substitution_ratio")):
        return None
    return _make(table, r, "target_share", lambda: ShiftLever(
        from_setting=ends["from_setting"], to_setting=ends["to_setting"], target_share=values["target_share"],
        phasing=phasing, substitution_ratio=1.0 if ratio is None else ratio,
        reinvest_share=values["reinvest_share"] or 0.0, double_running_share=values["double_running_share"] or 0.0,
        services=services, icbs=icbs))


def _phasing(table: Table, r: int, row: list, horizon: int | None) -> Phasing | None:
    raw = table.raw(row, "phasing")
    if table.blank(row, "phasing"):
        return Phasing()
    if isinstance(raw, str) and normal(raw).replace(" ", "_") in PHASING_KINDS[:-1]:
        return Phasing(normal(raw).replace(" ", "_"))
    try:
        parts = [raw] if not isinstance(raw, str) else [p for p in raw.replace(";", ",").split(",") if p.strip()]
        values = tuple(_fraction(p) for p in parts)
        phasing = Phasing("custom", values)
        if horizon is not None:
            phasing.profile(horizon)
        return phasing
    except (MoneyError, TypeError):
        table.problem(r, "phasing", f"phasing {raw!r} is not linear, front_loaded, s_curve or per-year "
                                    "values such as 0.2, 0.5, 1")
    except ValidationError as error:
        table.problem(r, "phasing", f"phasing {raw!r}: {error.field} {error.value!r}; expected {error.expected}")
    return None


def _fraction(part: object) -> float:
    if isinstance(part, float):
        return part
    text = str(part).strip()
    scale = 100 if text.endswith("%") else 1
    number = parse_decimal(text.rstrip("%").strip(), money=False)
    if number is None:
        raise TypeError(text)
    return float(number / scale)  # Decimal to float rounds correctly, so "0.1" gives 0.1


def _make(table: Table, r: int, column: str, make):
    try:
        return make()
    except (ValidationError, TypeError) as error:
        if isinstance(error, ValidationError):
            col = error.field if error.field in table.columns else column
            table.problem(r, col, f"{error.field}: {error.value!r} is not valid; expected {error.expected}")
        else:
            table.problem(r, column, f"{column} is not valid")
    return None
