"""An open plan document: the lock, the plan as last saved, and saving with a change log.

The app opens a plan as a :class:`PlanFile` and keeps it until the window closes. Opening takes
the lock; if someone else holds it, :class:`~.errors.PlanLockedError` says who, and the app may
open the plan read-only instead. Each save logs what changed since the last one.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Self

from ..domain import Plan
from .backups import BackupPolicy
from .changes import ChangeEntry, diff_plans
from .errors import PlanLockedError, ReadOnlyPlanError, StaleLockError
from .files import SaveReport, open_plan, refuse_if_locked, save_plan, save_plan_as
from .locks import LockInfo, break_lock, read_lock, refresh_lock, release_lock, try_lock


class PlanFile:
    """A plan open from (or saved to) ``path``. Use :meth:`open` or :meth:`create`."""

    def __init__(self, path: Path, plan: Plan, *, read_only: bool, backups: BackupPolicy,
                 holder: LockInfo | None = None):
        self.path = path
        self.saved_plan = plan  # the plan as it is on disk
        self.read_only = read_only
        self.backups = backups
        self.holder = holder  # who has the plan, when we opened it read-only because of them

    @classmethod
    def open(cls, path: str | Path, *, read_only: bool = False, break_stale_lock: bool = False,
             backups: BackupPolicy | None = None) -> PlanFile:
        """Open for editing (taking the lock) or read-only (no lock; ``holder`` says who has it).

        A stale lock (its session ended) raises StaleLockError unless ``break_stale_lock``;
        a live one raises PlanLockedError: ask the user, then open read-only.
        """
        path, policy = Path(path), backups or BackupPolicy()
        if read_only:
            return cls(path, open_plan(path, read_only=True, backups=policy), read_only=True,
                       backups=policy, holder=read_lock(path))
        _take_lock(path, break_stale_lock)
        try:
            plan = open_plan(path, backups=policy)
        except BaseException:
            release_lock(path)
            raise
        return cls(path, plan, read_only=False, backups=policy)

    @classmethod
    def create(cls, plan: Plan, path: str | Path, *, backups: BackupPolicy | None = None) -> PlanFile:
        """Save a new plan (or replace a file the user chose to overwrite) and keep it open."""
        path, policy = Path(path), backups or BackupPolicy()
        _take_lock(path, break_stale=False)
        try:
            save_plan_as(plan, path, backups=policy)
        except BaseException:
            release_lock(path)
            raise
        return cls(path, plan, read_only=False, backups=policy)

    @property
    def lock(self) -> LockInfo | None:
        return read_lock(self.path)

    def save(self, plan: Plan, changes: Sequence[ChangeEntry] | None = None) -> SaveReport:
        """Save ``plan`` here; ``changes`` default to what differs from the last saved plan."""
        if self.read_only:
            who = f" because {self.holder.describe()} has it open" if self.holder else ""
            raise ReadOnlyPlanError(self.path, f"this plan was opened read-only{who}; use Save As to "
                                               "keep your changes in another file")
        entries = diff_plans(self.saved_plan, plan) if changes is None else list(changes)
        report = save_plan(plan, self.path, entries, backups=self.backups)
        self.saved_plan = plan
        refresh_lock(self.path)
        return report

    def save_as(self, plan: Plan, path: str | Path, changes: Sequence[ChangeEntry] | None = None) -> SaveReport:
        """Save as ``path`` (keeping this file's change log) and carry on editing there."""
        path = Path(path)
        entries = diff_plans(self.saved_plan, plan) if changes is None else list(changes)
        _take_lock(path, break_stale=False)
        try:
            report = save_plan_as(plan, path, source=self.path, changes=entries, backups=self.backups)
        except BaseException:
            if path != self.path:
                release_lock(path)
            raise
        if not self.read_only and path != self.path:
            release_lock(self.path)
        self.path, self.saved_plan, self.read_only, self.holder = path, plan, False, None
        return report

    def refresh_lock(self) -> None:
        """Call now and then (e.g. hourly) so a long session's lock never looks stale."""
        if not self.read_only:
            refresh_lock(self.path)

    def close(self) -> None:
        if not self.read_only:
            release_lock(self.path)

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _take_lock(path: Path, break_stale: bool) -> None:
    holder = try_lock(path)
    if holder is not None and holder.is_stale and break_stale:
        break_lock(path, holder)
        holder = try_lock(path)
    if holder is not None:
        refuse_if_locked(path, "open it for editing (you can open it read-only)")
        raise (StaleLockError if holder.is_stale else PlanLockedError)(
            path, f"{holder.describe()} has this plan open", holder)
