"""Process-wide tuning that the numpy engine benefits from."""

from __future__ import annotations

import ctypes
import sys

_M_TRIM_THRESHOLD = -1
_M_MMAP_THRESHOLD = -3


def tune_allocator() -> None:
    """Keep freed numpy temporaries in the heap instead of returning them to the OS.

    glibc serves blocks over 128 KiB with fresh mmap pages and unmaps them on free, so every
    temporary array of the cube page-faults anew; on virtual machines that makes elementwise
    numpy work up to 9x slower (benchmarks/engine.py). Raising both thresholds keeps them
    reusable. Linux/glibc only; elsewhere a no-op.
    """
    if not sys.platform.startswith("linux"):
        return
    try:
        libc = ctypes.CDLL("libc.so.6")
        libc.mallopt(_M_MMAP_THRESHOLD, 256 * 1024 * 1024)
        libc.mallopt(_M_TRIM_THRESHOLD, 512 * 1024 * 1024)
    except (OSError, AttributeError):
        pass  # not glibc (e.g. musl): leave the allocator as it is
