"""Compute a plan's results: the do-nothing projection once, then each scenario's levers."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

import numpy as np

from ..domain import ICB, Baseline, ConvergenceLever, Footprint, Growth, Region, ShiftLever
from ..domain.changes import Changes
from ..domain.plan import Plan
from ..domain.scenario import Scenario
from ..domain.services import ServiceLine
from .index import PlanIndex, build_index
from .parallel import chunks, map_chunks
from .pipeline import Cube, apply_step, compile_option
from .projection import Projection, do_nothing
from .results import ScenarioResult
from .rows import carry_totals, changed_rows, splice_projection, splice_result, sub_index
from .shift import Flows, LeverTotals
from .sums import over_settings

DO_NOTHING = "Do nothing"
#: A lever that moves money, the cells it acts on ``[s, i]`` and its phasing (None for convergence).
Step = tuple[ShiftLever | ConvergenceLever, np.ndarray, np.ndarray | None]


@dataclass(frozen=True, eq=False)
class PlanResults:
    """Results of every scenario of ``plan``, and of doing nothing."""

    plan: Plan
    index: PlanIndex
    do_nothing: ScenarioResult
    scenarios: tuple[ScenarioResult, ...]

    def scenario(self, name: str) -> ScenarioResult:
        for result in self.scenarios:
            if result.name == name:
                return result
        self.plan.scenario(name)  # raises a ValidationError listing the options
        raise AssertionError("unreachable")


class Engine:
    """Computes results, keeping the do-nothing cube and unchanged scenarios between edits.

    A lever edit changes one scenario, so only that scenario is recomputed; a base-year edit
    reruns the service rows it changed (every row is independent of the others); an edit to
    growth or structure starts afresh.
    """

    #: Share of service rows changed beyond which a base-year edit starts afresh (splicing
    #: copies every result's arrays, which costs about as much as recomputing a quarter).
    rows_afresh = 0.25

    def __init__(self) -> None:
        self._key: StructureKey | None = None
        self._baseline: Baseline | None = None
        self._index: PlanIndex | None = None
        self._projection: Projection | None = None
        self._do_nothing: ScenarioResult | None = None
        self._scenarios: dict[Scenario, ScenarioResult] = {}

    def compute(self, plan: Plan, changes: Changes | None = None) -> PlanResults:
        """Results of ``plan``; ``changes`` (what changed since the last call, when the caller
        knows) lets the engine skip working that out: an edit to one option's levers or to
        scores and comments reuses the projection and every other option as they are."""
        if changes is None or changes.structure or changes.baseline_rows or self._index is None:
            self._prepare(plan)
        results = tuple(self._scenario_result(plan, s) for s in plan.scenarios)
        self._scenarios = {s: r for s, r in zip(plan.scenarios, results)}
        assert self._index is not None and self._do_nothing is not None  # _prepare made them
        return PlanResults(plan, self._index, self._do_nothing, results)

    def compute_scenario(self, plan: Plan, scenario: Scenario) -> ScenarioResult:
        """One scenario (which need not be in the plan yet), e.g. for goal seek or sensitivity."""
        self._prepare(plan)
        return self._scenario_result(plan, scenario)

    def _scenario_result(self, plan: Plan, scenario: Scenario) -> ScenarioResult:
        cached = self._scenarios.get(scenario)
        if cached is None:
            assert self._index is not None and self._projection is not None  # _prepare made them
            cached = run_scenario(plan, self._index, self._projection, scenario)
        return cached

    def _prepare(self, plan: Plan) -> None:
        key = StructureKey.of(plan)
        if key == self._key and plan.baseline is self._baseline:
            return
        rows = self._changed_rows(plan, key)
        if rows is not None and len(rows) <= self.rows_afresh * len(plan.services):
            if key != self._key:  # planning levels changed: the pools, so the index, follow
                self._key, self._index = key, build_index(plan)
            self._update_rows(plan, rows)
            return
        self._key, self._baseline = key, plan.baseline
        self._index = build_index(plan)
        self._projection = do_nothing(plan)
        self._do_nothing = run_scenario(plan, self._index, self._projection, Scenario(DO_NOTHING))
        self._scenarios = {}

    def _changed_rows(self, plan: Plan, key: StructureKey) -> np.ndarray | None:
        """Service rows whose base year or planning level changed, or None when more changed."""
        if self._key is None or self._baseline is None:
            return None
        levels = _level_changes(key, self._key)
        if levels is None:
            return None
        baseline: np.ndarray | list[int] = (changed_rows(self._baseline, plan.baseline)
                                            if plan.baseline is not self._baseline else [])
        return np.union1d(np.asarray(levels, np.intp), np.asarray(baseline, np.intp)).astype(np.intp)

    def _update_rows(self, plan: Plan, rows: np.ndarray) -> None:
        """After a base-year or planning-level edit: rerun the changed service rows and splice them in."""
        self._baseline = plan.baseline
        if not len(rows):
            return
        index = self._index
        assert index is not None and self._projection is not None and self._do_nothing is not None
        self._projection = splice_projection(self._projection, do_nothing(plan, rows), rows)
        # Doing nothing is the projection itself (no copies); only its totals are carried over.
        nothing = Scenario(DO_NOTHING)
        before, self._do_nothing = self._do_nothing, run_scenario(plan, index, self._projection, nothing)
        carry_totals(before, run_scenario(plan, index, self._projection, nothing, rows), self._do_nothing, rows)
        self._scenarios = {
            scenario: splice_result(result, run_scenario(plan, index, self._projection, scenario, rows),
                                    rows, index, self._projection)
            for scenario, result in self._scenarios.items()}


@dataclass(frozen=True)
class StructureKey:
    """What the projection and index depend on, by name: any change but a service's planning
    level means a fresh start (see ``Engine._changed_rows``). The plan's own footprints are here
    because moving an ICB between groups changes pools without changing any service."""

    regions: tuple[Region, ...]
    icbs: tuple[ICB, ...]
    services: tuple[ServiceLine, ...]
    settings: tuple[str, ...]
    horizon: int
    growth: Growth
    occupancy_default: float
    occupancy_mental_health: float
    viability_max_variation: float
    footprints: tuple[Footprint, ...]

    @classmethod
    def of(cls, plan: Plan) -> StructureKey:
        return cls(**{f.name: getattr(plan, f.name) for f in dataclasses.fields(cls)})


def _level_changes(key: StructureKey, before: StructureKey) -> list[int] | None:
    """Positions of the services whose planning level alone changed between two structure keys
    (``[]`` when nothing did), or None when anything else did."""
    services, old = key.services, before.services
    if dataclasses.replace(key, services=old) != before or len(services) != len(old):
        return None
    if any(dataclasses.replace(s, planning_level=o.planning_level) != o for s, o in zip(services, old)):
        return None
    return [n for n, (s, o) in enumerate(zip(services, old)) if s.planning_level != o.planning_level]


def compute(plan: Plan) -> PlanResults:
    """Results of ``plan`` without caching (a fresh Engine)."""
    return Engine().compute(plan)


def run_scenario(plan: Plan, index: PlanIndex, projection: Projection, scenario: Scenario,
                 rows: np.ndarray | None = None) -> ScenarioResult:
    """Apply ``scenario``'s levers in order to the do-nothing projection; of every service, or
    of the service positions ``rows`` only (a result of just those rows)."""
    option = compile_option(plan, index, scenario)
    picked: np.ndarray | slice = slice(None) if rows is None else rows
    levels, pools = option.pools(index, picked)  # the compiled scopes are over the plan's rows
    if rows is not None:
        index = sub_index(index, rows)
        projection = Projection(projection.spend[rows], projection.activity[rows])
    steps = option.steps
    spend, activity = projection.spend, projection.activity
    flows = Flows.zeros(spend.shape)
    convergence_moves = np.zeros(flows.released.shape, np.int64)
    if steps:
        spend, activity = spend.copy(order="K"), activity.copy(order="K")
    if option.double_running:
        flows.make_double_running(spend.shape[2])
    scopes = [step.scope[picked] for step in steps]

    def run_rows(part: slice) -> list[LeverTotals | None]:
        """Every lever, in order, on the service rows ``part`` (views: written in place)."""
        cube = Cube(spend[part], activity[part], Flows(
            flows.released[part], flows.reinvested[part], flows.moved_activity[part],
            None if flows.double_running is None else flows.double_running[part]), pools[part],
            convergence_moves[part])
        totals = [apply_step(step, cube, index, scope[part]) for step, scope in zip(steps, scopes)]
        if cube.flows.double_running is not None:
            cube.spend += cube.flows.double_running
        return totals

    by_chunk = map_chunks(run_rows, chunks(len(levels))) if steps else []
    lever_totals: list[LeverTotals | None] = [None] * len(scenario.levers)  # planning levels move no money
    for step, parts in zip(steps, zip(*by_chunk)):
        lever_totals[step.position] = None if parts[0] is None else LeverTotals.joined(parts)
    if flows.double_running is not None:
        double_running = over_settings(flows.double_running)
    else:
        double_running = np.zeros(flows.released.shape, np.int64)

    return ScenarioResult(
        name=scenario.name,
        index=index,
        spend=spend,
        activity=activity,
        do_nothing_spend=projection.spend,
        total_do_nothing=projection.total_spend,
        released=flows.released,
        reinvested=flows.reinvested,
        double_running=double_running,
        moved_activity=flows.moved_activity,
        convergence_moves=convergence_moves,
        levels=levels,
        pools=pools,
        viability_max_variation=plan.viability_max_variation,
        lever_totals=tuple(lever_totals),
    )
