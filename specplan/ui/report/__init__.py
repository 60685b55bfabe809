"""The board report: an A4 PDF of a plan's options, with the app's charts and the engine's figures.

``write_report`` needs no window: it makes a QApplication when there is none (callers choose the
platform, e.g. ``QT_QPA_PLATFORM=offscreen``), and a failure never leaves half a PDF behind.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from ...domain.plan import Plan

_APP = None  # the QApplication made here, kept alive for the process


@dataclass(frozen=True)
class WrittenReport:
    path: Path
    pages: int
    options: tuple[str, ...]


def write_report(plan: Plan, path: Path, options: list[str] | None = None, unit: str = "gbp_m",
                 when: date | None = None) -> Path:
    """Write the report of ``plan`` (every option, or those named in ``options``) to ``path``."""
    return export_report(plan, path, options, unit, when).path


def export_report(plan: Plan, path: Path, options: list[str] | None = None, unit: str = "gbp_m",
                  when: date | None = None) -> WrittenReport:
    """As :func:`write_report`, also telling how many pages were written.

    Raises ValidationError for an option the plan does not have, OSError when the file cannot
    be written.
    """
    from ...engine import compute
    from .context import ReportContext, choose_options

    chosen = choose_options(plan, options)
    _application()
    from .charts import chart_images
    from .content import report_html
    from .pdf import write_pdf

    path = Path(path)
    results = compute(plan)
    context = ReportContext(plan, results, chosen, unit, when or date.today())
    context.images = chart_images(context)
    footer = f"{plan.name} · {context.date_text}"
    pages = write_pdf(lambda numbers: report_html(context, numbers), context.images, path,
                      f"{plan.name}: options appraisal", footer)
    return WrittenReport(path, pages, tuple(chosen))


def _application():
    """The running QApplication, or a new one (charts are widgets, so a QApplication it must be)."""
    global _APP
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    if app is None:
        app = _APP = QApplication(["specplan-report"])
    return app
