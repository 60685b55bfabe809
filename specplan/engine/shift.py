"""The shift lever: move activity and money from one setting to another over the horizon."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ..domain import ShiftLever
from .rounding import round_half_up


@dataclass
class Flows:
    """Money a scenario's levers move, ``[service, icb, year]`` pence, summed over levers.

    Double running is kept apart from spend while levers apply, so a later lever never
    "releases" the temporary cost of an earlier one; it is added to the from setting at the end.
    """

    released: np.ndarray
    reinvested: np.ndarray
    double_running: np.ndarray | None  # [s, i, k, t]: by the setting that keeps running
    moved_activity: np.ndarray  # [s, i, t] units of from-setting activity moved

    @classmethod
    def zeros(cls, shape: tuple[int, int, int, int]) -> Flows:
        s, i, k, t = shape
        return cls(
            np.zeros((s, i, t), np.int64),
            np.zeros((s, i, t), np.int64),
            np.zeros((k, s, i, t), np.int64).transpose(1, 2, 0, 3),  # settings-major, as the cube
            np.zeros((s, i, t), np.float64),
        )

    @property
    def saving(self) -> np.ndarray:
        return self.released - self.reinvested


@dataclass(frozen=True)
class LeverTotals:
    """What one lever did, England totals per year."""

    released: np.ndarray
    reinvested: np.ndarray
    saving: np.ndarray
    double_running: np.ndarray
    moved_activity: np.ndarray


def apply_shift(
    lever: ShiftLever,
    spend: np.ndarray,
    activity: np.ndarray,
    flows: Flows,
    scope: np.ndarray,
    phasing: np.ndarray,
    from_k: int,
    to_k: int,
    rows: dict[str, np.ndarray] | None = None,
) -> LeverTotals | None:
    """Apply ``lever`` in place to ``spend``/``activity`` ``[s, i, k, t]`` within ``scope [s, i]``.

    released ``R = round(f * phi * S_from)``, reinvested ``Q = round(q * R)``, saving ``R - Q``,
    double running ``D = round(delta * max(0, R[t] - R[t-1]))`` (model.md).

    ``rows`` may give any of the lever's numbers per service row (``[s]`` arrays): the
    sensitivity analysis stacks variants of a plan as extra rows and runs them in one batch.
    ``activity`` may be None when only money is wanted, and ``flows.double_running`` None when
    only the saving is (the sensitivity batches); then no totals are returned either.
    """
    share = _value(lever, rows, "target_share") * phasing[None, None, :]  # [s|1, 1, t]
    share_in_scope = scope[:, :, None] * share  # [s, i, t]
    # Spend and shares are never negative, so the cheaper non-negative rounding applies.
    released = round_half_up(share_in_scope * spend[:, :, from_k, :])
    reinvested = round_half_up(_value(lever, rows, "reinvest_share") * released)
    spend[:, :, from_k, :] -= released
    spend[:, :, to_k, :] += reinvested
    if activity is not None:
        moved = share_in_scope * activity[:, :, from_k, :]
        activity[:, :, from_k, :] -= moved
        activity[:, :, to_k, :] += _value(lever, rows, "substitution_ratio") * moved
        flows.moved_activity += moved
    else:
        moved = np.zeros(1)
    flows.released += released
    flows.reinvested += reinvested
    if flows.double_running is None:
        return None
    step = np.diff(released, axis=2, prepend=0)
    double_running = round_half_up(_value(lever, rows, "double_running_share") * np.maximum(step, 0))
    flows.double_running[:, :, from_k, :] += double_running
    return LeverTotals(
        released=released.sum(axis=(0, 1)),
        reinvested=reinvested.sum(axis=(0, 1)),
        saving=(released - reinvested).sum(axis=(0, 1)),
        double_running=double_running.sum(axis=(0, 1)),
        moved_activity=moved.sum(axis=(0, 1)) if activity is not None else np.zeros(1),
    )


def _value(lever: ShiftLever, rows: dict[str, np.ndarray] | None, name: str):
    """The lever's number, or its per-row values shaped to broadcast over ``[s, i, t]``."""
    if rows is not None and name in rows:
        return rows[name][:, None, None]
    return getattr(lever, name)
