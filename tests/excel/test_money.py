"""Money from cells to whole pence: exact, in £, £k and £m, rounded half away from zero."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from specplan.excel.money import MoneyError, float_pence, parse_number, pounds_text, to_pence


@pytest.mark.parametrize(("value", "unit", "pence"), [
    ("£1,234.50", "gbp", 123450), ("1 234", "gbp", 123400), ("1\u00a0234.5", "gbp", 123450),
    (" 12.5 ", "gbp", 1250), ("-", "gbp", 0), ("£2.5k", "gbp", 250000), ("£1.2m", "gbp_k", 120_000_000),
    (1234.5, "gbp_k", 123_450_000), (12, "gbp_m", 1_200_000_000), ("0.1", "gbp", 10), (0.1, "gbp", 10),
    (1234.5600000000002, "gbp", 123456), ("1e3", "gbp", 100000), ("GBP 7", "gbp", 700),
])
def test_text_and_numbers_convert_exactly(value, unit, pence):
    assert to_pence(value, unit) == (pence, None)


@pytest.mark.parametrize(("value", "pence", "exact"), [
    ("0.005", 1, "0.5"), (1.005, 101, "100.5"), ("12.345", 1235, "1234.5"), ("0.0049", 0, "0.49"),
])
def test_fractions_of_a_penny_round_half_away_from_zero_and_say_so(value, pence, exact):
    assert to_pence(value, "gbp") == (pence, Decimal(exact))


@pytest.mark.parametrize(("value", "message"), [
    ("12,3x4", "is not a number"), ("1,23", "is not a number"), ("abc", "is not a number"),
    ("(1,234.00)", "is negative"), (-5.0, "is negative"), ("\u22125", "is negative"), ("5-", "is negative"),
    (True, "is not a number (it is TRUE or FALSE)"), (float("nan"), "is not a finite number"),
])
def test_bad_money_says_why(value, message):
    with pytest.raises(MoneyError, match=message.replace("(", r"\(").replace(")", r"\)")):
        to_pence(value, "gbp")


def test_blank_is_not_zero_but_nothing():
    assert to_pence("", "gbp") is None and to_pence(None, "gbp") is None and to_pence("  ", "gbp") is None


@given(st.integers(min_value=0, max_value=10**15), st.sampled_from(["plain", "commas", "pound", "float"]))
def test_any_amount_of_pence_written_as_finance_text_reads_back_exactly(pence, style):
    pounds, rest = divmod(pence, 100)
    text = {"plain": f"{pounds}.{rest:02d}", "commas": f"{pounds:,}.{rest:02d}",
            "pound": f"£{pounds:,}.{rest:02d}", "float": None}[style]
    value = text if text is not None else pence / 100
    if style == "float" and pence >= 10**13:  # beyond 15 significant digits a float is not exact
        return
    assert to_pence(value, "gbp") == (pence, None)


def test_activity_numbers_and_pounds_text():
    assert parse_number("1,234.5") == 1234.5 and parse_number(7.25) == 7.25 and parse_number("") is None
    with pytest.raises(MoneyError):
        parse_number("£3k")  # suffixes are for money only
    assert pounds_text(123456) == "£1,234.56" and pounds_text(-5) == "-£0.05"


@given(st.integers(0, 10**15 - 1), st.sampled_from([100, 100_000, 100_000_000]), st.floats(0, 1e13))
def test_the_fast_float_path_agrees_with_exact_decimals(pence, scale, noise):
    """float_pence (the fast path for large sheets) never disagrees with the Decimal path."""
    for value in (pence / scale, noise):
        fast = float_pence(value, scale)
        exact = Decimal(format(value, ".15g")) * scale
        if fast is not None:
            assert exact == fast
        if value == pence / scale:
            assert fast == pence  # an amount that is whole pence always takes the fast path
