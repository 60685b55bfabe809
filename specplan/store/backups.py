"""Rotating backups: before each save, the plan as it was is kept; the newest ``keep`` remain.

Backups are copied with SQLite's backup API (a consistent snapshot, never a raw file copy) into
a hidden temporary file and renamed into place, so a half-written backup never exists. They
live in the user's data folder (``platformdirs``) or, if asked, in a folder beside the plan.
"""

from __future__ import annotations

import sqlite3
import time
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from .connection import connect
from .locations import data_dir, file_key, fsync_file, remove_quietly, temporary_beside

DEFAULT_KEEP = 5
UPGRADE_LABEL = "before upgrade"
_PARTIAL_MAX_AGE_SECONDS = 3600


@dataclass(frozen=True)
class BackupPolicy:
    """``keep`` backups per plan (0: none); in ``folder``, beside the plan, or the data folder."""

    keep: int = DEFAULT_KEEP
    folder: Path | None = None
    beside_plan: bool = False


def backup_folder(plan_path: Path, policy: BackupPolicy = BackupPolicy()) -> Path:
    if policy.beside_plan:
        return plan_path.parent / f"{plan_path.stem} backups"
    return (policy.folder or data_dir() / "backups") / file_key(plan_path)


def back_up(plan_path: Path, policy: BackupPolicy = BackupPolicy(), label: str = "") -> Path | None:
    """Copy the plan as it is now into its backup folder and drop the oldest beyond ``keep``."""
    if policy.keep <= 0 and not label:
        return None
    folder = backup_folder(plan_path, policy)
    folder.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now().strftime("%Y-%m-%d %H%M%S.%f")
    target = folder / f"{plan_path.stem} {stamp}{' ' + label if label else ''}.specplan"
    copy_database(plan_path, target)
    rotate(folder, policy.keep)
    return target


def copy_database(source: Path, target: Path) -> None:
    """A consistent copy of the SQLite file ``source`` at ``target`` (backup API, then rename)."""
    partial = temporary_beside(target, "partial")
    remove_quietly(partial)
    try:
        src = connect(source, writable=False)
        try:
            dst = sqlite3.connect(partial)
            try:
                src.backup(dst)
            finally:
                dst.close()
        finally:
            src.close()
        fsync_file(partial)
        partial.replace(target)
    except BaseException:
        remove_quietly(partial, partial.with_name(partial.name + "-journal"))
        raise


def list_backups(plan_path: Path, policy: BackupPolicy = BackupPolicy()) -> list[Path]:
    """The plan's backups, newest first (upgrade backups included)."""
    folder = backup_folder(plan_path, policy)
    if not folder.is_dir():
        return []
    return sorted(folder.glob("*.specplan"), key=lambda p: p.name, reverse=True)


def rotate(folder: Path, keep: int) -> None:
    """Keep the newest ``keep`` regular backups (upgrade backups stay); clear old partial files."""
    regular = sorted((p for p in folder.glob("*.specplan") if UPGRADE_LABEL not in p.name),
                     key=lambda p: p.name, reverse=True)
    remove_quietly(*regular[max(keep, 0):])
    now = time.time()
    for partial in folder.glob(".*partial-*"):  # left by a process killed while copying
        try:
            if now - partial.stat().st_mtime > _PARTIAL_MAX_AGE_SECONDS:
                remove_quietly(partial)
        except OSError:
            pass


def backup_hint(plan_path: Path, policy: BackupPolicy = BackupPolicy()) -> str:
    """A sentence pointing at the newest backup, for messages about a damaged file."""
    try:
        backups = list_backups(plan_path, policy)
    except OSError:
        return ""
    if not backups:
        return ""
    return f" The newest backup of this plan is {backups[0]}"
