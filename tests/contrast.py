"""WCAG 2 contrast, worked out here from the definition so that tests do not check the app with its own sums.

Relative luminance (WCAG 2.x, "relative luminance"): each sRGB channel c in 0..1 becomes
c / 12.92 when c <= 0.04045, else ((c + 0.055) / 1.055) ** 2.4; L = 0.2126 R + 0.7152 G + 0.0722 B.
The contrast ratio of two colours is (L1 + 0.05) / (L2 + 0.05), the lighter over the darker.
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QImage

TEXT = 4.5  # WCAG AA, 1.4.3: normal-size text
NON_TEXT = 3.0  # WCAG AA, 1.4.11: the parts of controls; and our floor for disabled text


def _linear(channel: int) -> float:
    c = channel / 255
    return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4


def luminance(colour: QColor) -> float:
    return 0.2126 * _linear(colour.red()) + 0.7152 * _linear(colour.green()) + 0.0722 * _linear(colour.blue())


def over(colour: QColor, background: QColor) -> QColor:
    """``colour`` as it shows when painted with its alpha on the opaque ``background``."""
    a = colour.alphaF()
    return QColor(*(round(a * getattr(colour, c)() + (1 - a) * getattr(background, c)())
                    for c in ("red", "green", "blue")))


def contrast(first: QColor, second: QColor) -> float:
    light, dark = sorted((luminance(first), luminance(second)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def painted_contrast(image: QImage, left: int, top: int, width: int, height: int) -> tuple[float, QColor, QColor]:
    """The contrast actually painted in a rectangle of ``image``: its commonest colour (the
    background) against the pixel that differs from it most (the core of the text or the line).
    Returns the ratio, the background and that pixel."""
    counts: dict[int, int] = {}
    pixels = []
    for y in range(max(top, 0), min(top + height, image.height())):
        for x in range(max(left, 0), min(left + width, image.width())):
            rgb = image.pixel(x, y) & 0xFFFFFF
            counts[rgb] = counts.get(rgb, 0) + 1
            pixels.append(rgb)
    if not counts:
        raise ValueError(f"no pixels in {left},{top} {width}x{height} of a {image.width()}x{image.height()} image")
    background = QColor(max(counts, key=counts.get))
    strongest = max((QColor(rgb) for rgb in counts), key=lambda colour: contrast(colour, background))
    return contrast(strongest, background), background, strongest
