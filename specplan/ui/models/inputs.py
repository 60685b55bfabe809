"""Reading what a person types into a table cell: pounds and pence, or an amount of activity.

Errors are ``ValueError`` with a message that says what was expected.
"""

from __future__ import annotations

import math
import re
from decimal import Decimal

_NUMBER = re.compile(r"^(\d{1,3}(,\d{3})+|\d+)?(\.\d*)?$")


def _clean(text: object) -> str:
    value = str(text).strip().replace(" ", "").replace("\u00a0", "")
    if not value:
        raise ValueError("a value is needed")
    if value.startswith(("-", "£-")):
        raise ValueError(f"{text!s} is negative; it must be zero or more")
    return value


def parse_pounds(text: object) -> int:
    """``"£1,234.50"``, ``"1234.5"`` or ``"1234"`` -> whole pence (123450, 123450, 123400)."""
    value = _clean(text).removeprefix("£")
    match = _NUMBER.match(value)
    if not match or value in {"", "."}:
        raise ValueError(f"{text!s} is not an amount in pounds (for example £1,234.50)")
    decimals = match.group(3) or ""
    if len(decimals) > 3:
        raise ValueError(f"{text!s} has fractions of a penny; give pounds and pence (for example £1,234.50)")
    return int(Decimal(value.replace(",", "")) * 100)


def parse_activity(text: object) -> float:
    """``"1,234.5"`` -> 1234.5; activity is a non-negative finite number in the setting's unit."""
    value = _clean(text)
    if not _NUMBER.match(value) or value == ".":
        raise ValueError(f"{text!s} is not a number of units of activity (for example 1,234.5)")
    number = float(value.replace(",", ""))
    if not math.isfinite(number):
        raise ValueError(f"{text!s} is not a finite number")
    return number
