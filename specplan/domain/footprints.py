"""Planning footprints: NHS England regions and integrated care boards (ICBs)."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from .errors import check


class PlanningLevel(StrEnum):
    """The footprint a service is planned and pooled on."""

    NATIONAL = "national"
    REGIONAL = "regional"
    ICS = "ics"


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
