"""Re-map a plan from its ICB vintage to the next one, by the rules of model.md.

Base-year spend of each cell is split over the successors of its ICB by largest remainder
(exact pence, see :mod:`.remap_split`), activity in proportion; weights are the new vintage's,
or the shares of the plan's own weights where the plan overrode them; demographic growth of a
new ICB is the average of its predecessors' rates weighted by ``share * weight``; a lever that
named an old ICB names all its successors. The plan passed in is never changed.
"""

from __future__ import annotations

import dataclasses
from fractions import Fraction

import numpy as np

from ..domain import ICB, Baseline, Growth, Plan, Scenario, ShiftLever
from ..domain.errors import ValidationError
from ..domain.user_vintages import load_vintages
from ..domain.vintages import SHARE_SCALE, Vintage, Vintages
from .remap_growth import remap_growth
from .remap_report import Destination, Reconciliation, RemapReport
from .remap_split import gather, split_activity, split_spend


def remap(plan: Plan, to_vintage: str, vintages: Vintages | None = None) -> tuple[Plan, RemapReport]:
    """The plan on ``to_vintage`` (the vintage after the plan's) and the report of what moved."""
    vintages = vintages or load_vintages()
    source, target = vintages.get(plan.vintage), vintages.get(to_vintage)
    if target.previous != source.code:
        following = vintages.next_after(source.code)
        hint = f"re-map to {following.code} first" if following else "it is the latest vintage"
        raise ValidationError("vintage to re-map to", to_vintage,
                              f"the vintage after the plan's {source.code} ({hint})")
    unknown = [icb.code for icb in plan.icbs if icb.code not in source.icb_index]
    if unknown:
        raise ValidationError(f"ICBs of vintage {source.code}", ", ".join(unknown),
                              "ICB codes of the plan's vintage (these are not in it)")
    new_codes = _new_icbs(plan, target)
    position = {code: n for n, code in enumerate(new_codes)}
    steps = [target.successors(icb.code) for icb in plan.icbs]
    width = max(len(s) for s in steps)
    to_index = np.zeros((len(plan.icbs), width), np.int64)
    units = np.zeros((len(plan.icbs), width), np.int64)
    for i, successors in enumerate(steps):
        for g, step in enumerate(successors):
            to_index[i, g], units[i, g] = position[step.to_code], step.share_units

    parts = split_spend(plan.baseline.spend_pence, units, SHARE_SCALE)
    spend = gather(parts, to_index, units, len(new_codes))
    activity = gather(split_activity(plan.baseline.activity, units, SHARE_SCALE), to_index, units, len(new_codes))
    icbs = _weights(plan, source, target, new_codes)
    regions = tuple(r for r in plan.regions if r.code in {icb.region for icb in icbs})
    scenarios, widened = _levers(plan, source, target)
    new_plan = plan.replace(
        icbs=icbs, regions=regions, baseline=Baseline(spend, activity), vintage=target.code,
        growth=Growth(remap_growth(plan, target, {code: n for n, code in enumerate(new_codes)})),
        scenarios=scenarios)
    report = RemapReport(
        source.code, target.code,
        {icb.code: tuple(Destination(step.to_code, step.share, int(parts[:, i, g, :].sum()))
                         for g, step in enumerate(steps[i])) for i, icb in enumerate(plan.icbs)},
        tuple(_plan_widened(plan, source, target, new_codes) + widened),
        reconcile(plan, new_plan, by_region=False), reconcile(plan, new_plan, by_region=True))
    return new_plan, report


def _new_icbs(plan: Plan, target: Vintage) -> list[str]:
    """Successors of the plan's ICBs, in the new vintage's order."""
    wanted = {step.to_code for icb in plan.icbs for step in target.successors(icb.code)}
    return [icb.code for icb in target.icbs if icb.code in wanted]


def _weights(plan: Plan, source: Vintage, target: Vintage, codes: list[str]) -> tuple[ICB, ...]:
    """New ICBs with the new vintage's weights, unless the plan overrode its weights: then each
    new ICB weighs ``sum_i share_ij * w_i`` of the plan's own weights."""
    overridden = any(icb.population != source.icb(icb.code).population for icb in plan.icbs)
    own = {icb.code: icb.population for icb in plan.icbs}
    out = []
    for code in codes:
        reference = target.icb(code)
        weight: float = reference.population
        if overridden:
            exact = sum((step.share * Fraction(own[step.from_code]) for step in target.predecessors(code)
                         if step.from_code in own), Fraction(0))
            weight = int(exact) if exact.denominator == 1 else float(exact)
        out.append(ICB(code, reference.name, reference.region, weight))
    return tuple(out)


def _levers(plan: Plan, source: Vintage, target: Vintage) -> tuple[tuple[Scenario, ...], list[str]]:
    """Shift levers naming old ICBs name every successor instead; say where that widens them."""
    scenarios, widened = [], []
    for scenario in plan.scenarios:
        levers = []
        for number, lever in enumerate(scenario.levers, start=1):
            if isinstance(lever, ShiftLever) and lever.icbs:
                named = set(lever.icbs)
                codes = [icb.code for icb in target.icbs
                         if any(s.from_code in named for s in target.predecessors(icb.code))]
                lever = dataclasses.replace(lever, icbs=tuple(codes))
                for code in codes:
                    covered = covered_share(source, target, code, named)
                    if covered < 1:
                        widened.append(
                            f"option {scenario.name!r} lever {number} named {', '.join(sorted(named))}; it now names "
                            f"{code} ({target.icb(code).name}), only {float(covered):.1%} of whose population "
                            "came from the ICBs it named")
            levers.append(lever)
        scenarios.append(Scenario(scenario.name, tuple(levers), scenario.description))
    return tuple(scenarios), widened


def _plan_widened(plan: Plan, source: Vintage, target: Vintage, codes: list[str]) -> list[str]:
    """New ICBs the plan covers only part of (a collaborative holding half of a merged ICB)."""
    own = {icb.code for icb in plan.icbs}
    out = []
    for code in codes:
        covered = covered_share(source, target, code, own)
        if covered < 1:
            others = sorted(s.from_code for s in target.predecessors(code) if s.from_code not in own)
            out.append(f"the plan's ICBs: {code} ({target.icb(code).name}) took only {float(covered):.1%} of its "
                       f"population from the plan's ICBs; the rest came from {', '.join(others)}, not in the plan")
    return out


def covered_share(source: Vintage, target: Vintage, code: str, named: set[str]) -> Fraction:
    """Share of new ICB ``code``'s population (reference weights) that came from ``named`` old ICBs."""
    steps = target.predecessors(code)
    if all(s.from_code in named for s in steps):
        return Fraction(1)
    parts = [(s.from_code, s.share * Fraction(source.icb(s.from_code).population)) for s in steps]
    total = sum((p for _, p in parts), Fraction(0))
    return sum((p for c, p in parts if c in named), Fraction(0)) / total


def reconcile(before: Plan, after: Plan, by_region: bool) -> tuple[Reconciliation, ...]:
    """Base-year spend per service and setting (and region) in both plans, where either has any."""
    regions: list[str | None] = (list(dict.fromkeys(icb.region for icb in before.icbs + after.icbs))
                                 if by_region else [None])

    def totals(plan: Plan) -> np.ndarray:
        member = np.zeros((len(plan.icbs), len(regions)), np.int64)
        for n, icb in enumerate(plan.icbs):
            member[n, regions.index(icb.region) if by_region else 0] = 1
        spend: np.ndarray = np.einsum("sik,ir->rsk", plan.baseline.spend_pence, member)
        return spend

    old, new = totals(before), totals(after)
    r, s, k = np.nonzero((old != 0) | (new != 0))
    services, settings = [x.code for x in before.services], before.settings
    return tuple(Reconciliation(services[b], settings[c], o, n, regions[a])
                 for a, b, c, o, n in zip(r.tolist(), s.tolist(), k.tolist(), old[r, s, k].tolist(),
                                          new[r, s, k].tolist()))
