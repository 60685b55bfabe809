"""Small hand-made plans for tests, independent of the reference files."""

from __future__ import annotations

import numpy as np

from specplan.domain import ICB, Baseline, Plan, Region, ServiceLine

REGIONS = (Region("R1", "North"), Region("R2", "South"))


def make_plan(
    spend: np.ndarray | list,
    activity: np.ndarray | list | None = None,
    *,
    regions: tuple[Region, ...] = REGIONS,
    icb_regions: tuple[str, ...] | None = None,
    weights: tuple[float, ...] | None = None,
    levels: tuple[str, ...] | None = None,
    settings: tuple[str, ...] = ("inpatient", "community"),
    horizon: int = 2,
    **plan_fields,
) -> Plan:
    """A plan whose baseline is ``spend[s][i][k]`` pence (activity defaults to spend / 500)."""
    spend = np.asarray(spend, dtype=np.int64)
    n_s, n_i, n_k = spend.shape
    assert n_k == len(settings)
    activity = spend / 50_000.0 if activity is None else np.asarray(activity, dtype=float)
    icb_regions = icb_regions or tuple(regions[n % len(regions)].code for n in range(n_i))
    weights = weights or tuple(float(n + 1) for n in range(n_i))
    levels = levels or ("national",) * n_s
    icbs = tuple(ICB(f"I{n}", f"ICB {n}", icb_regions[n], weights[n]) for n in range(n_i))
    services = tuple(
        ServiceLine(f"S{n}", f"Service {n}", "Mental Health", levels[n],
                    mental_health=True, activity_per_patient=100.0)
        for n in range(n_s)
    )
    return Plan(
        name=plan_fields.pop("name", "Test plan"),
        base_year=2025,
        horizon=horizon,
        regions=regions,
        icbs=icbs,
        services=services,
        settings=settings,
        baseline=Baseline(spend, activity),
        **plan_fields,
    )
