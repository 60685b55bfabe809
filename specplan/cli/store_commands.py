"""Commands over store (filled in by the store work)."""

from __future__ import annotations

COMMANDS: list = []
