"""Spend rolled up by any footprint of the plan: per group and year, integer pence.

Every ICB is in exactly one group of each footprint, so each footprint's groups add up to the
whole plan's total exactly (sums of integers; nothing is apportioned).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from ..domain.plan import Plan
from .apportion import group_sum
from .results import ScenarioResult

if TYPE_CHECKING:
    from .calculate import PlanResults

#: What a roll-up can show for each group: the option's spend, doing nothing's, or the first less the second.
KINDS = ("option", "do_nothing", "difference")


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


@dataclass(frozen=True)
class FootprintSpend:
    """One option and doing nothing rolled up by one footprint: spend ``[group, t]`` in pence.

    Every total here is a sum of integers over all the groups, so it is the whole plan's figure
    to the penny (the views and the report show these, never sums of their own)."""

    footprint: str
    option: str
    groups: tuple[str, ...]
    spend: np.ndarray
    do_nothing: np.ndarray

    def by_group(self, kind: str = "option") -> np.ndarray:
        """``[group, t]`` pence of ``kind`` (one of :data:`KINDS`)."""
        if kind == "option":
            return self.spend
        if kind == "do_nothing":
            return self.do_nothing
        if kind == "difference":
            difference: np.ndarray = self.spend - self.do_nothing
            return difference
        raise ValueError(f"kind must be one of {KINDS}, not {kind!r}")

    def total(self, kind: str = "option") -> np.ndarray:
        """``[t]`` pence over every group: the whole plan's spend (or difference) each year."""
        total: np.ndarray = self.by_group(kind).sum(axis=0)
        return total

    def cumulative(self, kind: str = "option") -> np.ndarray:
        """``[group]`` pence over every year of the plan."""
        cumulative: np.ndarray = self.by_group(kind).sum(axis=1)
        return cumulative

    def cumulative_total(self, kind: str = "option") -> int:
        """Pence over every group and year: the whole plan's cumulative figure."""
        return int(self.by_group(kind).sum())


def footprint_spend(results: PlanResults, footprint: str, option: str | None) -> FootprintSpend:
    """``option`` (doing nothing when None) and doing nothing by the groups of ``footprint``."""
    result = results.do_nothing if option is None else results.scenario(option)
    groups, spend = spend_by_group(result, footprint)
    _, nothing = spend_by_group(results.do_nothing, footprint)
    return FootprintSpend(footprint, result.name, groups, spend.astype(np.int64), nothing.astype(np.int64))
