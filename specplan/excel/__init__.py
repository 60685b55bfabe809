"""Excel in and out: finance spreadsheets and plan workbooks, read safely and written for people.

Importing this package checks that openpyxl parses XML through defusedxml (see ``safety``).
"""

from . import safety  # noqa: F401  (refuses to load unless defusedxml is active)
from .baseline_import import import_baseline
from .errors import ImportFileError, Problem
from .export import export_workbook
from .plan_import import import_plan_workbook, read_plan_workbook
from .report import ImportReport
from .template import write_template
from .writer import ExportError

__all__ = ["ExportError", "ImportFileError", "ImportReport", "Problem", "export_workbook", "import_baseline",
           "import_plan_workbook", "read_plan_workbook", "write_template"]
