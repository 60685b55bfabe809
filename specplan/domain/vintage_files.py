"""Read and check vintage files: the ICBs of a vintage and the succession from the one before.

Every rule is checked when the file is read, and a broken one names the file and its line (or
sheet row): unique ICB codes, each in one known region, positive weights; every successor an
ICB of the new vintage, every old ICB's shares adding up to exactly 1, no share crossing a
region, and every new ICB with a predecessor. Codes are never assumed to look like ``Q..``.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable, Mapping
from decimal import Decimal, InvalidOperation
from fractions import Fraction
from pathlib import Path

from .footprints import ICB
from .vintages import SHARE_DECIMALS, Succession, Vintage, VintageFileError

Rows = list[tuple[int, dict[str, str]]]
_VINTAGE_CODE = re.compile(r"^\d{4}-\d{2}$")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def read_rows(path: Path) -> tuple[Rows, str]:
    """``(line number, row)`` of a CSV whose ``#`` lines are a source note, and that note."""
    with path.open(encoding="utf-8-sig", newline="") as handle:
        lines = handle.read().splitlines()
    notes = "\n".join(line[1:].strip() for line in lines if line.startswith("#"))
    numbered = [(n, line) for n, line in enumerate(lines, start=1) if line.strip() and not line.startswith("#")]
    if not numbered:
        raise VintageFileError(str(path), None, "an empty file", "a header row and data rows")
    header = next(csv.reader([numbered[0][1]]))
    rows = []
    for number, line in numbered[1:]:
        values = next(csv.reader([line]))
        rows.append((number, {h.strip(): v.strip() for h, v in zip(header, values)}))
    return rows, notes


def require_columns(file: str, rows: Rows, columns: Iterable[str]) -> None:
    present = set(rows[0][1]) if rows else set()
    missing = [c for c in columns if c not in present]
    if missing:
        raise VintageFileError(file, rows[0][0] if rows else None, ", ".join(missing),
                               "these columns: " + ", ".join(columns))


def build_icbs(file: str, rows: Rows, regions: set[str]) -> tuple[ICB, ...]:
    """The ICBs of ``rows`` (columns code, name, region, population)."""
    require_columns(file, rows, ("code", "name", "region", "population"))
    icbs: list[ICB] = []
    seen: dict[str, int] = {}
    for line, row in rows:
        code = row["code"]
        if not code:
            raise VintageFileError(file, line, code, "an ICB code")
        if code in seen:
            raise VintageFileError(file, line, code, f"each ICB code once (also row {seen[code]})")
        if row["region"] not in regions:
            raise VintageFileError(file, line, row["region"], "a region code of regions.csv: " + ", ".join(sorted(regions)))
        population = _number(file, line, row["population"], "population")
        icbs.append(ICB(code, row["name"], row["region"], population))
        seen[code] = line
    if not icbs:
        raise VintageFileError(file, None, "no ICBs", "at least one ICB row")
    return tuple(icbs)


def build_succession(file: str, rows: Rows, previous: Vintage, icbs: tuple[ICB, ...]) -> tuple[Succession, ...]:
    """The succession of ``rows`` (columns from_code, to_code, share) from ``previous`` to ``icbs``."""
    require_columns(file, rows, ("from_code", "to_code", "share"))
    new = {icb.code: icb for icb in icbs}
    steps: list[Succession] = []
    lines_of: dict[str, list[int]] = {}
    totals: dict[str, Fraction] = {}
    pairs: dict[tuple[str, str], int] = {}
    for line, row in rows:
        old_code, new_code = row["from_code"], row["to_code"]
        if old_code not in previous.icb_index:
            raise VintageFileError(file, line, old_code, f"an ICB code of vintage {previous.code}")
        if new_code not in new:
            raise VintageFileError(file, line, new_code, "an ICB code of the new vintage")
        if (old_code, new_code) in pairs:
            raise VintageFileError(file, line, f"{old_code} -> {new_code}",
                                   f"each pair once (also row {pairs[old_code, new_code]})")
        old_region, new_region = previous.icb(old_code).region, new[new_code].region
        if old_region != new_region:
            raise VintageFileError(file, line, f"{old_code} ({old_region}) -> {new_code} ({new_region})",
                                   "a successor in the same region (no ICB crosses a region)")
        share = parse_share(file, line, row["share"])
        pairs[old_code, new_code] = line
        lines_of.setdefault(old_code, []).append(line)
        totals[old_code] = totals.get(old_code, Fraction(0)) + share
        steps.append(Succession(old_code, new_code, share))
    for old_code, total in totals.items():
        if total != 1:
            rows_text = ", ".join(map(str, lines_of[old_code]))
            raise VintageFileError(file, lines_of[old_code][0], f"{old_code} shares add up to {float(total):.9g}",
                                   f"shares of each old ICB adding up to exactly 1 (rows {rows_text})")
    missing = [icb.code for icb in previous.icbs if icb.code not in totals]
    if missing:
        raise VintageFileError(file, None, ", ".join(missing),
                               f"a successor for every ICB of vintage {previous.code} (these have none)")
    orphans = [code for code in new if code not in {s.to_code for s in steps}]
    if orphans:
        raise VintageFileError(file, None, ", ".join(orphans), f"a predecessor in vintage {previous.code} "
                                                               "for every new ICB (these have none)")
    return tuple(steps)


def parse_share(file: str, line: int, text: str) -> Fraction:
    """A share written as a decimal (``0.202575``), above 0 and at most 1, at most 9 decimals."""
    try:
        number = Decimal(text)
    except InvalidOperation:
        raise VintageFileError(file, line, text, "a share such as 0.202575") from None
    if not number.is_finite() or not 0 < number <= 1:
        raise VintageFileError(file, line, text, "a share above 0 and at most 1")
    exponent = number.normalize().as_tuple().exponent
    if isinstance(exponent, int) and -exponent > SHARE_DECIMALS:
        raise VintageFileError(file, line, text, f"a share with at most {SHARE_DECIMALS} decimal places")
    return Fraction(number)


def check_header(file: str, line: int | None, code: str, effective_from: str, previous: Vintage | None) -> None:
    if not _VINTAGE_CODE.match(code):
        raise VintageFileError(file, line, code, "a vintage code such as 2027-04 (year-month)")
    if not _DATE.match(effective_from):
        raise VintageFileError(file, line, effective_from, "a date such as 2027-04-01")
    if previous is not None and effective_from <= previous.effective_from:
        raise VintageFileError(file, line, effective_from,
                               f"a date after vintage {previous.code} ({previous.effective_from})")
    if previous is not None and code == previous.code:
        raise VintageFileError(file, line, code, "a vintage code not already known")


def load_builtin(folder: Path, regions: set[str]) -> list[Vintage]:
    """The vintages shipped in ``folder`` (``vintages.csv`` lists them, oldest first)."""
    manifest = folder / "vintages.csv"
    rows, _ = read_rows(manifest)
    require_columns(str(manifest), rows, ("code", "effective_from", "icbs_file", "succession_file"))
    vintages: list[Vintage] = []
    for line, row in rows:
        previous = vintages[-1] if vintages else None
        check_header(str(manifest), line, row["code"], row["effective_from"], previous)
        icb_path = folder / row["icbs_file"]
        icb_rows, notes = read_rows(icb_path)
        icbs = build_icbs(str(icb_path), icb_rows, regions)
        succession: tuple[Succession, ...] = ()
        if previous is not None:
            if not row["succession_file"]:
                raise VintageFileError(str(manifest), line, "", "a succession_file for every vintage but the first")
            step_path = folder / row["succession_file"]
            succession = build_succession(str(step_path), read_rows(step_path)[0], previous, icbs)
        vintages.append(Vintage(row["code"], row["effective_from"], icbs, previous.code if previous else None,
                                succession, source=str(icb_path), notes=notes))
    return vintages


def _number(file: str, line: int, text: str, what: str) -> float | int:
    try:
        value = Decimal(text)
    except InvalidOperation:
        raise VintageFileError(file, line, text, f"a {what} (a positive number)") from None
    if not value.is_finite() or value <= 0:
        raise VintageFileError(file, line, text, f"a {what} (a positive number)")
    return int(value) if value == value.to_integral_value() else float(value)


def text_of(row: Mapping[str, object]) -> dict[str, str]:
    """Cells as text, the way a CSV holds them (``1949531.0`` from a workbook becomes ``1949531``)."""
    out: dict[str, str] = {}
    for key, value in row.items():
        if value is None:
            out[str(key).strip()] = ""
        elif isinstance(value, float):
            out[str(key).strip()] = str(int(value)) if value.is_integer() else repr(value)
        else:
            out[str(key).strip()] = str(value).strip()
    return out
