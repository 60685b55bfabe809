"""Excel in and out: finance spreadsheets and plan workbooks, read safely and written for people.

Importing this package checks that openpyxl parses XML through defusedxml (see ``safety``).
"""

from . import safety  # noqa: F401  (asserts defusedxml is active)
from .baseline_import import import_baseline
from .errors import ImportFileError, Problem
from .report import ImportReport

__all__ = ["ImportFileError", "ImportReport", "Problem", "import_baseline"]
