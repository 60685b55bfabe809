"""Batches of variants of one option, stacked as rows: the path attribution (and next Monte
Carlo) runs every variant through.

A variant may give any lever its own numbers, scale each kind of growth and switch levers off
(a Shapley coalition is the option with some levers off). Every service row is independent of
the others, so the variants' rows are stacked ``[variant, row]`` and each lever runs once over
the stacked rows it can touch: only the rows in its scope, of the variants that have it on.
Rows that no lever of the option touches keep the projection, so a batch works on the touched
rows alone and the totals are the plan's projection plus the touched rows' change, exact in
pence. Each row's arithmetic is the one a separate run does, so the pence are the same.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np
from numpy.typing import NDArray

from ..domain import ConvergenceLever, PlanningLevelLever, ShiftLever
from ..domain.levers import Lever
from ..domain.plan import Plan
from .index import PlanIndex, build_index
from .parallel import map_chunks, workers
from .pipeline import CompiledOption, Cube, apply_step, compile_option
from .projection import grown
from .shift import Flows

#: Cells per group of variants run together (about 32 MB per int64 array).
BATCH_CELLS = 4_000_000
#: The lever numbers a variant may move, by lever kind.
NUMBERS = {"shift": ("target_share", "reinvest_share", "double_running_share", "substitution_ratio"),
           "convergence": ("share",)}
GROWTH_KINDS = ("demographic", "non_demographic", "price")

I64 = NDArray[np.int64]


@dataclass(frozen=True)
class Variant:
    """The option with ``numbers[(position, field)]`` for lever numbers, ``growth[kind]``
    scaling each kind of growth rate, and the levers at ``off`` positions switched off."""

    numbers: Mapping[tuple[int, str], float] = field(default_factory=dict)
    growth: Mapping[str, float] = field(default_factory=dict)
    off: frozenset[int] = frozenset()

    def scaling(self) -> tuple[float, float, float]:
        demographic, non_demographic, price = (float(self.growth.get(kind, 1.0)) for kind in GROWTH_KINDS)
        return demographic, non_demographic, price


@dataclass(frozen=True)
class BatchTotals:
    """England figures per variant and year: ``spend [v, k, t]`` (double running included),
    ``released`` and ``reinvested`` ``[v, t]`` pence."""

    spend_by_setting: I64
    released: I64
    reinvested: I64

    @property
    def saving(self) -> I64:
        return self.released - self.reinvested


def run_batch(plan: Plan, option: str, variants: Sequence[Variant], *,
              saving_only: bool = False) -> BatchTotals:
    """England totals of ``option`` under every variant.

    ``saving_only`` when only released and reinvested are wanted: then spend is left at zero,
    and neither double running nor the levers after the last shift lever (only shift levers
    release money) are run, nor the projection of rows no lever touches. A planning-level lever
    is kept wherever it stands: it sets the pools every convergence lever works in.
    """
    index = build_index(plan)
    compiled = compile_option(plan, index, plan.scenario(option))
    levers = compiled.levers
    if saving_only:
        last = max((n for n, lever in enumerate(levers) if isinstance(lever, ShiftLever)), default=-1)
        if last >= 0:
            last = max(last, max(n for n, lever in enumerate(levers) if not isinstance(lever, ConvergenceLever)))
        compiled = compiled.up_to(last)
        levers = compiled.levers
    rows = compiled.touched_rows()
    n_rows, years = len(rows), plan.horizon + 1
    scalings = [variant.scaling() for variant in variants]
    distinct = sorted(set(scalings))
    which = np.array([distinct.index(s) for s in scalings], np.intp)
    released_out = np.zeros((len(variants), years), np.int64)
    reinvested_out = np.zeros_like(released_out)
    if saving_only:
        spend_out = np.zeros((len(variants), len(plan.settings), years), np.int64)
        sub = _projections(plan, distinct, rows)  # [g, r, i, k, t]
    else:
        full = _projections(plan, distinct, None)  # [g, s, i, k, t]
        spend_out = full.sum(axis=(1, 2))[which]  # [v, k, t]
        sub = np.ascontiguousarray(full[:, rows])
    if not n_rows or not variants:
        return BatchTotals(spend_out, released_out, reinvested_out)
    starts = [_start(variant, levers) for variant in variants]
    plain = distinct.index((1.0, 1.0, 1.0)) if (1.0, 1.0, 1.0) in distinct else 0
    shared = _plan_as_is(compiled, index, rows, sub[plain], sorted({n for n in starts if n > 0}),
                         not saving_only)
    per_group = max(1, BATCH_CELLS // max(sub[0].size, 1))
    groups = []
    for start in sorted(set(starts)):
        members = [n for n, at in enumerate(starts) if at == start]
        groups += [(start, members[n:n + per_group]) for n in range(0, len(members), per_group)]

    def run_group(group: tuple[int, list[int]]) -> None:
        start, members = group
        if start:
            spend, released, reinvested, drift = (np.repeat(a[None], len(members), axis=0) for a in shared[start])
        else:
            spend = sub[which[members]]  # a copy, [v, r, i, k, t]
            released = np.zeros(spend.shape[:3] + spend.shape[4:], np.int64)
            reinvested = np.zeros_like(released)
            drift = np.zeros(spend.shape[:1] + spend.shape[3:], np.int64)
        drift += _run_levers(compiled, index, rows, [variants[n] for n in members], spend,
                             released, reinvested, not saving_only, first=start)
        if not saving_only:
            spend_out[members] += spend.sum(axis=(1, 2)) - sub[which[members]].sum(axis=(1, 2)) + drift
        released_out[members] = released.sum(axis=(1, 2))
        reinvested_out[members] = reinvested.sum(axis=(1, 2))

    def run_bin(share: list[tuple[int, list[int]]]) -> None:
        for group in share:
            run_group(group)

    map_chunks(run_bin, [b for b in _bins(groups, len(levers), workers()) if b], background=True)
    return BatchTotals(spend_out, released_out, reinvested_out)


def _projections(plan: Plan, scalings: list[tuple[float, float, float]], rows: NDArray[np.intp] | None) -> I64:
    """The projection (``projection.grown``, the one the full run uses) under each scaling."""
    return grown(plan, np.asarray(scalings, np.float64), rows)[0]


def _bins(groups: list[tuple[int, list[int]]], n_levers: int, count: int) -> list[list[tuple[int, list[int]]]]:
    """Groups shared out over ``count`` workers, largest first to the least loaded (a group's
    work is its variants times the levers it runs)."""
    bins: list[list[tuple[int, list[int]]]] = [[] for _ in range(count)]
    loads = [0] * count
    for group in sorted(groups, key=lambda g: -len(g[1]) * (n_levers - g[0] + 1)):
        lightest = loads.index(min(loads))
        bins[lightest].append(group)
        loads[lightest] += len(group[1]) * (n_levers - group[0] + 1)
    return bins


def _start(variant: Variant, levers: Sequence[Lever]) -> int:
    """The first lever a variant changes, up to which it is the plan as it is (0 when it
    scales growth or switches a planning level off: pools are set before any lever runs)."""
    off = [n for n in variant.off if n < len(levers)]  # levers past the last one run cannot matter
    if variant.scaling() != (1.0, 1.0, 1.0) or any(isinstance(levers[n], PlanningLevelLever) for n in off):
        return 0
    changed = [n for n, _name in variant.numbers if n < len(levers)] + off
    return min(changed, default=len(levers))


def _plan_as_is(option: CompiledOption, index: PlanIndex, rows: NDArray[np.intp], projection: I64,
                positions: list[int], double_running: bool) -> dict[int, tuple[I64, I64, I64, I64]]:
    """The option as it is just before each lever in ``positions``: spend, released,
    reinvested ``[r, ...]`` and double running so far ``[k, t]``, shared by the variants that
    change nothing earlier."""
    if not positions:
        return {}
    spend = projection[None].copy()
    released = np.zeros(spend.shape[:3] + spend.shape[4:], np.int64)
    reinvested = np.zeros_like(released)
    drift = np.zeros(spend.shape[:1] + spend.shape[3:], np.int64)
    snapshots, done = {}, 0
    for position in positions:
        drift += _run_levers(option, index, rows, [Variant()], spend, released, reinvested, double_running,
                             first=done, stop=position)
        done = position
        snapshots[position] = (spend[0].copy(), released[0].copy(), reinvested[0].copy(), drift[0].copy())
    return snapshots


def _run_levers(option: CompiledOption, index: PlanIndex, rows: NDArray[np.intp], variants: list[Variant],
                spend: I64, released: I64, reinvested: I64, double_running: bool, *, first: int = 0,
                stop: int | None = None) -> I64:
    """Levers ``first..stop`` in order on the stacked ``[v, r]`` rows, in place; the double
    running ``[v, k, t]`` their shift levers add to spend at the end."""
    count, n_rows = len(variants), len(rows)
    flat = spend.reshape((count * n_rows,) + spend.shape[2:])
    flows = Flows(released.reshape((count * n_rows,) + released.shape[2:]),
                  reinvested.reshape((count * n_rows,) + released.shape[2:]), np.zeros(1),
                  track_double_running=double_running)
    _levels, pools = option.pools(index, rows, [v.off for v in variants])
    pools = pools.reshape(count * n_rows, -1)
    extra = np.zeros(spend.shape[:1] + spend.shape[3:], np.int64)  # [v, k, t]

    def by_variant(on: NDArray[np.intp], cells: I64) -> None:
        """Add double running ``[n_on, i, k, t]`` of the stacked rows ``on`` (variant-major,
        ascending) to their variants' totals."""
        variant = on // n_rows
        starts = np.flatnonzero(np.r_[True, variant[1:] != variant[:-1]])
        extra[variant[starts]] += np.add.reduceat(cells.sum(axis=1), starts, axis=0)

    cube = Cube(flat, None, flows, pools, double_running_sink=by_variant)
    for step in option.steps:
        if step.position < first or (stop is not None and step.position >= stop):
            continue
        on = [n for n, v in enumerate(variants) if step.position not in v.off]
        scope = step.scope[rows]
        mine = np.flatnonzero(scope.any(axis=1))
        if not on or not mine.size:
            continue
        stacked = (np.asarray(on, np.intp)[:, None] * n_rows + mine[None, :]).ravel()
        numbers = {name: np.repeat([variants[n].numbers.get((step.position, name), getattr(step.lever, name))
                                    for n in on], mine.size).astype(np.float64)
                   for name in NUMBERS[step.lever.kind]
                   if any((step.position, name) in variants[n].numbers for n in on)}  # else the lever's own
        whole = stacked.size == count * n_rows  # every row, in order: work in place
        tiled = np.tile(scope[mine], (len(on), 1))
        apply_step(step, cube, index, tiled, on=None if whole else stacked, numbers=numbers or None)
        if whole and flows.double_running is not None:
            by_variant(np.arange(count * n_rows), flows.double_running)
            flows.double_running = None
    return extra


def switched_off(n_levers: int, members: Sequence[bool]) -> frozenset[int]:
    """The ``off`` set of a coalition given as one flag a lever, True for on."""
    return frozenset(n for n in range(n_levers) if not members[n])
