"""The planning engine: numpy over the ``[service, icb, setting, year]`` cube. No Qt, no SQL."""

from .calculate import DO_NOTHING, Engine, PlanResults, compute, run_scenario
from .results import ScenarioResult

__all__ = ["DO_NOTHING", "Engine", "PlanResults", "ScenarioResult", "compute", "run_scenario"]
