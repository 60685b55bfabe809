"""The light and dark themes: whole palettes on the Fusion style, on every platform.

Whole palettes because Qt's default one fills in what a theme leaves out with light-theme
colours: a half-transparent black placeholder (invisible on a dark field) and disabled text as
bright as enabled text. Disabled text here is distinctly dimmer yet keeps 3:1 on its background;
everything else keeps WCAG AA's 4.5:1. Fusion because it paints from the palette, where the
platform styles (Windows' especially) ignore much of it; with one addition, an edge round check
boxes and radio buttons, which Fusion draws in a shade of Window that vanishes on a dark one.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QPainter, QPalette, QPen
from PySide6.QtWidgets import QApplication, QProxyStyle, QStyle, QStyleFactory

from ..tones import mix

Role = QPalette.ColorRole
Group = QPalette.ColorGroup

DARK = {
    Role.Window: "#2B2B2B", Role.WindowText: "#EEEEEE", Role.Base: "#1E1E1E", Role.AlternateBase: "#333333",
    Role.Text: "#EEEEEE", Role.Button: "#3A3A3A", Role.ButtonText: "#EEEEEE", Role.BrightText: "#FFFFFF",
    Role.Highlight: "#0072B2", Role.HighlightedText: "#FFFFFF", Role.ToolTipBase: "#333333",
    Role.ToolTipText: "#EEEEEE", Role.PlaceholderText: "#A0A0A0", Role.Link: "#56B4E9",
    Role.LinkVisited: "#CC79A7", Role.Light: "#505050", Role.Midlight: "#444444", Role.Mid: "#303030",
    Role.Dark: "#1A1A1A", Role.Shadow: "#0A0A0A", Role.Accent: "#0072B2",
}
DARK_DISABLED = {Role.WindowText: "#8A8A8A", Role.Text: "#8A8A8A", Role.ButtonText: "#8A8A8A",
                 Role.PlaceholderText: "#6E6E6E", Role.HighlightedText: "#CCCCCC", Role.Highlight: "#3F4F5A"}
#: Changes to Fusion's own light palette: its highlight (#308CC6) holds white text at only 3.7:1,
#: its placeholder is half-transparent black, its disabled text too faint (1.6:1).
LIGHT = {Role.Highlight: "#0072B2", Role.HighlightedText: "#FFFFFF", Role.PlaceholderText: "#6B6B6B",
         Role.Accent: "#0072B2"}
LIGHT_DISABLED = {Role.WindowText: "#7A7A7A", Role.Text: "#7A7A7A", Role.ButtonText: "#7A7A7A",
                  Role.PlaceholderText: "#9A9A9A", Role.HighlightedText: "#F0F0F0", Role.Highlight: "#8FA9BF"}
#: How much of the text colour goes into the edge of a check box (the rest is Base): 3:1 or more
#: against Base and Window in both themes (WCAG 1.4.11, the parts of controls).
EDGE_SHARE = 0.6
INDICATORS = (QStyle.PrimitiveElement.PE_IndicatorCheckBox, QStyle.PrimitiveElement.PE_IndicatorRadioButton)

_platform_style: str | None = None  # the style the application started with, for "system"
_style = None  # ours, kept referenced while the application holds it


class ThemeStyle(QProxyStyle):
    """Fusion, with an edge round check boxes and radio buttons that shows on a dark palette."""

    def __init__(self):
        super().__init__(QStyleFactory.create("Fusion"))
        self.setObjectName("specplan_theme_style")

    def drawPrimitive(self, element, option, painter, widget=None):  # noqa: N802 - Qt's name
        super().drawPrimitive(element, option, painter, widget)
        if element in INDICATORS:
            palette = option.palette
            edge = mix(palette.color(Role.Text), palette.color(Role.Base), EDGE_SHARE)
            painter.save()
            painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
            painter.setPen(QPen(edge, 1))
            painter.setBrush(QColor(0, 0, 0, 0))
            box = QRectF(option.rect).adjusted(0.5, 0.5, -1.5, -1.5)
            if element == QStyle.PrimitiveElement.PE_IndicatorCheckBox:
                painter.drawRoundedRect(box, 1, 1)
            else:
                painter.drawEllipse(box)
            painter.restore()


def dark_palette() -> QPalette:
    palette = QPalette()
    for role, colour in DARK.items():
        palette.setColor(role, QColor(colour))
    for role, colour in DARK_DISABLED.items():
        palette.setColor(Group.Disabled, role, QColor(colour))
    return palette


def light_palette(style: QStyle) -> QPalette:
    palette = style.standardPalette()
    for role, colour in LIGHT.items():
        palette.setColor(role, QColor(colour))
    for role, colour in LIGHT_DISABLED.items():
        palette.setColor(Group.Disabled, role, QColor(colour))
    return palette


def apply_theme(theme: str) -> None:
    """Light and dark palettes on our Fusion; 'system' gives back the platform's own style and palette."""
    global _platform_style, _style
    app = QApplication.instance()
    if app is None:
        return
    current = app.style()
    if _platform_style is None and current.objectName() != "specplan_theme_style":
        _platform_style = current.name()
    if theme in ("dark", "light"):
        if current.objectName() != "specplan_theme_style":
            _style = ThemeStyle()
            app.setStyle(_style)
        app.setPalette(dark_palette() if theme == "dark" else light_palette(app.style()))
        return
    if current.objectName() == "specplan_theme_style" and _platform_style is not None:
        app.setStyle(QStyleFactory.create(_platform_style))
    app.setPalette(QPalette())
