"""The do-nothing projection: base year grown by demography, other demand and net price."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import numpy as np
from numpy.typing import NDArray

from ..domain.plan import Plan
from .memo import Memo, memoized
from .rounding import round_half_away
from .sums import per_year


@dataclass(frozen=True, eq=False)
class Projection:
    """Spend (``int64`` pence) and activity, ``[service, icb, setting, year]``."""

    spend: np.ndarray
    activity: np.ndarray
    memo: Memo = field(default_factory=Memo, init=False, repr=False)

    def __post_init__(self) -> None:
        self.spend.setflags(write=False)
        self.activity.setflags(write=False)

    @memoized
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
    targets: dict[str, tuple[np.ndarray, Mapping[Any, int]]] = {
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


def grown(plan: Plan, scalings: NDArray[np.float64] | None = None, rows: NDArray[np.intp] | None = None,
          *, activity: bool = False) -> tuple[NDArray[np.int64], NDArray[np.float64] | None]:
    """The one projection: ``S = round_half_away(S0 * g * P)`` and ``A = A0 * g`` per cell
    (model.md), ``[g, s, i, k, t]`` for each row ``g`` of ``scalings`` (demographic,
    non-demographic and price rates scaled: the full run is the single scaling 1, 1, 1),
    of every service or only the service positions ``rows``."""
    scale = np.ones((1, 3)) if scalings is None else np.asarray(scalings, np.float64)
    demographic, non_demographic, price = growth_rates(plan)
    icb_factor = np.cumprod(1.0 + demographic[None] * scale[:, 0, None, None], axis=2)  # [g, i, t]
    service_factor = np.cumprod(1.0 + non_demographic[None] * scale[:, 1, None, None], axis=2)  # [g, s, t]
    price_factor = np.cumprod(1.0 + price[None] * scale[:, 2, None], axis=1)  # [g, t]
    spend0, activity0 = plan.baseline.spend_pence, plan.baseline.activity
    if rows is not None:
        service_factor, spend0, activity0 = service_factor[:, rows], spend0[rows], activity0[rows]
    volume = service_factor[:, :, None, None, :] * icb_factor[:, None, :, None, :]  # [g, s, i, 1, t]
    spend = round_half_away(spend0[None, ..., None] * (volume * price_factor[:, None, None, None, :]))
    return spend, (activity0[None, ..., None] * volume if activity else None)


def do_nothing(plan: Plan, rows: NDArray[np.intp] | None = None) -> Projection:
    """The projection of the plan as it is, every service or the service positions ``rows``,
    laid out setting by setting."""
    spend, activity = grown(plan, None, rows, activity=True)
    assert activity is not None
    return Projection(settings_major(spend[0]), settings_major(activity[0]))
