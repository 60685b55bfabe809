"""Plan files: SQLite documents written through SQLModel that never lose work.

``open_plan`` / ``save_plan`` / ``save_plan_as`` are the stateless file operations (scripts, the
command line); :class:`PlanFile` is an open document for the app: it holds the lock, logs
changes and keeps backups. :mod:`.autosave` keeps recovery copies of unsaved edits.
"""

from .backups import BackupPolicy, list_backups
from .changes import ChangeEntry, diff_plans
from .document import PlanFile
from .errors import (
    CorruptPlanFileError,
    DiskFullError,
    EmptyPlanFileError,
    ForeignDatabaseError,
    InvalidPlanFileError,
    MigrationError,
    NewerPlanVersionError,
    NotAPlanFileError,
    PlanFileError,
    PlanLockedError,
    PlanNotFoundError,
    PlanWriteError,
    ReadOnlyPlanError,
    SpreadsheetFileError,
    StaleLockError,
    TruncatedPlanFileError,
)
from .files import SaveReport, open_plan, read_change_log, save_plan, save_plan_as
from .tables import APPLICATION_ID, SCHEMA_VERSION

__all__ = [
    "APPLICATION_ID", "SCHEMA_VERSION", "BackupPolicy", "ChangeEntry", "CorruptPlanFileError",
    "DiskFullError", "EmptyPlanFileError", "ForeignDatabaseError", "InvalidPlanFileError",
    "MigrationError", "NewerPlanVersionError", "NotAPlanFileError", "PlanFile", "PlanFileError",
    "PlanLockedError", "PlanNotFoundError", "PlanWriteError", "ReadOnlyPlanError", "SaveReport",
    "SpreadsheetFileError", "StaleLockError", "TruncatedPlanFileError", "diff_plans",
    "list_backups", "open_plan", "read_change_log", "save_plan", "save_plan_as",
]
