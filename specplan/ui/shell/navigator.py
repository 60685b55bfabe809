"""The navigator: England, regions and their ICBs, services by programme; ticks set the scope.
Beside them, the plan's own footprints: clicking a group ticks exactly its ICBs."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLineEdit, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from ...domain.plan import Plan
from ...engine.scope import Scope

CODE = Qt.ItemDataRole.UserRole


class Navigator(QWidget):
    """Two tick trees. Everything ticked means no restriction; the filter box hides what does
    not match without changing the ticks."""

    sig_scope_changed = Signal(object)  # Scope

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        self.filter = QLineEdit(self)
        self.filter.setPlaceholderText("Filter ICBs and services")
        self.filter.setClearButtonEnabled(True)
        self.filter.setAccessibleName("Filter the navigator")
        self.tree = QTreeWidget(self)
        self.tree.setHeaderHidden(True)
        self.tree.setAccessibleName("Scope: regions, ICBs and services")
        layout.addWidget(self.filter)
        layout.addWidget(self.tree)
        self.filter.textChanged.connect(self._on_filter)
        self.tree.itemChanged.connect(self._on_item_changed)
        self.tree.itemClicked.connect(self._on_item_clicked)
        self._building = False
        self.england: QTreeWidgetItem | None = None
        self.services: QTreeWidgetItem | None = None
        self.footprints: QTreeWidgetItem | None = None
        self._footprints: tuple = ()

    def set_plan(self, plan: Plan) -> None:
        self._building = True
        self.tree.clear()
        flags = Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsAutoTristate
        self.england = self._item(self.tree, "England", None, flags)
        for region in plan.regions:
            region_item = self._item(self.england, region.name, None, flags)
            for icb in plan.icbs:
                if icb.region == region.code:
                    self._item(region_item, icb.name.removeprefix("NHS ").removesuffix(" Integrated Care Board"),
                               ("icb", icb.code), flags)
        self.services = self._item(self.tree, "Services", None, flags)
        programmes: dict[str, QTreeWidgetItem] = {}
        for service in plan.services:
            parent = programmes.get(service.programme)
            if parent is None:
                parent = programmes[service.programme] = self._item(self.services, service.programme, None, flags)
            self._item(parent, f"{service.code}  {service.name}", ("service", service.code), flags)
        self.england.setExpanded(True)
        self.services.setExpanded(True)
        self.footprints, self._footprints = None, ()
        self._building = False
        self.set_footprints(plan)

    def set_footprints(self, plan: Plan) -> None:
        """Show the plan's own footprints and their groups (again, when they changed)."""
        if plan.footprints == self._footprints:
            return
        self._building = True
        if self.footprints is not None:
            self.tree.takeTopLevelItem(self.tree.indexOfTopLevelItem(self.footprints))
        self.footprints, self._footprints = None, plan.footprints
        if plan.footprints:
            plain = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
            self.footprints = QTreeWidgetItem(["Footprints"])
            self.tree.insertTopLevelItem(1, self.footprints)
            self.footprints.setFlags(plain)
            for footprint in plan.footprints:
                item = QTreeWidgetItem(self.footprints, [footprint.name])
                item.setFlags(plain)
                for group in footprint.groups:
                    child = QTreeWidgetItem(item, [f"{group.name}  ({len(group.icbs)})"])
                    child.setFlags(plain)
                    child.setData(0, CODE, ("group", group.icbs))
                    child.setToolTip(0, "Click to make this group's ICBs the scope")
            self.footprints.setExpanded(True)
        self._building = False

    def select_icbs(self, codes: tuple[str, ...]) -> None:
        """Tick exactly ICBs ``codes`` (the scope changes once)."""
        self._building = True
        wanted = set(codes)
        for item in self._leaves():
            code = item.data(0, CODE)
            if code and code[0] == "icb":
                item.setCheckState(0, Qt.CheckState.Checked if code[1] in wanted else Qt.CheckState.Unchecked)
        self._building = False
        self.sig_scope_changed.emit(self.scope())

    def scope(self) -> Scope:
        return Scope(services=self._ticked("service"), icbs=self._ticked("icb"))

    def set_checked(self, kind: str, code: str, checked: bool) -> None:
        for item in self._leaves():
            if item.data(0, CODE) == (kind, code):
                item.setCheckState(0, Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)

    def _item(self, parent, text: str, code, flags) -> QTreeWidgetItem:
        item = QTreeWidgetItem(parent, [text])
        item.setFlags(flags)
        item.setCheckState(0, Qt.CheckState.Checked)
        item.setData(0, CODE, code)
        return item

    def _leaves(self):
        stack = [self.tree.topLevelItem(n) for n in range(self.tree.topLevelItemCount())]
        while stack:
            item = stack.pop()
            if item.childCount() == 0:
                yield item
            stack.extend(item.child(n) for n in range(item.childCount()))

    def _ticked(self, kind: str) -> frozenset[str] | None:
        leaves = [item for item in self._leaves() if item.data(0, CODE) and item.data(0, CODE)[0] == kind]
        ticked = frozenset(i.data(0, CODE)[1] for i in leaves if i.checkState(0) == Qt.CheckState.Checked)
        return None if len(ticked) == len(leaves) else ticked

    def _on_item_changed(self, *_args) -> None:
        if not self._building:
            self.sig_scope_changed.emit(self.scope())

    def _on_item_clicked(self, item: QTreeWidgetItem, _column: int) -> None:
        code = item.data(0, CODE)
        if code and code[0] == "group":
            self.select_icbs(code[1])

    def _on_filter(self, text: str) -> None:
        needle = text.strip().lower()

        def visit(item: QTreeWidgetItem) -> bool:
            matched = not needle or needle in item.text(0).lower()
            child_matched = False
            for n in range(item.childCount()):
                child_matched |= visit(item.child(n))
            visible = matched or child_matched
            item.setHidden(not visible)
            if needle and child_matched:
                item.setExpanded(True)
            return visible

        for n in range(self.tree.topLevelItemCount()):
            visit(self.tree.topLevelItem(n))
