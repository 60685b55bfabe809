"""Sensitivity: how much each assumption moves an option's cumulative saving (a tornado).

Every lever number and growth assumption is moved down and up by a share (default 20%), and all
the variants run in one batch: the plan's service rows are stacked once per variant and the
levers take their numbers per row, so the whole tornado is a few passes over one big cube
instead of a recompute per bar.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

import numpy as np

from ..domain import ConvergenceLever, PlanningLevelLever, ShiftLever
from ..domain.plan import Plan
from .convergence import apply_convergence
from .index import LEVEL_CODES, build_index
from .parallel import chunks, map_chunks
from .pools import pool_of
from .projection import grown
from .shift import Flows, apply_shift

#: Cells per batch (about 32 MB per int64 array): bigger batches page more than they save.
BATCH_CELLS = 4_000_000
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
    slots = []
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


def batch_savings(plan: Plan, scenario_name: str, variants: list[dict[Parameter, float]]) -> np.ndarray:
    """Cumulative saving (pence) of the option under each variant, in batches of stacked rows.

    A variant that changes lever n shares the plan's own run up to lever n: the plan runs once,
    keeping its state before each lever, and each group of variants starts from there. Variants
    that change growth run from the start, with their own projection.
    """
    run = _Run(plan, scenario_name)
    starts = [_start(variant) for variant in variants]
    out = np.zeros(len(variants), np.int64)
    snapshots = run.plan_as_is(sorted({s for s in starts if s > 0}))
    for start in sorted(set(starts)):
        members = [n for n, s in enumerate(starts) if s == start]
        for chunk in _chunks(members, run.cells):
            group = [variants[n] for n in chunk]
            if start == 0:
                spend = _projection(plan, group)
                released = np.zeros(spend.shape[:2] + spend.shape[3:], np.int64)
                reinvested = released.copy()
            else:
                spend, released, reinvested = (np.concatenate([a] * len(group)) for a in snapshots[start])
            out[chunk] = run.savings(group, start, spend, released, reinvested)
    return out


class _Run:
    """The option's levers (up to the last shift lever: later ones cannot change the saving)
    and what they need, for batches of any number of variants."""

    def __init__(self, plan: Plan, scenario_name: str):
        self.plan = plan
        self.levers = plan.scenario(scenario_name).levers[: _last_shift(plan, scenario_name) + 1]
        self.base = build_index(plan)
        self.levels = self.base.levels.copy()
        for lever in plan.scenario(scenario_name).levers:
            if isinstance(lever, PlanningLevelLever):
                self.levels[self.base.mask(plan, lever.services)[:, 0]] = LEVEL_CODES[lever.level]
        self.cells = plan.baseline.spend_pence.size * (plan.horizon + 1)

    def plan_as_is(self, positions: list[int]) -> dict[int, tuple[np.ndarray, np.ndarray, np.ndarray]]:
        """The plan's own spend and flows just before each lever in ``positions``."""
        spend = _projection(self.plan, [{}])
        released = np.zeros(spend.shape[:2] + spend.shape[3:], np.int64)
        reinvested = released.copy()
        snapshots = {}
        for position in range(len(self.levers)):
            if position in positions:
                snapshots[position] = (spend.copy(order="K"), released.copy(), reinvested.copy())
            self._apply([{}], position, position + 1, spend, released, reinvested)
        return snapshots

    def savings(self, variants, start: int, spend, released, reinvested) -> np.ndarray:
        """Run levers ``start..`` on the stacked ``variants``; their cumulative savings."""
        self._apply(variants, start, len(self.levers), spend, released, reinvested)
        return (released - reinvested).reshape(len(variants), -1).sum(axis=1)

    def _apply(self, variants, first: int, stop: int, spend, released, reinvested) -> None:
        plan, base, count, n_services = self.plan, self.base, len(variants), len(self.plan.services)
        index = dataclasses.replace(
            base, n_services=count * n_services, levels=np.tile(self.levels, count),
            occupancy=np.tile(base.occupancy, count),
            bed_days_per_patient=np.tile(base.bed_days_per_patient, count),
        )
        pools = pool_of(index.levels, index)
        steps = []
        for position in range(first, stop):
            lever = self.levers[position]
            rows = {param.field: np.repeat([v.get(param, param.value) for v in variants], n_services)
                    for param in _lever_params(variants, position)}
            if isinstance(lever, ShiftLever):
                scope = np.tile(base.mask(plan, lever.services, lever.icbs), (count, 1))
                steps.append((lever, rows, scope, np.array(lever.phasing.profile(plan.horizon))))
            elif isinstance(lever, ConvergenceLever):
                steps.append((lever, rows, np.tile(base.mask(plan, lever.services)[:, 0], count), None))

        def run_rows(part: slice) -> None:
            """The levers on stacked rows ``part`` (rows are independent: halves run side by side)."""
            flows = Flows(released[part], reinvested[part], np.zeros(1), track_double_running=False)
            for lever, rows, scope, phasing in steps:
                mine = {name: values[part] for name, values in rows.items()}
                if isinstance(lever, ShiftLever):
                    apply_shift(lever, spend[part], None, flows, scope[part], phasing,
                                plan.setting_index[lever.from_setting], plan.setting_index[lever.to_setting],
                                rows=mine)
                else:
                    apply_convergence(lever, spend[part], None, pools[part], scope[part], index, rows=mine)

        map_chunks(run_rows, chunks(count * n_services), background=True)


def _start(variant: dict[Parameter, float]) -> int:
    """The first lever a variant changes (0 when it changes growth, or nothing)."""
    positions = [param.position for param in variant]
    return 0 if not positions or None in positions else min(positions)


def _chunks(members: list[int], cells: int) -> list[list[int]]:
    per_batch = max(1, BATCH_CELLS // max(cells, 1))
    return [members[n:n + per_batch] for n in range(0, len(members), per_batch)]


def _projection(plan: Plan, variants: list[dict[Parameter, float]]) -> np.ndarray:
    """Do-nothing spend with each variant's growth scaling, rows stacked per variant.

    Variants that only move lever numbers share one projection: it is computed once per
    distinct growth scaling and copied into their rows.
    """
    scalings = [tuple(_growth_scale(v, kind) for kind, _ in GROWTH) for v in variants]
    distinct = sorted(set(scalings))
    cubes = _projections(plan, distinct)  # [g, s, i, k, t]
    which = np.array([distinct.index(scaling) for scaling in scalings])
    return cubes[which].reshape((-1,) + cubes.shape[2:])


def _projections(plan: Plan, scalings: list[tuple[float, float, float]]) -> np.ndarray:
    return grown(plan, np.asarray(scalings, np.float64))[0]  # [g, s, i, k, t]


def _lever_params(variants, position: int) -> list[Parameter]:
    return sorted({p for v in variants for p in v if p.position == position}, key=lambda p: p.field)


def _growth_scale(variant: dict[Parameter, float], kind: str) -> float:
    return next((value for param, value in variant.items() if param.position is None and param.field == kind), 1.0)


def _moved(param: Parameter, factor: float) -> float:
    value = param.value * factor
    return min(max(value, 0.0), 1.0) if param.field in SHARES else max(value, 0.0)
