"""The ``Footprints`` sheet: the plan's own footprints, one row per ICB (``footprint, group,
icb_code``). Footprints, their groups and each group's ICBs keep the order of the rows, so an
export read back gives the same plan. The built-ins (national, regional, ics) are never listed:
the plan makes them from its regions and ICBs.
"""

from __future__ import annotations

from ..domain import ICB, Footprint, FootprintGroup, Plan
from ..domain.footprints import BUILT_IN_NAMES
from .errors import Problems
from .names import normal
from .tables import Table

SHEET = "Footprints"
COLUMNS = ("footprint", "group", "icb_code")


def footprint_rows(plan: Plan) -> list[list]:
    return [[f.name, g.name, code] for f in plan.footprints for g in f.groups for code in g.icbs]


def read_footprints(table: Table | None, icbs: tuple[ICB, ...], problems: Problems) -> tuple[Footprint, ...]:
    """The footprints the sheet describes; each bad row is a problem naming its cell and what
    was expected, and a footprint that leaves out an ICB is one naming the footprint."""
    if table is None or not table.found:
        return ()
    known = {i.code for i in icbs}
    groups: dict[str, dict[str, list[str]]] = {}
    where: dict[tuple[str, str], tuple[str, int]] = {}  # (footprint, icb) -> (group, row)
    for r, row in table.rows():
        name = table.text(r, row, "footprint", required=True, strip=False)
        group = table.text(r, row, "group", required=True, strip=False)
        code = table.text(r, row, "icb_code", required=True)
        if name is None or group is None or code is None:
            continue
        if name.strip().lower() in BUILT_IN_NAMES:
            table.problem(r, "footprint", f"footprint {name!r} is built in; expected a name of the plan's own "
                                          "(national, regional and ics are made from the regions and ICBs)")
            continue
        if code not in known:
            table.problem(r, "icb_code", f"unknown ICB {code!r}; expected an ICB code of the plan")
            continue
        if (name, code) in where:
            other, at = where[name, code]
            table.problem(r, "icb_code", f"ICB {code} is already in group {other!r} of footprint {name!r} "
                                         f"(row {at + 1}); expected each ICB once per footprint")
            continue
        where[name, code] = (group, r)
        groups.setdefault(name, {}).setdefault(group, []).append(code)
    made = []
    for name, members in groups.items():
        missing = [i.code for i in icbs if (name, i.code) not in where]
        if missing:
            problems.add(f"footprint {name!r} leaves out ICB {', '.join(missing)}; expected every ICB of the "
                         "plan in one of its groups", SHEET)
            continue
        made.append(Footprint(name, tuple(FootprintGroup(g, tuple(c)) for g, c in members.items())))
    return tuple(made)


def footprint_names(table: Table | None) -> tuple[str, ...]:
    """The footprint names the sheet uses, in order: what a planning level may name (read
    before the ICBs, which the groups are checked against)."""
    if table is None or not table.found:
        return ()
    names = (table.raw(row, "footprint") for _, row in table.rows())
    return tuple(dict.fromkeys(n for n in names if isinstance(n, str) and n.strip()))


def level_named(text: str | None, names: tuple[str, ...]) -> str | None:
    """The planning level a cell names: a built-in or one of the plan's own footprints ``names``,
    compared as names are (case and punctuation aside); None when it names none of them."""
    if text is None:
        return None
    if text in BUILT_IN_NAMES or text in names:  # exactly as written first: names may differ only in case
        return text
    wanted = normal(text)
    for name in (*BUILT_IN_NAMES, *names):
        if normal(name) == wanted:
            return name
    return None


def levels_expected(names: tuple[str, ...]) -> str:
    own = f", or a footprint of the {SHEET} sheet ({', '.join(map(repr, names))})" if names else \
        f", or a footprint listed on a {SHEET} sheet"
    return ", ".join(BUILT_IN_NAMES) + own
