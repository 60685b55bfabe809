"""Read a user's new ICB vintage from a workbook or CSV: one table, a row per (new ICB, old ICB).

The columns are those of :data:`specplan.domain.user_vintages.COLUMNS` (docs/model.md). A CSV
is read as the shipped reference files are (``#`` lines are its source note, rows are named by
their line); a workbook from its ``Vintage`` sheet, or its first visible sheet, with rows named
by sheet and row number, so a refused row can be found and fixed.
"""

from __future__ import annotations

from pathlib import Path

from ..domain.user_vintages import COLUMNS, add_vintage
from ..domain.vintage_files import Rows, read_rows, text_of
from ..domain.vintages import Vintage
from .errors import fail
from .reader import is_blank, open_workbook

SHEET = "Vintage"


def add_vintage_file(path: str | Path, folder: Path | None = None) -> Vintage:
    """Read, check and keep (per user, or in ``folder``) the vintage in a CSV or workbook; the
    command line and the app both add vintages through this. Refused with the file and row named."""
    if not Path(path).is_file():
        fail(path, f"no such file: {path}")
    rows, _, where = read_vintage_table(path)
    return add_vintage(rows, where, folder)


def read_vintage_table(path: str | Path) -> tuple[Rows, str, str]:
    """``(rows, notes, where)``: numbered rows as text, the source note, and the file (and sheet)
    to name in messages."""
    path = Path(path)
    if path.suffix.lower() in (".csv", ".txt"):
        rows, notes = read_rows(path)
        return rows, notes, str(path)
    with open_workbook(path) as book:
        name = SHEET if SHEET in book.names else book.visible_names[0]
        sheet = book.sheet(name)
    where = f"{path} sheet {name}"
    header = next((r for r, row in enumerate(sheet.rows)
                   if {"vintage", "code"} <= {str(v).strip().lower() for v in row}), None)
    if header is None:
        fail(path, "no header row with the columns " + ", ".join(COLUMNS), name)
        return [], "", where
    headers = [str(v).strip().lower() for v in sheet.rows[header]]
    found: Rows = []
    for number, values in enumerate(sheet.rows[header + 1:], start=header + 2):
        if all(is_blank(v) for v in values):
            continue
        found.append((number, text_of({h: v for h, v in zip(headers, values) if h})))
    return found, "", where
