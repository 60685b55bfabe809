from __future__ import annotations

import pytest
from layout_check import layout_problems
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QVBoxLayout, QWidget


def test_a_squeezed_row_of_buttons_is_reported(qtbot):
    outer = QWidget()
    qtbot.addWidget(outer)
    column = QVBoxLayout(outer)
    row_holder = QWidget(outer)
    row = QHBoxLayout(row_holder)
    for n in range(3):
        row.addWidget(QPushButton(f"A rather long button label number {n}", row_holder))
    column.addWidget(row_holder)
    outer.show()
    row_holder.setFixedWidth(150)  # far less than three buttons need
    outer.resize(160, 100)
    qtbot.wait(10)
    problems = layout_problems(outer)
    assert any("clipped" in p for p in problems)


def test_a_roomy_layout_has_no_problems(qtbot):
    outer = QWidget()
    qtbot.addWidget(outer)
    row = QHBoxLayout(outer)
    row.addWidget(QPushButton("OK", outer))
    row.addWidget(QPushButton("Cancel", outer))
    outer.resize(400, 100)
    outer.show()
    qtbot.wait(10)
    assert layout_problems(outer) == []


@pytest.mark.parametrize("size", [(1366, 768), (1920, 1080)])
def test_every_view_fits_at_common_screen_sizes(qtbot, window, size):
    window.resize(*size)
    for index in range(window.tabs.count()):
        window.tabs.setCurrentIndex(index)
        qtbot.wait(20)
        assert layout_problems(window) == [], window.tabs.tabText(index)
