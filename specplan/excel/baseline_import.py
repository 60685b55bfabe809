"""Import the base-year baseline from a finance spreadsheet: all of it, or nothing.

The sheet may be long (a row per service, ICB and setting) or wide (a column per setting), may
name ICBs and services by code or by name, and may give money as numbers or text in £, £k or £m.
A ``Total`` row is a control total, not data: the rows must add up to it to the penny. Every
problem in the file is collected, with its cell, and raised together as one ImportFileError;
the plan passed in is never changed (plans are immutable), so a failed import changes nothing.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

import numpy as np

from ..domain import Baseline
from ..domain.errors import ValidationError
from ..domain.plan import Plan
from ..domain.words import plural, setting_name
from .baseline_vintage import earlier_plan, remapped
from .control import TOTAL_LABELS
from .errors import Problems, cell_ref, fail, row_list
from .headers import Layout, unit_in
from .mapping import Mapping, load_mapping
from .money import (
    UNIT_LABELS,
    UNITS,
    MoneyError,
    describe_cell,
    parse_number,
    pounds_text,
    to_pence,
)
from .names import Vocabulary, normal
from .partial import MODES, combine, mentioned_mask, unmentioned
from .reader import Cell, Sheet, is_blank, open_workbook
from .report import ImportReport
from .sheet_choice import choose_sheet

#: Stop collecting after this many problems: a wholly wrong sheet needs fixing, not a longer list.
MAX_PROBLEMS = 10_000
#: Where one setting's figures are: (money column, setting position or None for the long layout,
#: where each row's setting column says, unit, activity column or None).
Target = tuple[int, int | None, str, int | None]


def import_baseline(path: str | Path, plan: Plan, sheet: str | None = None, units: str | None = None,
                    mapping: str | Path | dict[str, Any] | Mapping | None = None,
                    mode: str = "replace") -> tuple[Plan, ImportReport]:
    """A new plan whose baseline is the spreadsheet's, and a report; or one ImportFileError.

    ``mode`` ``replace`` zeroes the cells the sheet does not mention; ``update`` keeps them
    (``report.unmentioned`` counts them either way, so a caller can ask before applying).
    """
    if units is not None and units not in UNITS:
        fail(path, f"units {units!r} is not one of {', '.join(UNITS)}")
    if mode not in MODES:
        fail(path, f"mode {mode!r} is not one of {', '.join(MODES)}")
    if mapping is not None and not isinstance(mapping, Mapping):
        mapping = load_mapping(mapping, plan.settings)
    vocab = Vocabulary(plan, mapping.values if mapping else None)

    def setting_of(words: str) -> str | None:
        return vocab.resolve("setting", words)[0]

    with open_workbook(path) as book:
        data, layout, warnings = choose_sheet(book, sheet or (mapping.sheet if mapping else None), mapping, setting_of)
    earlier = earlier_plan(plan, data, layout, mapping.values if mapping else None)  # old ICBs: re-map after
    run = _Run(Path(path), earlier or plan, data, layout, Vocabulary(earlier, mapping.values if mapping else None)
               if earlier else vocab, units or (mapping.units if mapping else None))
    run.mode = mode
    run.warnings[:0] = warnings
    if earlier is not None:
        return remapped(plan, *run.run(), layout)
    return run.run()


class _Run:
    """One pass over the data rows of a chosen sheet and layout."""

    def __init__(self, path: Path, plan: Plan, sheet: Sheet, layout: Layout, vocab: Vocabulary, units: str | None):
        self.path, self.plan, self.sheet, self.layout, self.vocab = path, plan, sheet, layout, vocab
        self.explicit_units = units
        self.problems = Problems(path)
        self.warnings: list[str] = []
        self.cells: dict[tuple[int, int, int], list[float]] = {}  # (s, i, k) -> [pence (an int), activity]
        self.seen: dict[tuple[object, ...], int] = {}  # (s, i, k, detail) -> the row that gave it
        self.rounded: list[str] = []
        self.col_pence: dict[int, int] = {}
        self.col_exact: dict[int, Decimal] = {}  # rounding residuals per money column
        self.totals: list[int] = []
        self.skipped: dict[str, list[int]] = {"heading": [], "subtotal": []}
        self.hidden_used: list[int] = []
        self.rows_read = 0
        self.mode = "replace"
        self.excluded: set[int] = set()  # rows with a problem: not in the column sums

    def problem(self, message: str, row: int | None = None, col: int | None = None) -> None:
        if row is not None and row > self.layout.header_row:
            self.excluded.add(row)
        if len(self.problems) < MAX_PROBLEMS:
            self.problems.add(message, self.sheet.name, cell_ref(row, col) if row is not None and col is not None else None)

    # -- set-up -------------------------------------------------------------------------------
    def units(self) -> dict[int, str]:
        layout, rows = self.layout, self.sheet.rows
        title = next((u for row in rows[: layout.header_row] for v in row if (u := unit_in(v))), None)
        chosen: dict[int, str] = {}
        stated_any = False
        for col in layout.money_columns:
            stated = unit_in(rows[layout.header_row][col]) or title
            stated_any = stated_any or stated is not None
            if self.explicit_units and stated and stated != self.explicit_units:
                self.problem(f"the sheet says amounts are in {UNIT_LABELS[stated]} but --units says "
                             f"{UNIT_LABELS[self.explicit_units]}", layout.header_row, col)
            chosen[col] = self.explicit_units or stated or "gbp"
        if not self.explicit_units and not stated_any:
            self.warnings.append("no unit (£, £k, £m) in the headers or title: amounts were read as £; "
                                 "give --units if they are not")
        return chosen

    def prepare_merged(self, used: list[int], keys: list[int]) -> None:
        """Fill merged key cells down (a service named once beside its rows); refuse merged amounts."""
        header, rows = self.layout.header_row, self.sheet.rows
        for r0, c0, r1, c1 in self.sheet.merged:
            if r1 <= header:
                continue
            ref = f"{cell_ref(r0, c0)}:{cell_ref(r1, c1)}"
            if any(c0 <= c <= c1 for c in used if c not in keys):
                self.problem(f"merged cells {ref} cover an amount; give each row and column its own figure", r0, c0)
                continue
            value = rows[r0][c0]
            for r in range(max(r0, header + 1), r1 + 1):
                for c in range(c0, c1 + 1):
                    rows[r][c] = value
            self.warnings.append(f"merged cells {ref} were read as {describe_cell(value)} on each row")

    # -- the pass -------------------------------------------------------------------------------
    def run(self) -> tuple[Plan, ImportReport]:
        layout, sheet = self.layout, self.sheet
        units = self.units_by_col = self.units()
        columns = layout.columns
        keys = [columns[f] for f in ("service", "icb", "setting", "detail") if f in columns]
        used = keys + layout.money_columns + list(layout.activity_by_setting) + (
            [columns["activity"]] if "activity" in columns else [])
        if layout.total_column is not None:
            used.append(layout.total_column)
        self.prepare_merged(used, keys)
        self.hidden_columns(used)
        label_cols = sorted(set(keys) | set(range(min(used))))
        if layout.wide:
            targets: list[Target] = [(col, self.plan.setting_index[s], units[col], _activity_col(layout, s))
                       for col, s in layout.spend_by_setting.items()]
        else:
            targets = [(columns["spend"], None, units[columns["spend"]], columns.get("activity"))]
        uncached: dict[int, list[int]] = {}
        for r, c in sheet.uncached:
            if c in used:
                uncached.setdefault(r, []).append(c)
        start = layout.header_row + 1
        if layout.wide:
            for r in range(start, len(sheet.rows)):
                self.row(r, sheet.rows[r], targets, label_cols, uncached.get(r))
        else:
            self.long_rows(start, targets[0], label_cols, uncached)
        return self.finish(used)

    def long_rows(self, start: int, target: Target, label_cols: list[int], uncached: dict[int, list[int]]) -> None:
        """The long layout's rows: plain rows (codes already seen, a float amount in whole pence,
        no duplicate) take a fast path; anything else goes through :meth:`row`, which does it all."""
        rows, columns, plan = self.sheet.rows, self.layout.columns, self.plan
        c_s, c_i, c_k = columns["service"], columns["icb"], columns["setting"]
        c_d, c_m, c_a = columns.get("detail"), target[0], target[3]
        scale = UNITS[target[2]] * 100
        limit = 10**15 / scale  # where money.float_pence's exactness argument holds
        special = set(self.sheet.hidden_rows) | set(uncached)
        known: dict[str, dict[Cell, int]] = {"service": {}, "icb": {}, "setting": {}}
        indexes = {"service": plan.service_index, "icb": plan.icb_index, "setting": plan.setting_index}
        services, icbs, settings = known["service"], known["icb"], known["setting"]
        seen, cells = self.seen, self.cells
        column_pence = 0
        for r in range(start, len(rows)):
            row = rows[r]
            s, i, k = services.get(row[c_s]), icbs.get(row[c_i]), settings.get(row[c_k])
            if s is None or i is None or k is None:
                for kind, col in (("service", c_s), ("icb", c_i), ("setting", c_k)):
                    code = self.vocab.resolve(kind, row[col])[0]
                    if code is not None:
                        known[kind][row[col]] = indexes[kind][code]
                s, i, k = services.get(row[c_s]), icbs.get(row[c_i]), settings.get(row[c_k])
            value = row[c_m]
            pence = None
            if type(value) is float and 0.0 <= value < limit:  # money.float_pence, inlined
                pence = round(value * scale)
                if pence / scale != value:
                    pence = None
            activity = row[c_a] if c_a is not None else 0.0
            key = (s, i, k, row[c_d] if c_d is not None else None)
            if (s is None or i is None or k is None or pence is None or r in special or key in seen
                    or type(activity) is not float or not activity >= 0.0):
                self.row(r, row, [target], label_cols, uncached.get(r))
                continue
            seen[key] = r
            self.rows_read += 1
            column_pence += pence
            cell = cells.get((s, i, k))
            if cell is None:
                cells[s, i, k] = [pence, activity]
            else:
                cell[0] += pence
                cell[1] += activity
        self.col_pence[c_m] = self.col_pence.get(c_m, 0) + column_pence

    def row(self, r: int, row: list[Cell], targets: list[Target], label_cols: list[int],
            uncached: list[int] | None) -> None:
        columns = self.layout.columns
        resolve = self.vocab.resolve
        if uncached:
            for c in uncached:
                self.problem("formula has no saved value (it was never calculated); open the workbook in "
                             "Excel, let it calculate and save, or paste values", r, c)
            return
        service, why_s = resolve("service", row[columns["service"]])
        icb, why_i = resolve("icb", row[columns["icb"]])
        setting = why_k = None
        if "setting" in columns:
            setting, why_k = resolve("setting", row[columns["setting"]])
        if why_s or why_i or why_k:
            if self.classify(r, row, targets, label_cols):
                return
            for field, why in (("service", why_s), ("icb", why_i), ("setting", why_k)):
                if why:
                    col = columns[field]
                    self.problem(f"{_blank_name(field)} is blank" if is_blank(row[col]) else why, r, col)
            return
        assert service is not None and icb is not None  # resolve gives a code or the reason it cannot
        self.rows_read += 1
        if r in self.sheet.hidden_rows:
            self.hidden_used.append(r)
        detail = row[columns["detail"]] if "detail" in columns else None
        s, i = self.plan.service_index[service], self.plan.icb_index[icb]
        for col, k, unit, activity_col in targets:
            if k is None:  # the long layout: the row's own setting
                assert setting is not None
                k = self.plan.setting_index[setting]
            key = (s, i, k, detail)
            earlier = self.seen.get(key)
            if earlier is not None:
                what = f"{service}, {icb}, {setting_name(self.plan.settings[k])}" + (f", {detail}" if detail else "")
                self.problem(f"duplicate: row {earlier + 1} already gives {what}", r, columns["service"])
                continue
            self.seen[key] = r
            pence = self.money(row, r, col, unit)
            activity = self.activity(row, r, activity_col)
            if pence is None and activity is None:
                continue
            cell = self.cells.setdefault((s, i, k), [0, 0.0])
            cell[0] += pence or 0
            cell[1] += activity or 0.0

    def money(self, row: list[Cell], r: int, col: int, unit: str) -> int | None:
        value = row[col]
        try:
            found = to_pence(value, unit)
        except MoneyError as error:
            self.problem(f"spend {describe_cell(value)} {error}", r, col)
            return None
        if found is None:
            return None
        pence, exact = found
        self.col_pence[col] = self.col_pence.get(col, 0) + pence
        if exact is not None:
            self.col_exact[col] = self.col_exact.get(col, Decimal(0)) + exact - pence
            self.rounded.append(f"{cell_ref(r, col)} ({describe_cell(value)} to {pounds_text(pence)})")
        return pence

    def activity(self, row: list[Cell], r: int, col: int | None) -> float | None:
        if col is None:
            return None
        value = row[col]
        try:
            number = parse_number(value)
        except MoneyError as error:
            self.problem(f"activity {describe_cell(value)} {error}", r, col)
            return None
        if number is not None and number < 0:
            self.problem(f"activity {describe_cell(value)} is negative", r, col)
            return None
        return number

    def classify(self, r: int, row: list[Cell], targets: list[Target], label_cols: list[int]) -> bool:
        """True for rows that are not data: blank, a Total, a subtotal, or a heading without amounts."""
        amounts = [row[t[0]] for t in targets] + [row[t[3]] for t in targets if t[3] is not None]
        labels = [normal(row[c]) for c in label_cols if not is_blank(row[c])]
        if not labels and all(is_blank(v) for v in amounts):
            return True
        if any(text in TOTAL_LABELS for text in labels):
            self.totals.append(r)
            return True
        if any(t.startswith(("subtotal", "sub total", "total ")) or t.endswith(" total") for t in labels):
            self.skipped["subtotal"].append(r)
            return True
        if all(is_blank(v) for v in amounts):
            self.skipped["heading"].append(r)
            return True
        return False

    def hidden_columns(self, used: list[int]) -> None:
        hidden = sorted(c for c in used if c in self.sheet.hidden_cols)
        if hidden:
            names = ", ".join(cell_ref(self.layout.header_row, c) for c in hidden)
            self.warnings.append(f"columns headed at {names} are hidden; they were imported")

    # -- results ----------------------------------------------------------------------------------
    def finish(self, used: list[int]) -> tuple[Plan, ImportReport]:
        from .control import control_total

        if not self.rows_read and not self.problems:
            self.problem(f"no data rows below the header (row {self.layout.header_row + 1})")
        control = control_total(self)  # checked even beside other problems: all are listed at once
        self.problems.raise_if_any()
        shape = self.plan.baseline.shape
        spend = np.zeros(shape, np.int64)
        keep_activity = "activity" not in self.layout.columns and not self.layout.activity_by_setting
        activity = self.plan.baseline.activity.copy() if keep_activity else np.zeros(shape)
        for (s, i, k), (pence, act) in self.cells.items():
            spend[s, i, k] = pence
            if not keep_activity:
                activity[s, i, k] = act
        if keep_activity:
            self.warnings.append("the sheet has no activity column: the plan's activity was kept")
        self.summarise_warnings()
        mentioned = mentioned_mask(shape, self.cells)
        try:
            baseline = combine(self.plan, Baseline(spend, activity), mentioned, self.mode, keep_activity)
            plan = self.plan.replace(baseline=baseline)
        except ValidationError as error:
            fail(self.path, str(error), self.sheet.name)
        report = ImportReport(
            file=str(self.path), sheet=self.sheet.name, header_row=self.layout.header_row + 1,
            layout="wide" if self.layout.wide else "long", units=sorted(set(self.units_used())),
            rows_read=self.rows_read, cells=len(self.cells), total_pence=plan.baseline.total_pence,
            previous_total_pence=self.plan.baseline.total_pence, control=control, warnings=self.warnings,
            unmentioned=unmentioned(self.plan.baseline, mentioned), mode=self.mode, mentioned=mentioned)
        return plan, report

    def units_used(self) -> list[str]:
        return list(self.units_by_col.values())

    def summarise_warnings(self) -> None:
        sheet = self.sheet
        if self.rounded:
            self.warnings.append(f"{plural(len(self.rounded), 'amount')} {'was' if len(self.rounded) == 1 else 'were'} "
                                 "not whole pence and rounded half away from zero: " + ", ".join(self.rounded[:5]) + (", ..." if len(self.rounded) > 5 else ""))
        if self.hidden_used:
            self.warnings.append(f"hidden rows were imported: {row_list(self.hidden_used)}")
        if self.skipped["subtotal"]:
            self.warnings.append(f"subtotal rows were not imported: {row_list(self.skipped['subtotal'])}")
        if self.skipped["heading"]:
            self.warnings.append(f"rows with no amounts were skipped: {row_list(self.skipped['heading'])}")
        if sheet.formulas:
            self.warnings.append(f"{sheet.formulas} cells hold formulas; their saved values were imported")


def _activity_col(layout: Layout, setting: str) -> int | None:
    return next((c for c, s in layout.activity_by_setting.items() if s == setting), None)


def _blank_name(field: str) -> str:
    return {"icb": "ICB"}.get(field, field)
