"""Commands that write reports (filled in by the report work)."""

from __future__ import annotations

COMMANDS: list = []
