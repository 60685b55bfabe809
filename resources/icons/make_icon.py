"""Draw specplan's icon (bars moving from a bed-red column to community green) as PNG and ICO.

    QT_QPA_PLATFORM=offscreen python resources/icons/make_icon.py
"""

from pathlib import Path

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QGuiApplication, QImage, QPainter, QPainterPath

HERE = Path(__file__).parent


def draw(size: int) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    outline = QPainterPath()
    outline.addRoundedRect(QRectF(0, 0, size, size), size * 0.18, size * 0.18)
    painter.fillPath(outline, QColor("#0072B2"))
    colours = ("#D55E00", "#E69F00", "#56B4E9", "#009E73")
    heights = (0.62, 0.48, 0.36, 0.70)
    width = size * 0.16
    for n, (colour, height) in enumerate(zip(colours, heights)):
        x = size * 0.12 + n * size * 0.2
        painter.fillRect(QRectF(x, size * (0.88 - height), width, size * height), QColor(colour))
    painter.end()
    return image


if __name__ == "__main__":
    app = QGuiApplication([])
    draw(256).save(str(HERE / "specplan.png"))
    draw(64).save(str(HERE / "specplan.ico"))
    print("wrote", HERE / "specplan.png", HERE / "specplan.ico")
