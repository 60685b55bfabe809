"""Open, save and Save As of plan files, none of which can lose the work already on disk.

- A save over an existing plan is one ``BEGIN IMMEDIATE ... COMMIT`` in the file itself, with
  the rollback journal and ``synchronous=FULL``: a crash at any moment leaves the old plan or
  the new one, and SQLite rolls a half-done save back on the next open.
- A new file (and Save As) is written to a hidden file beside the target and renamed onto it,
  so the target never exists half-written.
- Opening reads through a read-only connection (the file cannot be written by mistake),
  runs ``PRAGMA quick_check``, and upgrades an older format only after a backup.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Connection, insert, select
from sqlalchemy.exc import SQLAlchemyError

from ..domain import Plan
from ..domain.files import replace_file
from .backups import UPGRADE_LABEL, BackupPolicy, back_up, backup_hint
from .changes import ChangeEntry
from .connection import Database, connect, pragma_int
from .errors import (
    CorruptPlanFileError,
    EmptyPlanFileError,
    NotAPlanFileError,
    PlanFileError,
    PlanLockedError,
    StaleLockError,
    read_error,
    write_error,
)
from .header import SQLITE_MAGIC, inspect_file
from .locations import fsync_dir, remove_old_temporaries, remove_quietly, temporary_beside
from .locks import read_lock
from .mapping import plan_rows, read_plan
from .migrations import apply_upgrades, upgrade_file, upgraded_copy
from .tables import (
    APPLICATION_ID,
    CHANGE_LOG,
    CREATE_SQL,
    INSERT_SQL,
    PLAN_TABLES,
    SCHEMA_VERSION,
)

_READ_ERRORS = (sqlite3.Error, SQLAlchemyError, OSError, ValueError, TypeError, KeyError, IndexError,
                OverflowError, MemoryError, RecursionError)
_WRITE_ERRORS = (sqlite3.Error, SQLAlchemyError, OSError)


@dataclass(frozen=True)
class SaveReport:
    """What a save did besides saving: the backup it kept (or why it could not)."""

    path: Path
    backup: Path | None = None
    backup_problem: str | None = None


def open_plan(path: str | Path, read_only: bool = False, *, backups: BackupPolicy | None = None) -> Plan:
    """The plan in ``path``. ``read_only`` never writes the file; otherwise a plan someone else
    has open is refused (PlanLockedError) and an older file format is upgraded after a backup."""
    path, policy = Path(path), backups or BackupPolicy()
    if not read_only:
        refuse_if_locked(path, "open it for editing (or open it read-only)")
    try:
        recover_interrupted_save(path)
        inspect_file(path)
        with Database.open(path, writable=False) as db:
            quick_check(db.raw, path)
            if pragma_int(db.raw, "user_version") >= SCHEMA_VERSION:
                return _read(db, path)
            upgraded = Database(upgraded_copy(db.raw, path), writable=False)
        with upgraded:
            plan = _read(upgraded, path)
    except PlanFileError as error:
        raise _with_hint(error, policy) from None
    except _READ_ERRORS as error:
        raise _with_hint(read_error(path, error), policy) from None
    if not read_only:
        try:
            back_up(path, policy, label=f"{UPGRADE_LABEL} to format {SCHEMA_VERSION}")
            upgrade_file(path)
        except _WRITE_ERRORS as error:
            raise write_error(path, error, "upgrade the file to this version's format") from None
    return plan


def save_plan(plan: Plan, path: str | Path, changes: Sequence[ChangeEntry] = (), *,
              backups: BackupPolicy | None = None) -> SaveReport:
    """Write ``plan`` to ``path`` in one transaction, appending ``changes`` to the change log;
    before overwriting, the plan as it was is kept as a backup."""
    path, policy = Path(path), backups or BackupPolicy()
    refuse_if_locked(path, "save over it (use Save As to keep your changes in another file)")
    if not path.exists():
        _write_new(plan, path, changes)
        return SaveReport(path)
    recover_interrupted_save(path)
    inspect_file(path)  # never overwrite a workbook, another program's database or a newer plan
    backup, problem = None, None
    try:
        backup = back_up(path, policy)
    except (*_WRITE_ERRORS, PlanFileError) as error:  # save anyway: the user's work comes first
        problem = f"no backup was kept before saving ({error})"
    _write_existing(plan, path, changes)
    return SaveReport(path, backup, problem)


def save_plan_as(plan: Plan, target: str | Path, *, source: str | Path | None = None,
                 changes: Sequence[ChangeEntry] = (), backups: BackupPolicy | None = None) -> SaveReport:
    """Save ``plan`` as ``target``, carrying over ``source``'s change log (copied with
    ``VACUUM INTO``, never a file copy). An existing target is replaced in one rename."""
    target, policy = Path(target), backups or BackupPolicy()
    if source is not None and Path(source).exists() and target.exists() and target.samefile(source):
        return save_plan(plan, target, changes, backups=policy)
    refuse_if_locked(target, "save over it")
    backup, problem = None, None
    if target.exists():
        try:
            inspect_file(target)
            backup = back_up(target, policy)
        except NotAPlanFileError:
            pass  # replacing some other file the user chose to overwrite
        except (*_WRITE_ERRORS, PlanFileError) as error:
            problem = f"no backup was kept of the file replaced ({error})"
    remove_old_temporaries(target)
    partial = temporary_beside(target)
    try:
        if source is not None and Path(source).exists():
            source = Path(source)
            recover_interrupted_save(source)
            inspect_file(source)
            _remove_database(partial)
            raw = connect(source, writable=False)  # mode=ro: the source cannot change
            try:
                raw.execute("PRAGMA query_only = OFF")  # VACUUM INTO writes only the new file
                raw.execute("VACUUM INTO ?", (str(partial),))
            finally:
                raw.close()
            _write_existing(plan, partial, changes)
        else:
            _create(plan, partial, changes)
        replace_file(partial, target)
        fsync_dir(target.parent)
    except PlanFileError as error:
        _remove_database(partial)
        if error.path == partial:
            raise type(error)(target, error.problem) from None
        raise
    except _WRITE_ERRORS as error:
        _remove_database(partial)
        raise write_error(target, error) from None
    return SaveReport(target, backup, problem)


def read_change_log(path: str | Path) -> list[ChangeEntry]:
    """The plan's change log, oldest first."""
    from datetime import datetime

    path = Path(path)
    inspect_file(path)
    try:
        with Database.open(path, writable=False) as db, db.transaction() as conn:
            rows = conn.execute(select(CHANGE_LOG).order_by("id")).all()
        return [ChangeEntry(r.what, r.old_value, r.new_value, r.user, datetime.fromisoformat(r.at))
                for r in rows]
    except _READ_ERRORS as error:
        raise read_error(path, error) from None


def refuse_if_locked(path: Path, doing: str) -> None:
    """PlanLockedError if another session holds ``path``'s lock (a stale lock too: it must be
    broken on purpose, by a person who knows that session has ended)."""
    holder = read_lock(path)
    if holder is None or holder.is_mine:
        return
    if holder.is_stale:
        raise StaleLockError(path, f"{holder.describe()} left this plan open and that session has ended "
                                   f"(it may have crashed); break the lock to {doing}", holder)
    raise PlanLockedError(path, f"{holder.describe()} has this plan open, so you cannot {doing}", holder)


def recover_interrupted_save(path: Path) -> None:
    """If a save was interrupted (a hot journal is beside the file), let SQLite roll it back
    now: that is the only write an open makes, and it restores the plan as last saved."""
    if not path.with_name(path.name + "-journal").exists():
        return
    try:
        with path.open("rb") as handle:
            if handle.read(len(SQLITE_MAGIC)) != SQLITE_MAGIC:
                return
        raw = connect(path, writable=True)  # reading the schema rolls a hot journal back
        try:
            raw.execute("SELECT count(*) FROM sqlite_master").fetchall()
        finally:
            raw.close()
    except _WRITE_ERRORS as error:
        raise PlanFileError(path, f"a save of this plan was interrupted and cannot be undone until the "
                                  f"file can be written ({error}); open it where you can write to it") from None


def quick_check(raw: sqlite3.Connection, path: Path) -> None:
    rows = raw.execute("PRAGMA quick_check").fetchall()
    if rows != [("ok",)]:
        lines = [line for r in rows for line in str(r[0]).splitlines() if line and not line.startswith("***")]
        found = "; ".join(lines[:2]) + (f"; and {len(lines) - 2} more" if len(lines) > 2 else "")
        raise CorruptPlanFileError(path, f"the file is damaged (SQLite's check found: {found})")


def _read(db: Database, path: Path) -> Plan:
    """Every table in one read transaction (one snapshot), through the driver alone."""
    db.raw.execute("BEGIN")
    try:
        if pragma_int(db.raw, "application_id") != APPLICATION_ID:
            raise NotAPlanFileError(path, "this is an SQLite database from another program, not a plan")
        return read_plan(db.raw, path)
    finally:
        if db.raw.in_transaction:
            db.raw.execute("ROLLBACK")


def _write_new(plan: Plan, path: Path, changes: Sequence[ChangeEntry]) -> None:
    remove_old_temporaries(path)
    partial = temporary_beside(path)
    try:
        _create(plan, partial, changes)
        replace_file(partial, path)
        fsync_dir(path.parent)
    except BaseException as error:
        _remove_database(partial)
        if isinstance(error, _WRITE_ERRORS):
            raise write_error(path, error) from None
        raise


def _create(plan: Plan, path: Path, changes: Sequence[ChangeEntry]) -> None:
    """A new plan file at ``path`` (which must not exist), written in one transaction."""
    _remove_database(path)
    with Database.open(path, writable=True) as db, db.transaction() as conn:
        db.raw.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        db.raw.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
        for statement in CREATE_SQL:
            conn.exec_driver_sql(statement)
        _insert(conn, plan, changes)


def _write_existing(plan: Plan, path: Path, changes: Sequence[ChangeEntry]) -> None:
    try:
        with Database.open(path, writable=True) as db, db.transaction() as conn:
            if pragma_int(db.raw, "application_id") != APPLICATION_ID:
                raise NotAPlanFileError(path, "this is not a specplan plan; it was not overwritten")
            apply_upgrades(db.raw, path)  # an older file becomes the newest format in this save
            for table in reversed(PLAN_TABLES):  # children first: no foreign key is ever broken
                conn.exec_driver_sql(f'DELETE FROM "{table.name}"')
            _insert(conn, plan, changes)
    except PlanFileError:
        raise
    except _WRITE_ERRORS as error:
        raise write_error(path, error) from None


def _insert(conn: Connection, plan: Plan, changes: Sequence[ChangeEntry]) -> None:
    """All rows of ``plan``: one executemany per table, on the transaction's own connection."""
    driver = conn.connection.driver_connection
    assert driver is not None  # the connection is open: the transaction is on it
    for table, rows in plan_rows(plan).items():
        if rows:
            driver.executemany(INSERT_SQL[table], rows)
    if changes:
        conn.execute(insert(CHANGE_LOG), [entry.row() for entry in changes])


def _remove_database(path: Path) -> None:
    remove_quietly(path, path.with_name(path.name + "-journal"))


def _with_hint(error: PlanFileError, policy: BackupPolicy) -> PlanFileError:
    """Damaged and empty files: say where the newest backup is."""
    if isinstance(error, (CorruptPlanFileError, EmptyPlanFileError)):
        hint = backup_hint(error.path, policy)
        if hint:
            return type(error)(error.path, error.problem + "." + hint)
    return error
