"""Hypothesis strategies for whole plans, using every field a plan file must keep."""

from __future__ import annotations

import numpy as np
from hypothesis import strategies as st

from specplan.domain import (
    ICB,
    STATUSES,
    Appraisal,
    Baseline,
    Comment,
    ConvergenceLever,
    Criterion,
    Footprint,
    FootprintGroup,
    Growth,
    GrowthRate,
    Phasing,
    Plan,
    PlanningLevel,
    PlanningLevelLever,
    Region,
    Review,
    Scenario,
    Score,
    ServiceLine,
    ShiftLever,
)

SETTINGS = ("inpatient", "day_case", "outpatient", "community", "out_of_area")
text = st.text(st.characters(blacklist_categories=("Cs",)), max_size=12)
names = text.filter(lambda s: s.strip())
shares = st.floats(0, 1, allow_nan=False)
levels = st.sampled_from(list(PlanningLevel))


def _codes(prefix: str, n: int) -> list[str]:
    return [f"{prefix}{k}" for k in range(n)]


@st.composite
def phasings(draw, horizon: int):
    kind = draw(st.sampled_from(["linear", "front_loaded", "s_curve", "custom"]))
    if kind != "custom":
        return Phasing(kind)
    return Phasing("custom", (*sorted(draw(st.lists(shares, min_size=horizon - 1, max_size=horizon - 1))), 1.0))


@st.composite
def levers(draw, services, icbs, settings, horizon):
    scope = st.lists(st.sampled_from(services), unique=True, max_size=3)
    kind = draw(st.sampled_from(["shift", "convergence", "planning_level"]))
    if kind == "convergence":
        return ConvergenceLever(share=draw(shares), services=draw(scope))
    if kind == "planning_level":
        return PlanningLevelLever(level=draw(levels), services=draw(scope))
    from_k, to_k = draw(st.permutations(settings))[:2]
    return ShiftLever(from_k, to_k, draw(shares), draw(phasings(horizon)), draw(st.floats(0, 100)),
                      draw(shares), draw(shares), draw(scope),
                      draw(st.lists(st.sampled_from(icbs), unique=True, max_size=3)))


@st.composite
def plans(draw) -> Plan:
    n_s, n_i, n_k = draw(st.integers(1, 4)), draw(st.integers(1, 5)), draw(st.integers(2, 5))
    horizon = draw(st.integers(1, 15))
    regions = tuple(Region(c, draw(text)) for c in _codes("R", draw(st.integers(1, 3))))
    icbs = tuple(ICB(c, draw(text), draw(st.sampled_from(regions)).code,
                     draw(st.one_of(st.integers(1, 10**7), st.floats(1e-3, 1e9))))
                 for c in _codes("I", n_i))
    settings = SETTINGS[:n_k]
    footprints = draw(own_footprints(icbs))
    level_names = levels | st.sampled_from([f.name for f in footprints]) if footprints else levels
    services = tuple(
        ServiceLine(c, draw(text), draw(text), draw(level_names), draw(st.booleans()),
                    tuple((k, draw(names)) for k in draw(st.lists(st.sampled_from(settings), unique=True))),
                    draw(st.none() | st.floats(0.01, 1e4)), draw(st.none() | st.floats(0.01, 1.0)))
        for c in _codes("S", n_s))
    size = n_s * n_i * n_k
    spend = draw(st.lists(st.one_of(st.just(0), st.integers(0, 2**62)), min_size=size, max_size=size))
    activity = draw(st.lists(st.one_of(st.just(0.0), st.floats(0, 1e12)), min_size=size, max_size=size))
    baseline = Baseline(np.array(spend, np.int64).reshape(n_s, n_i, n_k),
                        np.array(activity).reshape(n_s, n_i, n_k))
    rates = {}
    for _ in range(draw(st.integers(0, 6))):
        kind = draw(st.sampled_from(["demographic", "non_demographic", "price"]))
        code = {"demographic": draw(st.sampled_from(icbs)).code,
                "non_demographic": draw(st.sampled_from(services)).code, "price": None}[kind]
        year = draw(st.none() | st.integers(1, horizon))
        rates[(kind, code, year)] = GrowthRate(kind, code, draw(st.floats(-0.5, 0.5)), year)
    codes = ([s.code for s in services], [i.code for i in icbs])
    scenarios = tuple(
        Scenario(name, tuple(draw(st.lists(levers(*codes, settings, horizon), max_size=4))), draw(text))
        for name in draw(st.lists(names, unique=True, max_size=3)))
    return Plan(draw(names), draw(st.integers(2000, 2100)), horizon, regions, icbs, services, baseline,
                settings, Growth(tuple(rates.values())), scenarios, draw(st.floats(0.01, 1.0)),
                draw(st.floats(0.01, 1.0)), draw(shares), draw(text),
                draw(appraisals(scenarios)), draw(reviews(scenarios)),
                vintage=draw(st.sampled_from(["2022-07", "2026-04"])), footprints=footprints)


@st.composite
def own_footprints(draw, icbs) -> tuple[Footprint, ...]:
    """Up to two footprints, each a random partition of ``icbs`` into named groups."""
    made = []
    fair = names.filter(lambda n: n == n.strip() and n.isprintable())  # as domain.footprints.NAME_RULE
    for name in draw(st.lists(fair.filter(lambda n: n.lower() not in ("national", "regional", "ics")),
                              unique=True, max_size=2)):
        slot = draw(st.lists(st.integers(0, len(icbs) - 1), min_size=len(icbs), max_size=len(icbs)))
        used = sorted(set(slot))
        group_names = draw(st.lists(fair, unique=True, min_size=len(used), max_size=len(used)))
        made.append(Footprint(name, tuple(
            FootprintGroup(g, tuple(draw(st.permutations([i.code for i, s in zip(icbs, slot) if s == u]))))
            for g, u in zip(group_names, used))))
    return tuple(made)


@st.composite
def appraisals(draw, scenarios) -> Appraisal:
    criteria = tuple(Criterion(name, draw(st.floats(0, 1000))) for name in draw(st.lists(names, unique=True, max_size=4)))
    pairs = [(s.name, c.name) for s in scenarios for c in criteria]
    chosen = draw(st.lists(st.sampled_from(pairs), unique=True, max_size=5)) if pairs else []
    return Appraisal(criteria, tuple(Score(o, c, draw(st.integers(0, 5)), draw(text)) for o, c in chosen))


@st.composite
def reviews(draw, scenarios) -> Review:
    if not scenarios:
        return Review()
    options = draw(st.lists(st.sampled_from([s.name for s in scenarios]), unique=True))
    statuses = tuple((o, draw(st.sampled_from(STATUSES))) for o in options)
    comments = []
    for _ in range(draw(st.integers(0, 3))):
        scenario = draw(st.sampled_from(scenarios))
        lever = draw(st.none() | st.integers(1, len(scenario.levers))) if scenario.levers else None
        comments.append(Comment(scenario.name, draw(names), "2025-06-01T09:00:00+00:00", draw(names), lever))
    return Review(statuses, tuple(comments))
