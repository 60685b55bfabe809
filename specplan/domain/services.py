"""Specialised service lines and the care settings their money and activity sit in."""

from __future__ import annotations

from dataclasses import dataclass

from .errors import check
from .footprints import Level, as_level

#: The standard settings in their canonical order; a plan may add more (e.g. out_of_area).
STANDARD_SETTINGS: tuple[str, ...] = ("inpatient", "day_case", "outpatient", "community")
INPATIENT = "inpatient"
COMMUNITY = "community"


@dataclass(frozen=True)
class ServiceLine:
    """One specialised service line.

    ``units`` pairs each setting with its activity unit (bed days for inpatient);
    ``activity_per_patient`` is inpatient bed days per patient per year, used to size pools;
    ``occupancy`` overrides the plan's default bed occupancy for this service;
    ``planning_level`` is a built-in footprint or the name of one of the plan's own.
    """

    code: str
    name: str
    programme: str
    planning_level: Level
    mental_health: bool = False
    units: tuple[tuple[str, str], ...] = ()
    activity_per_patient: float | None = None
    occupancy: float | None = None

    def __post_init__(self) -> None:
        check(bool(self.code.strip()), "service.code", self.code, "a non-empty service code")
        object.__setattr__(self, "planning_level", as_level(self.planning_level, f"service {self.code} planning_level"))
        if self.activity_per_patient is not None:
            check(
                self.activity_per_patient > 0,
                f"service {self.code} activity_per_patient",
                self.activity_per_patient,
                "a positive number of bed days per patient",
            )
        if self.occupancy is not None:
            check(
                0.0 < self.occupancy <= 1.0,
                f"service {self.code} occupancy",
                self.occupancy,
                "a bed occupancy above 0 and at most 1",
            )

    def unit(self, setting: str) -> str:
        """The activity unit of ``setting`` for this service."""
        return dict(self.units).get(setting, "bed days" if setting == INPATIENT else "contacts")

