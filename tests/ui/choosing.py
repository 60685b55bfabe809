"""Choosing an item of a combo box as a person does: open its list and click the item.

Views listen to ``activated``, which Qt emits only for a user's choice, so a test that set the
current item from the program would not be heard (as the program's own refills are not)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QComboBox


def choose(qtbot, combo: QComboBox, text: str) -> None:
    index = combo.findText(text)
    assert index >= 0, f"{text!r} is not offered; the box has {[combo.itemText(n) for n in range(combo.count())]}"
    combo.showPopup()
    view = combo.view()
    qtbot.waitUntil(view.isVisible)
    item = view.model().index(index, combo.modelColumn())
    view.scrollTo(item)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(item).center())
    qtbot.waitUntil(lambda: not view.isVisible())
    assert combo.currentIndex() == index


def key_to(box: QComboBox, text_part: str) -> None:
    """Step through a combo box with the Down key, as a person would, until the item shows."""
    QTest.keyClick(box, Qt.Key.Key_Home)
    for _ in range(box.count()):
        if text_part in box.currentText():
            return
        QTest.keyClick(box, Qt.Key.Key_Down)
    raise AssertionError(f"no item of the box has {text_part!r}")
