"""Attribution: each lever's exact Shapley contribution to the difference an option makes.

For an option against doing nothing the players are its levers; ``v(S)`` is a metric of the plan
with only the levers in coalition ``S`` (in the option's order). A lever's contribution is its
Shapley value, so contributions do not depend on the order levers are read in and add up to
``v(all) - v(none)``. Exact (all ``2^n`` coalitions) for up to ``EXACT_LEVERS`` levers, in
integer arithmetic: ``n! * phi`` is an integer for pence metrics, so the contributions are
rounded to whole pence by the largest remainder and sum to the difference exactly. Beyond that,
permutation sampling with a standard error per lever.

The coalitions are evaluated by :mod:`.coalitions` (one batch per question); this module holds
only the game theory and the rounding.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from ..domain.errors import ValidationError
from ..domain.plan import Plan
from .coalitions import METRICS, PENCE_METRICS, coalition_values, lever_text

#: Largest number of levers attributed exactly (4,096 coalitions).
EXACT_LEVERS = 12
#: Permutations drawn when sampling (model.md: at least 2,000).
PERMUTATIONS = 2_000


@dataclass(frozen=True)
class Contribution:
    """One lever's share of the difference: pence (int) for pence metrics, else a float."""

    option: str
    lever: int  # position in its option, from 0
    text: str
    value: int | float
    standard_error: float | None = None


@dataclass(frozen=True)
class Attribution:
    """Why option ``option`` differs from ``against`` on ``metric`` in (or up to) ``year``."""

    option: str
    against: str | None  # None: doing nothing
    metric: str
    year: int  # offset from the base year
    start: int | float  # the metric of ``against`` (doing nothing when None)
    end: int | float  # the metric of ``option``
    contributions: tuple[Contribution, ...]
    exact: bool

    @property
    def total(self) -> int | float:
        return self.end - self.start


Evaluate = Callable[[Plan, str, Sequence[Sequence[bool]], str, int], NDArray[np.float64] | list[int]]


def attribute(plan: Plan, option: str, *, against: str | None = None, metric: str = "cumulative_saving",
              year: int = -1, evaluate: Evaluate = coalition_values, seed: int = 0) -> Attribution:
    """Each lever's contribution to ``metric(option) - metric(against)``.

    Against another option ``A`` the difference is ``(B - nothing) - (A - nothing)``: ``B``'s
    contributions, then ``A``'s with the sign turned.
    """
    if metric not in METRICS:
        raise ValidationError("metric", metric, "one of " + ", ".join(METRICS))
    year = _year(plan, year)
    own, start_b, end_b, exact_b = _against_nothing(plan, option, metric, year, evaluate, seed)
    if against is None or against == option:
        start, end, contributions, exact = start_b, end_b, own, exact_b
        if against == option:
            end, contributions = start_b, tuple(_zero(c) for c in own)
    else:
        theirs, _, end_a, exact_a = _against_nothing(plan, against, metric, year, evaluate, seed)
        start, end, exact = end_a, end_b, exact_b and exact_a
        contributions = own + tuple(_negated(c) for c in theirs)
    return Attribution(option, against, metric, year, start, end, contributions, exact)


def _against_nothing(plan: Plan, option: str, metric: str, year: int, evaluate: Evaluate,
                     seed: int) -> tuple[tuple[Contribution, ...], int | float, int | float, bool]:
    levers = plan.scenario(option).levers
    n = len(levers)
    texts = [lever_text(plan, lever) for lever in levers]
    pence = metric in PENCE_METRICS
    if n <= EXACT_LEVERS:
        masks = _all_coalitions(n)
        values = list(evaluate(plan, option, masks, metric, year))
        values = [int(v) for v in values] if pence else [float(v) for v in values]
        start, end = values[0], values[-1]
        numerators = shapley_numerators(values, n)
        if pence:
            shares: list[int | float] = list(largest_remainder(numerators, math.factorial(n)))
        else:
            shares = [float(num) / math.factorial(n) for num in numerators]
        errors: list[float | None] = [None] * n
        exact = True
    else:
        start, end, shares, errors = _sampled(plan, option, n, metric, year, evaluate, seed, pence)
        exact = False
    contributions = tuple(Contribution(option, position, texts[position], shares[position], errors[position])
                          for position in range(n))
    return contributions, start, end, exact


def _all_coalitions(n: int) -> list[tuple[bool, ...]]:
    """Every subset of ``n`` levers; coalition ``c`` holds lever ``l`` when bit ``l`` of ``c`` is
    set, so coalition 0 is doing nothing and the last is the whole option."""
    return [tuple(bool(c >> lever & 1) for lever in range(n)) for c in range(1 << n)]


def shapley_numerators(values: Sequence[int | float], n: int) -> list[int | float]:
    """``n! * phi_l`` for each lever, from ``values[c]`` of every coalition ``c`` (bit order).

    ``phi_l = sum over S without l of |S|! (n - |S| - 1)! / n! * (v(S + l) - v(S))``; the
    weights times ``n!`` are integers, so for integer values the result is exact.
    """
    weight = [math.factorial(size) * math.factorial(n - size - 1) for size in range(n)]
    sizes = [bin(c).count("1") for c in range(1 << n)]
    out: list[int | float] = []
    for lever in range(n):
        bit = 1 << lever
        total: int | float = 0
        for coalition in range(1 << n):
            if not coalition & bit:
                total += weight[sizes[coalition]] * (values[coalition | bit] - values[coalition])
        out.append(total)
    return out


def largest_remainder(numerators: Sequence[int | float], denominator: int) -> list[int]:
    """Whole numbers ``numerators / denominator``, rounded so that they add up exactly to their
    (integer) sum: floors first, then one more to the largest remainders (ties to the earlier)."""
    whole = [int(num) // denominator for num in numerators]
    remainders = [int(num) - w * denominator for num, w in zip(numerators, whole)]
    short = sum(int(num) for num in numerators) // denominator - sum(whole)
    for position in sorted(range(len(whole)), key=lambda p: (-remainders[p], p))[:short]:
        whole[position] += 1
    return whole


def _sampled(plan: Plan, option: str, n: int, metric: str, year: int, evaluate: Evaluate, seed: int,
             pence: bool) -> tuple[int | float, int | float, list[int | float], list[float | None]]:
    """Permutation sampling: each lever's mean marginal contribution over random orders."""
    rng = np.random.default_rng(seed)
    orders = [rng.permutation(n) for _ in range(PERMUTATIONS)]
    wanted: dict[tuple[bool, ...], int] = {}
    paths = []
    for order in orders:
        members = [False] * n
        path = [wanted.setdefault(tuple(members), len(wanted))]
        for lever in order:
            members[lever] = True
            path.append(wanted.setdefault(tuple(members), len(wanted)))
        paths.append(path)
    values = np.asarray(evaluate(plan, option, list(wanted), metric, year), dtype=np.float64)
    marginals = np.zeros((PERMUTATIONS, n))
    for row, (order, path) in enumerate(zip(orders, paths)):
        marginals[row, order] = np.diff(values[path])
    means = marginals.mean(axis=0)
    errors: list[float | None] = [float(e) for e in marginals.std(axis=0, ddof=1) / math.sqrt(PERMUTATIONS)]
    start, end = values[wanted[(False,) * n]], values[wanted[(True,) * n]]
    if pence:  # every sampled order adds up to the difference exactly, so the means do too
        numerators = [round(float(m) * PERMUTATIONS) for m in means]
        total = int(round(end - start))
        numerators[-1] += total * PERMUTATIONS - sum(numerators)
        return int(start), int(end), list(largest_remainder(numerators, PERMUTATIONS)), errors
    return float(start), float(end), [float(m) for m in means], errors


def _year(plan: Plan, year: int) -> int:
    if not -(plan.horizon + 1) <= year <= plan.horizon:
        raise ValidationError("year", year, f"a year offset from 0 to {plan.horizon} (or -1 for the last)")
    return range(plan.horizon + 1)[year]


def _negated(contribution: Contribution) -> Contribution:
    return Contribution(contribution.option, contribution.lever, contribution.text, -contribution.value,
                        contribution.standard_error)


def _zero(contribution: Contribution) -> Contribution:
    return Contribution(contribution.option, contribution.lever, contribution.text, 0 * contribution.value, None)
