"""An option compiled once into the steps every question runs.

A full run, a run of some service rows (after a base-year edit) and a batch of variants stacked
as rows (the tornado, attribution coalitions, Monte Carlo draws) all run the same steps: the
planning levels set the pools, then each money-moving lever in order. Compiling works out once
per option what every run needs of a lever (its scope over the plan's cells, its phasing, the
settings it moves between, the rows it touches); :func:`apply_step` is the one place a lever is
applied to a cube of rows, whether the rows are the plan's own (in place) or gathered from a
stack of variants.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from ..domain import ConvergenceLever, PlanningLevelLever, ShiftLever
from ..domain.errors import ValidationError
from ..domain.levers import Lever
from ..domain.plan import Plan
from ..domain.scenario import Scenario
from .convergence import apply_convergence
from .index import LEVEL_CODES, PlanIndex
from .pools import pool_of
from .shift import Flows, LeverTotals, apply_shift

Mask = NDArray[np.bool_]
Rows = NDArray[np.intp]


@dataclass(frozen=True, eq=False)
class Step:
    """A money-moving lever, compiled: ``scope [s, i]`` over the plan's cells, the service
    ``rows`` it touches, and (shift levers) the phasing ``[t]`` and the settings it moves between."""

    position: int
    lever: ShiftLever | ConvergenceLever
    scope: Mask
    rows: Rows
    phasing: NDArray[np.float64] | None = None
    from_k: int = 0
    to_k: int = 0

    @property
    def shifts(self) -> bool:
        return isinstance(self.lever, ShiftLever)


@dataclass(frozen=True, eq=False)
class LevelStep:
    """A planning-level lever: the services it moves (``rows [s]``) to the footprint ``code``."""

    position: int
    rows: Mask
    code: int


@dataclass(frozen=True, eq=False)
class CompiledOption:
    """An option's levers as the engine runs them (see the module note)."""

    name: str
    levers: tuple[Lever, ...]
    steps: tuple[Step, ...]
    level_steps: tuple[LevelStep, ...]

    @property
    def double_running(self) -> bool:
        """Whether some shift lever runs services in both settings while they move."""
        return any(s.shifts and s.lever.double_running_share for s in self.steps)  # type: ignore[union-attr]

    def touched_rows(self) -> Rows:
        """Service rows some money-moving lever has in scope."""
        if not self.steps:
            return np.zeros(0, np.intp)
        return np.unique(np.concatenate([s.rows for s in self.steps])).astype(np.intp)

    def up_to(self, last: int) -> CompiledOption:
        """The option with the levers after position ``last`` left out."""
        return CompiledOption(self.name, self.levers[: last + 1], tuple(s for s in self.steps if s.position <= last),
                              tuple(s for s in self.level_steps if s.position <= last))

    def levels(self, index: PlanIndex, rows: Rows | slice, off: Sequence[frozenset[int]] = (frozenset(),)
               ) -> NDArray[np.int64]:
        """Each stacked variant's planning level of the service ``rows``, ``[v, r]``: the
        plan's own, then every planning-level lever the variant has on, in order."""
        levels = np.tile(index.levels[rows], (len(off), 1))
        for step in self.level_steps:
            having = np.array([step.position not in o for o in off])
            levels[np.ix_(having, step.rows[rows])] = step.code
        return levels

    def pools(self, index: PlanIndex, rows: Rows | slice, off: Sequence[frozenset[int]] = (frozenset(),)
              ) -> tuple[NDArray[np.int64], NDArray[np.int64]]:
        """``(levels [v * r], pools [v * r, ...])`` of the stacked rows (see :meth:`levels`)."""
        levels = self.levels(index, rows, off).ravel()
        return levels, pool_of(levels, index)


def compile_option(plan: Plan, index: PlanIndex, scenario: Scenario) -> CompiledOption:
    """``scenario`` compiled for ``plan``; an unknown lever is refused naming its position."""
    steps: list[Step] = []
    level_steps: list[LevelStep] = []
    for position, lever in enumerate(scenario.levers):
        if isinstance(lever, PlanningLevelLever):
            level_steps.append(LevelStep(position, index.mask(plan, lever.services)[:, 0], LEVEL_CODES[lever.level]))
        elif isinstance(lever, ShiftLever):
            scope = index.mask(plan, lever.services, lever.icbs)
            steps.append(Step(position, lever, scope, np.flatnonzero(scope.any(axis=1)),
                              np.array(lever.phasing.profile(plan.horizon)),
                              plan.setting_index[lever.from_setting], plan.setting_index[lever.to_setting]))
        elif isinstance(lever, ConvergenceLever):
            scope = index.mask(plan, lever.services)
            steps.append(Step(position, lever, scope, np.flatnonzero(scope[:, 0])))
        else:
            raise ValidationError(f"scenario {scenario.name!r} lever {position + 1}", lever, "a known lever")
    return CompiledOption(scenario.name, tuple(scenario.levers), tuple(steps), tuple(level_steps))


@dataclass
class Cube:
    """The rows a run works on: ``spend [n, i, k, t]`` (``activity`` too, or None when only
    money is wanted), the flows so far and each row's pools. A full run's cube is a slice of the
    plan's own arrays (written in place); a batch's holds stacked variants' rows."""

    spend: NDArray[np.int64]
    activity: NDArray[np.float64] | None
    flows: Flows
    pools: NDArray[np.int64]
    convergence_moves: NDArray[np.int64] | None = None
    #: Where gathered rows' double running ``(on, [n_on, i, k, t])`` goes instead of the
    #: flows (a batch sums it per variant rather than keep a cube of it).
    double_running_sink: Callable[[Rows, NDArray[np.int64]], None] | None = None


def apply_step(step: Step, cube: Cube, index: PlanIndex, scope: Mask, *, on: Rows | None = None,
               numbers: dict[str, NDArray[np.float64]] | None = None) -> LeverTotals | None:
    """Apply ``step`` to the cube's rows within ``scope`` (``[n, i]``, one row a cube row), or
    only to the cube rows ``on`` (gathered, applied and written back: ``scope`` then covers
    those rows alone). ``numbers`` may give the lever's numbers per row (variants)."""
    if on is not None:
        part = Cube(cube.spend[on], None if cube.activity is None else cube.activity[on],
                    _gathered(cube.flows, on), cube.pools[on])
        totals = apply_step(step, part, index, scope, numbers=numbers)
        cube.spend[on] = part.spend
        if cube.activity is not None and part.activity is not None:
            cube.activity[on] = part.activity
        _scatter(cube.flows, part.flows, on, cube.double_running_sink)
        return totals
    if step.shifts:
        assert isinstance(step.lever, ShiftLever) and step.phasing is not None
        return apply_shift(step.lever, cube.spend, cube.activity, cube.flows, scope, step.phasing, step.from_k,
                           step.to_k, rows=numbers)
    assert isinstance(step.lever, ConvergenceLever)
    moves = apply_convergence(step.lever, cube.spend, cube.activity, cube.pools, scope[:, 0], index, rows=numbers)
    if cube.convergence_moves is not None:
        cube.convergence_moves += moves
    return None


def _gathered(flows: Flows, on: Rows) -> Flows:
    """Fresh flows for the gathered rows (added back by :func:`_scatter`)."""
    shape = (len(on),) + flows.released.shape[1:]
    moved = np.zeros(shape) if flows.moved_activity.ndim == 3 else np.zeros(1)
    return Flows(np.zeros(shape, np.int64), np.zeros(shape, np.int64), moved,
                 track_double_running=flows.track_double_running)


def _scatter(flows: Flows, part: Flows, on: Rows,
             sink: Callable[[Rows, NDArray[np.int64]], None] | None) -> None:
    flows.released[on] += part.released
    flows.reinvested[on] += part.reinvested
    if flows.moved_activity.ndim == 3:
        flows.moved_activity[on] += part.moved_activity
    if part.double_running is not None and sink is not None:
        sink(on, part.double_running)
    elif part.double_running is not None:
        flows.make_double_running(part.double_running.shape[2])
        assert flows.double_running is not None
        flows.double_running[on] += part.double_running
