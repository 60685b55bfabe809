"""The Engine a long-lived document holds: :class:`calculate.Engine`, which keeps the
do-nothing cube and unchanged options between edits, told also to start afresh when the plan's
own footprints change. Its structure key predates custom footprints: moving an ICB between
groups changes the pools of services planned on that footprint without changing the services.
"""

from __future__ import annotations

from ..domain.footprints import Footprint
from ..domain.plan import Plan
from ..domain.scenario import Scenario
from . import calculate
from .results import ScenarioResult


class Engine(calculate.Engine):
    """An Engine whose caches are forgotten when ``plan.footprints`` differ from the last plan's."""

    def __init__(self) -> None:
        super().__init__()
        self._footprints: tuple[Footprint, ...] | None = None

    def compute(self, plan: Plan) -> calculate.PlanResults:
        self._forget_if_footprints_changed(plan)
        return super().compute(plan)

    def compute_scenario(self, plan: Plan, scenario: Scenario) -> ScenarioResult:
        self._forget_if_footprints_changed(plan)
        return super().compute_scenario(plan, scenario)

    def _forget_if_footprints_changed(self, plan: Plan) -> None:
        if self._footprints is not None and plan.footprints != self._footprints:
            calculate.Engine.__init__(self)
        self._footprints = plan.footprints
