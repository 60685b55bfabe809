"""Demographic growth of the new ICBs after a re-mapping: the average of the predecessors'
rates, weighted by ``share_ij * w_i`` (the part of the new ICB's weight each brought).

A rate applies every year or to one year; an ICB without a rate grows by 0. So the new ICB's
every-year rate averages the predecessors' every-year rates, and where any predecessor has a rate
for a given year, the new ICB gets one for that year too, averaging each predecessor's rate in
force that year. Rates the predecessors all share are kept exactly (no float averaging).
"""

from __future__ import annotations

from fractions import Fraction

from ..domain import GrowthRate, Plan
from ..domain.vintages import Vintage

DEMOGRAPHIC = "demographic"


def remap_growth(plan: Plan, target: Vintage, new_order: dict[str, int]) -> tuple[GrowthRate, ...]:
    """The plan's growth rates with the demographic ones re-mapped; other kinds unchanged, and
    the new demographic rates where the first old one was (new ICBs in the plan's order)."""
    every: dict[str, float] = {}
    yearly: dict[str, dict[int, float]] = {}
    for rate in plan.growth.rates:
        if rate.kind == DEMOGRAPHIC and rate.code is not None:
            if rate.year is None:
                every[rate.code] = rate.rate
            else:
                yearly.setdefault(rate.code, {})[rate.year] = rate.rate
    weight = {icb.code: Fraction(icb.population) for icb in plan.icbs}
    new_rates: list[GrowthRate] = []
    for code in sorted(new_order, key=new_order.__getitem__):
        sources = [(s.from_code, s.share * weight[s.from_code]) for s in target.predecessors(code)
                   if s.from_code in weight]
        if not any(c in every or c in yearly for c, _ in sources):
            continue
        new_rates.append(GrowthRate(DEMOGRAPHIC, code, _average([(every.get(c, 0.0), w) for c, w in sources])))
        years = sorted({year for c, _ in sources for year in yearly.get(c, {})})
        for year in years:
            in_force = [(yearly.get(c, {}).get(year, every.get(c, 0.0)), w) for c, w in sources]
            new_rates.append(GrowthRate(DEMOGRAPHIC, code, _average(in_force), year))
    out: list[GrowthRate] = []
    placed = False
    for rate in plan.growth.rates:
        if rate.kind != DEMOGRAPHIC:
            out.append(rate)
        elif not placed:
            out += new_rates
            placed = True
    return tuple(out if placed else out + new_rates)


def _average(values: list[tuple[float, Fraction]]) -> float:
    """Weighted mean; exact rates in, the same rate out when they all agree."""
    rates = {rate for rate, _ in values}
    if len(rates) == 1:
        return rates.pop()
    total = sum((w for _, w in values), Fraction(0))
    return float(sum((Fraction(rate) * w for rate, w in values), Fraction(0)) / total)
