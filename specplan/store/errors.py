"""Typed errors about plan files: each message names the file, what is wrong and what to do.

They subclass :class:`~specplan.domain.errors.UserError`, so the UI shows them and the command
line prints them and exits 2, with no traceback.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from ..domain.errors import UserError


class PlanFileError(UserError):
    """A plan file could not be opened or saved; ``path`` is the file, ``problem`` the reason."""

    def __init__(self, path: str | Path, problem: str):
        self.path = Path(path)
        self.problem = problem
        super().__init__(f"{self.path}: {problem}")


class PlanNotFoundError(PlanFileError):
    """There is no file at the path (or it is a folder)."""


class NotAPlanFileError(PlanFileError):
    """The file is something other than a specplan plan (not SQLite, or a zip, or a PDF...)."""


class SpreadsheetFileError(NotAPlanFileError):
    """An Excel workbook (or other zip or OLE file) renamed to ``.specplan``."""


class ForeignDatabaseError(NotAPlanFileError):
    """An SQLite database written by some other program."""


class EmptyPlanFileError(PlanFileError):
    """A file of 0 bytes: usually an interrupted copy."""


class CorruptPlanFileError(PlanFileError):
    """The file is a specplan plan but damaged: SQLite reports corruption or values are broken."""


class TruncatedPlanFileError(CorruptPlanFileError):
    """The file is shorter than its own header says: cut off during a copy or download."""


class InvalidPlanFileError(CorruptPlanFileError):
    """The file reads, but the plan in it breaks the plan's rules (e.g. edited by another tool)."""


class NewerPlanVersionError(PlanFileError):
    """Saved by a newer specplan whose file format this version does not know."""


class MigrationError(PlanFileError):
    """Upgrading an older file format failed; the file was left as it was."""


class PlanLockedError(PlanFileError):
    """Someone else has the plan open; ``holder`` is their :class:`~specplan.store.locks.LockInfo`."""

    def __init__(self, path: str | Path, problem: str, holder: object = None):
        self.holder = holder
        super().__init__(path, problem)


class StaleLockError(PlanLockedError):
    """A lock left by a session that ended without closing (crash, power cut); it can be broken."""


class ReadOnlyPlanError(PlanFileError):
    """The plan was opened read-only, so it cannot be saved in place."""


class PlanWriteError(PlanFileError):
    """Saving failed (I/O error, no permission); the file on disk is as it was before the save."""


class DiskFullError(PlanWriteError):
    """The disk (or quota) filled up during a save; the file on disk is as it was before."""


UNCHANGED = "the file on disk is unchanged (as it was before this save)"

# sqlite3 primary result codes (the low byte of an extended code).
_SQLITE_IOERR, _SQLITE_FULL, _SQLITE_CANTOPEN, _SQLITE_READONLY, _SQLITE_BUSY = 10, 13, 14, 8, 5
_SQLITE_CORRUPT, _SQLITE_NOTADB, _SQLITE_PERM = 11, 26, 3


def write_error(path: Path, error: BaseException, doing: str = "save") -> PlanFileError:
    """Turn an exception raised while writing ``path`` into a PlanFileError saying what to do."""
    if isinstance(error, PlanFileError):
        return error
    code = _primary_code(error)
    detail = _detail(error)
    if code == _SQLITE_FULL or getattr(error, "errno", None) in (28, 122):  # ENOSPC, EDQUOT
        return DiskFullError(path, f"could not {doing}: the disk is full ({detail}); {UNCHANGED}. "
                                   "Free some space and save again, or use Save As to another drive")
    if code == _SQLITE_BUSY:
        return PlanWriteError(path, f"could not {doing}: another program is using the file ({detail}); "
                                    f"{UNCHANGED}. Try again in a moment")
    if code in (_SQLITE_READONLY, _SQLITE_CANTOPEN, _SQLITE_PERM) or isinstance(error, PermissionError):
        return PlanWriteError(path, f"could not {doing}: the file or its folder cannot be written "
                                    f"({detail}); {UNCHANGED}. Use Save As to another folder")
    if code in (_SQLITE_CORRUPT, _SQLITE_NOTADB):
        return CorruptPlanFileError(path, f"could not {doing}: the file is damaged ({detail}); {UNCHANGED}")
    return PlanWriteError(path, f"could not {doing}: input/output error ({detail}); {UNCHANGED}. "
                                "Check the drive or network connection and save again")


def read_error(path: Path, error: BaseException) -> PlanFileError:
    """Turn an exception raised while reading ``path`` into a PlanFileError."""
    if isinstance(error, PlanFileError):
        return error
    code = _primary_code(error)
    detail = _detail(error)
    if code == _SQLITE_BUSY:
        return PlanFileError(path, f"another program is writing the file ({detail}); try again in a moment")
    if code in (_SQLITE_CANTOPEN, _SQLITE_PERM) or isinstance(error, PermissionError):
        return PlanFileError(path, f"the file cannot be read ({detail}); check its permissions")
    if code == _SQLITE_IOERR or (isinstance(error, OSError) and not isinstance(error, sqlite3.Error)):
        return PlanFileError(path, f"input/output error while reading ({detail}); check the drive "
                                   "or network connection")
    return CorruptPlanFileError(path, f"the file is damaged and cannot be read ({detail}). "
                                      "Open one of its backups instead")


def _detail(error: BaseException, limit: int = 200) -> str:
    """The error's own words on one line, not too long (SQLite may quote a whole schema)."""
    orig = getattr(error, "orig", None)
    if isinstance(orig, BaseException):  # SQLAlchemy's wrapper adds the statement
        error = orig
    text = " ".join(str(error).split()) or type(error).__name__
    return text if len(text) <= limit else text[: limit - 3] + "..."


def _primary_code(error: BaseException) -> int | None:
    seen: set[int] = set()
    current: BaseException | None = error
    while current is not None and id(current) not in seen:  # SQLAlchemy wraps the sqlite3 error
        seen.add(id(current))
        code = getattr(current, "sqlite_errorcode", None)
        if isinstance(code, int):
            return code & 0xFF
        orig = getattr(current, "orig", None)
        current = orig if isinstance(orig, BaseException) else current.__cause__
    return None
