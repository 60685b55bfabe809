"""Lay HTML out on A4 pages with QPdfWriter and QTextDocument: real text, a footer with the page
number on every page, written to a temporary file that replaces the target only when complete."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path

from PySide6.QtCore import QMarginsF, QPointF, QRectF, Qt, QUrl
from PySide6.QtGui import (
    QColor,
    QFont,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QPen,
    QTextDocument,
)

from ...domain.files import atomic_path
from .images import ChartImage

RESOLUTION = 300  # dots per inch of the PDF's coordinate space
MARGINS_MM = (20.0, 16.0, 20.0, 22.0)  # left, top, right, bottom
FOOTER_MM = 12.0  # footer text baseline, from the bottom edge
FONTS = ["Arial", "Helvetica", "Liberation Sans", "DejaVu Sans"]


def write_pdf(html_for: Callable[[dict[str, int]], str], images: Mapping[str, ChartImage], target: Path,
              title: str, footer: str) -> int:
    """Write the PDF and return its page count.

    ``html_for(pages)`` gives the document's HTML given the page number of each level-1 heading
    (empty the first time), so the contents can list pages.
    """
    with atomic_path(target, ".pdf.part") as temporary:  # the mode an ordinary save gives
        return _write(html_for, images, str(temporary), title, footer)


def _write(html_for, images, path: str, title: str, footer: str) -> int:
    writer = QPdfWriter(path)
    writer.setResolution(RESOLUTION)
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait,
                                     QMarginsF(0, 0, 0, 0)))
    writer.setTitle(title)
    writer.setCreator("specplan")
    page = writer.pageLayout().fullRectPixels(RESOLUTION)
    left, top, right, bottom = (_px(mm) for mm in MARGINS_MM)
    body = QRectF(0, 0, page.width() - left - right, page.height() - top - bottom)

    document = _document(html_for({}), images, writer, body)
    document = _document(html_for(heading_pages(document, body.height())), images, writer, body)
    count = document.pageCount()
    painter = QPainter()
    if not painter.begin(writer):
        raise OSError(f"cannot write the PDF file {path}")
    try:
        for number in range(count):
            if number:
                writer.newPage()
            painter.save()
            painter.translate(left, top - number * body.height())
            # less one dot: an object starting exactly on the next page is not drawn (clipped) here too
            document.drawContents(painter, QRectF(0, number * body.height(), body.width(), body.height() - 1))
            painter.restore()
            _footer(painter, page.width(), page.height(), left, right, footer, f"Page {number + 1} of {count}")
    finally:
        painter.end()
    del document, writer  # the writer closes the file before it is moved into place
    return count


def heading_pages(document: QTextDocument, page_height: float) -> dict[str, int]:
    """Page number (from 1) of each level-1 heading, by its text."""
    pages: dict[str, int] = {}
    layout = document.documentLayout()
    block = document.begin()
    while block.isValid():
        if block.blockFormat().headingLevel() == 1:
            # a heading that starts a page sits at its very top: nudge past rounding at the edge
            top = layout.blockBoundingRect(block).top() + 1.0
            pages.setdefault(block.text(), int(top // page_height) + 1)
        block = block.next()
    return pages


def _document(html: str, images: Mapping[str, ChartImage], writer: QPdfWriter, body: QRectF) -> QTextDocument:
    document = QTextDocument()
    document.documentLayout().setPaintDevice(writer)
    font = QFont()
    font.setFamilies(FONTS)
    font.setPointSizeF(9.5)
    font.setFeature(QFont.Tag("liga"), 0)  # keep "fi" two letters, so that searches for "first" find it
    document.setDefaultFont(font)
    document.setDocumentMargin(0)
    for key, chart in images.items():
        document.addResource(QTextDocument.ResourceType.ImageResource, QUrl(key), chart.image)
    document.setHtml(html)
    document.setPageSize(body.size())
    return document


def _footer(painter: QPainter, width: float, height: float, left: float, right: float, text: str,
            page_text: str) -> None:
    font = QFont()
    font.setFamilies(FONTS)
    font.setPointSizeF(8)
    painter.setFont(font)
    baseline = height - _px(FOOTER_MM)
    rule = baseline - _px(4.5)
    painter.setPen(QPen(QColor("#AEB7BD"), _px(0.2)))
    painter.drawLine(QPointF(left, rule), QPointF(width - right, rule))
    painter.setPen(QColor("#425563"))
    box = QRectF(left, rule + _px(1), width - left - right, _px(5))
    metrics = painter.fontMetrics()
    page_width = metrics.horizontalAdvance(page_text)
    elided = metrics.elidedText(text, Qt.TextElideMode.ElideRight, int(box.width() - page_width - _px(8)))
    painter.drawText(box, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop), elided)
    painter.drawText(box, int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop), page_text)


def _px(mm: float) -> float:
    return mm / 25.4 * RESOLUTION
