"""Index arrays of a plan's structure, built once and shared by every calculation."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ..domain import PlanningLevel
from ..domain.plan import Plan
from ..domain.services import COMMUNITY, INPATIENT

LEVEL_CODES = {PlanningLevel.NATIONAL: 0, PlanningLevel.REGIONAL: 1, PlanningLevel.ICS: 2}


@dataclass(frozen=True, eq=False)
class PlanIndex:
    """Positions and per-axis attributes: ICB regions and weights, service levels and beds."""

    n_services: int
    n_icbs: int
    n_settings: int
    n_years: int
    region_of_icb: np.ndarray  # [i] region position
    n_regions: int
    weights: np.ndarray  # [i] fair-share weight
    levels: np.ndarray  # [s] reference planning level code
    occupancy: np.ndarray  # [s]
    bed_days_per_patient: np.ndarray  # [s], NaN where unknown
    inpatient: int | None
    community: int | None

    @property
    def n_pools(self) -> int:
        """Pool slots per service: enough for one pool per ICB."""
        return max(self.n_icbs, self.n_regions, 1)

    def mask(self, plan: Plan, services: tuple[str, ...], icbs: tuple[str, ...] = ()) -> np.ndarray:
        """``[s, i]`` True where a lever's scope applies (empty scope = everything)."""
        service_on = _scope(plan.service_index, services, self.n_services)
        icb_on = _scope(plan.icb_index, icbs, self.n_icbs)
        both: np.ndarray = service_on[:, None] & icb_on[None, :]
        return both


def build_index(plan: Plan) -> PlanIndex:
    return PlanIndex(
        n_services=len(plan.services),
        n_icbs=len(plan.icbs),
        n_settings=len(plan.settings),
        n_years=plan.horizon + 1,
        region_of_icb=np.array([plan.region_index[i.region] for i in plan.icbs], dtype=np.intp),
        n_regions=len(plan.regions),
        weights=np.array([i.population for i in plan.icbs], dtype=np.float64),
        levels=np.array([LEVEL_CODES[s.planning_level] for s in plan.services], dtype=np.intp),
        occupancy=np.array([plan.occupancy(s) for s in plan.services], dtype=np.float64),
        bed_days_per_patient=np.array(
            [s.activity_per_patient or np.nan for s in plan.services], dtype=np.float64
        ),
        inpatient=plan.setting_index.get(INPATIENT),
        community=plan.setting_index.get(COMMUNITY),
    )


def _scope(index: dict[str, int], codes: tuple[str, ...], size: int) -> np.ndarray:
    if not codes:
        return np.ones(size, dtype=bool)
    on = np.zeros(size, dtype=bool)
    on[[index[c] for c in codes]] = True
    return on
