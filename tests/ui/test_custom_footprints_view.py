"""Building a footprint of the plan's own by hand in the Footprints view: create it, move ICBs
by the "Move to group" menu and by a drag, plan a service on it and see its groups as pools;
every gesture one undo step. No dialog blocks: the view's ask_text is injected."""

from __future__ import annotations

from choosing import key_to
from PySide6.QtCore import Qt
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from test_footprints_view import flush, open_view, pool_rows

from specplan.ui.models.footprint_groups_model import ICB_ROLE
from specplan.ui.models.pools_model import MEMBERS, POOL
from specplan.ui.widgets.refusal import note_of


def answers(*texts):
    """An ask_text that gives ``texts`` in turn, as a person typing into each dialog."""
    queue = list(texts)
    return lambda *_args: queue.pop(0)


def action(menu, text):
    menu.aboutToShow.emit()
    return next(a for a in menu.actions() if a.text().startswith(text))


def drag_and_drop(tree, data, target) -> None:
    point = tree.visualRect(target).center()
    for kind in (QDragEnterEvent, QDragMoveEvent, QDropEvent):
        event = kind(point, Qt.DropAction.MoveAction, data, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
        QApplication.sendEvent(tree.viewport(), event)


def editor_of(window, *texts):
    view = open_view(window)
    view.tables.setCurrentWidget(view.editor)
    view.editor.ask_text = answers(*texts)
    return view, view.editor


def test_build_a_footprint_by_menu_and_drag_and_see_its_pools(qtbot, window):
    doc = window.document
    view, editor = editor_of(window, "Joint committees", "West")
    action(editor.new_menu, "A copy of the regions").trigger()
    assert [f.name for f in doc.plan.footprints] == ["Joint committees"]
    assert editor.footprint == "Joint committees"
    assert window.actions["undo"].text() == "&Undo Create footprint 'Joint committees' from regional"

    # Right-click QK1: Move to group > New group... (named West by the injected dialog).
    editor.refresh()
    menu = editor.context_menu(editor.model.icb_index("QK1"))
    move = next(a.menu() for a in menu.actions() if a.text() == "Move to group")
    next(a for a in move.actions() if a.text() == "New group…").trigger()
    assert doc.plan.footprint("Joint committees").group_names == ("Midlands", "West")
    editor.refresh()
    # ...then QJM by the menu into West.
    menu = editor.context_menu(editor.model.icb_index("QJM"))
    move = next(a.menu() for a in menu.actions() if a.text() == "Move to group")
    next(a for a in move.actions() if a.text() == "West").trigger()
    assert doc.plan.footprint("Joint committees").group("West").icbs == ("QK1", "QJM")

    # Drag QT1 onto West: enter, move and drop as a real drag sends them, through the tree's
    # own handlers to the model.
    editor.refresh()
    tree, model = editor.tree, editor.model
    drag_and_drop(tree, model.mimeData([model.icb_index("QT1")]), model.group_row("West"))
    assert doc.plan.footprint("Joint committees").group("West").icbs == ("QK1", "QJM", "QT1")
    assert doc.undo_stack.count() == 4
    flush(qtbot, window)
    west = model.group_row("West")
    assert [model.index(r, 0, west).data(ICB_ROLE) for r in range(model.rowCount(west))] == ["QK1", "QJM", "QT1"]

    # Plan a service on it: the pools are its groups.
    key_to(view.service_box, "NCBPS23K")
    key_to(view.level_box, "Joint committees")
    flush(qtbot, window)
    assert doc.plan.services[doc.plan.service_index["NCBPS23K"]].planning_level == "Joint committees"
    rows = pool_rows(view)
    assert [(r[POOL], r[MEMBERS]) for r in rows] == [("Midlands", "2"), ("West", "3")]
    assert "on footprint 'Joint committees'" in view.note.text()

    # Undo all the way back (choosing by the keyboard stepped through levels): no footprint,
    # the service regional again.
    while doc.undo_stack.canUndo():
        window.actions["undo"].trigger()
    flush(qtbot, window)
    assert doc.plan.footprints == () and view.level_box.currentData() == "regional"
    assert editor.footprint_box.count() == 0 and model.rowCount() == 0


def test_a_drop_as_the_model_receives_it_and_a_refused_move(qtbot, window):
    doc = window.document
    _view, editor = editor_of(window, "Mine", "Solo")
    action(editor.new_menu, "One group of every ICB").trigger()
    editor.refresh()
    model = editor.model
    assert model.group_row("All ICBs").isValid()
    menu = editor.context_menu(model.icb_index("QJ2"))
    move = next(a.menu() for a in menu.actions() if a.text() == "Move to group")
    next(a for a in move.actions() if a.text() == "New group…").trigger()
    editor.refresh()
    data = model.mimeData([model.icb_index("QK1")])
    assert model.dropMimeData(data, Qt.DropAction.MoveAction, -1, 0, model.group_row("Solo")) is False
    assert doc.plan.footprint("Mine").group("Solo").icbs == ("QJ2", "QK1")
    # Dragging both ICBs out of Solo would leave it empty: refused, said, nothing changed.
    before, steps = doc.plan, doc.undo_stack.count()
    editor.refresh()
    both = model.mimeData([model.icb_index("QJ2"), model.icb_index("QK1")])
    model.dropMimeData(both, Qt.DropAction.MoveAction, -1, 0, model.group_row("All ICBs"))
    note = note_of(window)  # said beside the tree the ICBs were dragged in, naming them
    assert note is not None and note.isVisible() and note.anchor is editor.tree
    assert note.text() == ("Group of ICB QJ2, QK1 not changed: it would leave footprint 'Mine' group 'Solo' "
                           "without an ICB; expected at least one ICB (an empty group: delete it instead).")
    assert doc.plan is before and doc.undo_stack.count() == steps


def test_rename_and_delete_a_footprint_with_a_service_on_it(qtbot, window):
    doc = window.document
    view, editor = editor_of(window, "Committees", "Joint committees")
    action(editor.new_menu, "A copy of the regions").trigger()
    key_to(view.service_box, "NCBPS23K")
    flush(qtbot, window)
    key_to(view.level_box, "Committees")
    editor.rename_button.click()
    assert doc.plan.services[doc.plan.service_index["NCBPS23K"]].planning_level == "Joint committees"
    editor.delete_button.click()
    assert doc.plan.footprints == ()
    assert doc.plan.services[doc.plan.service_index["NCBPS23K"]].planning_level == "regional"
    assert "NCBPS23K back to regional" in window.actions["undo"].text()


def test_the_navigator_offers_the_groups_and_a_group_selects_its_icbs(qtbot, window):
    doc = window.document
    _view, editor = editor_of(window, "Joint", "East")
    action(editor.new_menu, "A group per ICB").trigger()
    navigator = window.navigator
    footprints = navigator.footprints
    assert footprints is not None and footprints.text(0) == "Footprints"
    joint = footprints.child(0)
    assert joint.text(0) == "Joint" and joint.childCount() == 5
    group = joint.child(1)
    navigator.tree.scrollToItem(group)
    QTest.mouseClick(navigator.tree.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                     navigator.tree.visualItemRect(group).center())
    assert doc.scope.icbs == frozenset({doc.plan.icbs[1].code})
