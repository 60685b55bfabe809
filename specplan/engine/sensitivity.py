"""Sensitivity: how much each assumption moves an option's cumulative saving (a tornado).

Every lever number and growth assumption is moved down and up by a share (default 20%), and all
the variants run as one batch of the engine's batch path (``batch.run_batch``): the variants'
service rows are stacked and the levers take their numbers per row, so the whole tornado is a
few passes over one big cube instead of a recompute per bar.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from ..domain import ShiftLever
from ..domain.plan import Plan
from .batch import Variant, run_batch

LEVER_NUMBERS = {
    "shift": (("target_share", "target share"), ("reinvest_share", "reinvestment"),
              ("double_running_share", "double running"), ("substitution_ratio", "substitution ratio")),
    "convergence": (("share", "convergence"),),
}
GROWTH = (("demographic", "demographic growth"), ("non_demographic", "non-demographic growth"),
          ("price", "net price uplift"))
SHARES = {"target_share", "reinvest_share", "double_running_share", "share"}


@dataclass(frozen=True)
class Parameter:
    """One number to move: a lever's field (``position`` counts from 0) or a growth kind."""

    label: str
    field: str
    position: int | None
    value: float  # the plan's value; growth kinds are scaled, so 1.0


@dataclass(frozen=True)
class Bar:
    parameter: Parameter
    low: float
    high: float
    low_saving: int
    high_saving: int

    @property
    def swing(self) -> int:
        return abs(self.high_saving - self.low_saving)


@dataclass(frozen=True)
class Tornado:
    scenario: str
    amount: float
    base_saving: int
    bars: tuple[Bar, ...]  # largest swing first


def parameters(plan: Plan, scenario_name: str) -> list[Parameter]:
    """Every lever number of the option, then the growth assumptions the plan has."""
    found = []
    for position, lever in enumerate(plan.scenario(scenario_name).levers):
        for field, label in LEVER_NUMBERS.get(lever.kind, ()):
            found.append(Parameter(f"Lever {position + 1}: {label}", field, position, float(getattr(lever, field))))
    kinds = {rate.kind for rate in plan.growth.rates if rate.rate}
    found += [Parameter(label, kind, None, 1.0) for kind, label in GROWTH if kind in kinds]
    return found


def tornado(plan: Plan, scenario_name: str, amount: float = 0.2) -> Tornado:
    """Cumulative saving with each parameter at (1 - amount) and (1 + amount) of its value.

    Only shift levers release money, so numbers that cannot change the saving (substitution
    ratios, which move activity only, and any lever after the last shift lever) get a bar of
    zero swing without being run.
    """
    params = parameters(plan, scenario_name)
    last_shift = _last_shift(plan, scenario_name)
    variants: list[dict[Parameter, float]] = [{}]
    slots: list[tuple[Parameter, float, float, int | None]] = []
    for param in params:
        low, high = _moved(param, 1 - amount), _moved(param, 1 + amount)
        if _moves_money(param, last_shift):
            slots.append((param, low, high, len(variants)))
            variants += [{param: low}, {param: high}]
        else:
            slots.append((param, low, high, None))
    savings = batch_savings(plan, scenario_name, variants)
    base = int(savings[0])
    bars = [Bar(param, low, high, *((int(savings[at]), int(savings[at + 1])) if at else (base, base)))
            for param, low, high, at in slots]
    bars.sort(key=lambda bar: bar.swing, reverse=True)
    return Tornado(scenario_name, amount, base, tuple(bars))


def _last_shift(plan: Plan, scenario_name: str) -> int:
    levers = plan.scenario(scenario_name).levers
    return max((n for n, lever in enumerate(levers) if isinstance(lever, ShiftLever)), default=-1)


def _moves_money(param: Parameter, last_shift: int) -> bool:
    if param.position is None:
        return True
    return param.field != "substitution_ratio" and param.position < last_shift + 1


def batch_savings(plan: Plan, scenario_name: str, variants: list[dict[Parameter, float]]) -> NDArray[np.int64]:
    """Cumulative saving (pence) of the option under each variant, as one batch of the
    engine's batch path (``batch.run_batch``)."""
    batch = [_variant(variant) for variant in variants]
    savings: NDArray[np.int64] = run_batch(plan, scenario_name, batch, saving_only=True).saving.sum(axis=1)
    return savings


def _variant(moved: dict[Parameter, float]) -> Variant:
    """A tornado variant as a batch variant: lever numbers by position, growth kinds scaled."""
    numbers = {(p.position, p.field): value for p, value in moved.items() if p.position is not None}
    growth = {p.field: value for p, value in moved.items() if p.position is None}
    return Variant(numbers, growth)


def _moved(param: Parameter, factor: float) -> float:
    value = param.value * factor
    return min(max(value, 0.0), 1.0) if param.field in SHARES else max(value, 0.0)
