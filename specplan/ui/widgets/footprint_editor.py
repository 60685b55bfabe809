"""Edit the plan's own footprints: create (from a built-in, or one group of every ICB), rename,
delete, and move ICBs between groups by drag and drop or the "Move to group" menu. Every gesture
is one undoable edit through ``Document.try_apply``; the widget holds no figures.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QMenu,
    QPushButton,
    QToolButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from ...domain import footprint_edits as fe
from ..document.document import Document
from ..models.footprint_groups_model import GROUP_ROLE, ICB_ROLE, FootprintGroupsModel
from .refusal import try_edit

#: ``ask_text(parent, title, label, default)``: the text typed, or None when cancelled. Tests
#: inject their own so no dialog blocks.
AskText = Callable[[QWidget, str, str, str], "str | None"]
STARTS = (("regional", "A copy of the regions"), ("national", "One group of every ICB"),
          ("ics", "A group per ICB"))


def ask_with_dialog(parent: QWidget, title: str, label: str, default: str) -> str | None:
    text, ok = QInputDialog.getText(parent, title, label, text=default)
    return text.strip() if ok and text.strip() else None


class FootprintEditor(QWidget):
    def __init__(self, document: Document, parent: QWidget | None = None, ask_text: AskText = ask_with_dialog):
        super().__init__(parent)
        self.document, self.ask_text = document, ask_text
        self.footprint_box = QComboBox(self)
        self.footprint_box.setAccessibleName("The plan's own footprint to edit")
        self.new_button = QToolButton(self)
        self.new_button.setText("New footprint")
        self.new_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.new_menu = QMenu(self.new_button)
        self.new_button.setMenu(self.new_menu)
        self.rename_button = QPushButton("Rename…", self)
        self.delete_button = QPushButton("Delete", self)
        self.delete_button.setToolTip("Delete the footprint; services planned on it go back to their "
                                      "reference level")
        self.tree = QTreeView(self)
        self.tree.setAccessibleName("Groups of the footprint and their ICBs: drag an ICB to another group")
        self.model = FootprintGroupsModel(self)
        self.tree.setModel(self.model)
        self.tree.setHeaderHidden(True)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.tree.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.tree.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.tree.setDragEnabled(True)
        self.tree.setAcceptDrops(True)
        self.tree.setDropIndicatorShown(True)
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.hint = QLabel("Drag ICBs between groups, or right-click one: Move to group.", self)
        self.hint.setWordWrap(True)
        top = QHBoxLayout()
        for widget in (QLabel("Footprint", self), self.footprint_box, self.new_button, self.rename_button,
                       self.delete_button):
            top.addWidget(widget)
        top.setStretch(1, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.tree, stretch=1)
        layout.addWidget(self.hint)
        self.new_menu.aboutToShow.connect(self._fill_new_menu)
        self.rename_button.clicked.connect(self._on_rename)
        self.delete_button.clicked.connect(self._on_delete)
        self.footprint_box.activated.connect(lambda _n: self.refresh())  # a user's choice only
        self.tree.customContextMenuRequested.connect(self._on_context_menu)
        self.model.sig_move_requested.connect(self._on_move)

    @property
    def footprint(self) -> str:
        return self.footprint_box.currentData() or ""

    def refresh(self) -> None:
        plan = self.document.plan
        names = [f.name for f in plan.footprints]
        if [self.footprint_box.itemData(n) for n in range(self.footprint_box.count())] != names:
            current = self.footprint
            self.footprint_box.clear()
            for name in names:
                self.footprint_box.addItem(name, name)
            self.footprint_box.setCurrentIndex(max(self.footprint_box.findData(current), 0))
        own = next((f for f in plan.footprints if f.name == self.footprint), None)
        self.model.set_footprint(plan, own)
        self.tree.expandAll()
        editable = not self.document.read_only
        for widget in (self.rename_button, self.delete_button):
            widget.setEnabled(editable and own is not None)
        self.new_button.setEnabled(editable)

    def select(self, name: str) -> None:
        self.refresh()
        self.footprint_box.setCurrentIndex(self.footprint_box.findData(name))
        self.refresh()  # the box says nothing when the program sets it

    # -- gestures --------------------------------------------------------------------------------
    def _fill_new_menu(self) -> None:
        self.new_menu.clear()
        starts = [*STARTS, *((f.name, f"A copy of {f.name}") for f in self.document.plan.footprints)]
        for like, text in starts:
            self.new_menu.addAction(text, lambda like=like: self.create(like))

    def create(self, like: str) -> bool:
        """Ask for a name and create a footprint shaped like footprint ``like``."""
        taken = set(self.document.plan.footprint_names)
        default = next(f"Footprint {n}" for n in range(1, len(taken) + 2) if f"Footprint {n}" not in taken)
        name = self.ask_text(self, "New footprint", "Name of the new footprint:", default)
        if not name:
            return False
        # "One group of every ICB" is the national footprint's shape under a plainer group name.
        made = try_edit(self.document, self.new_button, "New footprint name", fe.create_footprint, name,
                        None if like == "national" else like)
        if made:
            self.select(name)
        return made

    def _on_rename(self) -> None:
        old = self.footprint
        new = self.ask_text(self, "Rename footprint", "New name:", old) if old else None
        if new and new != old and try_edit(self.document, self.rename_button, f"Name of footprint {old!r}",
                                           fe.rename_footprint, old, new):
            self.select(new)

    def _on_delete(self) -> None:
        if self.footprint:
            try_edit(self.document, self.delete_button, f"Footprint {self.footprint!r}", fe.delete_footprint,
                     self.footprint)

    def _on_move(self, codes: tuple, group: str) -> None:
        try_edit(self.document, self.tree, f"Group of ICB {', '.join(codes)}", fe.move_icbs, self.footprint,
                 tuple(codes), group)

    def context_menu(self, index) -> QMenu:
        """The menu for a row: an ICB's "Move to group ▸"; a group's rename and delete."""
        menu = QMenu(self)
        own = next((f for f in self.document.plan.footprints if f.name == self.footprint), None)
        if own is None or not index.isValid():
            return menu
        code, group = index.data(ICB_ROLE), index.data(GROUP_ROLE)
        if code:
            codes = self._selected_codes() or (code,)
            move = menu.addMenu("Move to group")
            for name in own.group_names:
                if name != group:
                    move.addAction(name, lambda name=name: self._on_move(codes, name))
            move.addSeparator()
            move.addAction("New group…", lambda: self._new_group(codes))
        else:
            menu.addAction("Rename group…", lambda: self._rename_group(group))
            menu.addAction("Delete group (its ICBs join the first other group)",
                           lambda: try_edit(self.document, self.tree, f"Group {group!r}", fe.delete_group,
                                            self.footprint, group))
        return menu

    def _selected_codes(self) -> tuple[str, ...]:
        return tuple(i.data(ICB_ROLE) for i in self.tree.selectionModel().selectedIndexes() if i.data(ICB_ROLE))

    def _new_group(self, codes: tuple[str, ...]) -> None:
        name = self.ask_text(self, "New group", "Name of the new group:", "New group")
        if name:
            try_edit(self.document, self.tree, "New group name", fe.add_group, self.footprint, name, codes)

    def _rename_group(self, group: str) -> None:
        name = self.ask_text(self, "Rename group", "New name:", group)
        if name and name != group:
            try_edit(self.document, self.tree, f"Name of group {group!r}", fe.rename_group, self.footprint, group,
                     name)

    def _on_context_menu(self, point: QPoint) -> None:
        if not self.document.read_only:
            self.context_menu(self.tree.indexAt(point)).exec(self.tree.viewport().mapToGlobal(point))
