"""Planning footprints: NHS England regions, integrated care boards (ICBs), and a plan's own
footprints (named partitions of its ICBs, such as the Midlands joint committees)."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from .errors import check


class PlanningLevel(StrEnum):
    """The built-in footprints a service may be planned and pooled on."""

    NATIONAL = "national"
    REGIONAL = "regional"
    ICS = "ics"


#: A service's planning level: a built-in footprint, or the name of one of the plan's own
#: footprints (text; the plan checks that it names one).
Level = PlanningLevel | str
BUILT_IN_NAMES = tuple(level.value for level in PlanningLevel)


def as_level(value: object, field: str) -> Level:
    """Built-in names become a :class:`PlanningLevel`; other non-empty text stays text, the
    name of a custom footprint (which only the plan can check)."""
    if isinstance(value, PlanningLevel):
        return value
    check(isinstance(value, str) and bool(value.strip()), field, value,
          "national, regional, ics or the name of one of the plan's footprints")
    assert isinstance(value, str)
    return PlanningLevel(value) if value in BUILT_IN_NAMES else value


@dataclass(frozen=True)
class FootprintGroup:
    """One group of a footprint: a name and its ICB codes, in the order the user gave them."""

    name: str
    icbs: tuple[str, ...]

    def __post_init__(self) -> None:
        check(not isinstance(self.icbs, str), f"group {self.name!r} icbs", self.icbs, "a list of ICB codes")
        object.__setattr__(self, "icbs", tuple(self.icbs))


#: What the name of a plan's own footprint or group must be: it is typed in cells and menus and compared as text,
#: so spaces at either end or control characters would not survive a workbook.
NAME_RULE = "a non-empty name of printable characters, without spaces at either end"


def fair_name(name: str) -> bool:
    return isinstance(name, str) and bool(name) and name == name.strip() and name.isprintable()


@dataclass(frozen=True)
class Footprint:
    """A named partition of a plan's ICBs into named groups. Checked here for what it can
    check alone (names, empty groups, an ICB twice); the plan checks that it covers its ICBs
    and that its name is not a built-in one (the plan makes the built-ins as Footprints too)."""

    name: str
    groups: tuple[FootprintGroup, ...]

    def __post_init__(self) -> None:
        object.__setattr__(self, "groups", tuple(self.groups))
        check(isinstance(self.name, str) and bool(self.name.strip()), "footprint name", self.name,
              "a non-empty name")
        check(bool(self.groups), f"footprint {self.name!r}", self.groups, "at least one group")
        names: set[str] = set()
        seen: dict[str, str] = {}
        for group in self.groups:
            where = f"footprint {self.name!r} group {group.name!r}"
            check(bool(group.name.strip()), f"footprint {self.name!r} group name", group.name, "a non-empty name")
            check(group.name not in names, f"footprint {self.name!r} group name", group.name,
                  "each group name once (it appears twice)")
            names.add(group.name)
            check(bool(group.icbs), where, group.icbs, "at least one ICB (an empty group: delete it instead)")
            for code in group.icbs:
                check(code not in seen, f"{where} ICB", code,
                      f"each ICB in one group only (it is also in group {seen.get(code)!r})")
                seen[code] = group.name

    @property
    def group_names(self) -> tuple[str, ...]:
        return tuple(g.name for g in self.groups)

    def group(self, name: str) -> FootprintGroup:
        for group in self.groups:
            if group.name == name:
                return group
        check(False, f"group of footprint {self.name!r}", name, "one of its groups: " + ", ".join(self.group_names))
        raise AssertionError("unreachable")

    def group_of(self, icb: str) -> str:
        """The name of the group holding ICB ``icb``."""
        for group in self.groups:
            if icb in group.icbs:
                return group.name
        check(False, f"ICB of footprint {self.name!r}", icb, "an ICB in one of its groups")
        raise AssertionError("unreachable")


def short_icb_name(name: str) -> str:
    """'NHS Derby and Derbyshire Integrated Care Board' -> 'Derby and Derbyshire'."""
    return name.removeprefix("NHS ").removesuffix(" Integrated Care Board").removesuffix(" ICB")


@dataclass(frozen=True)
class Region:
    code: str
    name: str

    def __post_init__(self) -> None:
        check(bool(self.code.strip()), "region.code", self.code, "a non-empty code such as 'Y60'")


@dataclass(frozen=True)
class ICB:
    """An integrated care board; ``population`` is its fair-share weight (people, or any
    needs-weighted measure a plan chooses)."""

    code: str
    name: str
    region: str
    population: float

    def __post_init__(self) -> None:
        check(bool(self.code.strip()), "icb.code", self.code, "a non-empty ODS code such as 'QJ2'")
        check(
            isinstance(self.population, (int, float)) and self.population > 0,
            f"icb {self.code} population",
            self.population,
            "a positive number",
        )
