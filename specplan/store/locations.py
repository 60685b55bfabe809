"""Where specplan keeps its own files: backups and autosave recovery files, per user."""

from __future__ import annotations

import glob
import hashlib
import os
import time
from pathlib import Path

import platformdirs

#: Set to a folder to keep backups and recovery files there (portable installs, tests).
DATA_DIR_VARIABLE = "SPECPLAN_DATA_DIR"


def data_dir() -> Path:
    """The user's data folder for specplan (e.g. ``~/.local/share/specplan`` on Linux)."""
    override = os.environ.get(DATA_DIR_VARIABLE)
    if override:
        return Path(override)
    return Path(platformdirs.user_data_dir("specplan", appauthor=False))


def file_key(path: Path) -> str:
    """A short name for a plan that tells two plans of the same name in different folders apart."""
    digest = hashlib.sha256(str(Path(path).resolve()).encode("utf-8")).hexdigest()[:10]
    return f"{Path(path).stem}-{digest}"


def fsync_dir(folder: Path) -> None:
    """Make a rename in ``folder`` durable (POSIX; Windows has no directory handles to sync)."""
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def fsync_file(path: Path) -> None:
    with open(path, "rb+") as handle:
        os.fsync(handle.fileno())


def temporary_beside(path: Path, purpose: str = "tmp") -> Path:
    """A hidden file name in ``path``'s folder for writing before an atomic rename onto ``path``."""
    return path.with_name(f".{path.name}.{purpose}-{os.getpid()}")


def remove_old_temporaries(path: Path, max_age_seconds: float = 86_400) -> None:
    """Hidden temporary files beside ``path`` that a crash left more than a day ago (a younger
    one may belong to a save in progress on another computer sharing the folder)."""
    now = time.time()
    for temporary in path.parent.glob(f".{glob.escape(path.name)}.tmp-*"):
        try:
            if now - temporary.stat().st_mtime > max_age_seconds:
                temporary.unlink()
        except OSError:
            pass


def remove_quietly(*paths: Path) -> None:
    for path in paths:
        try:
            path.unlink(missing_ok=True)
        except OSError:
            pass
