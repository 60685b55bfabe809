"""Read a workbook's cells fast, and the facts about them that values alone hide.

python-calamine reads the values (about ten times faster than openpyxl) of xlsx, xlsm, xlsb,
xls and ods; CSV goes through the csv module. For xlsx and xlsm the sheet's XML is also scanned
(once, as bytes) for what calamine does not report: hidden rows and columns, and formulas,
above all formulas with no saved value, which calamine would read as blank and an import must
refuse rather than take as zero. Every file passes :func:`safety.sniff` first.
"""

from __future__ import annotations

import csv
import datetime
import io
import posixpath
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import ParseError, fromstring
from python_calamine import (
    CalamineError,
    CalamineWorkbook,
    PasswordError,
    SheetTypeEnum,
    SheetVisibleEnum,
)

from .errors import fail
from .safety import check_file, read_part

_ROW_HIDDEN = re.compile(rb'<row\b[^>]*?\bhidden="(?:1|true)"[^>]*>')
_COL_HIDDEN = re.compile(rb'<col\b[^>]*?\bhidden="(?:1|true)"[^>]*>')
_ATTR_R = re.compile(rb'\br="([A-Z]*)(\d+)"')
_ATTR_MIN_MAX = re.compile(rb'\bmin="(\d+)"[^>]*?\bmax="(\d+)"|\bmax="(\d+)"[^>]*?\bmin="(\d+)"')
_FORMULA = re.compile(rb'<c\b([^>]*)>\s*<f\b[^>]*?(?:/>|>[^<]*</f>)\s*(<v>[^<]*</v>|<v\s*/>)?')
_EXTENSIONS = {"xlsx": ("xlsx", "xlsm"), "xlsb": ("xlsb",), "xls": ("xls",), "ods": ("ods",)}
_NS_REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"

#: A cell's value as read: text (``""`` when blank), a number, a boolean, a date or a time.
Cell = int | float | str | bool | datetime.time | datetime.date | datetime.datetime | datetime.timedelta


@dataclass
class Sheet:
    """A sheet's values, ``rows[r][c]`` from cell A1 (zero-based; blank cells are ``""``)."""

    name: str
    rows: list[list[Cell]]
    hidden: bool = False
    hidden_rows: frozenset[int] = frozenset()
    hidden_cols: frozenset[int] = frozenset()
    merged: tuple[tuple[int, int, int, int], ...] = ()  # (first row, first col, last row, last col)
    formulas: int = 0
    uncached: tuple[tuple[int, int], ...] = ()  # formula cells with no saved value

    def value(self, row: int, col: int) -> object:
        if row < len(self.rows) and col < len(self.rows[row]):
            return self.rows[row][col]
        return ""


@dataclass
class Workbook:
    """An open workbook: its sheet names in order, which are hidden, and lazy sheet reading."""

    path: Path
    kind: str
    names: list[str]
    hidden_names: set[str] = field(default_factory=set)
    _book: CalamineWorkbook | None = None
    _csv_rows: list[list[Cell]] | None = None

    @property
    def visible_names(self) -> list[str]:
        return [n for n in self.names if n not in self.hidden_names]

    def sheet(self, name: str) -> Sheet:
        if name not in self.names:
            fail(self.path, f"there is no sheet called {name!r}; sheets: {', '.join(self.names)}")
        if self._csv_rows is not None:
            return Sheet(name, self._csv_rows)
        assert self._book is not None  # a workbook that is not CSV is opened with its book
        try:
            calamine_sheet = self._book.get_sheet_by_name(name)
            rows = calamine_sheet.to_python(skip_empty_area=False)
            merged = tuple((a[0], a[1], b[0], b[1]) for a, b in (calamine_sheet.merged_cell_ranges or ()))
        except CalamineError as error:
            fail(self.path, f"the file is damaged: sheet {name!r} could not be read ({error})", name)
        sheet = Sheet(name, rows, hidden=name in self.hidden_names, merged=merged)
        if self.kind == "xlsx":
            _scan_xml(self.path, name, sheet)
        return sheet

    def close(self) -> None:
        if self._book is not None:
            self._book.close()
            self._book = None

    def __enter__(self) -> Workbook:  # noqa: PYI034 (a dataclass, not subclassed)
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def open_workbook(path: str | Path) -> Workbook:
    """Sniff, check and open ``path``; raises ImportFileError for anything that is not a sound workbook."""
    path = Path(path)
    kind = check_file(path)
    if kind == "csv":
        return Workbook(path, kind, [path.stem], _csv_rows=_read_csv(path))
    try:
        if path.suffix.lower().lstrip(".") in _EXTENSIONS[kind]:
            book = CalamineWorkbook.from_path(str(path))
        else:  # by content, not extension: an xlsx named .xls still reads
            with path.open("rb") as handle:
                book = CalamineWorkbook.from_filelike(handle)
    except PasswordError:
        fail(path, "the workbook is password-protected; remove the password and save it again")
    except CalamineError as error:
        fail(path, f"the workbook could not be read; it may be damaged ({error})")
    names = [m.name for m in book.sheets_metadata if m.typ in (SheetTypeEnum.WorkSheet, SheetTypeEnum.MacroSheet)]
    hidden = {m.name for m in book.sheets_metadata if m.visible != SheetVisibleEnum.Visible}
    if not names:
        fail(path, "the workbook has no worksheets")
    return Workbook(path, kind, names, hidden, _book=book)


def _read_csv(path: Path) -> list[list[Cell]]:
    raw = path.read_bytes()
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            text = raw.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    try:
        dialect = csv.Sniffer().sniff(text[:65536], delimiters=",;\t|")
    except csv.Error:
        dialect = csv.excel
    rows = list(csv.reader(io.StringIO(text, newline=""), dialect))
    width = max((len(row) for row in rows), default=0)
    return [[*row, *[""] * (width - len(row))] for row in rows]  # rectangular, like calamine's


def _sheet_part(path: Path, archive: zipfile.ZipFile, name: str) -> str | None:
    """The zip member holding sheet ``name``, from workbook.xml and its relationships."""
    book = fromstring(read_part(path, archive, "xl/workbook.xml"))
    rels = fromstring(read_part(path, archive, "xl/_rels/workbook.xml.rels"))
    targets = {r.get("Id"): r.get("Target") for r in rels}
    for node in book.iter():
        if node.tag.endswith("}sheet") and node.get("name") == name:
            target = targets.get(node.get(_NS_REL)) or ""
            return target.lstrip("/") if target.startswith("/") else posixpath.normpath("xl/" + target)
    return None


def _scan_xml(path: Path, name: str, sheet: Sheet) -> None:
    """Hidden rows and columns, formula count and formulas without saved values (xlsx only)."""
    with zipfile.ZipFile(path) as archive:
        try:
            part = _sheet_part(path, archive, name)
        except DefusedXmlException:
            fail(path, "refused: the workbook's XML declares entities or a DTD, which real workbooks "
                       "never do (an XML bomb or an attempt to read other files?)")
        except (ParseError, KeyError) as error:
            fail(path, f"the workbook is damaged: its structure could not be read ({error})")
        if part is None or part not in archive.namelist():
            return
        data = read_part(path, archive, part)
    if b"<!DOCTYPE" in data[:4096] or b"<!ENTITY" in data[:4096]:
        fail(path, "refused: the sheet's XML declares entities or a DTD, which real workbooks never do "
                   "(an XML bomb or an attempt to read other files?)", name)
    hidden_rows: set[int] = set()
    has_hidden = b'hidden="' in data  # most sheets hide nothing: skip the scans
    for match in _ROW_HIDDEN.finditer(data) if has_hidden else ():
        r = _ATTR_R.search(match.group(0))
        if r:
            hidden_rows.add(int(r.group(2)) - 1)
    hidden_cols: set[int] = set()
    for match in _COL_HIDDEN.finditer(data) if has_hidden else ():
        bounds = _ATTR_MIN_MAX.search(match.group(0))
        if bounds:
            low, high = (bounds.group(1), bounds.group(2)) if bounds.group(1) else (bounds.group(4), bounds.group(3))
            hidden_cols.update(range(int(low) - 1, min(int(high), 16384)))
    sheet.hidden_rows, sheet.hidden_cols = frozenset(hidden_rows), frozenset(hidden_cols)
    if b"<f" not in data:
        return
    uncached, count = [], 0
    for match in _FORMULA.finditer(data):
        count += 1
        attrs, value = match.group(1), match.group(2)
        empty = value is None or value.startswith((b"<v/", b"<v ")) or value == b"<v></v>"
        if empty and b't="str"' not in attrs:
            ref = _ATTR_R.search(attrs)
            if ref:
                uncached.append((int(ref.group(2)) - 1, _col_index(ref.group(1).decode())))
    sheet.formulas, sheet.uncached = count, tuple(uncached)


def _col_index(letters: str) -> int:
    index = 0
    for char in letters:
        index = index * 26 + ord(char) - 64
    return index - 1


def is_blank(value: object) -> bool:
    return value is None or value == "" or (isinstance(value, str) and not value.strip())
