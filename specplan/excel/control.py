"""The control total: a sheet's ``Total`` row is checked against the rows, to the penny.

Finance sheets end with a Total (often a SUM formula). It is not data; it is the figure the
import must reconcile to, to the penny: the rows reconcile when their exact sum equals the
Total, or when the Total (in whole pence) equals the rows' sum rounded to whole pence either
before or after adding them up (a £k sheet with fractions of a penny, a Total typed rounded).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import Protocol

from ..domain.words import plural
from .errors import cell_ref, row_list
from .headers import Layout
from .money import MoneyError, describe_cell, pounds_text, to_pence
from .names import normal
from .reader import Sheet

#: A row labelled so is the control total, not data.
TOTAL_LABELS = frozenset({"total", "totals", "grand total", "total spend", "overall total", "total budget"})


class ImportPass(Protocol):
    """What the control total needs of a baseline import pass (``baseline_import._Run``)."""

    sheet: Sheet
    layout: Layout
    totals: list[int]                # rows labelled as totals
    warnings: list[str]
    units_by_col: dict[int, str]     # money column -> unit
    col_pence: dict[int, int]        # money column -> the rows' sum in whole pence
    col_exact: dict[int, Decimal]    # money column -> the rows' rounding residuals
    excluded: set[int]               # rows with a problem, not in the sums

    def problem(self, message: str, row: int | None = None, col: int | None = None) -> None: ...


@dataclass(frozen=True)
class ControlCheck:
    where: str              # e.g. "Baseline!E50"
    total_pence: int        # what the Total row says (rounded to pence)
    rows_pence: int         # what the imported rows add up to
    matches: bool

    def describe(self) -> str:
        if self.matches:
            text = f"matches the Total row at {self.where} ({pounds_text(self.total_pence)})"
            if self.rows_pence != self.total_pence:
                text += (f"; after rounding each amount to whole pence the rows add up to "
                         f"{pounds_text(self.rows_pence)}")
            return text
        difference = self.rows_pence - self.total_pence
        return (f"DOES NOT MATCH: rows add up to {pounds_text(self.rows_pence)} but the Total row at "
                f"{self.where} says {pounds_text(self.total_pence)} (difference {pounds_text(difference)})")


def control_total(run: ImportPass) -> ControlCheck | None:
    """Check the rows of ``run`` (a baseline import pass) against its Total row; record problems."""
    if not run.totals:
        return None
    rows, sheet = run.sheet.rows, run.sheet.name
    grand = [r for r in run.totals if any(normal(v) == "grand total" for v in rows[r])]
    chosen = (grand or run.totals)[-1]
    others = [r + 1 for r in run.totals if r != chosen]
    if others:
        run.warnings.append(f"Total rows {', '.join(map(str, others))} were treated as subtotals; "
                            f"the control total is row {chosen + 1}")
    said_exact, said_pence, rows_exact, rows_pence = Decimal(0), 0, Decimal(0), 0
    for col in run.layout.money_columns:
        value = rows[chosen][col]
        try:
            found = to_pence(value, run.units_by_col[col])
        except MoneyError as error:
            run.problem(f"control total {describe_cell(value)} {error}", chosen, col)
            return None
        if found is None:
            continue  # a blank total for this column: nothing to check it against
        pence, exact = found
        column_pence = run.col_pence.get(col, 0)
        column_exact = column_pence + run.col_exact.get(col, Decimal(0))
        said = exact if exact is not None else Decimal(pence)
        if run.layout.wide and not reconciles(said, pence, column_exact, column_pence):
            run.problem(f"this column's rows add up to {pounds_text(column_pence)} but the Total row says "
                        f"{pounds_text(pence)} (difference {pounds_text(column_pence - pence)})"
                        + _excluded(run, chosen), chosen, col)
        said_exact += said
        said_pence += pence
        rows_exact += column_exact
        rows_pence += column_pence
    if all(rows[chosen][c] in ("", None) for c in run.layout.money_columns):
        run.warnings.append(f"the Total row {chosen + 1} has no amounts, so there was nothing to reconcile to")
        return None
    col = run.layout.money_columns[0]
    check = ControlCheck(f"{sheet}!{cell_ref(chosen, col)}", said_pence, rows_pence,
                         reconciles(said_exact, said_pence, rows_exact, rows_pence))
    if not check.matches:
        run.problem(f"the rows do not add up to the Total: {check.describe()}{_excluded(run, chosen)}", chosen, col)
    return check


def _excluded(run: ImportPass, total_row: int) -> str:
    """Rows with problems are not in the sums: say so, so the difference is not misread."""
    rows = sorted(r for r in run.excluded if r != total_row)
    if not rows:
        return ""
    return (f"; {plural(len(rows), 'row')} with problems ({row_list(rows, 5)}) "
            f"{'is' if len(rows) == 1 else 'are'} not counted in the rows")


def reconciles(said_exact: Decimal, said_pence: int, rows_exact: Decimal, rows_pence: int) -> bool:
    """Whether a Total agrees with its rows to the penny (see the module note)."""
    rounded = int(rows_exact.quantize(Decimal(1), rounding=ROUND_HALF_UP))
    return said_exact == rows_exact or said_pence in (rows_pence, rounded)
