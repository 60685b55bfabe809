"""Find the header row of a finance sheet and what each column holds.

Finance sheets put a title block above the table, name columns in their own words and state the
unit in the header (``Annual budget £000s``) or the title (``All figures £m``). Columns are
matched by name against common synonyms, or by an explicit mapping file when the words are too
local to guess. The long layout has a setting column; the wide layout has one column per setting.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from .names import normal
from .reader import Cell, is_blank

HEADER_SEARCH_ROWS = 50
#: The setting a header's words name, or None (the plan's vocabulary, with any mapping file's).
SettingOf = Callable[[str], str | None]
FIELDS = ("service", "icb", "setting", "spend", "activity", "detail")
SYNONYMS: dict[str, tuple[str, ...]] = {
    "service": ("service", "service code", "service line", "service line code", "service name",
                "service line name", "ncbps", "ncbps code", "ncbps service line", "specialised service",
                "service description", "programme service", "pss code"),
    "icb": ("icb", "icb code", "icb name", "commissioner", "commissioner code", "commissioner name",
            "org code", "organisation code", "organisation", "ods code", "icb ods code",
            "integrated care board", "icb ons code"),
    "setting": ("setting", "care setting", "point of delivery", "pod", "setting of care"),
    "spend": ("spend", "spend gbp", "budget", "annual budget", "baseline budget", "cost", "costs",
              "expenditure", "value", "amount", "outturn", "forecast outturn", "plan value",
              "contract value", "baseline", "gbp", "spend k", "spend m"),
    "activity": ("activity", "activity units", "units", "volume", "bed days", "spells", "attendances",
                 "contacts", "occupied bed days", "activity plan"),
    "detail": ("provider", "provider code", "provider name", "trust", "contract", "contract line",
               "cost centre", "contract reference"),
}
_ACTIVITY_WORDS = ("activity", "bed days", "beds", "spells", "attendances", "contacts", "units", "volume")
_YEAR = re.compile(r"\b(?:fy\s*)?\d{4}\s*[/-]\s*\d{2,4}\b|\b20\d\d\b", re.IGNORECASE)
_UNIT_PATTERNS = (
    ("gbp_m", re.compile(r"£\s*m\b|£\s*'?m(?:illion)?s?\b|£\s*mn\b|\(\s*m\s*\)|gbp\s*m\b|in\s+millions", re.IGNORECASE)),
    ("gbp_k", re.compile(r"£\s*'?000s?|£\s*k\b|£\s*thousands?|\bgbp\s*k\b|\bgbp\s*'?000|\(\s*k\s*\)|"
                         r"in\s+thousands|\b000s\b", re.IGNORECASE)),
    ("gbp", re.compile(r"£|\bgbp\b|\bpounds\b|\bsterling\b", re.IGNORECASE)),
)


def unit_in(text: object) -> str | None:
    """The unit a piece of header or title text names: ``gbp``, ``gbp_k``, ``gbp_m`` or None."""
    if not isinstance(text, str):
        return None
    for unit, pattern in _UNIT_PATTERNS:
        if pattern.search(text):
            return unit
    return None


def header_words(text: object) -> str:
    """Header text without years and units, normalised: ``Annual budget 2025/26 (£000s)`` -> ``annual budget``."""
    if not isinstance(text, str):
        return normal(text) if not is_blank(text) else ""
    stripped = _YEAR.sub(" ", text)
    for _, pattern in _UNIT_PATTERNS[:2]:
        stripped = pattern.sub(" ", stripped)
    return normal(stripped.replace("£", " gbp "))


def field_of(text: object) -> str | None:
    """Which field a header names, by exact synonym then by longest synonym it starts with."""
    words = header_words(text)
    if not words:
        return None
    best, best_len = None, 0
    for name, synonyms in SYNONYMS.items():
        for synonym in synonyms:
            if words == synonym:
                return name
            if words.startswith(synonym + " ") and len(synonym) > best_len:
                best, best_len = name, len(synonym)
    return best


@dataclass
class Layout:
    """Where the data is: header row (zero-based), field columns and per-setting columns."""

    header_row: int
    columns: dict[str, int] = field(default_factory=dict)
    spend_by_setting: dict[int, str] = field(default_factory=dict)     # column -> setting (wide)
    activity_by_setting: dict[int, str] = field(default_factory=dict)  # column -> setting (wide)
    total_column: int | None = None
    units: dict[int, str | None] = field(default_factory=dict)  # money column -> unit its header names, if any

    @property
    def wide(self) -> bool:
        return bool(self.spend_by_setting) and "setting" not in self.columns

    def missing(self) -> list[str]:
        """Fields this layout needs but lacks."""
        needed = ["service", "icb"] + ([] if self.wide else ["setting", "spend"])
        return [name for name in needed if name not in self.columns]

    @property
    def money_columns(self) -> list[int]:
        return list(self.spend_by_setting) if self.wide else [self.columns["spend"]]


def read_header(row: Sequence[Cell], row_index: int, setting_of: SettingOf) -> Layout:
    """Interpret one row as a header; ``setting_of(text)`` names the setting a header means, or None."""
    layout = Layout(row_index)
    for col, text in enumerate(row):
        if is_blank(text):
            continue
        name = field_of(text)
        words = header_words(text)
        if name is None or name == "activity":
            setting = _setting_in(words, setting_of)
            if setting is not None:
                is_activity = any(w in words for w in _ACTIVITY_WORDS) or name == "activity"
                target = layout.activity_by_setting if is_activity else layout.spend_by_setting
                target[col] = setting
                if not is_activity:
                    layout.units[col] = unit_in(text)
                continue
        if name is None and words in ("total", "row total", "total spend", "grand total"):
            layout.total_column = col
            continue
        if name is None and unit_in(text) and not words.replace("gbp", "").strip():
            name = "spend"  # a column headed just "£k"
        if name is not None and name not in layout.columns:
            layout.columns[name] = col
            if name == "spend":
                layout.units[col] = unit_in(text)
    return layout


def _setting_in(words: str, setting_of: SettingOf) -> str | None:
    """The setting a header starts with: ``inpatient bed days`` -> inpatient."""
    tokens = words.split()
    for end in range(len(tokens), 0, -1):
        setting = setting_of(" ".join(tokens[:end]))
        if setting is not None:
            return setting
    return None


def find_header(rows: Sequence[Sequence[Cell]], setting_of: SettingOf, limit: int = HEADER_SEARCH_ROWS) -> Layout | None:
    """The first row (in the top ``limit``) that reads as a complete header, else the best partial one."""
    best: Layout | None = None
    best_score = 0
    for index, row in enumerate(rows[:limit]):
        layout = read_header(row, index, setting_of)
        if not layout.missing() and (layout.wide or "spend" in layout.columns):
            return layout
        score = len(layout.columns) + (1 if layout.spend_by_setting else 0)
        if score > best_score:
            best, best_score = layout, score
    return best if best_score >= 2 else None
