"""Dropping the ICBs and services a plan's baseline leaves entirely empty.

A plan started from a region's template (every service line) and filled from a finance sheet
holds many services with no money at all; they clutter every view. Dropping them is offered,
never done silently. An ICB or service a lever names explicitly is kept: removing it from the
lever's list could empty the list, and an empty list means "all", which would widen the lever.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

import numpy as np

from .footprints import Footprint, FootprintGroup
from .growth import Growth
from .plan import Plan


@dataclass(frozen=True)
class Dropped:
    """What :func:`drop_empty` removed, and what it kept although empty (named by a lever)."""

    icbs: tuple[str, ...]
    services: tuple[str, ...]
    kept: tuple[str, ...]

    def describe(self) -> str:
        from .words import plural

        if not self.icbs and not self.services:
            text = "no ICB or service is entirely empty"
        else:
            parts = [f"{plural(len(codes), what)} ({', '.join(codes)})"
                     for codes, what in ((self.icbs, "ICB"), (self.services, "service")) if codes]
            text = " and ".join(parts) + " with no spend or activity"
        if self.kept:
            text += f"; kept although empty because a lever names them: {', '.join(self.kept)}"
        return text


def empty_codes(plan: Plan) -> tuple[list[str], list[str]]:
    """``(icb codes, service codes)`` whose baseline cells are all zero, spend and activity."""
    used = (plan.baseline.spend_pence != 0) | (plan.baseline.activity != 0)
    icbs = [i.code for n, i in enumerate(plan.icbs) if not used[:, n, :].any()]
    services = [s.code for n, s in enumerate(plan.services) if not used[n].any()]
    return icbs, services


def drop_empty(plan: Plan) -> tuple[Plan, Dropped]:
    """The plan without its empty ICBs and services (and regions left with no ICB)."""
    icbs, services = empty_codes(plan)
    named = {code for s in plan.scenarios for lever in s.levers
             for code in (*lever.services, *getattr(lever, "icbs", ()))}
    kept = tuple(c for c in (*icbs, *services) if c in named)
    icbs = [c for c in icbs if c not in named]
    services = [c for c in services if c not in named]
    if len(icbs) == len(plan.icbs) or len(services) == len(plan.services):
        return plan, Dropped((), (), kept)  # nothing would be left to plan
    keep_i = [n for n, i in enumerate(plan.icbs) if i.code not in icbs]
    keep_s = [n for n, s in enumerate(plan.services) if s.code not in services]
    spend = plan.baseline.spend_pence[np.ix_(keep_s, keep_i)]
    activity = plan.baseline.activity[np.ix_(keep_s, keep_i)]
    gone = set(icbs) | set(services)
    new_icbs = tuple(plan.icbs[n] for n in keep_i)
    regions = tuple(r for r in plan.regions if any(i.region == r.code for i in new_icbs))
    growth = Growth(tuple(r for r in plan.growth.rates if r.code not in gone))
    footprints = tuple(Footprint(f.name, tuple(FootprintGroup(g.name, tuple(c for c in g.icbs if c not in gone))
                                               for g in f.groups if set(g.icbs) - gone))
                       for f in plan.footprints)  # a group left with no ICB goes with its ICBs
    trimmed = plan.replace(icbs=new_icbs, services=tuple(plan.services[n] for n in keep_s), regions=regions,
                           growth=growth, footprints=footprints, baseline=dataclasses.replace(plan.baseline, spend_pence=spend,
                                                                       activity=activity))
    return trimmed, Dropped(tuple(icbs), tuple(services), kept)
