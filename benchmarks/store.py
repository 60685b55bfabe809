"""Plan-file speed on the national-scale sample plan, next to raw sqlite3 on the same rows.

    python benchmarks/store.py [--repeat N]

Prints medians (ms) of: saving a new file and saving over an existing one (``save_plan``, no
backups, then with the default backups), opening (``open_plan``, with its header check,
``quick_check`` and every type check), and raw ``sqlite3`` doing the same work with the same
rows and pragmas in the same run (``executemany`` in one transaction; ``fetchall`` of every
table). Then the peak memory of a save and an open. Goals (issue 3): save within 2x and load
within 1.5x of raw; peak memory for the national plan under 400 MB.
"""

from __future__ import annotations

import argparse
import gc
import resource
import sqlite3
import statistics
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

from specplan.domain.samples import build_sample
from specplan.store import BackupPolicy, open_plan, save_plan
from specplan.store.mapping import plan_rows
from specplan.store.tables import (
    APPLICATION_ID,
    CREATE_SQL,
    INSERT_SQL,
    PLAN_TABLES,
    SCHEMA_VERSION,
)

NO_BACKUPS = BackupPolicy(keep=0)


def medians_ms(ours, raw, repeat: int, setup=None) -> tuple[float, float]:
    """Medians of ``ours`` and ``raw``, run alternately so that a busy machine slows both alike."""
    times: tuple[list[float], list[float]] = ([], [])
    for n in range(repeat + 1):
        for function, into in ((ours, times[0]), (raw, times[1])):
            if setup:
                setup()
            gc.collect()
            start = time.perf_counter()
            function()
            if n:  # the first round warms up
                into.append((time.perf_counter() - start) * 1e3)
    return statistics.median(times[0]), statistics.median(times[1])


def raw_connect(path: Path) -> sqlite3.Connection:
    raw = sqlite3.connect(path, isolation_level=None)
    raw.execute("PRAGMA foreign_keys = ON")
    raw.execute("PRAGMA journal_mode = DELETE")
    raw.execute("PRAGMA synchronous = FULL")
    return raw


def raw_save(path: Path, rows: dict, fresh: bool) -> None:
    """The same rows through sqlite3 alone (rows already built, as raw code would hold them)."""
    raw = raw_connect(path)
    raw.execute("BEGIN IMMEDIATE")
    if fresh:
        raw.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        raw.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
        for statement in CREATE_SQL:
            raw.execute(statement)
    else:
        for table in reversed(PLAN_TABLES):
            raw.execute(f'DELETE FROM "{table.name}"')
    for name, table_rows in rows.items():
        if table_rows:
            raw.executemany(INSERT_SQL[name], table_rows)
    raw.execute("COMMIT")
    raw.close()


def raw_load(path: Path) -> None:
    raw = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, isolation_level=None)
    raw.execute("BEGIN")
    for table in PLAN_TABLES:
        raw.execute(f'SELECT * FROM "{table.name}"').fetchall()
    raw.execute("COMMIT")
    raw.close()


def peak_mb(function) -> float:
    gc.collect()
    tracemalloc.start()
    function()
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return peak / 2**20


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=15)
    args = parser.parse_args()
    plan = build_sample("national")
    rows = plan_rows(plan)
    n_rows = sum(len(r) for r in rows.values())
    print(f"plan: {plan.name}: {len(plan.services)} services x {len(plan.icbs)} ICBs x "
          f"{len(plan.settings)} settings; {len(rows['baseline_cell']):,} non-zero cells; "
          f"{n_rows:,} rows in all")
    with tempfile.TemporaryDirectory() as folder:
        new, raw_new = Path(folder, "new.specplan"), Path(folder, "raw-new.specplan")
        same, raw_same = Path(folder, "same.specplan"), Path(folder, "raw-same.specplan")

        def clear(*paths: Path):
            return lambda: [p.unlink(missing_ok=True) for p in paths]

        save_new, raw_new_ms = medians_ms(lambda: save_plan(plan, new, backups=NO_BACKUPS),
                                          lambda: raw_save(raw_new, rows, fresh=True), args.repeat,
                                          clear(new, raw_new))
        save_plan(plan, same, backups=NO_BACKUPS)
        raw_save(raw_same, rows, fresh=True)
        save_over, raw_over = medians_ms(lambda: save_plan(plan, same, backups=NO_BACKUPS),
                                         lambda: raw_save(raw_same, rows, fresh=False), args.repeat)
        backup_policy = BackupPolicy(keep=5, folder=Path(folder, "backups"))
        save_backup, _ = medians_ms(lambda: save_plan(plan, same, backups=backup_policy),
                                    lambda: None, args.repeat)
        load, raw_load_ms = medians_ms(lambda: open_plan(same, read_only=True),
                                       lambda: raw_load(raw_same), args.repeat)
        assert open_plan(same, read_only=True) == plan
        save_peak = peak_mb(lambda: save_plan(plan, same, backups=NO_BACKUPS))
        load_peak = peak_mb(lambda: open_plan(same, read_only=True))
        size = same.stat().st_size

    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / (2**20 if sys.platform == "darwin" else 2**10)
    print(f"file size: {size / 2**20:.2f} MiB")
    print(f"save, new file:            {save_new:7.1f} ms   raw sqlite3 {raw_new_ms:6.1f} ms  "
          f"({save_new / raw_new_ms:.2f}x)")
    print(f"save over existing:        {save_over:7.1f} ms   raw sqlite3 {raw_over:6.1f} ms  "
          f"({save_over / raw_over:.2f}x)")
    print(f"save over, with backup:    {save_backup:7.1f} ms")
    print(f"open (read-only):          {load:7.1f} ms   raw sqlite3 {raw_load_ms:6.1f} ms  "
          f"({load / raw_load_ms:.2f}x)")
    print(f"peak traced memory: save {save_peak:.1f} MiB, open {load_peak:.1f} MiB; "
          f"process peak RSS {rss:.0f} MiB")
    print("goals: save within 2x and open within 1.5x of raw sqlite3; peak memory under 400 MB")


if __name__ == "__main__":
    main()
