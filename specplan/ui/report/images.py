"""Chart images of the report and the keys its pages cite them by (apart from the charts that
draw them, so the pages and the context need no chart code)."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QImage


@dataclass(frozen=True)
class ChartImage:
    """An image for the report, and the size (96-dpi pixels) to show it at."""

    key: str
    image: QImage
    width: int
    height: int
    caption: str


TRAJECTORY = "chart:trajectory"
OPTION_MIX = "chart:option-mix"


def option_keys(position: int) -> tuple[str, str, str]:
    """The setting-mix, shift and tornado chart keys of the option at ``position`` in the report."""
    return f"chart:mix-{position}", f"chart:shift-{position}", f"chart:tornado-{position}"


def waterfall_key(position: int) -> str:
    """The key of the waterfall of what each lever contributes, of the option at ``position``."""
    return f"chart:waterfall-{position}"
