"""The base-year cells: spend in whole pence and activity, per service, ICB and setting."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

import numpy as np

from .errors import ValidationError


@dataclass(frozen=True, eq=False)
class Baseline:
    """Dense read-only arrays indexed ``[service, icb, setting]`` in the plan's order.

    Missing cells are zero. Spend is ``int64`` pence, activity ``float64`` in each setting's unit.
    """

    spend_pence: np.ndarray
    activity: np.ndarray

    def __post_init__(self) -> None:
        spend = np.array(self.spend_pence, dtype=np.int64, copy=True)
        activity = np.array(self.activity, dtype=np.float64, copy=True)
        if spend.ndim != 3 or spend.shape != activity.shape:
            raise ValidationError(
                "baseline", f"shapes {spend.shape} and {activity.shape}", "two equal [service, icb, setting] arrays"
            )
        _check_cells("spend", spend, spend < 0)
        _check_cells("activity", activity, ~np.isfinite(activity) | (activity < 0))
        spend.setflags(write=False)
        activity.setflags(write=False)
        object.__setattr__(self, "spend_pence", spend)
        object.__setattr__(self, "activity", activity)

    @classmethod
    def zeros(cls, n_services: int, n_icbs: int, n_settings: int) -> Baseline:
        shape = (n_services, n_icbs, n_settings)
        return cls(np.zeros(shape, np.int64), np.zeros(shape, np.float64))

    @property
    def shape(self) -> tuple[int, int, int]:
        return self.spend_pence.shape

    @cached_property
    def total_pence(self) -> int:
        return int(self.spend_pence.sum())

    def with_cell(self, index: tuple[int, int, int], *, spend_pence: int | None = None,
                  activity: float | None = None) -> Baseline:
        """A copy with one cell changed (the arrays are small enough to copy per edit)."""
        spend, act = self.spend_pence.copy(), self.activity.copy()
        if spend_pence is not None:
            spend[index] = spend_pence
        if activity is not None:
            act[index] = activity
        return Baseline(spend, act)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Baseline):
            return NotImplemented
        return np.array_equal(self.spend_pence, other.spend_pence) and np.array_equal(
            self.activity, other.activity
        )

    def __hash__(self) -> int:
        return hash((self.spend_pence.tobytes(), self.activity.tobytes()))


def _check_cells(name: str, values: np.ndarray, bad: np.ndarray) -> None:
    if bad.any():
        where = tuple(int(i) for i in np.argwhere(bad)[0])
        raise ValidationError(f"baseline {name} at cell {where}", values[where].item(), f"a non-negative {name}")
