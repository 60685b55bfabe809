"""The plan's assumptions and levers in sentences a board member can read without the app."""

from __future__ import annotations

import statistics
from datetime import datetime

from ...domain import ShiftLever
from ...domain.growth import GrowthRate
from ...domain.levers import Lever
from ...domain.plan import Plan
from ..formatting import share

#: Up to this many codes are named one by one; more are summarised.
NAMED = 6


def lever_scope(plan: Plan, lever: Lever) -> str:
    """Which services (and ICBs, for a shift) a lever touches, by name."""
    services = _named([s.name for s in plan.services if s.code in set(lever.services)],
                      "every service", "services", bool(lever.services))
    if not isinstance(lever, ShiftLever):
        return services
    icbs = _named([i.name for i in plan.icbs if i.code in set(lever.icbs)], "every ICB", "ICBs", bool(lever.icbs))
    return f"{services}; {icbs}"


def lever_sentence(plan: Plan, lever: Lever) -> str:
    """``lever.describe()`` with its scope, as a sentence."""
    text = lever.describe().replace("_", " ")
    return f"{text}. Applies to {lever_scope(plan, lever)}."


def growth_sentences(plan: Plan) -> list[str]:
    """One sentence per growth kind: the every-year rates, their spread, and any year overrides."""
    rates = plan.growth.rates
    icb_names = {i.code: i.name for i in plan.icbs}
    service_names = {s.code: s.name for s in plan.services}
    sentences = [
        _by_code("Demographic growth", "ICB", [r for r in rates if r.kind == "demographic"], icb_names, plan),
        _by_code("Non-demographic growth (new treatments, rising need)", "service",
                 [r for r in rates if r.kind == "non_demographic"], service_names, plan),
    ]
    price = [r for r in rates if r.kind == "price"]
    every = [r for r in price if r.year is None]
    text = f"Net price uplift (inflation less efficiency): {share(every[0].rate) if every else 'none'} a year"
    overrides = sorted((r for r in price if r.year is not None), key=lambda r: r.year)
    if overrides:
        text += "; " + ", ".join(f"{share(r.rate)} in {_year(plan, r.year)}" for r in overrides)
    sentences.append(text + ".")
    return sentences


def other_assumptions(plan: Plan) -> list[str]:
    return [
        (f"Bed occupancy {share(plan.occupancy_default)} ({share(plan.occupancy_mental_health)} for mental "
         "health services, unless a service sets its own); beds are bed days / 365 / occupancy."),
        (f"A risk pool is flagged as too small when its demand could swing by more than "
         f"{share(plan.viability_max_variation)} of its budget in a year (at 95% confidence)."),
        "Money is held in whole pence; figures here are rounded for reading.",
    ]


def comment_time(text: str) -> str:
    """An ISO 8601 comment time as ``23 Nov 2026, 09:30``; other text unchanged."""
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        return text
    suffix = " UTC" if moment.utcoffset() is not None and moment.utcoffset().total_seconds() == 0 else ""
    return moment.strftime("%d %b %Y, %H:%M") + suffix


def is_illustrative(plan: Plan) -> bool:
    return "illustrative" in plan.description.lower()


def _by_code(label: str, what: str, rates: list[GrowthRate], names: dict[str, str], plan: Plan) -> str:
    every = [r for r in rates if r.year is None]
    overrides = [r for r in rates if r.year is not None]
    if not rates:
        return f"{label}: none."
    if not every:
        text = f"{label}: no every-year rates"
    elif len(every) <= NAMED:
        text = f"{label} by {what}: " + ", ".join(f"{names.get(r.code, r.code)} {share(r.rate)}" for r in every)
    else:
        values = [r.rate for r in every]
        text = (f"{label} by {what}: {share(min(values))} to {share(max(values))} a year "
                f"(median {share(statistics.median(values))}) for {len(every)} {what}s")
    if overrides:
        text += f"; {len(overrides)} rate{'s' if len(overrides) != 1 else ''} for particular years override these"
    return text + "."


def _named(names: list[str], everything: str, plural: str, scoped: bool) -> str:
    if not scoped:
        return everything
    if len(names) <= NAMED:
        return ", ".join(names)
    return f"{len(names)} {plural} ({', '.join(names[:3])} and {len(names) - 3} more)"


def _year(plan: Plan, offset: int) -> str:
    years = plan.years
    return years[offset] if 0 <= offset < len(years) else f"year {offset}"
