"""Words for people: counts with the right plural, settings and samples by their display names.

Messages reach finance staff, so they say "1 problem" and "7 problems" (never "problem(s)"),
and "day case" rather than the internal ``day_case``.
"""

from __future__ import annotations

_IRREGULAR = {"ICB": "ICBs", "is": "are", "was": "were", "has": "have"}


def plural(count: int, word: str, many: str | None = None) -> str:
    """``plural(1, "problem")`` -> ``"1 problem"``; ``plural(7, "problem")`` -> ``"7 problems"``."""
    if count == 1:
        return f"1 {word}"
    return f"{count:,} {many or _IRREGULAR.get(word) or word + 's'}"


def setting_name(setting: str) -> str:
    """A setting as people write it: ``day_case`` -> ``day case``, ``out_of_area`` -> ``out of area``."""
    return setting.replace("_", " ")
