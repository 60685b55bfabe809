"""One footprint's groups and their ICBs as a two-level tree that ICBs can be dragged across.

A drop does not move rows itself: it asks (``sig_move_requested``) for the domain edit, and the
model is filled again from the plan that edit makes, so the tree can never disagree with it.
"""

from __future__ import annotations

from PySide6.QtCore import QMimeData, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel

from ...domain import Footprint, Plan
from ...domain.footprints import short_icb_name

MIME_TYPE = "application/x-specplan-icbs"
ICB_ROLE = Qt.ItemDataRole.UserRole + 1  # the ICB code of an ICB row
GROUP_ROLE = Qt.ItemDataRole.UserRole + 2  # the group name of a group row and of its ICB rows
Index = QModelIndex | QPersistentModelIndex


class FootprintGroupsModel(QStandardItemModel):
    sig_move_requested = Signal(tuple, str)  # ICB codes, group name

    def __init__(self, parent=None):
        super().__init__(parent)
        self.footprint: Footprint | None = None
        self.setHorizontalHeaderLabels(["Group / ICB"])

    def set_footprint(self, plan: Plan, footprint: Footprint | None) -> None:
        if footprint == self.footprint:
            return
        self.footprint = footprint
        self.removeRows(0, self.rowCount())
        names = {i.code: short_icb_name(i.name) for i in plan.icbs}
        for group in footprint.groups if footprint else ():
            parent = QStandardItem(f"{group.name}  ({len(group.icbs)})")
            parent.setData(group.name, GROUP_ROLE)
            parent.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsDropEnabled)
            for code in group.icbs:
                child = QStandardItem(f"{names.get(code, code)}  {code}")
                child.setData(code, ICB_ROLE)
                child.setData(group.name, GROUP_ROLE)
                child.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
                               | Qt.ItemFlag.ItemIsDragEnabled | Qt.ItemFlag.ItemIsDropEnabled)
                parent.appendRow(child)
            self.appendRow(parent)

    def group_row(self, name: str) -> QModelIndex:
        for row in range(self.rowCount()):
            index = self.index(row, 0)
            if index.data(GROUP_ROLE) == name:
                return index
        return QModelIndex()

    def icb_index(self, code: str) -> QModelIndex:
        for row in range(self.rowCount()):
            group = self.index(row, 0)
            for child in range(self.rowCount(group)):
                index = self.index(child, 0, group)
                if index.data(ICB_ROLE) == code:
                    return index
        return QModelIndex()

    # -- drag and drop ---------------------------------------------------------------------------
    def supportedDropActions(self) -> Qt.DropAction:  # noqa: N802 - Qt's name
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:  # noqa: N802
        return [MIME_TYPE]

    def mimeData(self, indexes) -> QMimeData:  # noqa: N802
        codes = [i.data(ICB_ROLE) for i in indexes if i.data(ICB_ROLE)]
        data = QMimeData()
        data.setData(MIME_TYPE, "\n".join(dict.fromkeys(codes)).encode())
        return data

    def canDropMimeData(self, data: QMimeData, action, row: int, column: int, parent: Index) -> bool:  # noqa: N802
        return data.hasFormat(MIME_TYPE) and parent.isValid()

    def dropMimeData(self, data: QMimeData, action, row: int, column: int, parent: Index) -> bool:  # noqa: N802
        """Dropped on a group, or on an ICB of it: ask for the move; False, so the view removes
        nothing (the edit's plan fills the tree again)."""
        if not self.canDropMimeData(data, action, row, column, parent):
            return False
        group = parent.data(GROUP_ROLE)
        codes = tuple(c for c in bytes(data.data(MIME_TYPE).data()).decode().split("\n") if c)
        if group and codes:
            self.sig_move_requested.emit(codes, group)
        return False
