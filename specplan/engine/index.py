"""Index arrays of a plan's structure, built once and shared by every calculation."""

from __future__ import annotations

import threading
from collections.abc import Iterator, Mapping
from dataclasses import dataclass

import numpy as np

from ..domain.footprints import BUILT_IN_NAMES
from ..domain.plan import Plan
from ..domain.services import COMMUNITY, INPATIENT


class LevelCodes(Mapping[str, int]):
    """Planning level -> the integer code the engine's ``levels`` arrays hold.

    The built-ins are 0, 1, 2 (national, regional, ics) as they always were; a custom
    footprint's name gets the next free code the first time it is looked up, and keeps it for
    the life of the process, so a planning-level lever can be turned into a code without the
    plan at hand. Each plan's index maps codes to its own footprint rows (``row_of_code``).
    """

    def __init__(self) -> None:
        self._codes = {name: n for n, name in enumerate(BUILT_IN_NAMES)}
        self._names = list(BUILT_IN_NAMES)
        self._lock = threading.Lock()

    def __getitem__(self, level: str) -> int:
        name = str(level)
        code = self._codes.get(name)
        if code is None:
            with self._lock:
                code = self._codes.setdefault(name, len(self._names))
                if code == len(self._names):
                    self._names.append(name)
        return code

    def __iter__(self) -> Iterator[str]:
        return iter(list(self._names))

    def __len__(self) -> int:
        return len(self._names)

    def name_of(self, code: int) -> str:
        """The level (footprint name) of ``code``."""
        return self._names[code]


LEVEL_CODES = LevelCodes()


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
    levels: np.ndarray  # [s] reference planning level code (see LEVEL_CODES)
    occupancy: np.ndarray  # [s]
    bed_days_per_patient: np.ndarray  # [s], NaN where unknown
    inpatient: int | None
    community: int | None
    # [f, i] group slot of each ICB in each footprint: the built-ins' rows first (national,
    # regional, ics), then the plan's own in order.
    footprint_groups: np.ndarray
    footprint_names: tuple[str, ...]
    group_names: tuple[tuple[str, ...], ...]  # [f][slot]
    row_of_code: np.ndarray  # [level code] footprint row, -1 for footprints not in this plan

    def __post_init__(self) -> None:
        for array in (self.region_of_icb, self.weights, self.levels, self.occupancy,
                      self.bed_days_per_patient, self.footprint_groups, self.row_of_code):
            array.setflags(write=False)

    @property
    def n_pools(self) -> int:
        """Pool slots per service: enough for the footprint with the most groups (one pool per
        ICB at most, as a footprint's groups are never empty)."""
        return max(self.n_icbs, self.n_regions, max(map(len, self.group_names), default=1), 1)

    def footprint_row(self, level: str) -> int:
        """The row of footprint ``level`` in ``footprint_groups``."""
        return self.footprint_names.index(str(level))

    def mask(self, plan: Plan, services: tuple[str, ...], icbs: tuple[str, ...] = ()) -> np.ndarray:
        """``[s, i]`` True where a lever's scope applies (empty scope = everything)."""
        service_on = _scope(plan.service_index, services, self.n_services)
        icb_on = _scope(plan.icb_index, icbs, self.n_icbs)
        both: np.ndarray = service_on[:, None] & icb_on[None, :]
        return both


def build_index(plan: Plan) -> PlanIndex:
    groups, names, group_names = footprint_table(plan)
    codes = [LEVEL_CODES[name] for name in names]
    row_of_code = np.full(max(codes) + 1, -1, np.intp)
    row_of_code[codes] = np.arange(len(codes))
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
        footprint_groups=groups,
        footprint_names=names,
        group_names=group_names,
        row_of_code=row_of_code,
    )


def footprint_table(plan: Plan) -> tuple[np.ndarray, tuple[str, ...], tuple[tuple[str, ...], ...]]:
    """``[f, i]`` group slot of each ICB in every footprint of the plan, the footprints' names
    and each one's group names by slot. Built-in slots are the ones pools always had (0; the
    region's position; the ICB's position), so results on them are unchanged to the penny."""
    n = len(plan.icbs)
    rows = [np.zeros(n, np.intp), np.array([plan.region_index[i.region] for i in plan.icbs], dtype=np.intp),
            np.arange(n, dtype=np.intp)]
    ics = plan.footprint("ics")
    group_names = [("England",), tuple(r.name for r in plan.regions), ics.group_names]
    for footprint in plan.footprints:
        row = np.empty(n, np.intp)
        for slot, group in enumerate(footprint.groups):
            row[[plan.icb_index[code] for code in group.icbs]] = slot
        rows.append(row)
        group_names.append(footprint.group_names)
    return np.stack(rows), plan.footprint_names, tuple(group_names)


def _scope(index: dict[str, int], codes: tuple[str, ...], size: int) -> np.ndarray:
    if not codes:
        return np.ones(size, dtype=bool)
    on = np.zeros(size, dtype=bool)
    on[[index[c] for c in codes]] = True
    return on
