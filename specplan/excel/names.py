"""Recognise ICBs, services and settings as finance staff write them: codes or names.

An ICB may appear as its ODS code (``QJ2``), its ONS code (``E54000058``) or its name with or
without the ``NHS`` and ``Integrated Care Board`` trimmings; a service as its code or name;
a setting as ``Inpatient``, ``IP``, ``Day case`` and so on. Anything in the reference data but
not in the plan gets its own message, so "unknown" always means unknown.
"""

from __future__ import annotations

import re
from functools import cache

from ..domain.plan import Plan
from ..domain.reference import load_reference, read_table
from ..paths import resources_dir

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
    return _ICB_TRIM.match(normal(name)).group(2)


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

    def __init__(self, plan: Plan, aliases: dict[str, dict[str, str]] | None = None):
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
        self._plan_codes = {"icb": plan_icbs, "service": plan_services, "setting": set(plan.settings)}
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

    def resolve(self, kind: str, value: object) -> tuple[str | None, str | None]:
        cache = self._cache[kind]
        found = cache.get(value)
        if found is None:
            found = cache[value] = self._lookup(kind, value)
        return found

    def _lookup(self, kind: str, value: object) -> tuple[str | None, str | None]:
        text = code_text(value)
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
            return None, f'unknown setting "{text}"; the plan\'s settings are {", ".join(self._plan_settings)}'
        return None, f'unknown {label} "{text}"'
