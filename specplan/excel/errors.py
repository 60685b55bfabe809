"""Problems found in a workbook, each with its file, sheet and cell, reported all at once."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import NoReturn

from ..domain.errors import UserError

#: Enough to fix a file in one sitting without flooding a terminal; the rest are counted.
MAX_LISTED = 200


@dataclass(frozen=True)
class Problem:
    """One thing wrong with one place: ``Baseline!E14: spend "12,3x4" is not a number``."""

    message: str
    sheet: str | None = None
    cell: str | None = None
    file: str | None = None

    @property
    def where(self) -> str:
        if self.sheet and self.cell:
            return f"{self.sheet}!{self.cell}"
        return self.sheet or ""

    def __str__(self) -> str:
        return f"{self.where}: {self.message}" if self.where else self.message


class ImportFileError(UserError):
    """A workbook could not be imported; ``problems`` lists every problem found, not the first.

    Raised before anything is changed, so a failed import leaves the plan as it was.
    """

    def __init__(self, file: str | Path | None, problems: list[Problem]):
        self.file = str(file) if file is not None else None
        self.problems = [p if p.file else Problem(p.message, p.sheet, p.cell, self.file) for p in problems]
        super().__init__(self.describe())

    def describe(self, limit: int = MAX_LISTED) -> str:
        name = Path(self.file).name if self.file else "workbook"
        count = len(self.problems)
        if count == 1:
            return f"{name}: {self.problems[0]}"
        lines = [f"{name}: {count} problems, nothing was imported:"]
        lines += [f"  {p}" for p in self.problems[:limit]]
        if count > limit:
            lines.append(f"  ... and {count - limit} more")
        return "\n".join(lines)


@dataclass
class Problems:
    """Collects problems while a whole file is checked; :meth:`raise_if_any` ends the import."""

    file: str | Path | None = None
    items: list[Problem] = field(default_factory=list)

    def add(self, message: str, sheet: str | None = None, cell: str | None = None) -> None:
        self.items.append(Problem(message, sheet, cell))

    def extend(self, problems: list[Problem]) -> None:
        self.items.extend(problems)

    def __bool__(self) -> bool:
        return bool(self.items)

    def __len__(self) -> int:
        return len(self.items)

    def raise_if_any(self) -> None:
        if self.items:
            raise ImportFileError(self.file, list(self.items))


def fail(file: str | Path | None, message: str, sheet: str | None = None, cell: str | None = None) -> NoReturn:
    """Raise an ImportFileError with one problem (for problems that stop reading altogether)."""
    raise ImportFileError(file, [Problem(message, sheet, cell)])


def cell_ref(row: int, col: int) -> str:
    """Zero-based ``(row, col)`` -> ``"E14"``."""
    return f"{column_letter(col)}{row + 1}"


def column_letter(col: int) -> str:
    """Zero-based column -> ``A``, ``Z``, ``AA``..."""
    letters = ""
    col += 1
    while col:
        col, rem = divmod(col - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


def row_list(rows: list[int], limit: int = 12) -> str:
    """Zero-based row indexes as Excel row numbers, runs joined: ``5-7, 12, 20 ...``."""
    runs: list[list[int]] = []
    for row in sorted(set(rows)):
        if runs and row == runs[-1][1] + 1:
            runs[-1][1] = row
        else:
            runs.append([row, row])
    text = [f"{a + 1}" if a == b else f"{a + 1}-{b + 1}" for a, b in runs[:limit]]
    return ", ".join(text) + (" ..." if len(runs) > limit else "")
