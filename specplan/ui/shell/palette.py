"""One colour-blind-safe colour (and a line style) per setting and per option, everywhere."""

from __future__ import annotations

from PySide6.QtCore import Qt

# Okabe & Ito (2008), distinguishable with the common colour-vision deficiencies.
OKABE_ITO = ("#E69F00", "#56B4E9", "#009E73", "#0072B2", "#D55E00", "#CC79A7", "#F0E442", "#000000")
DO_NOTHING_COLOUR = "#7F7F7F"
SETTING_COLOURS = {
    "inpatient": "#D55E00",
    "day_case": "#E69F00",
    "outpatient": "#56B4E9",
    "community": "#009E73",
}
# Line styles so that no meaning rests on colour alone.
LINE_STYLES = (Qt.PenStyle.SolidLine, Qt.PenStyle.DashLine, Qt.PenStyle.DotLine,
               Qt.PenStyle.DashDotLine, Qt.PenStyle.DashDotDotLine)
SYMBOLS = ("o", "s", "t", "d", "+", "x", "star", "h")


def option_colour(position: int, name: str = "") -> str:
    if name == "Do nothing":
        return DO_NOTHING_COLOUR
    return OKABE_ITO[position % len(OKABE_ITO)]


def setting_colour(setting: str, position: int) -> str:
    return SETTING_COLOURS.get(setting, OKABE_ITO[(position + 4) % len(OKABE_ITO)])
