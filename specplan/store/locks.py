"""Lock files: ``plan.specplan-lock`` beside a plan says who has it open, in words a person reads.

SQLite's own locks last only for one transaction; a plan is open for hours, and two people
editing one copy on a shared drive would overwrite each other's work at the next save. The
lock is advisory: a second opener is told who has the plan and may open it read-only. A lock
is stale (and can be broken) when its process is gone from this computer or it is more than
a day old; a session refreshes its lock now and then so that a long one is not taken as stale.
"""

from __future__ import annotations

import getpass
import json
import os
import socket
import sys
from dataclasses import asdict, dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

STALE_AFTER = timedelta(days=1)
SUFFIX = "-lock"


@dataclass(frozen=True)
class LockInfo:
    user: str
    host: str
    pid: int
    time: str  # ISO 8601, UTC

    @classmethod
    def mine(cls) -> LockInfo:
        return cls(current_user(), socket.gethostname(), os.getpid(), datetime.now(UTC).isoformat(timespec="seconds"))

    @property
    def is_mine(self) -> bool:
        return self.host == socket.gethostname() and self.pid == os.getpid()

    @property
    def is_stale(self) -> bool:
        """The owning process has ended on this computer, or the lock is more than a day old."""
        if self.host == socket.gethostname() and not pid_alive(self.pid):
            return True
        try:
            taken = datetime.fromisoformat(self.time)
        except ValueError:
            return True
        if taken.tzinfo is None:
            taken = taken.replace(tzinfo=UTC)
        return datetime.now(UTC) - taken > STALE_AFTER

    def describe(self) -> str:
        try:
            since = datetime.fromisoformat(self.time).astimezone().strftime("%d %b %Y %H:%M")
        except ValueError:
            since = self.time
        return f"{self.user} on {self.host} (process {self.pid}) since {since}"


def lock_path(plan_path: Path) -> Path:
    return plan_path.with_name(plan_path.name + SUFFIX)


def read_lock(plan_path: Path) -> LockInfo | None:
    """Who holds ``plan_path`` (None if nobody). An unreadable lock file counts as a stale lock."""
    try:
        text = lock_path(plan_path).read_text(encoding="utf-8")
    except FileNotFoundError:
        return None
    except OSError:
        text = ""
    try:
        data = json.loads(text)
        return LockInfo(str(data["user"]), str(data["host"]), int(data["pid"]), str(data["time"]))
    except (ValueError, KeyError, TypeError):
        return LockInfo("someone", "an unknown computer", 0, "")


def try_lock(plan_path: Path) -> LockInfo | None:
    """Take the lock; None if we hold it now, else whoever holds it (we did not take it)."""
    path = lock_path(plan_path)
    mine = LockInfo.mine()
    for _ in range(3):
        try:
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)  # less the umask
        except FileExistsError:
            holder = read_lock(plan_path)
            if holder is None:
                continue  # released meanwhile: try again
            if holder.is_mine:
                refresh_lock(plan_path)
                return None
            return holder
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(_text(mine))
        return None
    return read_lock(plan_path)


def refresh_lock(plan_path: Path) -> None:
    """Rewrite our lock with the time now (a session open for days must not look stale)."""
    holder = read_lock(plan_path)
    if holder is not None and holder.is_mine:
        lock_path(plan_path).write_text(_text(LockInfo.mine()), encoding="utf-8")


def release_lock(plan_path: Path) -> None:
    """Remove the lock if it is ours (never someone else's)."""
    holder = read_lock(plan_path)
    if holder is not None and holder.is_mine:
        lock_path(plan_path).unlink(missing_ok=True)


def break_lock(plan_path: Path, expected: LockInfo | None = None) -> None:
    """Remove another session's lock, e.g. after a crash. If ``expected`` is given, only that lock
    (so a lock taken afresh by someone since the user was asked is left alone)."""
    holder = read_lock(plan_path)
    if holder is not None and (expected is None or holder == expected):
        lock_path(plan_path).unlink(missing_ok=True)


def current_user() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError, ImportError):  # no user name in the environment or password file
        return "unknown user"


def pid_alive(pid: int) -> bool:
    """Whether process ``pid`` runs on this computer (a reused pid counts as alive: not stale)."""
    if pid <= 0:
        return False
    if sys.platform == "win32":
        return _windows_pid_alive(pid)
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


# Defined on Windows only, where ctypes has WinDLL (and type checkers know it has).
if sys.platform == "win32":
    def _windows_pid_alive(pid: int) -> bool:
        import ctypes

        kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)
        handle = kernel32.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
        if not handle:
            return ctypes.get_last_error() == 5  # access denied: it exists
        try:
            code = ctypes.c_ulong()
            kernel32.GetExitCodeProcess(handle, ctypes.byref(code))
            return code.value == 259  # STILL_ACTIVE
        finally:
            kernel32.CloseHandle(handle)


def _text(info: LockInfo) -> str:
    return json.dumps({"app": "specplan", **asdict(info)}, indent=2) + "\n"
