"""A custom phasing as typed, year by year, and what is wrong with it in the table's terms.

The table is a draft: a person raising a profile types the later years first or the earlier
ones, and in between the profile may dip or stop short of 100%. So each cell is only checked on
its own as it is typed (is it a percentage from 0% to 100%?); the profile as a whole (never
going down, 100% in the final year) is checked when it is finished, and the problem is told
about the year the user changed where it involves that year, in percent as the table shows.
"""

from __future__ import annotations

from dataclasses import dataclass

from ...domain.errors import ValidationError
from ..formatting import share

RISING = "the share of the target reached can only stay level or rise from one year to the next"


@dataclass(frozen=True)
class Problem:
    column: int
    message: str


def parse_fraction(text: str | float) -> float:
    """``'60%'``, ``'60'`` or ``'0.6'`` -> 0.6; anything else is a ValidationError."""
    if isinstance(text, float):
        return text
    cleaned = text.strip().replace(",", "")
    percent = cleaned.endswith("%")
    try:
        value = float(cleaned.rstrip("%").strip())
    except ValueError:
        raise ValidationError("phasing value", text, "a percentage such as 60% or a fraction such as 0.6") from None
    if value != value:
        raise ValidationError("phasing value", text, "a percentage such as 60%")
    return value / 100.0 if percent or value > 1.0 else value


def cell_problem(year: str, text: str | float) -> str | None:
    """What is wrong with one year's value on its own, or None."""
    try:
        value = parse_fraction(text)
    except ValidationError:
        return f"{year} not changed: \u201c{str(text).strip()}\u201d is not a percentage; type one such as 60%."
    if not 0.0 <= value <= 1.0:
        return (f"{year} not changed: {share(value)} is outside 0% to 100%; the share of the target reached "
                f"by {year} is from 0% to 100%.")
    return None


def read(years: list[str], texts: list[str | float], edited: int | None) -> tuple[list[float] | None, Problem | None]:
    """Each year's fraction, or the first cell that is not one (the edited cell first)."""
    order = ([edited] if edited is not None and 0 <= edited < len(texts) else []) + list(range(len(texts)))
    for column in order:
        message = cell_problem(years[column], texts[column])
        if message:
            return None, Problem(column, message)
    return [parse_fraction(text) for text in texts], None


def profile_problem(years: list[str], values: list[float], edited: int | None) -> Problem | None:
    """Why the finished profile cannot be the lever's phasing, or None when it can.

    Among the problems, the one involving the year the user changed is told first, about it.
    """
    found: list[tuple[bool, Problem]] = []
    final = len(values) - 1
    if values and values[final] != 1.0:
        found.append((edited == final, Problem(final, (
            f"{years[final]} (the final year): {share(values[final])} must be {share(1.0)}, the whole target "
            f"reached by the end of the plan; the phasing is not applied yet."))))
    for later in range(1, len(values)):
        before, after = values[later - 1], values[later]
        if after >= before:
            continue
        if edited == later - 1:
            found.append((True, Problem(edited, (
                f"{years[edited]}: {share(before)} is above {years[later]}'s {share(after)}; {RISING}. "
                f"Lower {years[edited]} or raise {years[later]}; the phasing is not applied yet."))))
        else:
            found.append((edited == later, Problem(later, (
                f"{years[later]}: {share(after)} is below {years[later - 1]}'s {share(before)}; {RISING}. "
                f"Raise {years[later]} or lower {years[later - 1]}; the phasing is not applied yet."))))
    if not found:
        return None
    return next((problem for mine, problem in found if mine), found[0][1])
