"""Money from spreadsheet cells to whole pence, exactly.

Finance sheets hold pounds as numbers or as text (``£1,234.50``, ``(1,234.00)``, ``1 234``), in
£, £k or £m. Numbers go through :class:`~decimal.Decimal`, never binary floating point, so
every amount converts exactly; an amount that is not a whole number of pence is rounded half
away from zero and flagged so the import can warn (model.md).
"""

from __future__ import annotations

import math
import re
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

#: Pounds per unit of each ``--units`` choice.
UNITS: dict[str, int] = {"gbp": 1, "gbp_k": 1_000, "gbp_m": 1_000_000}
UNIT_LABELS: dict[str, str] = {"gbp": "£", "gbp_k": "£k", "gbp_m": "£m"}
_SUFFIX: dict[str, int] = {"k": 1_000, "m": 1_000_000, "bn": 1_000_000_000}
#: Excel shows (and keeps from typing) 15 significant digits; beyond that a float is noise.
EXCEL_DIGITS = 15
_SPACES = str.maketrans({"\u00a0": " ", "\u202f": " ", "\u2009": " ", "\u2007": " "})
_NUMBER = re.compile(
    r"""^(?P<sign>[-+\u2212]?)\s*(?:£|gbp)?\s*(?P<num>
        \d{1,3}(?:,\d{3})+(?:\.\d*)? | \d{1,3}(?:\ \d{3})+(?:\.\d*)? | \d+(?:\.\d*)? | \.\d+ )
        (?:e(?P<exp>[-+]?\d+))? \s*(?P<suffix>k|m|bn)?\s*(?P<trail>-?)$""",
    re.VERBOSE | re.IGNORECASE,
)
_NIL = {"-", "\u2013", "\u2014", "nil"}


class MoneyError(ValueError):
    """Why a cell is not an amount of money; the message completes ``spend "x" ...``."""


def parse_decimal(value: object, *, money: bool = True) -> Decimal | None:
    """A cell as an exact decimal (None for a blank cell). Raises MoneyError if it is not a number.

    Text may carry ``£``, thousands separators (commas or spaces), accounting brackets for
    negatives, and (for money) a ``k``/``m``/``bn`` suffix; ``-`` alone is nil.
    """
    return _parse(value, money)[0]


def _parse(value: object, money: bool) -> tuple[Decimal | None, bool]:
    """``(number, had a k/m/bn suffix)``."""
    if value is None:
        return None, False
    if isinstance(value, bool):
        raise MoneyError("is not a number (it is TRUE or FALSE)")
    if isinstance(value, int):
        return Decimal(value), False
    if isinstance(value, float):
        if not math.isfinite(value):
            raise MoneyError("is not a finite number")
        return Decimal(format(value, f".{EXCEL_DIGITS}g")), False
    if not isinstance(value, str):
        raise MoneyError(f"is not a number (it is a {type(value).__name__})")
    text = value.translate(_SPACES).strip()
    if not text:
        return None, False
    if text.lower() in _NIL:
        return Decimal(0), False
    negative = False
    if text.startswith("(") and text.endswith(")"):
        negative, text = True, text[1:-1].strip()
    match = _NUMBER.match(text)
    if not match or (match["suffix"] and not money):
        raise MoneyError("is not a number")
    digits = match["num"].replace(",", "").replace(" ", "")
    try:
        number = Decimal(digits + (f"e{match['exp']}" if match["exp"] else ""))
    except InvalidOperation:
        raise MoneyError("is not a number") from None
    if match["suffix"]:
        number *= _SUFFIX[match["suffix"].lower()]
    if match["sign"] in ("-", "\u2212") or match["trail"]:
        negative = not negative
    return (-number if negative and number else number), bool(match["suffix"])


def to_pence(value: object, unit: str = "gbp") -> tuple[int, Decimal | None] | None:
    """``(pence, exact)`` for a cell of money in ``unit`` (None for a blank cell).

    ``exact`` is None when the amount was a whole number of pence; otherwise it is the exact
    amount in pence (a Decimal) and ``pence`` is that rounded half away from zero, so callers can
    warn and reconcile totals before rounding. A ``k``/``m``/``bn`` suffix in text gives pounds
    outright, whatever the unit. Raises MoneyError for text that is not a number and for
    negative amounts.
    """
    if type(value) is float:
        pence = float_pence(value, UNITS[unit] * 100)
        if pence is not None:
            return pence, None
    number, suffixed = _parse(value, True)
    if number is None:
        return None
    if number < 0:
        raise MoneyError("is negative")
    exact = number * (1 if suffixed else UNITS[unit]) * 100
    rounded = exact.quantize(Decimal(1), rounding=ROUND_HALF_UP)  # ties away from zero
    return int(rounded), (exact if rounded != exact else None)


def float_pence(value: float, scale: int) -> int | None:
    """Pence for a float that is exactly a whole number of pence as Excel shows it, else None.

    The fast path for large sheets, and exact: for ``0 <= n < 10**15``, if ``n / scale`` rounds
    to the float ``value`` then the 15-digit decimal Excel shows for ``value`` is ``n / scale``
    (float error is under a quarter of the spacing of 15-digit decimals), which is what the
    Decimal path would find. Anything else (fractions of a penny, negatives) returns None.
    """
    pence = round(value * scale) if math.isfinite(value) else -1
    if 0 <= pence < 10**15 and pence / scale == value:
        return pence
    return None


def parse_number(value: object) -> float | None:
    """A non-money quantity (activity) from a number or text; None when blank."""
    if isinstance(value, float) and math.isfinite(value):
        return value
    number = parse_decimal(value, money=False)
    return None if number is None else float(number)


def pounds_text(pence: int) -> str:
    """``123456`` -> ``£1,234.56`` (exact; for reports and messages)."""
    sign = "-" if pence < 0 else ""
    pounds, rest = divmod(abs(int(pence)), 100)
    return f"{sign}£{pounds:,}.{rest:02d}"


def pounds(pence: int) -> float:
    """Pence as a float number of pounds for a workbook cell; exact below £10 trillion."""
    return int(pence) / 100


def describe_cell(value: object) -> str:
    """A cell's value quoted as the user sees it, for messages: ``"12,3x4"`` or ``-5``."""
    if isinstance(value, str):
        return '"' + (value if len(value) <= 40 else value[:37] + "...") + '"'
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)
