"""What the table models share: a fixed set of named columns with header tips."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt

NO_PARENT = QModelIndex()
RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


class ColumnsModel(QAbstractTableModel):
    """Subclasses set ``columns`` (header texts), ``header_tips`` (column -> tooltip) and
    ``numeric`` (columns whose headers align right, as their figures do)."""

    columns: tuple[str, ...] = ()
    header_tips: dict[int, str] = {}
    numeric: frozenset[int] | set[int] = frozenset()

    def replace_rows(self, same_rows: bool, update) -> None:
        """Run ``update()`` (which swaps in the new figures): the same rows repaint in place,
        other rows reset the model (and with it the view's selection and scroll position)."""
        if not same_rows:
            self.beginResetModel()
            update()
            self.endResetModel()
            return
        update()
        if self.rowCount():
            self.dataChanged.emit(self.index(0, 0), self.index(self.rowCount() - 1, self.columnCount() - 1))

    def columnCount(self, parent=NO_PARENT) -> int:  # noqa: N802 - Qt's name
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.columns[section]
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.header_tips.get(section)
        if role == Qt.ItemDataRole.TextAlignmentRole and section in self.numeric:
            return RIGHT
        return None
