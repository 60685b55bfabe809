"""The do-nothing projection: base year grown by demography, other demand and net price."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

import numpy as np

from ..domain.plan import Plan
from .rounding import round_half_away
from .sums import per_year


@dataclass(frozen=True, eq=False)
class Projection:
    """Spend (``int64`` pence) and activity, ``[service, icb, setting, year]``."""

    spend: np.ndarray
    activity: np.ndarray

    @cached_property
    def total_spend(self) -> np.ndarray:
        """``[t]`` England total."""
        return per_year(self.spend)


def settings_major(cube: np.ndarray) -> np.ndarray:
    """The same ``[s, i, k, t]`` cube laid out setting by setting in memory.

    Levers read and write one setting at a time and views sum over settings; with each
    setting's ``[s, i, t]`` block contiguous both run at memory speed instead of striding.
    Copy such cubes with ``copy(order="K")`` to keep the layout.
    """
    return np.ascontiguousarray(np.moveaxis(cube, 2, 0)).transpose(1, 2, 0, 3)


def growth_rates(plan: Plan) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Yearly rates ``d[i, u]``, ``n[s, u]``, ``p[u]`` for u = 0..H (u = 0 is zero).

    A rate for a given year overrides the every-year rate of the same kind and code.
    """
    years = plan.horizon + 1
    demographic = np.zeros((len(plan.icbs), years))
    non_demographic = np.zeros((len(plan.services), years))
    price = np.zeros((1, years))
    targets = {
        "demographic": (demographic, plan.icb_index),
        "non_demographic": (non_demographic, plan.service_index),
        "price": (price, {None: 0}),
    }
    # Every-year rates first, then specific years on top.
    for rate in sorted(plan.growth.rates, key=lambda r: r.year is not None):
        array, index = targets[rate.kind]
        row = index[rate.code]
        if rate.year is None:
            array[row, 1:] = rate.rate
        else:
            array[row, rate.year] = rate.rate
    return demographic, non_demographic, price[0]


def do_nothing(plan: Plan, rows: np.ndarray | None = None) -> Projection:
    """``A = A0 * g`` and ``S = round_half_away(S0 * g * P)`` per cell (model.md), for every
    service or only the service positions ``rows``."""
    demographic, non_demographic, price = growth_rates(plan)
    icb_factor = np.cumprod(1.0 + demographic, axis=1)  # [i, t]
    service_factor = np.cumprod(1.0 + non_demographic, axis=1)  # [s, t]
    price_factor = np.cumprod(1.0 + price)  # [t]
    spend0, activity0 = plan.baseline.spend_pence, plan.baseline.activity
    if rows is not None:
        service_factor, spend0, activity0 = service_factor[rows], spend0[rows], activity0[rows]
    volume = service_factor[:, None, None, :] * icb_factor[None, :, None, :]  # [s, i, 1, t]
    activity = activity0[..., None] * volume
    spend = round_half_away(spend0[..., None] * (volume * price_factor))
    return Projection(settings_major(spend), settings_major(activity))
