"""The plan: footprints, services, settings, baseline, growth and redesign options."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from .appraisal import Appraisal, Review
from .baseline import Baseline
from .errors import ValidationError, check, check_share
from .footprints import BUILT_IN_NAMES, ICB, Footprint, FootprintGroup, PlanningLevel, Region, short_icb_name
from .growth import Growth
from .levers import ConvergenceLever, Lever, PlanningLevelLever, ShiftLever
from .scenario import Scenario
from .services import STANDARD_SETTINGS, ServiceLine
from .vintages import LATEST_BUILTIN_VINTAGE
from .years import year_label

MAX_HORIZON = 15
DEFAULT_OCCUPANCY = 0.92
DEFAULT_OCCUPANCY_MENTAL_HEALTH = 0.85


@dataclass(frozen=True)
class Plan:
    """A whole plan. Immutable: edits make a new Plan with :meth:`replace`.

    ``base_year`` is the calendar year the base financial year starts (2025 for 2025/26);
    ``horizon`` counts the years projected after it. ``viability_max_variation`` is the largest
    yearly swing in a pool's demand (as a share of its budget, at 95%) a pool may carry before
    it is flagged as too small. ``vintage`` is the code of the ICB vintage (``2022-07``,
    ``2026-04`` or one a user added) the plan's ICB codes belong to.
    """

    name: str
    base_year: int
    horizon: int
    regions: tuple[Region, ...]
    icbs: tuple[ICB, ...]
    services: tuple[ServiceLine, ...]
    baseline: Baseline
    settings: tuple[str, ...] = STANDARD_SETTINGS
    growth: Growth = field(default_factory=Growth)
    scenarios: tuple[Scenario, ...] = ()
    occupancy_default: float = DEFAULT_OCCUPANCY
    occupancy_mental_health: float = DEFAULT_OCCUPANCY_MENTAL_HEALTH
    viability_max_variation: float = 0.10
    description: str = ""
    appraisal: Appraisal = field(default_factory=Appraisal)
    review: Review = field(default_factory=Review)
    vintage: str = LATEST_BUILTIN_VINTAGE
    footprints: tuple[Footprint, ...] = ()

    def __post_init__(self) -> None:
        for name in ("regions", "icbs", "services", "settings", "scenarios", "footprints"):
            object.__setattr__(self, name, tuple(getattr(self, name)))
        check(bool(self.name.strip()), "plan name", self.name, "a non-empty name")
        check(isinstance(self.vintage, str) and bool(self.vintage.strip()), "vintage", self.vintage,
              "an ICB vintage code such as 2026-04")
        check(
            isinstance(self.horizon, int) and 1 <= self.horizon <= MAX_HORIZON,
            "horizon",
            self.horizon,
            f"a whole number of years from 1 to {MAX_HORIZON}",
        )
        check(isinstance(self.base_year, int) and 2000 <= self.base_year <= 2100, "base_year",
              self.base_year, "a year such as 2025 (for 2025/26)")
        for name in ("occupancy_default", "occupancy_mental_health"):
            value = getattr(self, name)
            check(0.0 < value <= 1.0, name, value, "a bed occupancy above 0 and at most 1")
        check_share("viability_max_variation", self.viability_max_variation)
        _unique("region code", [r.code for r in self.regions])
        _unique("ICB code", [i.code for i in self.icbs])
        _unique("service code", [s.code for s in self.services])
        _unique("setting", list(self.settings))
        _unique("scenario name", [s.name for s in self.scenarios])
        regions = {r.code for r in self.regions}
        for icb in self.icbs:
            check(icb.region in regions, f"ICB {icb.code} region", icb.region, "one of the plan's regions")
        expected = (len(self.services), len(self.icbs), len(self.settings))
        check(self.baseline.shape == expected, "baseline shape", self.baseline.shape,
              f"{expected} (services, ICBs, settings)")
        self._check_growth()
        self._check_footprints()
        for service in self.services:
            self._check_level(f"service {service.code} planning_level", service.planning_level)
        self._check_review()
        for scenario in self.scenarios:
            for position, lever in enumerate(scenario.levers, start=1):
                self._check_lever(f"scenario {scenario.name!r} lever {position}", lever)

    # -- lookups ---------------------------------------------------------------------------
    @cached_property
    def service_index(self) -> dict[str, int]:
        return {s.code: n for n, s in enumerate(self.services)}

    @cached_property
    def icb_index(self) -> dict[str, int]:
        return {i.code: n for n, i in enumerate(self.icbs)}

    @cached_property
    def setting_index(self) -> dict[str, int]:
        return {s: n for n, s in enumerate(self.settings)}

    @cached_property
    def region_index(self) -> dict[str, int]:
        return {r.code: n for n, r in enumerate(self.regions)}

    @property
    def footprint_names(self) -> tuple[str, ...]:
        """Every footprint a service may be planned on: the built-ins first, then the plan's own."""
        return BUILT_IN_NAMES + tuple(f.name for f in self.footprints)

    def footprint(self, name: str) -> Footprint:
        """The footprint called ``name``; the built-ins are made from the regions and ICBs:
        national is one group (England), regional one per region with ICBs, ics one per ICB."""
        if name == PlanningLevel.NATIONAL:
            return Footprint(name, (FootprintGroup("England", tuple(i.code for i in self.icbs)),))
        if name == PlanningLevel.REGIONAL:
            groups = ((r.name, tuple(i.code for i in self.icbs if i.region == r.code)) for r in self.regions)
            return Footprint(name, tuple(FootprintGroup(g, icbs) for g, icbs in groups if icbs))
        if name == PlanningLevel.ICS:
            # Each ICB's short name; its code where names are blank or shared (groups need unique names).
            shorts = [short_icb_name(i.name).strip() for i in self.icbs]
            names = shorts if all(shorts) and len(set(shorts)) == len(shorts) else \
                [f"{s} ({i.code})" if s else i.code for s, i in zip(shorts, self.icbs)]
            return Footprint(name, tuple(FootprintGroup(n, (i.code,)) for n, i in zip(names, self.icbs)))
        for footprint in self.footprints:
            if footprint.name == name:
                return footprint
        raise ValidationError("footprint", name, "one of the plan's footprints: " + ", ".join(self.footprint_names))

    @property
    def years(self) -> tuple[str, ...]:
        """Labels of years 0..H, e.g. ``("2025/26", "2026/27", ...)``."""
        return tuple(year_label(self.base_year + t) for t in range(self.horizon + 1))

    @property
    def has_do_nothing_option(self) -> bool:
        """An option without levers already shows what doing nothing costs."""
        return any(not s.levers for s in self.scenarios)

    def scenario(self, name: str) -> Scenario:
        for scenario in self.scenarios:
            if scenario.name == name:
                return scenario
        names = ", ".join(repr(s.name) for s in self.scenarios) or "none"
        raise ValidationError("scenario", name, f"one of the plan's options ({names})")

    def lever_at(self, scenario: str, position: int) -> Lever | None:
        """Lever ``position`` (from 0) of option ``scenario``, or None when there is no such one."""
        option = next((s for s in self.scenarios if s.name == scenario), None)
        if option is None or not 0 <= position < len(option.levers):
            return None
        return option.levers[position]

    def replace(self, **changes: Any) -> Plan:
        """A new plan with ``changes`` applied (validated again)."""
        return dataclasses.replace(self, **changes)

    def replace_scenario(self, name: str, scenario: Scenario) -> Plan:
        self.scenario(name)
        return self.replace(scenarios=tuple(scenario if s.name == name else s for s in self.scenarios))

    def occupancy(self, service: ServiceLine) -> float:
        if service.occupancy is not None:
            return service.occupancy
        return self.occupancy_mental_health if service.mental_health else self.occupancy_default

    # -- validation --------------------------------------------------------------------------
    def _check_growth(self) -> None:
        known = {"demographic": self.icb_index, "non_demographic": self.service_index}
        for rate in self.growth.rates:
            if rate.kind in known:
                what = "ICB" if rate.kind == "demographic" else "service"
                check(rate.code in known[rate.kind], f"{rate.kind} growth code", rate.code,
                      f"an {what} code of this plan")
            if rate.year is not None:
                check(rate.year <= self.horizon, "growth year", rate.year,
                      f"a year offset from 1 to the horizon {self.horizon}")

    def _check_footprints(self) -> None:
        """Each of the plan's own footprints holds every ICB of the plan in exactly one group."""
        _unique("footprint name", [f.name for f in self.footprints])
        for footprint in self.footprints:
            check(footprint.name.strip().lower() not in BUILT_IN_NAMES, "footprint name", footprint.name,
                  "a name other than the built-in footprints national, regional and ics")
            covered: set[str] = set()
            for group in footprint.groups:
                for code in group.icbs:
                    check(code in self.icb_index, f"footprint {footprint.name!r} group {group.name!r} ICB",
                          code, "an ICB code of this plan")
                covered.update(group.icbs)
            for icb in self.icbs:
                check(icb.code in covered, f"footprint {footprint.name!r} ICB", icb.code,
                      "in one of its groups (every ICB of the plan is in exactly one group)")

    def _check_level(self, where: str, level: str) -> None:
        check(level in BUILT_IN_NAMES or any(f.name == level for f in self.footprints), where, level,
              "one of the plan's footprints: " + ", ".join(self.footprint_names))

    def _check_review(self) -> None:
        """Scores, statuses and comments must be about options of this plan."""
        options = {s.name for s in self.scenarios}
        for score in self.appraisal.scores:
            check(score.option in options, "score option", score.option, "an option of this plan")
        for option, _status in self.review.statuses:
            check(option in options, "status option", option, "an option of this plan")
        for comment in self.review.comments:
            check(comment.option in options, "comment option", comment.option, "an option of this plan")
            if comment.lever is not None:
                levers = len(self.scenario(comment.option).levers)
                check(comment.lever <= levers, f"comment lever of {comment.option!r}", comment.lever,
                      f"a lever number from 1 to {levers}")

    def _check_lever(self, where: str, lever: Lever) -> None:
        for code in lever.services:
            check(code in self.service_index, f"{where} services", code, "a service code of this plan")
        if isinstance(lever, ShiftLever):
            for code in lever.icbs:
                check(code in self.icb_index, f"{where} icbs", code, "an ICB code of this plan")
            for name in ("from_setting", "to_setting"):
                value = getattr(lever, name)
                check(value in self.setting_index, f"{where} {name}", value,
                      "one of the plan's settings: " + ", ".join(self.settings))
            try:
                lever.phasing.profile(self.horizon)
            except ValidationError as error:
                raise ValidationError(f"{where} {error.field}", error.value, error.expected) from None
        elif isinstance(lever, PlanningLevelLever):
            self._check_level(f"{where} planning_level", lever.level)
        elif not isinstance(lever, ConvergenceLever):
            raise ValidationError(where, type(lever).__name__, "a shift, convergence or planning-level lever")


def _unique(what: str, codes: list[str]) -> None:
    seen: set[str] = set()
    for code in codes:
        check(code not in seen, what, code, f"each {what} once (it appears twice)")
        seen.add(code)
