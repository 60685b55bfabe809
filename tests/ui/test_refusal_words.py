"""A domain refusal rewritten in the terms of the control it came from."""

from __future__ import annotations

from specplan.domain.errors import ValidationError, check_share
from specplan.ui.refusal_words import percent, refusal_text
from specplan.ui.widgets.phasing_draft import profile_problem, read


def test_a_share_refused_speaks_in_percent_about_the_control():
    try:
        check_share("target_share", 1.5)
    except ValidationError as error:
        text = refusal_text(error, "Target share", percent)
    assert text == "Target share not changed: 150.0% is not accepted; expected a percentage from 0.0% to 100.0%."
    assert "target_share" not in text and "1.5" not in text


def test_a_plain_reason_is_passed_on_after_the_field():
    assert refusal_text("This plan is open read-only: held by ana", "Spend") == (
        "Spend not changed: This plan is open read-only: held by ana")


def test_a_finished_profile_is_told_about_the_year_the_user_changed():
    years = ["2026/27", "2027/28", "2028/29"]
    values, problem = read(years, ["10%", "0.05", 1.0], edited=1)
    assert problem is None and values == [0.1, 0.05, 1.0]
    assert profile_problem(years, values, edited=1).message.startswith("2027/28: 5.0% is below 2026/27's 10.0%")
    assert profile_problem(years, values, edited=0).message.startswith("2026/27: 10.0% is above 2027/28's 5.0%")
    assert profile_problem(years, [0.1, 0.5, 0.9], edited=2).column == 2
    assert profile_problem(years, [0.5, 0.5, 1.0], edited=0) is None
    _values, problem = read(years, ["10%", "x", "y"], edited=2)
    assert problem.column == 2 and "\u201cy\u201d is not a percentage" in problem.message
