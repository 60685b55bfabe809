"""Hypothesis strategies for whole plans, for the plan workbook round trip."""

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

# Any text a person might type, including formulas, newlines and emoji; not lone surrogates or
# the two Unicode non-characters Excel's format cannot hold.
TEXT = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\ufffe\uffff"), max_size=30)
NAME = TEXT.filter(lambda t: t.strip())
CODE = st.text(st.characters(blacklist_categories=("Cs", "Cc", "Zs", "Zl", "Zp"),
                             blacklist_characters=",;:\ufffe\uffff"), min_size=1, max_size=8)
FRACTION = st.floats(0, 1)
POSITIVE = st.floats(min_value=1e-3, max_value=1e9)


@st.composite
def plans(draw, realistic: bool = False) -> Plan:
    """A valid plan; ``realistic`` keeps numbers in ranges the engine is built for."""
    settings = draw(st.sampled_from([("inpatient", "day_case", "outpatient", "community"),
                                     ("inpatient", "community"), ("inpatient", "community", "out_of_area")]))
    region_codes = draw(st.lists(CODE, min_size=1, max_size=3, unique=True))
    regions = tuple(Region(c, draw(NAME)) for c in region_codes)
    icb_codes = draw(st.lists(CODE, min_size=1, max_size=4, unique=True))
    population = st.integers(1000, 3_000_000) if realistic else st.one_of(st.integers(1, 10**9), POSITIVE)
    icbs = tuple(ICB(c, draw(TEXT), draw(st.sampled_from(region_codes)), draw(population)) for c in icb_codes)
    footprints = draw(_footprints(icb_codes))
    levels = st.sampled_from([*PlanningLevel, *(f.name for f in footprints)])
    service_codes = draw(st.lists(CODE, min_size=1, max_size=3, unique=True))
    unit = st.text(st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters=";\ufffe\uffff"),
                   min_size=1, max_size=10).filter(lambda t: t == t.strip())
    services = tuple(ServiceLine(
        code=c, name=draw(TEXT), programme=draw(TEXT), planning_level=draw(levels),
        mental_health=draw(st.booleans()),
        units=tuple((k, draw(unit)) for k in draw(st.lists(st.sampled_from(settings), unique=True))),
        activity_per_patient=draw(st.none() | POSITIVE), occupancy=draw(st.none() | st.floats(0.01, 1)),
    ) for c in service_codes)
    horizon = draw(st.integers(1, 6))
    shape = (len(services), len(icbs), len(settings))
    pence = draw(st.lists(st.integers(0, 10**12), min_size=int(np.prod(shape)), max_size=int(np.prod(shape))))
    amounts = st.floats(0, 1e6) if realistic else st.floats(0, 1e300)
    activity = draw(st.lists(amounts, min_size=int(np.prod(shape)), max_size=int(np.prod(shape))))
    baseline = Baseline(np.array(pence, np.int64).reshape(shape), np.array(activity).reshape(shape))
    rates = {}
    for kind, codes in (("demographic", icb_codes), ("non_demographic", service_codes), ("price", [None])):
        for code in draw(st.lists(st.sampled_from(codes), max_size=2, unique=True)):
            for year in draw(st.lists(st.none() | st.integers(1, horizon), min_size=1, max_size=2, unique=True)):
                rates[(kind, code, year)] = GrowthRate(kind, code, draw(st.floats(-0.5, 0.5)), year)
    scenarios = tuple(Scenario(name, tuple(draw(st.lists(_lever(settings, service_codes, icb_codes, horizon, levels),
                                                          max_size=3))), draw(TEXT))
                      for name in draw(st.lists(NAME, max_size=3, unique=True)))
    appraisal, review = draw(_appraisal([s.name for s in scenarios], {s.name: len(s.levers) for s in scenarios}))
    return Plan(
        appraisal=appraisal, review=review, name=draw(NAME), base_year=draw(st.integers(2000, 2090)), horizon=horizon, regions=regions, icbs=icbs,
        services=services, baseline=baseline, settings=settings, growth=Growth(tuple(rates.values())),
        scenarios=scenarios, occupancy_default=draw(st.floats(0.01, 1)),
        occupancy_mental_health=draw(st.floats(0.01, 1)), viability_max_variation=draw(FRACTION),
        description=draw(TEXT), footprints=footprints,
    )


@st.composite
def _footprints(draw, icb_codes):
    """Up to two footprints of the plan's own, each any partition of its ICBs into named groups."""
    made = []
    fair = NAME.filter(lambda n: n == n.strip() and n.isprintable())  # as domain.footprints.NAME_RULE
    for name in draw(st.lists(fair.filter(lambda n: n.lower() not in ("national", "regional", "ics")),
                              max_size=2, unique=True)):
        slot = draw(st.lists(st.integers(0, len(icb_codes) - 1), min_size=len(icb_codes), max_size=len(icb_codes)))
        used = list(dict.fromkeys(slot))
        groups = draw(st.lists(fair, min_size=len(used), max_size=len(used), unique=True))
        made.append(Footprint(name, tuple(FootprintGroup(g, tuple(c for c, s in zip(icb_codes, slot) if s == u))
                                          for g, u in zip(groups, used))))
    return tuple(made)


def _lever(settings, service_codes, icb_codes, horizon, levels):
    scope = st.lists(st.sampled_from(service_codes), max_size=2, unique=True).map(tuple)
    icb_scope = st.lists(st.sampled_from(icb_codes), max_size=2, unique=True).map(tuple)
    ends = st.lists(st.sampled_from(settings), min_size=2, max_size=2, unique=True)
    custom = st.lists(FRACTION, min_size=horizon - 1, max_size=horizon - 1).map(
        lambda v: Phasing("custom", (*sorted(v), 1.0)))
    phasing = st.sampled_from([Phasing(), Phasing("front_loaded"), Phasing("s_curve")]) | custom
    shift = st.builds(
        lambda e, f, p, r, q, d, s, i: ShiftLever(e[0], e[1], f, p, r, q, d, s, i),
        ends, FRACTION, phasing, st.floats(0, 100), FRACTION, FRACTION, scope, icb_scope)
    return st.one_of(shift, st.builds(ConvergenceLever, FRACTION, scope),
                     st.builds(PlanningLevelLever, levels, scope))


@st.composite
def _appraisal(draw, options: list[str], levers: dict[str, int]):
    criteria = tuple(Criterion(n, draw(st.floats(0, 1000))) for n in draw(st.lists(NAME, max_size=3, unique=True)))
    if draw(st.booleans()):
        criteria = Appraisal().criteria
    scores, statuses, comments = [], [], []
    if options and criteria:
        for option, criterion in draw(st.lists(st.tuples(st.sampled_from(options), st.sampled_from(criteria)),
                                               max_size=4, unique=True)):
            scores.append(Score(option, criterion.name, draw(st.integers(0, 5)), draw(TEXT)))
    if options:
        for option in draw(st.lists(st.sampled_from(options), max_size=2, unique=True)):
            statuses.append((option, draw(st.sampled_from(STATUSES))))
        for option in draw(st.lists(st.sampled_from(options), max_size=3)):
            lever = draw(st.none() | st.integers(1, levers[option])) if levers[option] else None
            comments.append(Comment(option, draw(NAME), "2026-01-02T03:04:05+00:00", draw(NAME), lever))
    return Appraisal(criteria, tuple(scores)), Review(tuple(statuses), tuple(comments))
