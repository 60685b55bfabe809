"""Names in a plan workbook, read the way the finance import reads them.

People fill in the template by typing: ``Inpatient`` or ``Day case`` for a setting, an ICB or a
service by its name (service names have commas in them) as well as by its code. A cell is one
name unless the template says the column holds a list (``services`` and ``icbs`` on Levers,
``settings`` on Plan); a list is split on ``;`` when it has one, else on commas, joining pieces
back together where they make up one name.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..domain import ICB, ServiceLine
from ..domain.reference import Reference, load_reference
from .names import SETTING_SYNONYMS, Vocabulary, normal
from .reader import is_blank


@dataclass(frozen=True)
class Parts:
    """What a Vocabulary needs of a plan, for a plan still being read."""

    icbs: tuple[ICB, ...]
    services: tuple[ServiceLine, ...]
    settings: tuple[str, ...]


def reference_vocabulary(settings: tuple[str, ...], ref: Reference | None = None) -> Vocabulary:
    """Every ICB and service of ``ref`` (the shipped reference data when None), for working out
    what a workbook without Services or ICBs sheets covers."""
    ref = ref or load_reference()
    return Vocabulary(Parts(ref.icbs, ref.services, settings))


def every_vintage_vocabulary(settings: tuple[str, ...]) -> Vocabulary:
    """The ICBs of every known vintage (the latest's name where a code is in several), for
    finding which vintage a workbook's ICB names and codes belong to."""
    from ..domain.user_vintages import load_vintages

    icbs: dict[str, ICB] = {}
    for vintage in reversed(load_vintages().all):
        for icb in vintage.icbs:
            icbs.setdefault(icb.code, icb)
    return Vocabulary(Parts(tuple(icbs.values()), load_reference().services, settings))


def plan_vocabulary(parts: dict) -> Vocabulary:
    return Vocabulary(Parts(parts["icbs"], parts["services"], parts["settings"]))


def setting_id(text: str) -> str:
    """``Inpatient``, ``IP`` or ``Day case`` as the setting's id; other text as typed."""
    key = normal(text)
    for setting, words in SETTING_SYNONYMS.items():
        if key == normal(setting) or key in words:
            return setting
    return text.strip()


def split_list(vocab: Vocabulary, kind: str, text: str) -> list[tuple[str | None, str | None, str]]:
    """``(code, why, piece)`` for each name or code in a list cell (see the module note)."""
    if is_blank(text):
        return []
    separator = ";" if ";" in text else ","
    pieces = [p.strip() for p in text.split(separator)]
    if all(vocab.is_code(kind, p) for p in pieces if p):  # codes, as an export writes them
        return [(p, None, p) for p in pieces if p]
    whole = vocab.resolve(kind, text.strip())
    if whole[0] is not None:
        return [(whole[0], None, text.strip())]
    if separator == ";":
        return [(*vocab.resolve(kind, p), p) for p in pieces if p]
    found: list[tuple[str | None, str | None, str]] = []
    start = 0
    while start < len(pieces):
        for end in range(len(pieces), start, -1):  # the longest run of pieces that is one name
            joined = ", ".join(pieces[start:end])
            code, why = vocab.resolve(kind, joined)
            if code is not None or end == start + 1:
                if joined:
                    found.append((code, why, joined))
                start = end
                break
    return found
