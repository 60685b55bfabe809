"""Which sheet of a finance workbook holds the baseline, and where its table starts.

The sheet named on the command line, else the first visible sheet (one called ``Baseline``
first) whose header row can be found. When none can, the problem says what was expected and
what was found, so the user can rename a column or write a mapping.
"""

from __future__ import annotations

from pathlib import Path

from .errors import Problem, Problems, cell_ref, fail
from .headers import Layout, SettingOf, find_header
from .mapping import Mapping
from .names import normal
from .reader import Sheet, Workbook, is_blank


def choose_sheet(book: Workbook, wanted: str | None, mapping: Mapping | None,
                 setting_of: SettingOf) -> tuple[Sheet, Layout, list[str]]:
    """The named sheet, else the first visible sheet with a recognisable header (``Baseline`` first)."""
    warnings: list[str] = []
    if wanted:
        names = [wanted]
        if wanted in book.hidden_names:
            warnings.append(f"sheet {wanted!r} is hidden; it was read because it was asked for")
    else:
        names = sorted(book.visible_names, key=lambda n: normal(n) != "baseline")
    partial: tuple[Sheet, Layout | None, list[Problem]] | None = None
    for name in names:
        data = book.sheet(name)
        if mapping is not None and mapping.names_columns:
            layout, problems = mapping.layout(data.rows, name)
        else:
            layout, problems = find_header(data.rows, setting_of), []
        if layout is not None and not layout.missing():
            return data, layout, warnings
        partial = partial or (data, layout, problems)
    if partial is None:
        fail(book.path, "the workbook has no visible sheets; name one with --sheet")
    data, layout, problems = partial
    if problems:
        raise_problems(book.path, problems)
    if not any(not is_blank(v) for row in data.rows for v in row):
        fail(book.path, "the sheet is empty", data.name)
    hidden = [n for n in book.hidden_names if n in book.names]
    if layout is None:
        hint = f" (hidden sheets not searched: {', '.join(hidden)}; use --sheet)" if hidden and not wanted else ""
        fail(book.path, "no header row found in the first 50 rows: expected columns such as ICB, service, "
                        f"setting and spend (or one column per setting), or give --mapping{hint}", data.name)
    found = ", ".join(repr(v) for v in data.rows[layout.header_row] if not is_blank(v))
    missing = Problems(book.path)
    for name in layout.missing():
        missing.add(f"missing column: no {_FIELD_WORDS[name]} column in the header row "
                     f"(row {layout.header_row + 1}: {found}); rename it or map it with --mapping",
                     data.name, cell_ref(layout.header_row, 0))
    missing.raise_if_any()
    raise AssertionError("unreachable")


def raise_problems(path: str | Path, problems: list[Problem]) -> None:
    collected = Problems(path)
    collected.extend(problems)
    collected.raise_if_any()


_FIELD_WORDS = {"service": "service (service line, service code or NCBPS code)",
                "icb": "ICB (ICB code, commissioner or org code)", "setting": "setting (or one column per setting)",
                "spend": "spend (spend, budget or annual budget)"}
