"""Small HTML helpers for the report: escaped cells, grid tables with a repeating header."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from html import escape

GRID = 'border="1" cellspacing="0" cellpadding="4" width="100%" style="border-collapse: collapse; border-color: #AEB7BD"'


@dataclass(frozen=True)
class Cell:
    text: str
    number: bool = False  # right-aligned
    best: bool = False  # shaded and bold: the best of the options on its row
    bold: bool = False


def cell(value: str | Cell) -> Cell:
    return value if isinstance(value, Cell) else Cell(str(value))


def grid(headers: Sequence[str | Cell], rows: Sequence[Sequence[str | Cell]], widths: Sequence[int] | None = None) -> str:
    """A bordered table; the header row repeats at the top of each page it runs onto."""
    head = "".join(_td(cell(h), "th", widths[n] if widths else None) for n, h in enumerate(headers))
    body = "".join("<tr>" + "".join(_td(cell(v), "td") for v in row) + "</tr>" for row in rows)
    return f"<table {GRID}><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def pairs(rows: Sequence[tuple[str, str]]) -> str:
    """A borderless two-column table of label and value."""
    body = "".join(f'<tr><td style="color: #425563; padding-right: 12px">{escape(a)}</td><td>{escape(b)}</td></tr>'
                   for a, b in rows)
    return f'<table cellspacing="0" cellpadding="2">{body}</table>'


def figure(chart) -> str:
    """A chart image (a ``charts.ChartImage``) centred with its caption; nothing when absent."""
    if chart is None:
        return ""
    return (f'<p align="center" style="margin-bottom: 0px"><img src="{chart.key}" width="{chart.width}" '
            f'height="{chart.height}"></p><p class="caption" align="center">{escape(chart.caption)}</p>')


def chunks(items: list, size: int) -> list[list]:
    return [items[n:n + size] for n in range(0, len(items), size)] or [[]]


def _td(value: Cell, tag: str, width: int | None = None) -> str:
    attributes = []
    if value.number:
        attributes.append('align="right"')
    if width:
        attributes.append(f'width="{width}%"')
    style = []
    if tag == "th":
        style.append("background-color: #E8EDEE; font-weight: bold")
    if value.best:
        attributes.append('bgcolor="#DCEFE6"')
    if value.best or value.bold:
        style.append("font-weight: bold")
    if style:
        attributes.append(f'style="{"; ".join(style)}"')
    text = escape(value.text)
    if value.number:
        text = f'<span style="white-space: nowrap">{text}</span>'  # never £289,968.99 / m
    return f"<{tag} {' '.join(attributes)}>{text}</{tag}>"
