"""Commands over excel (filled in by the excel work)."""

from __future__ import annotations

COMMANDS: list = []
