"""Financial-year labels such as ``2025/26``."""

from __future__ import annotations

import re

from .errors import ValidationError

_LABEL = re.compile(r"^\s*(\d{4})\s*[/-]\s*(\d{2}|\d{4})\s*$")


def year_label(start_year: int) -> str:
    """``2025`` -> ``"2025/26"``."""
    return f"{start_year}/{(start_year + 1) % 100:02d}"


def parse_year_label(text: str, field: str = "year") -> int:
    """``"2025/26"`` (or ``2025-26``, ``2025/2026``) -> ``2025``."""
    match = _LABEL.match(str(text))
    if match:
        start, end = int(match.group(1)), int(match.group(2))
        if end % 100 == (start + 1) % 100:
            return start
    raise ValidationError(field, text, "a financial year such as '2025/26'")
