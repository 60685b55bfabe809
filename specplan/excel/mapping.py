"""Explicit column mappings, for sheets whose headers are too local to guess.

A mapping is a small JSON file::

    {"sheet": "Budgets 25-26", "header_row": 4, "units": "gbp_k",
     "columns": {"icb": "Commissioner", "service": "NCBPS", "setting": "POD",
                 "spend": "Annual budget", "activity": "Beds", "detail": "Provider"},
     "setting_columns": {"IP £k": "inpatient", "Comm £k": "community"},
     "activity_columns": {"IP bed days": "inpatient"},
     "values": {"icb": {"Derbys": "QJ2"}, "setting": {"Secure beds": "inpatient"}}}

Every key is optional; ``header_row`` counts from 1 as Excel does. Header names are compared
case-insensitively with spaces collapsed.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import Problem, fail
from .headers import FIELDS, Layout
from .money import UNITS
from .names import normal
from .reader import Cell

_KEYS = {"sheet", "header_row", "units", "columns", "setting_columns", "activity_columns", "values"}


@dataclass
class Mapping:
    sheet: str | None = None
    header_row: int | None = None  # zero-based once loaded
    units: str | None = None
    columns: dict[str, str] = field(default_factory=dict)
    setting_columns: dict[str, str] = field(default_factory=dict)
    activity_columns: dict[str, str] = field(default_factory=dict)
    values: dict[str, dict[str, str]] = field(default_factory=dict)
    source: str = "mapping"

    @property
    def names_columns(self) -> bool:
        return bool(self.columns or self.setting_columns or self.activity_columns)

    def layout(self, rows: Sequence[Sequence[Cell]], sheet: str) -> tuple[Layout | None, list[Problem]]:
        """Apply the mapping to a sheet: find its header row and every named column."""
        wanted = [*self.columns.values(), *self.setting_columns, *self.activity_columns]
        candidates = [self.header_row] if self.header_row is not None else range(min(len(rows), 50))
        for index in candidates:
            if index >= len(rows):
                break
            found = {normal(text): col for col, text in enumerate(rows[index]) if normal(text)}
            if all(normal(w) in found for w in wanted):
                layout = Layout(index)
                layout.columns = {f: found[normal(h)] for f, h in self.columns.items()}
                layout.spend_by_setting = {found[normal(h)]: s for h, s in self.setting_columns.items()}
                layout.activity_by_setting = {found[normal(h)]: s for h, s in self.activity_columns.items()}
                return layout, []
        where = f"row {self.header_row + 1}" if self.header_row is not None else "the first 50 rows"
        row = rows[self.header_row] if self.header_row is not None and self.header_row < len(rows) else []
        present = {normal(t) for t in row}
        missing = [w for w in wanted if normal(w) not in present] if row else wanted
        return None, [Problem(f"{self.source}: no header row in {where} has the mapped columns "
                              + ", ".join(repr(w) for w in missing), sheet)]


def load_mapping(source: str | Path | dict[str, Any], settings: tuple[str, ...]) -> Mapping:
    """Read and check a mapping (a JSON file path or an already-parsed dict)."""
    name = "mapping"
    data: object = source
    if not isinstance(source, dict):
        path = Path(source)
        name = path.name
        try:
            data = json.loads(path.read_text(encoding="utf-8-sig"))
        except OSError as error:
            fail(path, f"the mapping file could not be read ({error.strerror})")
        except json.JSONDecodeError as error:
            fail(path, f"the mapping file is not valid JSON (line {error.lineno}: {error.msg})")
    problems = _check(data, settings)
    if problems or not isinstance(data, dict):  # _check refuses anything but a JSON object
        fail(name, "; ".join(problems))
    source = data
    header_row = source.get("header_row")
    return Mapping(
        sheet=source.get("sheet"), header_row=None if header_row is None else header_row - 1,
        units=source.get("units"), columns=dict(source.get("columns", {})),
        setting_columns=dict(source.get("setting_columns", {})),
        activity_columns=dict(source.get("activity_columns", {})),
        values={k: dict(v) for k, v in source.get("values", {}).items()}, source=name,
    )


def _check(data: object, settings: tuple[str, ...]) -> list[str]:
    if not isinstance(data, dict):
        return ["a mapping is a JSON object ({...})"]
    problems = [f"unknown key {k!r} (known: {', '.join(sorted(_KEYS))})" for k in data if k not in _KEYS]
    row = data.get("header_row")
    if row is not None and not (isinstance(row, int) and not isinstance(row, bool) and row >= 1):
        problems.append(f"header_row {row!r} is not a row number from 1")
    if data.get("units") is not None and data["units"] not in UNITS:
        problems.append(f"units {data['units']!r} is not one of {', '.join(UNITS)}")
    for key in ("columns", "setting_columns", "activity_columns"):
        table = data.get(key, {})
        if not isinstance(table, dict) or not all(isinstance(v, str) for v in table.values()):
            problems.append(f"{key} must map names to names")
            continue
        if key == "columns":
            problems += [f"columns: unknown field {f!r} (fields: {', '.join(FIELDS)})" for f in table if f not in FIELDS]
        else:
            problems += [f"{key}: {s!r} is not a setting of the plan ({', '.join(settings)})"
                         for s in table.values() if s not in settings]
    values = data.get("values", {})
    if not isinstance(values, dict) or any(k not in ("icb", "service", "setting") or not isinstance(v, dict)
                                           for k, v in values.items()):
        problems.append("values must map icb, service or setting to {text: code}")
    return problems
