"""Writing a file safely: beside its target, then renamed over it, with an ordinary file's mode.

Every file specplan writes (plan files, workbooks, templates, PDF reports) goes to a temporary
file in the target's folder and is renamed onto the target only when complete, so a failure
leaves the target as it was. ``tempfile.mkstemp`` makes that temporary file 0600, and a rename
keeps the temporary's mode, so without care a colleague could not open an export in a shared
folder. Here the finished file gets the mode an ordinary save would give it: the mode of the file
it replaces, or for a new file 0666 less the user's umask.

Plain ``os`` calls only, so the store, excel and ui layers can all use it.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
import threading
from collections.abc import Iterator
from pathlib import Path

_UMASK_LOCK = threading.Lock()


def current_umask() -> int:
    """The process's umask (read from /proc where it can be, else set and restored at once)."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError):
        pass
    with _UMASK_LOCK:
        mask = os.umask(0o022)
        os.umask(mask)
    return mask


def ordinary_mode(target: str | Path) -> int:
    """The mode a save to ``target`` should leave: the replaced file's, else 0666 less the umask."""
    try:
        return stat.S_IMODE(os.stat(target).st_mode)
    except FileNotFoundError:
        return 0o666 & ~current_umask()


def replace_file(temporary: str | Path, target: str | Path, mode: int | None = None) -> None:
    """Rename the finished ``temporary`` onto ``target`` with ``mode`` (default: :func:`ordinary_mode`)."""
    os.chmod(temporary, ordinary_mode(target) if mode is None else mode)
    os.replace(temporary, target)


@contextlib.contextmanager
def atomic_path(target: str | Path, suffix: str = ".tmp") -> Iterator[Path]:
    """A temporary path beside ``target`` to write; renamed onto ``target`` (with an ordinary
    file's mode) when the block ends normally, removed when it raises."""
    target = Path(target)
    folder = target.parent if str(target.parent) else Path(".")
    handle, name = tempfile.mkstemp(prefix=f".{target.stem}-", suffix=suffix, dir=folder)
    os.close(handle)
    temporary = Path(name)
    try:
        yield temporary
        replace_file(temporary, target)
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.remove(temporary)
