"""Levers: the changes a redesign option makes to the do-nothing projection."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import ClassVar

from .errors import check, check_share
from .footprints import Level, PlanningLevel, as_level
from .phasing import Phasing
from .services import COMMUNITY, INPATIENT


@dataclass(frozen=True)
class ShiftLever:
    """Move a share of ``from_setting`` activity (and its money) to ``to_setting``.

    Empty ``services`` / ``icbs`` mean every service / ICB in the plan.
    """

    kind: ClassVar[str] = "shift"
    from_setting: str = INPATIENT
    to_setting: str = COMMUNITY
    target_share: float = 0.0
    phasing: Phasing = field(default_factory=Phasing)
    substitution_ratio: float = 1.0
    reinvest_share: float = 0.0
    double_running_share: float = 0.0
    services: tuple[str, ...] = ()
    icbs: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        _freeze_scope(self)
        check_share("target_share", self.target_share)
        check_share("reinvest_share", self.reinvest_share)
        check_share("double_running_share", self.double_running_share)
        check(
            isinstance(self.substitution_ratio, (int, float)) and 0.0 <= self.substitution_ratio <= 100.0,
            "substitution_ratio",
            self.substitution_ratio,
            "units of new activity per unit moved, from 0 to 100",
        )
        check(
            self.from_setting != self.to_setting,
            "to_setting",
            self.to_setting,
            f"a setting other than the from setting {self.from_setting!r}",
        )

    def describe(self) -> str:
        return (
            f"Shift {self.target_share:.0%} of {self.from_setting} to {self.to_setting} "
            f"({self.phasing.describe()}), reinvest {self.reinvest_share:.0%}, "
            f"double running {self.double_running_share:.0%}"
        )


@dataclass(frozen=True)
class ConvergenceLever:
    """Move each ICB ``share`` of the way to its fair share every year (pace of change).

    It acts on whole pools so pool totals never change; scope is by service only.
    """

    kind: ClassVar[str] = "convergence"
    share: float = 0.0
    services: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        _freeze_scope(self)
        check_share("convergence_share", self.share)

    def describe(self) -> str:
        return f"Converge {self.share:.0%} of the way to fair share each year"


@dataclass(frozen=True)
class PlanningLevelLever:
    """Plan ``services`` at another footprint (national, regional, ICS or one of the plan's
    own, which the plan checks) in this option."""

    kind: ClassVar[str] = "planning_level"
    level: Level = PlanningLevel.REGIONAL
    services: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        _freeze_scope(self)
        object.__setattr__(self, "level", as_level(self.level, "planning_level"))

    def describe(self) -> str:
        if isinstance(self.level, PlanningLevel):
            return f"Plan at {self.level.value} level"
        return f"Plan on footprint {self.level!r}"


Lever = ShiftLever | ConvergenceLever | PlanningLevelLever
LEVER_KINDS = {cls.kind: cls for cls in (ShiftLever, ConvergenceLever, PlanningLevelLever)}


def _freeze_scope(lever: object) -> None:
    """Accept any iterable of codes for scopes, store a tuple (levers are hashable)."""
    for name in ("services", "icbs"):
        if hasattr(lever, name):
            value = getattr(lever, name)
            check(not isinstance(value, str), name, value, "a list of codes, not one string")
            object.__setattr__(lever, name, tuple(value))
