"""Run a scenario's service rows in chunks on two cores.

Every figure of a service row depends on that row alone, so a scenario splits into chunks of
rows that run side by side (numpy lets go of the interpreter lock in its loops) and give the
same pence as one run. On the national plan this about halves an option's recompute, which is
most of a slider step.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from functools import cache
from typing import TypeVar

T = TypeVar("T")

#: Fewer rows than this per chunk and the threads' overhead outweighs what they share out.
MIN_ROWS = 24
_pool: ThreadPoolExecutor | None = None
_pool_pid = 0


@cache
def workers() -> int:
    return max(1, min(2, os.cpu_count() or 1))


def chunks(n_rows: int) -> list[slice]:
    """Slices of ``range(n_rows)``, one per worker when there are enough rows."""
    count = max(1, min(workers(), n_rows // MIN_ROWS))
    bounds = [n_rows * n // count for n in range(count + 1)]
    return [slice(start, stop) for start, stop in zip(bounds, bounds[1:])]


def map_chunks(run: Callable[[slice], T], parts: list[slice]) -> list[T]:
    """``run`` on every chunk: the first on the calling thread, the others on the pool."""
    global _pool, _pool_pid
    if len(parts) == 1:
        return [run(parts[0])]
    if _pool is None or _pool_pid != os.getpid():  # a forked child has the pool but not its thread
        _pool = ThreadPoolExecutor(max_workers=workers() - 1, thread_name_prefix="specplan-engine")
        _pool_pid = os.getpid()
    others = [_pool.submit(run, part) for part in parts[1:]]
    first = run(parts[0])
    return [first] + [future.result() for future in others]
