"""Writing workbooks: exact numbers, text that stays text, and no half-written files.

xlsxwriter is used for speed. Three things are set here once for every workbook specplan writes:
numbers are written with Python's shortest exact ``repr`` (xlsxwriter's 16 significant digits
would change some fractions, and a plan must read back identical); strings are never turned into
formulas, links or numbers (a service called ``=HYPERLINK(...)`` stays text); and the file is
written beside its target and moved over it only once complete.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

import xlsxwriter
from xlsxwriter.format import Format
from xlsxwriter.worksheet import Worksheet

from ..domain.errors import UserError
from ..domain.files import atomic_path

#: Excel's limit on the text of one cell.
MAX_CELL_TEXT = 32_767
MONEY = "£#,##0"
MONEY_PENCE = "£#,##0.00"

#: A worksheet's writer of one kind of cell: (row, column, value, format); the value is text or a
#: number as the writer's kind says.
CellWriter = Callable[[int, int, Any, Format | None], object]


class ExportError(UserError):
    """A workbook could not be written (an unwritable folder, a value Excel cannot hold)."""


class ExactWorksheet(Worksheet):
    """A worksheet that writes every number so that it reads back as the same float."""

    def _xml_number_element(self, number: float, attributes: Sequence[tuple[str, object]] = []) -> None:  # noqa: B006 (xlsxwriter's signature)
        attrs = "".join(f' {key}="{value}"' for key, value in attributes)
        # XMLwriter's __init__ sets fh to None, so its inferred type is None; it is a file by now.
        self.fh.write(f"<c{attrs}><v>{float(number)!r}</v></c>")  # type: ignore[attr-defined]


class SafeWorkbook(xlsxwriter.Workbook):
    """xlsxwriter with exact numbers and literal strings (see the module note)."""

    worksheet_class = ExactWorksheet

    def __init__(self, filename: str, options: dict[str, Any] | None = None):
        settings = {"strings_to_formulas": False, "strings_to_urls": False, "strings_to_numbers": False,
                    "use_zip64": True}
        super().__init__(filename, settings | (options or {}))


@contextlib.contextmanager
def atomic_workbook(target: str | Path, options: dict[str, Any] | None = None) -> Iterator[SafeWorkbook]:
    """A workbook written to a temporary file in the target's folder, then moved over the target
    with the mode an ordinary save gives (``domain.files``).

    If anything fails, the temporary file is removed and the target is left as it was.
    """
    target = Path(target)
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise ExportError(f"cannot write {target}: the folder {folder} does not exist")
    if not os.access(folder, os.W_OK | os.X_OK):
        raise ExportError(f"cannot write in {folder}: permission denied")
    try:
        with atomic_path(target, ".xlsx.tmp") as temp:
            book = SafeWorkbook(str(temp), options)
            yield book
            book.close()
    except PermissionError as error:
        raise ExportError(f"cannot write {target}: {error.strerror} (is it open in Excel?)") from None


def fast_writer(sheet: Worksheet, kind: str) -> CellWriter:
    """The worksheet's writer for ``kind`` ("string" or "number") without the public method's
    argument conversion (A1 notation), which costs a tenth of a large export. Falls back to the
    public method should a future xlsxwriter rename the private one."""
    writer: CellWriter = getattr(sheet, f"_write_{kind}", None) or getattr(sheet, f"write_{kind}")
    return writer


def write_text(sheet: Worksheet, row: int, col: int, text: str, fmt: Format | None = None) -> None:
    """Text as a literal string (never a formula); refuses text Excel would cut short."""
    if len(text) > MAX_CELL_TEXT:
        raise ExportError(f"{sheet.name}: a text of {len(text):,} characters is longer than Excel's "
                          f"{MAX_CELL_TEXT:,} per cell ({text[:40]!r}...)")
    if text:
        sheet.write_string(row, col, text, fmt)


def write_value(sheet: Worksheet, row: int, col: int, value: object, fmt: Format | None = None) -> None:
    """A cell by its Python type: None blank, bool, number or text."""
    if value is None:
        return
    if isinstance(value, bool):
        sheet.write_boolean(row, col, value, fmt)
    elif isinstance(value, (int, float)):
        sheet.write_number(row, col, value, fmt)
    else:
        write_text(sheet, row, col, str(value), fmt)


def write_rows(sheet: Worksheet, top: int, rows: Sequence[Sequence[object]],
               formats: Sequence[Format | None] | None = None) -> None:
    """Rows of values from ``top``; ``formats[c]`` formats column ``c``.

    Written a column at a time with one writer per column type: far fewer checks per cell than
    :func:`write_value`, which matters for a 26,000-row baseline.
    """
    formats = formats or []
    width = max((len(r) for r in rows), default=0)
    for c, values in enumerate(zip(*([*r, *[None] * (width - len(r))] for r in rows))):
        fmt = formats[c] if c < len(formats) else None
        present = [v for v in values if v is not None]
        if all(type(v) is str for v in present):
            longest = max(present, key=len, default="")
            write_text(sheet, top, c, longest if len(longest) > MAX_CELL_TEXT else "", fmt)  # raises if too long
            write = fast_writer(sheet, "string")
            for r, value in enumerate(values, start=top):
                if value:
                    write(r, c, value, fmt)
        elif all(type(v) in (int, float) for v in present):
            write = fast_writer(sheet, "number")
            for r, value in enumerate(values, start=top):
                if value is not None:
                    write(r, c, value, fmt)
        else:
            for r, value in enumerate(values, start=top):
                write_value(sheet, r, c, value, fmt)


def widths(headers: Sequence[str], rows: Sequence[Sequence[object]], minimum: int = 8, maximum: int = 60) -> list[float]:
    """Column widths that fit the header and the longest value (as displayed, roughly)."""
    result = []
    for c, header in enumerate(headers):
        longest = len(header)
        for row in rows[:2000]:  # a sample is enough, and keeps large sheets fast
            value = row[c] if c < len(row) else None
            if isinstance(value, str):
                longest = max(longest, len(value))
            elif isinstance(value, float):
                longest = max(longest, len(f"{value:,.0f}") + 2)
        result.append(float(min(max(longest + 2, minimum), maximum)))
    return result


def set_widths(sheet: Worksheet, sizes: list[float]) -> None:
    for c, size in enumerate(sizes):
        sheet.set_column(c, c, size)
