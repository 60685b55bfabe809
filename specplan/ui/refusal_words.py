"""A refused edit in the words and units of the control it came from.

The domain's messages name its own fields (``to_setting``, ``phasing value for year 2``) and
speak in fractions; the table the user typed into shows a year and percentages, or pounds. The
UI rewrites the message at its boundary: the field becomes the name the control shows, the
value is written as the control writes it, and fractions in the rule become percentages.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from ..domain.errors import ValidationError
from .formatting import share

_FRACTIONS = re.compile(r"\b(?:a )?(share|fraction) from (\d*\.?\d+) to (\d*\.?\d+)")
_FINAL_ONE = re.compile(r"^1 \(")


def percent(value: object) -> str:
    """A fraction as the phasing table and share controls show it: ``0.4`` -> ``40.0%``."""
    return share(float(value)) if isinstance(value, (int, float)) and not isinstance(value, bool) else quoted(value)


def quoted(value: object) -> str:
    return f"\u201c{value}\u201d" if isinstance(value, str) else str(value)


def in_percent(rule: str) -> str:
    """``a share from 0 to 1`` -> ``a percentage from 0.0% to 100.0%`` (and ``1 (...)`` -> ``100.0% (...)``)."""
    rule = _FRACTIONS.sub(lambda m: f"a percentage from {share(float(m[2]))} to {share(float(m[3]))}", rule)
    return _FINAL_ONE.sub(f"{share(1.0)} (", rule)


def refusal_text(error: ValidationError | str, field: str, shown: Callable[[object], str] | None = None) -> str:
    """``field: value not accepted; expected rule`` in the control's terms.

    ``shown`` writes the refused value as the control shows it (percent, pounds); when it is
    ``percent``, fractions in the rule become percentages too. A plain message (read-only,
    review mode) is passed on as it is, after the field.
    """
    if not isinstance(error, ValidationError):
        return f"{field} not changed: {error}"
    write = shown or quoted
    rule = in_percent(error.expected) if write is percent else error.expected
    if isinstance(error.value, (tuple, list, set, frozenset, dict)):
        # Not a value the user typed but what the edit would leave behind: name what it is.
        if rule.startswith("at least one"):
            return f"{field} not changed: it would leave {error.field} without {_what(rule)}; expected {rule}."
        return f"{field} not changed: expected {rule} in {error.field}."
    return f"{field} not changed: {write(error.value)} is not accepted; expected {rule}."


def _what(rule: str) -> str:
    """``at least one ICB (...)`` -> ``an ICB``: what an empty collection lacks, for the message."""
    match = re.match(r"at least one (\w+)", rule)
    return f"a{'n' if match[1][0] in 'AEIOUaeiou' else ''} {match[1]}" if match else "what it needs"
