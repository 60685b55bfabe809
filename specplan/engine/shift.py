"""The shift lever: move activity and money from one setting to another over the horizon."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ..domain import ShiftLever
from .memo import Key, Memo
from .rounding import round_half_up
from .sums import over_icbs

#: A lever's ``[s, t]`` sums per service, and its ``[t]`` England totals, by the flow's name.
BY_SERVICE: Key[np.ndarray] = Key("by service")
ENGLAND: Key[np.ndarray] = Key("England")


@dataclass
class Flows:
    """Money a scenario's levers move, ``[service, icb, year]`` pence, summed over levers.

    Double running is kept apart from spend while levers apply, so a later lever never
    "releases" the temporary cost of an earlier one; it is added to the from setting at the end.
    """

    released: np.ndarray
    reinvested: np.ndarray
    moved_activity: np.ndarray  # [s, i, t] units of from-setting activity moved
    # [s, i, k, t] by the setting that keeps running; made when a lever first has some.
    double_running: np.ndarray | None = None
    track_double_running: bool = True  # the sensitivity batches want the saving only

    @classmethod
    def zeros(cls, shape: tuple[int, int, int, int]) -> Flows:
        s, i, _k, t = shape
        return cls(np.zeros((s, i, t), np.int64), np.zeros((s, i, t), np.int64), np.zeros((s, i, t)))

    def make_double_running(self, n_settings: int) -> None:
        """Make the double-running cube now (chunks of rows then write into views of it)."""
        if self.double_running is None:
            s, i, t = self.released.shape  # settings-major, as the cube
            self.double_running = np.zeros((n_settings, s, i, t), np.int64).transpose(1, 2, 0, 3)

    def add_double_running(self, setting: int, cells: np.ndarray, n_settings: int) -> None:
        self.make_double_running(n_settings)
        assert self.double_running is not None
        self.double_running[:, :, setting, :] += cells


class LeverTotals:
    """What one lever did, per service and year and England totals per year, summed on first
    use (most redraws ask for none of them, and summing every flow would cost as much as the
    lever itself). The sums live in ``memo``, by the flow's name, and are read-only."""

    NAMES = ("released", "reinvested", "double_running", "moved_activity")

    def __init__(self, released: np.ndarray, reinvested: np.ndarray, double_running: np.ndarray,
                 moved_activity: np.ndarray) -> None:
        """``[s, i, t]`` flows (a one-element zero for a flow the lever moved none of)."""
        self._fill({"released": released, "reinvested": reinvested, "double_running": double_running,
                    "moved_activity": moved_activity}, {}, (), (released.shape[0], released.shape[2]))

    def _fill(self, cells: dict[str, np.ndarray], by_service: dict[str, np.ndarray],
              parts: tuple[LeverTotals, ...], shape: tuple[int, int]) -> None:
        self._cells, self._parts, self._shape = cells, parts, shape
        self.memo = Memo()
        for name, sums in by_service.items():
            self.memo.put(BY_SERVICE, sums, name)

    @classmethod
    def of_services(cls, by_service: dict[str, np.ndarray]) -> LeverTotals:
        """Totals from ``[s, t]`` sums per service (after a base-year edit, spliced by row)."""
        totals = cls.__new__(cls)
        totals._fill({}, by_service, (), by_service["released"].shape)
        return totals

    @classmethod
    def joined(cls, parts: tuple[LeverTotals, ...]) -> LeverTotals:
        """One lever's totals from those of consecutive chunks of service rows."""
        if len(parts) == 1:
            return parts[0]
        totals = cls.__new__(cls)
        totals._fill({}, {}, tuple(parts), (sum(part._shape[0] for part in parts), parts[0]._shape[1]))
        return totals

    def by_service(self, name: str) -> np.ndarray:
        """``[s, t]`` flow ``name`` summed over ICBs."""
        made = self.memo.peek(BY_SERVICE, name)
        return made if made is not None else self.memo.get(BY_SERVICE, lambda: self._by_service(name), name)

    def _by_service(self, name: str) -> np.ndarray:
        if self._parts:
            return np.concatenate([part.by_service(name) for part in self._parts])
        cells = self._cells[name]
        return over_icbs(cells) if cells.ndim == 3 else np.zeros(self._shape, cells.dtype)

    def england(self, name: str) -> np.ndarray:
        """``[t]`` flow ``name`` (or ``saving``) summed over England, once."""
        made = self.memo.peek(ENGLAND, name)
        return made if made is not None else self.memo.get(ENGLAND, lambda: self._england(name), name)

    def _england(self, name: str) -> np.ndarray:
        if name == "saving":
            saving: np.ndarray = self.england("released") - self.england("reinvested")
            return saving
        total: np.ndarray = self.by_service(name).sum(axis=0)
        return total

    @property
    def released(self) -> np.ndarray:
        return self.england("released")

    @property
    def reinvested(self) -> np.ndarray:
        return self.england("reinvested")

    @property
    def double_running(self) -> np.ndarray:
        return self.england("double_running")

    @property
    def moved_activity(self) -> np.ndarray:
        return self.england("moved_activity")

    @property
    def saving(self) -> np.ndarray:
        return self.england("saving")


def apply_shift(
    lever: ShiftLever,
    spend: np.ndarray,
    activity: np.ndarray | None,
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
    ``activity`` may be None when only money is wanted, and ``flows.track_double_running``
    False when only the saving is (the sensitivity batches); then no totals are returned either.
    """
    share = _value(lever, rows, "target_share") * phasing[None, None, :]  # [s|1, 1, t]
    # A lever over everything (the usual case) needs no [s, i, t] array of shares.
    share_in_scope = share if scope.all() else scope[:, :, None] * share
    # Spend and shares are never negative, so the cheaper non-negative rounding applies.
    released = round_half_up(share_in_scope * spend[:, :, from_k, :])
    reinvested = round_half_up(_value(lever, rows, "reinvest_share") * released)
    spend[:, :, from_k, :] -= released
    spend[:, :, to_k, :] += reinvested
    moved = None
    if activity is not None:
        moved = share_in_scope * activity[:, :, from_k, :]
        activity[:, :, from_k, :] -= moved
        activity[:, :, to_k, :] += _value(lever, rows, "substitution_ratio") * moved
        flows.moved_activity += moved
    flows.released += released
    flows.reinvested += reinvested
    if not flows.track_double_running:
        return None
    delta = _value(lever, rows, "double_running_share")
    if np.all(np.asarray(delta) == 0):
        double_running = np.zeros(1, np.int64)
    else:
        step = np.empty_like(released)  # R[t] - R[t-1], R[-1] = 0, never below zero
        step[:, :, 0] = released[:, :, 0]
        np.subtract(released[:, :, 1:], released[:, :, :-1], out=step[:, :, 1:])
        np.maximum(step, 0, out=step)
        double_running = round_half_up(delta * step)
        flows.add_double_running(from_k, double_running, spend.shape[2])
    return LeverTotals(released, reinvested, double_running, moved if moved is not None else np.zeros(1))


def _value(lever: ShiftLever, rows: dict[str, np.ndarray] | None, name: str) -> np.ndarray | float:
    """The lever's number, or its per-row values shaped to broadcast over ``[s, i, t]``."""
    if rows is not None and name in rows:
        per_row: np.ndarray = rows[name][:, None, None]
        return per_row
    number: float = getattr(lever, name)
    return number
