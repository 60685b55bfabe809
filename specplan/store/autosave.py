"""Autosave: a recovery copy of unsaved edits, offered back after a crash.

The app makes one :class:`Autosave` per open document and calls :meth:`Autosave.write` every
few minutes while there are unsaved edits, and :meth:`Autosave.discard` after a save or when the
user closes without saving. At start-up, :func:`pending_recoveries` lists the copies whose
session ended without discarding them (a crash, a power cut); each :class:`Recovery` can be
loaded (an ordinary plan) or discarded. Copies live in the user's data folder, never beside
the plan, so a read-only or shared plan folder does not matter.
"""

from __future__ import annotations

import json
import os
import socket
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from ..domain import Plan
from .backups import BackupPolicy
from .files import open_plan, save_plan_as
from .locations import data_dir, fsync_file, remove_quietly, temporary_beside
from .locks import current_user, pid_alive

_NO_BACKUPS = BackupPolicy(keep=0)


def recovery_folder() -> Path:
    return data_dir() / "recovery"


@dataclass(frozen=True)
class Recovery:
    """A recovery copy left by a session that ended without saving or discarding it."""

    path: Path
    plan_path: Path | None  # the plan the edits belong to; None if it was never saved
    plan_name: str
    saved_at: datetime
    user: str
    host: str
    pid: int
    plan_modified: float | None  # the plan file's mtime when the copy was made

    def load(self) -> Plan:
        """The plan with the unsaved edits (a PlanFileError if the copy itself is damaged)."""
        return open_plan(self.path, read_only=True)

    @property
    def plan_changed_since(self) -> bool:
        """The plan file was saved after this copy was made (e.g. by someone else): ask first."""
        if self.plan_path is None or self.plan_modified is None:
            return False
        try:
            return self.plan_path.stat().st_mtime != self.plan_modified
        except OSError:
            return True

    def discard(self) -> None:
        remove_quietly(self.path, _sidecar(self.path))


class Autosave:
    """The recovery copy of one open document (one per document and process)."""

    def __init__(self, plan_path: str | Path | None = None, folder: Path | None = None):
        self.folder = folder or recovery_folder()
        self.plan_path = Path(plan_path).resolve() if plan_path else None
        stem = self.plan_path.stem if self.plan_path else "untitled"
        self.path = self.folder / f"{stem}-{uuid.uuid4().hex[:12]}.specplan"

    def write(self, plan: Plan) -> Path:
        """Replace the recovery copy with ``plan`` (atomically: a crash mid-write keeps the last)."""
        self.folder.mkdir(parents=True, exist_ok=True)
        save_plan_as(plan, self.path, backups=_NO_BACKUPS)
        modified = None
        if self.plan_path is not None and self.plan_path.exists():
            modified = self.plan_path.stat().st_mtime
        info = {"plan_path": str(self.plan_path) if self.plan_path else None, "plan_name": plan.name,
                "saved_at": datetime.now(UTC).isoformat(timespec="seconds"), "user": current_user(),
                "host": socket.gethostname(), "pid": os.getpid(), "plan_modified": modified}
        partial = temporary_beside(_sidecar(self.path))
        partial.write_text(json.dumps(info, indent=2), encoding="utf-8")
        fsync_file(partial)
        partial.replace(_sidecar(self.path))
        return self.path

    def retarget(self, plan_path: str | Path) -> None:
        """After Save As: later copies belong to the new file."""
        self.discard()
        self.plan_path = Path(plan_path).resolve()

    def discard(self) -> None:
        remove_quietly(self.path, _sidecar(self.path))


def pending_recoveries(folder: Path | None = None) -> list[Recovery]:
    """Recovery copies whose session has ended, newest first (a running session's are left alone)."""
    folder = folder or recovery_folder()
    found = []
    for sidecar in folder.glob("*.specplan.json") if folder.is_dir() else ():
        copy = sidecar.with_suffix("")
        try:
            info = json.loads(sidecar.read_text(encoding="utf-8"))
            recovery = Recovery(
                copy, Path(info["plan_path"]) if info["plan_path"] else None, str(info["plan_name"]),
                datetime.fromisoformat(info["saved_at"]), str(info["user"]), str(info["host"]),
                int(info["pid"]), info.get("plan_modified"))
        except (OSError, ValueError, KeyError, TypeError):
            continue  # half-written or foreign: not something to offer
        running = recovery.host == socket.gethostname() and pid_alive(recovery.pid)
        if copy.exists() and not running:
            found.append(recovery)
    return sorted(found, key=lambda r: r.saved_at, reverse=True)


def _sidecar(copy: Path) -> Path:
    return copy.with_name(copy.name + ".json")
