"""``specplan --self-test``: prove this installation works end to end, then exit 0 (or 1, saying why).

Opens a sample plan (the bundled .specplan file when there is one), recomputes it, renders every
main view offscreen and checks each image has content. Used on the installed and frozen app alike.
"""

from __future__ import annotations

import os
import sys
import tempfile
import traceback
from pathlib import Path


def run_self_test(out=sys.stdout) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    steps: list[tuple[str, object]] = [
        ("reference data", _reference),
        ("engine on the national sample", _engine),
        ("sample plan file", _sample_file),
        ("main views", _views),
        ("workbook export and import", _workbook),
        ("PDF report", _report),
    ]
    for name, step in steps:
        try:
            detail = step()
        except Exception as error:  # noqa: BLE001 - the point is to name any failure
            print(f"self-test FAILED at {name}: {type(error).__name__}: {error}", file=out)
            traceback.print_exc(file=sys.stderr)
            return 1
        print(f"ok  {name}: {detail}", file=out)
    print("self-test passed", file=out)
    return 0


def _reference() -> str:
    from .domain.reference import load_reference

    ref = load_reference()
    return f"{len(ref.regions)} regions, {len(ref.icbs)} ICBs, {len(ref.services)} service lines"


def _engine() -> str:
    from .domain.samples import build_sample
    from .engine import compute

    results = compute(build_sample("national"))
    for result in results.scenarios:
        expected = result.total_do_nothing - result.total("saving") + result.total("double_running")
        if (result.total_spend != expected).any():
            raise AssertionError(f"{result.name}: totals do not reconcile")
    return f"{len(results.scenarios)} options reconcile to the penny"


def _sample_file() -> str:
    from .paths import sample_plans_dir

    files = sorted(sample_plans_dir().glob("*.specplan"))
    if not files:
        return "no bundled .specplan files (samples are built in code)"
    from .store import open_plan

    plan = open_plan(files[0], read_only=True)
    return f"{files[0].name} opens ({plan.name})"


def _views() -> str:
    from PySide6.QtGui import QImage

    from .screenshots import render_views

    with tempfile.TemporaryDirectory() as folder:
        paths = render_views(Path(folder), 1366, 768)
        if not paths:
            raise AssertionError("no views were rendered")
        for path in paths:
            image = QImage(str(path))
            if image.isNull() or image.width() != 1366:
                raise AssertionError(f"{path.name} did not render")
            # A blank view is one colour; a drawn one has many.
            colours = {image.pixel(x, y) for x in range(0, 1366, 37) for y in range(0, 768, 29)}
            if len(colours) < 4:
                raise AssertionError(f"{path.name} is blank")
        return ", ".join(p.stem for p in paths)


def _workbook() -> str:
    from .domain.samples import build_sample
    from .excel import export_workbook, import_plan_workbook

    plan = build_sample("mh-collaborative")
    with tempfile.TemporaryDirectory() as folder:
        path = export_workbook(plan, Path(folder) / "plan.xlsx")
        if import_plan_workbook(path) != plan:
            raise AssertionError("the exported workbook did not read back as the same plan")
    return "exported and read back unchanged"


def _report() -> str:
    from .domain.samples import build_sample
    from .ui.report import write_report

    with tempfile.TemporaryDirectory() as folder:
        path = write_report(build_sample("mh-collaborative"), Path(folder) / "report.pdf")
        size = path.stat().st_size
        if size < 10_000:
            raise AssertionError(f"the report is only {size} bytes")
    return f"{size:,} bytes"
