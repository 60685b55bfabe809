"""Reading what a person types into a table cell: an amount of money, or an amount of activity.

A cell takes the same text the importer takes from a finance sheet (``4.1m``, ``£4.1m``,
``4,100k``, ``£4,100,000``, ``(1,234)``...): both read it through ``excel.money``, so what a
spreadsheet may hold a person may type. Errors are ``ValueError`` whose message says, in pounds,
what was typed and what would do.
"""

from __future__ import annotations

import math

POUNDS = "type pounds such as £4,100,000, 4,100k or £4.1m"


def _money():
    from ...excel import money  # the Excel layer loads with the first edit, not with the window

    return money


def _text(text: object) -> str:
    return f"\u201c{str(text).strip()}\u201d"


def parse_pounds(text: object) -> int:
    """``"£1,234.50"`` -> 123450 pence, ``"4.1m"`` -> 410000000: pounds as the importer reads them."""
    money = _money()
    try:
        read = money.to_pence(str(text), "gbp")
    except money.MoneyError as error:
        rule = "spend is zero or more" if "negative" in str(error) else POUNDS
        raise ValueError(f"{_text(text)} {error}; {rule}") from None
    if read is None:
        raise ValueError(f"a value is needed; {POUNDS}")
    pence, exact = read
    if exact is not None:
        raise ValueError(f"{_text(text)} has a fraction of a penny (£{exact / 100:,}); give pounds and pence "
                         f"such as {money.pounds_text(pence)}")
    return pence


def parse_activity(text: object) -> float:
    """``"1,234.5"`` -> 1234.5; activity is a non-negative finite number in the setting's unit."""
    money = _money()
    example = "type a number of units such as 1,234.5"
    try:
        number = money.parse_number(str(text))
    except money.MoneyError as error:
        raise ValueError(f"{_text(text)} {error}; {example}") from None
    if number is None:
        raise ValueError(f"a value is needed; {example}")
    if not math.isfinite(number):
        raise ValueError(f"{_text(text)} is not a finite number; {example}")
    if number < 0:
        raise ValueError(f"{_text(text)} is negative; activity is zero or more")
    return number
