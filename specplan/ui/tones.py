"""Colours that carry a meaning (the best of a row, a warning, an error), taken from the current
palette so that they read in the light theme and the dark one.

A meaning is a hue tinted into the palette's Base (pale on white, deep on near-black), and its
text is the palette's Text when that reaches WCAG AA (4.5:1) on the tint, else black or white.
Never a fixed pale background under the palette's text colour: in the dark theme that is white
on pale green.
"""

from __future__ import annotations

from PySide6.QtGui import QBrush, QColor, QGuiApplication, QPalette

TEXT_CONTRAST = 4.5  # WCAG AA for normal-size text
#: Okabe & Ito hues, as in the charts: bluish green for "best", vermillion for "warn" and errors.
HUES = {"good": QColor("#009E73"), "warn": QColor("#D55E00")}
ERROR_HUE = QColor("#C0392B")

_cache: dict[tuple[str, int], tuple[QBrush, QBrush]] = {}


def luminance(colour: QColor) -> float:
    """WCAG relative luminance of an opaque sRGB colour."""
    def linear(channel: int) -> float:
        c = channel / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4
    return 0.2126 * linear(colour.red()) + 0.7152 * linear(colour.green()) + 0.0722 * linear(colour.blue())


def contrast(first: QColor, second: QColor) -> float:
    light, dark = sorted((luminance(first), luminance(second)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def mix(colour: QColor, into: QColor, share: float) -> QColor:
    """``share`` of ``colour`` mixed into ``into``."""
    return QColor(*(round(share * getattr(colour, c)() + (1 - share) * getattr(into, c)())
                    for c in ("red", "green", "blue")))


def is_dark(palette: QPalette) -> bool:
    return luminance(palette.color(QPalette.ColorRole.Base)) < 0.2


def text_on(background: QColor, palette: QPalette) -> QColor:
    """The palette's text colour if it reads on ``background``, else whichever of black and white reads better."""
    text = palette.color(QPalette.ColorRole.Text)
    if contrast(text, background) >= TEXT_CONTRAST:
        return text
    return max((QColor("#000000"), QColor("#FFFFFF")), key=lambda c: contrast(c, background))


def tone(kind: str, palette: QPalette | None = None) -> tuple[QBrush, QBrush]:
    """(background, text) brushes for a cell meaning ``kind`` ("good" or "warn") in ``palette``
    (the application's if none), worked out once per palette."""
    palette = palette or QGuiApplication.palette()
    key = (kind, palette.cacheKey())
    if key not in _cache:
        if len(_cache) > 32:  # palettes come and go with the theme
            _cache.clear()
        base = palette.color(QPalette.ColorRole.Base)
        background = mix(HUES[kind], base, 0.35 if is_dark(palette) else 0.2)
        _cache[key] = (QBrush(background), QBrush(text_on(background, palette)))
    return _cache[key]


def readable(colour: QColor, background: QColor, minimum: float = TEXT_CONTRAST) -> QColor:
    """``colour`` moved toward white (on a dark background) or black (on a light one) until it
    reaches ``minimum`` contrast on ``background``: the same hue, readable in either theme."""
    target = QColor("#FFFFFF") if luminance(background) < 0.18 else QColor("#000000")
    for step in range(11):
        shifted = mix(target, colour, step / 10)
        if contrast(shifted, background) >= minimum:
            return shifted
    return target


def error_text(palette: QPalette | None = None) -> QColor:
    """A red for error messages on the palette's Window."""
    palette = palette or QGuiApplication.palette()
    return readable(ERROR_HUE, palette.color(QPalette.ColorRole.Window))
