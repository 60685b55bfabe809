"""Excel speed: import a 250,000-row finance sheet, export the national plan, next to raw baselines.

    python benchmarks/excel.py [--repeat N] [--rows N]

Baselines, measured in the same run: a raw python-calamine read of the same file (the floor for
any import) and a raw xlsxwriter ``constant_memory`` write of the same cells the export writes
(the floor for any export). Goals (issue 4): import within 2x of the raw read, export within
1.3x of the raw write, peak memory under 500 MB. Peak memory is measured in a fresh process per
operation (its high-water mark), so the libraries' imports are included and nothing else.

The finance sheet is generated once and cached in the temporary folder: a title block, a
header, one row per provider, service line, ICB and setting of the national sample plan, and a
Total row; about 26,000 plan cells, each split over up to ten providers.
"""

from __future__ import annotations

import argparse
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

CACHE = Path(tempfile.gettempdir()) / "specplan-bench"
SHEET = "Budgets 2025-26"


def finance_sheet(rows: int) -> Path:
    """The cached finance workbook of ``rows`` data rows (written fast, in constant memory)."""
    import xlsxwriter

    from specplan.domain.samples import build_sample

    path = CACHE / f"finance-{rows}-v1.xlsx"
    if path.exists():
        return path
    CACHE.mkdir(exist_ok=True)
    plan = build_sample("national")
    partial = path.with_suffix(".partial.xlsx")
    book = xlsxwriter.Workbook(str(partial), {"constant_memory": True})
    sheet = book.add_worksheet(SHEET)
    sheet.write_string(0, 0, "Specialised commissioning budgets 2025/26 (ILLUSTRATIVE, generated)")
    sheet.write_string(1, 0, "All figures in £")
    sheet.write_row(3, 0, ["Provider", "Service line", "ICB code", "Setting", "Activity", "Annual budget £"])
    written, total = 0, 0
    for s, service in enumerate(plan.services):
        for i, icb in enumerate(plan.icbs):
            for k, setting in enumerate(plan.settings):
                for p in range(10):
                    if written == rows:
                        break
                    pence = (s * 7919 + i * 104729 + k * 1299709 + p * 15485863) % 9_000_000 + 100
                    total += pence
                    r = 4 + written
                    sheet.write_string(r, 0, f"R{p:02d}{i:02d}")
                    sheet.write_string(r, 1, service.code)
                    sheet.write_string(r, 2, icb.code)
                    sheet.write_string(r, 3, setting)
                    sheet.write_number(r, 4, float(pence % 997))
                    sheet.write_number(r, 5, pence / 100)
                    written += 1
    sheet.write_string(4 + written, 0, "Total")
    sheet.write_number(4 + written, 5, total / 100)
    book.close()
    partial.replace(path)
    return path


def raw_read(path: Path) -> int:
    from python_calamine import CalamineWorkbook

    book = CalamineWorkbook.from_path(str(path))
    rows = book.get_sheet_by_name(SHEET).to_python(skip_empty_area=False)
    book.close()
    return len(rows)


def do_import(path: Path, plan) -> int:
    from specplan.excel import import_baseline

    _, report = import_baseline(path, plan)
    assert report.control_matches, report.lines()
    return report.rows_read


def do_export(plan, out: Path) -> None:
    from specplan.excel import export_workbook

    export_workbook(plan, out)  # computes the results too, as the command does


def cells_of(path: Path) -> dict[str, list[list]]:
    from python_calamine import CalamineWorkbook

    book = CalamineWorkbook.from_path(str(path))
    return {name: book.get_sheet_by_name(name).to_python() for name in book.sheet_names}


def raw_write(cells: dict[str, list[list]], out: Path) -> None:
    """The same cells with plain xlsxwriter in constant_memory mode: no formats, tables or charts."""
    import xlsxwriter

    book = xlsxwriter.Workbook(str(out), {"constant_memory": True})
    for name, rows in cells.items():
        sheet = book.add_worksheet(name)
        write_string, write_number = sheet.write_string, sheet.write_number
        for r, row in enumerate(rows):
            for c, value in enumerate(row):
                if isinstance(value, str):
                    if value:
                        write_string(r, c, value)
                elif isinstance(value, bool):
                    sheet.write_boolean(r, c, value)
                else:
                    write_number(r, c, value)
    book.close()


def peak_mb(operation: str, rows: int) -> float:
    """Peak resident memory of a fresh process doing ``operation`` once."""
    out = subprocess.run([sys.executable, __file__, "--peak", operation, "--rows", str(rows)],
                         capture_output=True, text=True, check=True)
    return float(out.stdout.strip().splitlines()[-1])


def _peak_child(operation: str, rows: int) -> None:
    from specplan.domain.samples import build_sample

    plan = build_sample("national")
    if operation == "import":
        do_import(finance_sheet(rows), plan)
    elif operation == "read":
        raw_read(finance_sheet(rows))
    else:
        do_export(plan, CACHE / "peak-export.xlsx")
    print(_high_water_mb())


def _high_water_mb() -> float:
    """This process's peak resident memory. VmHWM, not ru_maxrss: a child's ru_maxrss can
    start from its parent's at fork, which would charge it the parent's memory."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024 / (1024 if sys.platform == "darwin" else 1)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--rows", type=int, default=250_000)
    parser.add_argument("--peak", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.peak:
        _peak_child(args.peak, args.rows)
        return
    from specplan.domain.samples import build_sample

    start = time.perf_counter()
    path = finance_sheet(args.rows)
    print(f"finance sheet: {path} ({path.stat().st_size / 2**20:.1f} MB; ready in {time.perf_counter() - start:.1f} s)")
    peaks = {operation: peak_mb(operation, args.rows) for operation in ("read", "import", "export")}
    plan = build_sample("national")
    out, raw_out = CACHE / "export.xlsx", CACHE / "raw-write.xlsx"
    do_export(plan, out)
    cells = cells_of(out)
    n_cells = sum(len(row) for rows in cells.values() for row in rows)
    print(f"national plan: {len(plan.services)} services x {len(plan.icbs)} ICBs x {len(plan.settings)} settings, "
          f"{len(plan.scenarios)} options; export writes {len(cells)} sheets, {n_cells:,} cells")
    timings: dict[str, list[float]] = {"raw read": [], "import": [], "raw write": [], "export": []}
    jobs = {"raw read": lambda: raw_read(path), "import": lambda: do_import(path, plan),
            "raw write": lambda: raw_write(cells, raw_out), "export": lambda: do_export(plan, out)}
    for _ in range(args.repeat):  # interleaved, so load from other processes falls on all alike
        for name, job in jobs.items():
            begin = time.perf_counter()
            job()
            timings[name].append(time.perf_counter() - begin)
    med = {name: statistics.median(values) for name, values in timings.items()}
    rows = do_import(path, plan)
    print(f"\nmedians of {args.repeat} runs (seconds)")
    print(f"  raw python-calamine read   {med['raw read']:7.2f}")
    print(f"  import-baseline ({rows:,} rows) {med['import']:7.2f}   {med['import'] / med['raw read']:.2f}x raw read "
          f"(goal within 2x)")
    print(f"  raw xlsxwriter write       {med['raw write']:7.2f}")
    print(f"  export (incl. engine)      {med['export']:7.2f}   {med['export'] / med['raw write']:.2f}x raw write "
          f"(goal within 1.3x)")
    print("\npeak memory, fresh process each (MB)")
    for operation, label in (("read", "raw calamine read"), ("import", "import-baseline"), ("export", "export")):
        print(f"  {label:18} {peaks[operation]:7.0f}   (goal under 500)")


if __name__ == "__main__":
    main()
