"""Vintages a user adds (e.g. the ICBs of April 2027), kept per user beside the shipped ones.

A user vintage is one table, from a CSV or a workbook sheet, one row per (new ICB, old ICB)
pair: ``vintage, effective_from, code, name, region, population, from_code, share`` (see
docs/model.md). The old ICBs are those of the latest vintage known when it is added, so the
succession is always complete. It is checked exactly as the shipped files are, then written as
``<vintage>.csv`` in :func:`specplan.paths.user_vintages_dir` (or the folder given).
"""

from __future__ import annotations

import os
from pathlib import Path

from ..paths import user_vintages_dir
from .reference import load_reference
from .vintage_files import Rows, build_icbs, build_succession, check_header, read_rows, require_columns
from .vintages import SHARE_SCALE, Succession, Vintage, VintageFileError, Vintages

COLUMNS = ("vintage", "effective_from", "code", "name", "region", "population", "from_code", "share")


def load_vintages(folder: Path | None = None) -> Vintages:
    """Every known vintage: the shipped ones, then the user's in date order (each checked
    against the one before it)."""
    ref = load_reference()
    known = list(ref.vintages)
    folder = folder or user_vintages_dir()
    if folder.is_dir():
        for path in sorted(folder.glob("*.csv")):
            rows, notes = read_rows(path)
            known.append(vintage_from_rows(str(path), rows, Vintages(known), notes))
    return Vintages(known)


def vintage_from_rows(file: str, rows: Rows, known: Vintages, notes: str = "") -> Vintage:
    """The vintage a user table describes, succeeding ``known.latest``; VintageFileError if not valid."""
    if not rows:
        raise VintageFileError(file, None, "no rows", "a row per new ICB and predecessor: " + ", ".join(COLUMNS))
    require_columns(file, rows, COLUMNS)
    previous = known.latest
    first_line, first = rows[0]
    code, effective_from = first["vintage"], first["effective_from"]
    if code in known.codes:
        raise VintageFileError(file, first_line, code, "a vintage code not already known (" + ", ".join(known.codes) + ")")
    check_header(file, first_line, code, effective_from, previous)
    icb_rows: Rows = []
    details: dict[str, tuple[int, tuple[str, str, str]]] = {}
    for line, row in rows:
        if (row["vintage"], row["effective_from"]) != (code, effective_from):
            raise VintageFileError(file, line, f"{row['vintage']} {row['effective_from']}",
                                   f"the same vintage and effective_from on every row ({code} {effective_from})")
        detail = (row["name"], row["region"], row["population"])
        if row["code"] in details:
            seen_line, seen = details[row["code"]]
            if seen != detail:
                raise VintageFileError(file, line, f"{row['code']}: {', '.join(detail)}",
                                       f"the same name, region and population as row {seen_line}")
            continue
        details[row["code"]] = (line, detail)
        icb_rows.append((line, row))
    icbs = build_icbs(file, icb_rows, {r.code for r in load_reference().regions})
    pairs = [(line, {**row, "to_code": row["code"]}) for line, row in rows]  # each row: code from from_code
    succession = build_succession(file, pairs, previous, icbs)
    return Vintage(code, effective_from, icbs, previous.code, succession, source=file, notes=notes)


def read_vintage_csv(path: Path) -> tuple[Rows, str]:
    return read_rows(path)


def add_vintage(rows: Rows, file: str, folder: Path | None = None) -> Vintage:
    """Check a user table against the known vintages and keep it for this user; the new vintage."""
    folder = folder or user_vintages_dir()
    vintage = vintage_from_rows(file, rows, load_vintages(folder))
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / f"{vintage.code}.csv"
    temporary = folder / f".{vintage.code}.csv.tmp-{os.getpid()}"
    temporary.write_text(_csv_text(vintage, file), encoding="utf-8")
    os.replace(temporary, target)
    return vintage


def _csv_text(vintage: Vintage, file: str) -> str:
    import csv
    import io

    out = io.StringIO()
    out.write(f"# ICB vintage {vintage.code}, added by the user from {Path(file).name}.\n")
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    for step in vintage.succession:
        icb = vintage.icb(step.to_code)
        writer.writerow([vintage.code, vintage.effective_from, icb.code, icb.name, icb.region,
                         _number_text(icb.population), step.from_code, _share_text(step)])
    return out.getvalue()


def _number_text(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else repr(float(value))


def _share_text(step: Succession) -> str:
    units = step.share_units
    whole, part = divmod(units, SHARE_SCALE)
    return f"{whole}.{part:09d}".rstrip("0").rstrip(".") if part else str(whole)
