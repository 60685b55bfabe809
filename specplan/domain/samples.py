"""Illustrative sample plans built from the reference data.

Every figure here is ILLUSTRATIVE: budgets are set from per-head rates and bed-day costs of
the kind domain.md cites (secure bed about £452 a day, CAMHS general adolescent £700-£1,000,
specialised services about £20bn a year in all), spread over ICBs by population with a fixed
pseudo-random variation so that fair-share distances are visible. Deterministic: the same code
gives the same plan, byte for byte, on every machine (no random generator streams).
"""

from __future__ import annotations

import zlib
from collections.abc import Callable
from typing import Protocol, TypeVar

import numpy as np

from . import (
    ICB,
    Appraisal,
    Baseline,
    Comment,
    ConvergenceLever,
    Growth,
    GrowthRate,
    Phasing,
    Plan,
    PlanningLevel,
    PlanningLevelLever,
    Review,
    Scenario,
    Score,
    ServiceLine,
    ShiftLever,
)
from .reference import Reference, load_reference
from .vintages import LATEST_BUILTIN_VINTAGE

ILLUSTRATIVE = "Illustrative figures, not real budgets: built by specplan.samples from reference data."

# Share of a service's spend by setting (inpatient, day case, outpatient, community).
SETTING_MIX = {
    "Mental Health": (0.82, 0.0, 0.04, 0.14),
    "Cancer": (0.30, 0.35, 0.25, 0.10),
    "Internal Medicine": (0.45, 0.20, 0.25, 0.10),
    "Trauma": (0.65, 0.10, 0.15, 0.10),
    "Women and Children": (0.60, 0.10, 0.20, 0.10),
    "Blood and Infection": (0.25, 0.25, 0.40, 0.10),
}
# Illustrative cost per unit of activity by setting, in pounds.
UNIT_COST = {"inpatient": 650.0, "day_case": 950.0, "outpatient": 220.0, "community": 160.0}
MH_BED_DAY = {"NCBPS22S": 500.0, "NCBPS22U": 820.0, "NCBPS23": 900.0, "NCBPS22E": 700.0}

MH_COLLABORATIVE_ICBS = ("QJ2", "QK1", "QJM", "QPM", "QT1")  # the East Midlands ICBs
MH_COLLABORATIVE_SERVICES = (
    "NCBPS22S/MS_M_MI", "NCBPS22S/MS_F_MI", "NCBPS22S/LS_M_MI", "NCBPS22S/LS_M_LD", "NCBPS22S/LS_F_MI",
    "NCBPS23K", "NCBPS23L", "NCBPS23O", "NCBPS23U", "NCBPS22E",
)


def sample_names() -> tuple[str, ...]:
    return tuple(SAMPLES)


def build_sample(name: str) -> Plan:
    """The sample plan called ``name`` (see :func:`sample_names`)."""
    from .errors import ValidationError

    if name not in SAMPLES:
        raise ValidationError("sample", name, "one of " + ", ".join(SAMPLES))
    return SAMPLES[name](load_reference())


def mh_collaborative(ref: Reference) -> Plan:
    """A mental-health provider collaborative: adult secure and CAMHS tier 4, 5 ICBs, 5 years."""
    icbs = tuple(i for i in ref.icbs if i.code in MH_COLLABORATIVE_ICBS)
    services = tuple(s for s in ref.services if s.code in MH_COLLABORATIVE_SERVICES)
    community_first = ShiftLever(
        target_share=0.30, phasing=Phasing("s_curve"), substitution_ratio=1.5,
        reinvest_share=0.70, double_running_share=0.50,
    )
    secure = tuple(s.code for s in services if s.code.startswith("NCBPS22S"))
    camhs = tuple(s.code for s in services if s.code.startswith("NCBPS23"))
    step_down = (
        ShiftLever(target_share=0.20, phasing=Phasing("front_loaded"), substitution_ratio=2.0,
                   reinvest_share=0.80, double_running_share=0.40, services=secure),
        ShiftLever(target_share=0.25, phasing=Phasing("custom", (0.1, 0.3, 0.6, 0.85, 1.0)),
                   substitution_ratio=1.2, reinvest_share=0.75, double_running_share=0.60, services=camhs),
        ConvergenceLever(share=0.20),
    )
    plan = _plan(
        ref, "East Midlands mental health provider collaborative (illustrative)", icbs, services,
        horizon=5, vintage=LATEST_BUILTIN_VINTAGE,
        scenarios=(
            Scenario("Do nothing", (), "Today's pattern of care, grown by demand and prices."),
            Scenario("Community first", (community_first,),
                     "Move 30% of inpatient care to community teams by the final year, S-curve."),
            Scenario("Step-down and outreach", step_down,
                     "Secure step-down and CAMHS intensive home treatment, with pace of change."),
        ),
    )
    return plan.replace(appraisal=MH_APPRAISAL, review=MH_REVIEW)


# An illustrative appraisal and review, so the appraisal, review and report have something to show.
_SCORES = {
    "Do nothing": (2, 2, 3, 5, 1),
    "Community first": (4, 4, 2, 3, 4),
    "Step-down and outreach": (4, 3, 3, 4, 3),
}
_RATIONALE = {
    ("Community first", "Quality and outcomes"): "Care closer to home; fewer long admissions (illustrative).",
    ("Community first", "Workforce"): "Needs community staff the region does not have yet (illustrative).",
    ("Step-down and outreach", "Deliverability"): "Builds on existing outreach teams (illustrative).",
    ("Do nothing", "Financial sustainability"): "Inpatient costs outgrow the budget (illustrative).",
}
MH_APPRAISAL = Appraisal(scores=tuple(
    Score(option, criterion, score, _RATIONALE.get((option, criterion), ""))
    for option, scores in _SCORES.items()
    for criterion, score in zip(
        ("Quality and outcomes", "Access and equity", "Workforce", "Deliverability", "Financial sustainability"),
        scores)
))
MH_REVIEW = Review(
    statuses=(("Community first", "in review"), ("Step-down and outreach", "endorsed")),
    comments=(
        Comment("Community first", "Illustrative reviewer", "2025-11-03T10:00:00Z",
                "Is a 30% shift realistic while community teams are recruiting?", lever=1),
        Comment("Step-down and outreach", "Illustrative reviewer", "2025-11-04T14:30:00Z",
                "Endorsed by the clinical reference group, subject to a workforce plan."),
    ),
)


def national(ref: Reference, vintage: str = LATEST_BUILTIN_VINTAGE) -> Plan:
    """Every catalogued service line, every ICB of ``vintage`` (36 in 2026-04; 42 in 2022-07, for
    re-mapping), 4 settings, 10 years, do nothing + 3 options."""
    services = plannable_services(ref)
    ics_level = tuple(s.code for s in services if s.planning_level == PlanningLevel.ICS)
    mh = tuple(s.code for s in services if s.mental_health)
    return _plan(
        ref, "England specialised services (illustrative)", ref.vintage(vintage).icbs, services,
        horizon=10, vintage=vintage,
        scenarios=(
            Scenario("Do nothing", (), "Today's pattern of care, grown by demand and prices."),
            Scenario("Community shift", (
                ShiftLever(target_share=0.20, reinvest_share=0.60, double_running_share=0.50),
            ), "Move a fifth of inpatient care to community services over ten years."),
            Scenario("Regional pooling", (
                PlanningLevelLever(level=PlanningLevel.REGIONAL, services=ics_level),
                ConvergenceLever(share=0.25),
            ), "Pool ICS-level services regionally and close a quarter of each gap a year."),
            Scenario("Ambitious redesign", (
                ShiftLever(target_share=0.40, phasing=Phasing("s_curve"), substitution_ratio=1.5,
                           reinvest_share=0.70, double_running_share=0.50, services=mh),
                ShiftLever(from_setting="inpatient", to_setting="day_case", target_share=0.10,
                           phasing=Phasing("front_loaded"), reinvest_share=0.80),
                ConvergenceLever(share=0.10),
            ), "Mental health inpatient care to community and more day-case work elsewhere."),
        ),
    )


def plannable_services(ref: Reference) -> tuple[ServiceLine, ...]:
    """Catalogue lines that carry money: a line split into sub-lines is planned by its sub-lines."""
    parents = {s.code.split("/")[0] for s in ref.services if "/" in s.code}
    return tuple(s for s in ref.services if s.code not in parents)


def _plan(ref: Reference, name: str, icbs: tuple[ICB, ...], services: tuple[ServiceLine, ...], *, horizon: int,
          vintage: str, scenarios: tuple[Scenario, ...]) -> Plan:
    region_codes = {i.region for i in icbs}
    regions = tuple(r for r in ref.regions if r.code in region_codes)
    settings = ("inpatient", "day_case", "outpatient", "community")
    spend = np.zeros((len(services), len(icbs), len(settings)), np.int64)
    activity = np.zeros(spend.shape)
    for s, service in enumerate(services):
        yearly_per_head = _per_head(service)
        mix = SETTING_MIX.get(service.programme, SETTING_MIX["Internal Medicine"])
        for i, icb in enumerate(icbs):
            variation = 0.8 + 0.4 * _noise(service.code, icb.code)
            pounds = yearly_per_head * icb.population * variation
            for k, setting in enumerate(settings):
                cell = round(pounds * mix[k])  # whole pounds, as finance ledgers hold them
                spend[s, i, k] = cell * 100
                activity[s, i, k] = round(cell / _unit_cost(service, setting), 1)
    growth = Growth(
        tuple(GrowthRate("demographic", i.code, round(0.004 + 0.006 * _noise("demog", i.code), 4)) for i in icbs)
        + tuple(GrowthRate("non_demographic", s.code, round(0.01 + 0.02 * _noise("nondemog", s.code), 4))
                for s in services)
        + (GrowthRate("price", None, 0.015), GrowthRate("price", None, 0.025, year=1))
    )
    return Plan(
        name=name, base_year=2025, horizon=horizon, regions=regions, icbs=icbs, services=services,
        settings=settings, baseline=Baseline(spend, activity), growth=growth, scenarios=scenarios,
        description=ILLUSTRATIVE, vintage=vintage,
    )


def _per_head(service: ServiceLine) -> float:
    """Illustrative pounds a year per registered adult for a service line."""
    spread = _noise("budget", service.code)
    if service.planning_level == PlanningLevel.NATIONAL:
        return 0.05 + 0.35 * spread  # highly specialised: £2.5m-£20m nationally
    if service.mental_health:
        return 1.0 + 4.0 * spread  # e.g. medium secure lines about £3 a head
    return 0.8 + 4.5 * spread


def _unit_cost(service: ServiceLine, setting: str) -> float:
    if setting == "inpatient" and service.mental_health:
        for prefix, cost in MH_BED_DAY.items():
            if service.code.startswith(prefix):
                return cost
        return 600.0
    return UNIT_COST[setting] * (1.6 if service.planning_level == PlanningLevel.NATIONAL else 1.0)


def _noise(*parts: str) -> float:
    """A stable pseudo-random number in [0, 1) from text (CRC-32, the same everywhere)."""
    return zlib.crc32("|".join(parts).encode()) / 2**32


SAMPLES: dict[str, Callable[[Reference], Plan]] = {
    "mh-collaborative": mh_collaborative,
    "national": national,
}


def template_plan(region: str | None = None, name: str = "New plan") -> Plan:
    """An empty plan to fill from a finance spreadsheet: the region's ICBs of the latest vintage
    (every ICB when None; a vintage the user added counts), every plannable service line, no
    spend yet, a "Do nothing" option, five years from 2025/26."""
    from .user_vintages import load_vintages

    vintage = load_vintages().latest
    icbs = tuple(i for i in vintage.icbs if region is None or i.region == region)
    if not icbs:
        from .errors import ValidationError

        raise ValidationError("region", region, "a region code such as 'Y60'")
    return _empty_plan(name, vintage.code, icbs, plannable_services(load_reference()))


def new_plan(icbs: list[str] | None = None, region: str | None = None, services: list[str] | None = None,
             name: str = "New plan", vintage: str | None = None) -> Plan:
    """An empty plan for any set of ICBs (codes, or every ICB of ``region``) and services (codes;
    every plannable service line when None) on ``vintage`` (the latest when None).
    The app's New plan dialog and ``specplan-cli new --icbs/--region`` call it."""
    from .errors import ValidationError
    from .user_vintages import load_vintages

    if (icbs is None) == (region is None):
        raise ValidationError("ICBs", icbs or region, "ICB codes or a region, one of them")
    known = load_vintages()
    chosen = known.latest if vintage is None else known.get(vintage)
    if region is not None:
        chosen_icbs = tuple(i for i in chosen.icbs if i.region == region)
        if not chosen_icbs:
            raise ValidationError("region", region, f"a region code of the {chosen.code} ICBs such as 'Y60'")
    else:
        chosen_icbs = _pick(icbs or [], chosen.icbs, "ICB")
        if not chosen_icbs:
            raise ValidationError("ICBs", "", "at least one ICB code")
    ref = load_reference()
    chosen_services = plannable_services(ref) if services is None else _pick(services, ref.services, "service")
    if not chosen_services:
        raise ValidationError("services", "", "at least one service code")
    return _empty_plan(name, chosen.code, chosen_icbs, chosen_services)


class _Coded(Protocol):
    @property
    def code(self) -> str: ...


_C = TypeVar("_C", bound=_Coded)


def _pick(codes: list[str], known: tuple[_C, ...], what: str) -> tuple[_C, ...]:
    """The items of ``known`` with these codes (any case), in reference order; an unknown code is
    refused with the nearest known one."""
    import difflib

    from .errors import ValidationError

    by_code = {item.code.upper(): item for item in known}
    wrong = [c for c in codes if c.strip().upper() not in by_code]
    if wrong:
        hints = [f"{c!r}" + (f" (did you mean {close[0]}?)" if (close := difflib.get_close_matches(
            c.strip().upper(), list(by_code), n=1, cutoff=0.6)) else "") for c in wrong]
        raise ValidationError(what, ", ".join(wrong), f"{what} codes from the reference data; unknown: "
                              + ", ".join(hints))
    wanted = {c.strip().upper() for c in codes}
    return tuple(item for item in known if item.code.upper() in wanted)


def _empty_plan(name: str, vintage: str, icbs: tuple[ICB, ...], services: tuple[ServiceLine, ...]) -> Plan:
    """No spend yet, a "Do nothing" option, five years from 2025/26, the regions the ICBs are in."""
    regions = tuple(r for r in load_reference().regions if r.code in {i.region for i in icbs})
    settings = ("inpatient", "day_case", "outpatient", "community")
    return Plan(name=name, base_year=2025, horizon=5, regions=regions, icbs=icbs, services=services,
                settings=settings, baseline=Baseline.zeros(len(services), len(icbs), len(settings)),
                vintage=vintage, scenarios=(Scenario("Do nothing", (), "Today's pattern of care, grown by demand and prices."),))
