"""Spend rolled up by any footprint of the plan: per group and year, integer pence.

Every ICB is in exactly one group of each footprint, so each footprint's groups add up to the
whole plan's total exactly (sums of integers; nothing is apportioned).
"""

from __future__ import annotations

import numpy as np

from ..domain.plan import Plan
from .apportion import group_sum
from .results import ScenarioResult


def spend_by_group(result: ScenarioResult, footprint: str) -> tuple[tuple[str, ...], np.ndarray]:
    """The group names of ``footprint`` that hold ICBs, and their spend ``[group, t]`` in pence."""
    index = result.index
    row = index.footprint_row(footprint)
    groups = index.footprint_groups[row]
    by_icb = result.spend_by_icb.sum(axis=0)  # [i, t]
    sums = group_sum(by_icb[None], groups[None], index.n_pools)[0]
    slots = np.flatnonzero(np.bincount(groups, minlength=index.n_pools))  # groups with ICBs
    names = index.group_names[row]
    return tuple(names[s] for s in slots), sums[slots]


def spend_by_footprint(result: ScenarioResult, plan: Plan) -> dict[str, dict[str, list[int]]]:
    """Footprint name -> group name -> spend per year (pence), for every footprint of ``plan``
    (the built-ins first)."""
    out: dict[str, dict[str, list[int]]] = {}
    for name in plan.footprint_names:
        groups, spend = spend_by_group(result, name)
        out[name] = {group: [int(v) for v in row] for group, row in zip(groups, spend)}
    return out
