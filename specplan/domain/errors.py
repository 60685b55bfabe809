"""Errors a user can cause by giving the domain model bad values."""

from __future__ import annotations


class UserError(Exception):
    """An error the user caused and can act on (bad value, bad file, bad workbook).

    The UI shows its message; the command line prints it and exits 2. Subclasses:
    ValidationError here, PlanFileError in store, ImportFileError in excel.
    """


class ValidationError(UserError, ValueError):
    """A value broke a rule of the plan; the message names the field, the value and the rule.

    ``problems`` holds every problem found when several were collected at once.
    """

    def __init__(self, field: str, value: object, expected: str, problems: list[str] | None = None):
        self.field = field
        self.value = value
        self.expected = expected
        message = f"{field}: {value!r} is not valid; expected {expected}"
        self.problems = problems or [message]
        super().__init__(message if len(self.problems) == 1 else "\n".join(self.problems))


def check(condition: bool, field: str, value: object, expected: str) -> None:
    """Raise ValidationError unless ``condition`` holds."""
    if not condition:
        raise ValidationError(field, value, expected)


def check_share(field: str, value: float) -> None:
    """A share is a fraction from 0 to 1 inclusive."""
    check(_is_number(value) and 0.0 <= value <= 1.0, field, value, "a share from 0 to 1")


def _is_number(value: object) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool) and value == value
