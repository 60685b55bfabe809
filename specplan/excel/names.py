"""Recognise ICBs, services and settings as finance staff write them: codes or names.

An ICB may appear as its ODS code (``QJ2``), its ONS code (``E54000058``) or its name with or
without the ``NHS`` and ``Integrated Care Board`` trimmings; a service as its code or name;
a setting as ``Inpatient``, ``IP``, ``Day case`` and so on. Anything in the reference data but
not in the plan gets its own message, so "unknown" always means unknown.
"""

from __future__ import annotations

import difflib
import re
from functools import cache
from typing import Protocol

from ..domain import ICB, ServiceLine
from ..domain.reference import load_reference, read_table
from ..domain.words import setting_name
from ..paths import resources_dir


class Structure(Protocol):
    """What names are resolved against: a Plan, or a plan's parts while a workbook is read."""

    @property
    def icbs(self) -> tuple[ICB, ...]: ...

    @property
    def services(self) -> tuple[ServiceLine, ...]: ...

    @property
    def settings(self) -> tuple[str, ...]: ...


_NON_WORD = re.compile(r"[^0-9a-z]+")
_ICB_TRIM = re.compile(r"^(nhs )?(.*?)( integrated care board| icb)?$")
SETTING_SYNONYMS: dict[str, tuple[str, ...]] = {
    "inpatient": ("ip", "in patient", "inpatients", "in patients", "admitted", "admitted patient care",
                  "apc", "inpatient bed days", "beds"),
    "day_case": ("dc", "day case", "daycase", "day cases", "daycases", "day"),
    "outpatient": ("op", "out patient", "outpatients", "out patients", "opa", "outpatient attendances"),
    "community": ("comm", "community services", "community care", "community contacts"),
    "out_of_area": ("ooa", "out of area", "out of area placements"),
}


def normal(text: object) -> str:
    """Lower case, ``&`` as ``and``, punctuation as single spaces: how names are compared."""
    return _NON_WORD.sub(" ", str(text).lower().replace("&", " and ")).strip()


def code_text(value: object) -> str:
    """A cell holding a code as text: ``123.0`` (a number typed as a code) becomes ``"123"``."""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def icb_key(name: str) -> str:
    match = _ICB_TRIM.match(normal(name))
    assert match is not None  # every group of the pattern is optional: it matches any text
    return match.group(2)


_ICB_WORDS = re.compile(r"^(NHS\s+)?(.*?)(\s+Integrated Care Board|\s+ICB)?$", re.IGNORECASE)


def short_icb_name(name: str) -> str:
    """``NHS Lincolnshire Integrated Care Board`` -> ``Lincolnshire``: the name people type."""
    match = _ICB_WORDS.match(name.strip())
    return (match.group(2) if match else name).strip() or name


def suggestion(text: str, names: dict[str, str]) -> str:
    """``; did you mean Lincolnshire?`` for the nearest of ``names`` (normalised -> shown), or ""."""
    key = normal(text)
    found = difflib.get_close_matches(key, list(names), n=1, cutoff=0.75) if key else []
    return f"; did you mean {names[found[0]]}?" if found else ""


@cache
def _ons_codes() -> dict[str, str]:
    """ONS ICB codes (every ``ons_*`` column of every vintage's ICB table) -> ODS code."""
    found: dict[str, str] = {}
    for path in sorted((resources_dir() / "reference").glob("icbs*.csv")):
        rows, _ = read_table(path)
        for row in rows:
            for column, value in row.items():
                if column and "ons_" in column and value:
                    found[value.upper()] = row["code"]
    return found


class Vocabulary:
    """Resolves raw cells to the plan's ICB codes, service codes and settings; remembers answers.

    Each ``resolve`` returns ``(code, None)`` or ``(None, reason)``. ``aliases`` (from a mapping
    file) maps raw text to a code per kind and wins over everything else.
    """

    def __init__(self, plan: Structure, aliases: dict[str, dict[str, str]] | None = None):
        ref = load_reference()
        self._tables: dict[str, dict[str, str]] = {}
        self._foreign: dict[str, dict[str, str]] = {}
        self._cache: dict[str, dict[object, tuple[str | None, str | None]]] = {
            "icb": {}, "service": {}, "setting": {}}
        plan_icbs = {i.code for i in plan.icbs}
        plan_services = {s.code for s in plan.services}
        self._tables["icb"] = self._build(
            [(i.code, i.code, icb_key(i.name)) for i in plan.icbs]
            + [(code, ons, "") for ons, code in _ons_codes().items() if code in plan_icbs])
        self._foreign["icb"] = self._build(
            [(i.code, i.code, icb_key(i.name)) for i in ref.icbs if i.code not in plan_icbs])
        self._tables["service"] = self._build([(s.code, s.code, normal(s.name)) for s in plan.services])
        self._foreign["service"] = self._build(
            [(s.code, s.code, normal(s.name)) for s in ref.services if s.code not in plan_services])
        settings = []
        for setting in plan.settings:
            settings.append((setting, setting, normal(setting)))
            settings += [(setting, "", normal(word)) for word in SETTING_SYNONYMS.get(setting, ())]
        self._tables["setting"] = self._build(settings)
        self._foreign["setting"] = {}
        self._plan_settings = plan.settings
        self._names = {  # normalised name or code -> how to suggest it
            "icb": {**{normal(i.code): i.code for i in plan.icbs},
                    **{icb_key(i.name): short_icb_name(i.name) for i in plan.icbs}},
            "service": {**{normal(s.code): s.code for s in plan.services},
                        **{normal(s.name): s.name for s in plan.services}},
            "setting": {normal(k): setting_name(k) for k in plan.settings}}
        self._plan_codes = {"icb": plan_icbs, "service": plan_services, "setting": set(plan.settings)}
        self._aliased: dict[str, set[str]] = {kind: set(table) for kind, table in (aliases or {}).items()}
        self._aliased.update({kind: set() for kind in ("icb", "service", "setting") if kind not in self._aliased})
        for kind, table in (aliases or {}).items():
            for raw, code in table.items():
                self._tables[kind][normal(raw)] = code
                self._tables[kind][str(raw).strip().upper()] = code

    @staticmethod
    def _build(entries: list[tuple[str, str, str]]) -> dict[str, str]:
        """Keys: upper-case codes and normalised names; a name two codes share is ambiguous ("")."""
        table: dict[str, str] = {}
        for code, raw_code, name in entries:
            if raw_code:
                table[raw_code.strip().upper()] = code
            if name:
                table[name] = "" if table.get(name, code) != code else code
        return table

    def is_code(self, kind: str, text: str) -> bool:
        """Whether ``text`` is exactly one of the plan's codes of ``kind``."""
        return text in self._plan_codes[kind]

    def resolve(self, kind: str, value: object) -> tuple[str | None, str | None]:
        cache = self._cache[kind]
        found = cache.get(value)
        if found is None:
            found = cache[value] = self._lookup(kind, value)
        return found

    def _lookup(self, kind: str, value: object) -> tuple[str | None, str | None]:
        text = code_text(value)
        if text in self._plan_codes[kind] and text not in self._aliased[kind]:
            return text, None  # a code exactly as the plan spells it wins over names and other cases
        label = {"icb": "ICB", "service": "service", "setting": "setting"}[kind]
        keys = [text.upper(), normal(text)] + ([icb_key(text)] if kind == "icb" else [])
        for key in keys:
            code = self._tables[kind].get(key)
            if code == "":
                return None, f'{label} "{text}" is ambiguous: it names more than one {label}; use the code'
            if code and code not in self._plan_codes[kind]:  # only a mapping's alias can do this
                return None, f'the mapping gives {label} "{text}" as {code!r}, which is not in this plan'
            if code:
                return code, None
        for key in keys:
            code = self._foreign[kind].get(key)
            if code:
                named = "" if code.upper() == text.upper() else f" ({code})"
                return None, f'{label} "{text}"{named} is not in this plan (it is in the reference data)'
        if kind == "setting":
            hint = suggestion(text, self._names["setting"]).removeprefix("; ")
            return None, (f'unknown setting "{text}"; {hint + " " if hint else ""}the plan\'s settings are '
                          f'{", ".join(setting_name(k) for k in self._plan_settings)}')
        close = icb_key(text) if kind == "icb" else text
        return None, f'unknown {label} "{text}"' + suggestion(close, self._names[kind])
