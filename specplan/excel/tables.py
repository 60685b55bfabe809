"""Read a canonical sheet as a table: find its header, then hand out typed cells or problems.

Used by the plan workbook import. Each getter returns a value or None and, when the cell is
wrong, records a problem naming the cell (``Growth!D5: rate "abc" is not a number``), so one
pass finds every problem in the sheet.
"""

from __future__ import annotations

from collections.abc import Container, Iterator, Sequence

from .errors import Problems, cell_ref, column_letter
from .money import MoneyError, describe_cell, parse_decimal, parse_number
from .names import code_text, normal
from .reader import Cell, Sheet, is_blank

HEADER_ROWS = 10


class Table:
    """The rows of one sheet below its header row, with column positions by name."""

    def __init__(self, sheet: Sheet, columns: tuple[str, ...], required: tuple[str, ...], problems: Problems):
        self.sheet, self.problems, self.name = sheet, problems, sheet.name
        self.columns: dict[str, int] = {}
        self.header = -1
        wanted = {normal(c): c for c in columns}
        for index, row in enumerate(sheet.rows[:HEADER_ROWS]):
            found = {wanted[normal(v)]: c for c, v in enumerate(row) if isinstance(v, str) and normal(v) in wanted}
            if all(r in found for r in required):
                self.header, self.columns = index, found
                break
        if self.header < 0:
            names = ", ".join(required)
            problems.add(f"no header row with the columns {names} in the first {HEADER_ROWS} rows", sheet.name)
        self._uncached = {(r, c) for r, c in sheet.uncached}
        self._rows: list[tuple[int, list[Cell]]] | None = None

    @property
    def found(self) -> bool:
        return self.header >= 0

    def rows(self) -> list[tuple[int, list[Cell]]]:
        """``(row index, row)`` for each row below the header that is not blank in our columns."""
        if self._rows is None:
            self._rows = list(self._scan()) if self.found else []
        return self._rows

    def _scan(self) -> Iterator[tuple[int, list[Cell]]]:
        used = list(self.columns.values())
        for r in range(self.header + 1, len(self.sheet.rows)):
            row = self.sheet.rows[r]
            if all(is_blank(row[c]) if c < len(row) else True for c in used):
                continue
            bad = [c for c in used if (r, c) in self._uncached]
            for c in bad:
                self.problems.add("formula has no saved value; open the workbook in Excel, let it "
                                  "calculate and save", self.name, cell_ref(r, c))
            if not bad:
                yield r, row

    def where(self, r: int, column: str) -> str:
        return cell_ref(r, self.columns.get(column, 0))

    def problem(self, r: int, column: str, message: str) -> None:
        self.problems.add(message, self.name, self.where(r, column))

    def raw(self, row: Sequence[Cell], column: str) -> object:
        c = self.columns.get(column)
        return row[c] if c is not None and c < len(row) else ""

    def blank(self, row: Sequence[Cell], column: str) -> bool:
        return is_blank(self.raw(row, column))

    def text(self, r: int, row: Sequence[Cell], column: str, required: bool = False, strip: bool = True,
             label: str | None = None) -> str | None:
        """The cell as text (numbers typed as codes become ``"123"``); ``label`` names it in messages."""
        value = self.raw(row, column)
        if not strip and isinstance(value, str) and value != "":
            return value  # free text keeps its spaces, so a plan reads back exactly
        if is_blank(value):
            if required:
                self.problem(r, column, f"{label or column} is blank")
            return None
        if isinstance(value, str):
            return value.strip() if strip else value
        return code_text(value)

    def number(self, r: int, row: Sequence[Cell], column: str, required: bool = False, percent: bool = False,
               label: str | None = None) -> float | None:
        value = self.raw(row, column)
        label = label or column
        if is_blank(value):
            if required:
                self.problem(r, column, f"{label} is blank")
            return None
        try:
            if percent and isinstance(value, str) and value.strip().endswith("%"):
                number = parse_decimal(value.strip()[:-1], money=False)
                return None if number is None else float(number / 100)
            return parse_number(value)
        except MoneyError as error:
            self.problem(r, column, f"{label} {describe_cell(value)} {error}")
            return None

    def whole(self, r: int, row: Sequence[Cell], column: str, required: bool = False, label: str | None = None) -> int | None:
        number = self.number(r, row, column, required, label=label)
        if number is None:
            return None
        if not float(number).is_integer():
            self.problem(r, column, f"{label or column} {describe_cell(self.raw(row, column))} is not a whole number")
            return None
        return int(number)

    def codes(self, r: int, row: Sequence[Cell], column: str, known: Container[str], what: str) -> tuple[str, ...]:
        """A comma-separated list of codes, each checked against ``known``."""
        text = self.text(r, row, column)
        if not text:
            return ()
        codes = tuple(c.strip() for c in text.replace(";", ",").split(",") if c.strip())
        for code in codes:
            if code not in known:
                self.problem(r, column, f"unknown {what} code {code!r} in {column}")
        return codes

    def ignored_columns(self) -> list[str]:
        if not self.found:
            return []
        row = self.sheet.rows[self.header]
        ours = set(self.columns.values())
        return [f"{self.name}!{column_letter(c)}{self.header + 1} ({v})" for c, v in enumerate(row)
                if c not in ours and not is_blank(v)]
