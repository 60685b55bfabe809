"""Review: each option's status and the comment threads on options and levers."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

from PySide6.QtWidgets import (
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from ...domain import STATUSES, edits
from ..document.document import Document
from ..widgets.live import LiveView
from ..widgets.refusal import try_edit


class ReviewView(LiveView):
    def __init__(self, document: Document, author: Callable[[], str], parent: QWidget | None = None):
        super().__init__(document, parent)
        self.author = author
        layout = QHBoxLayout(self)
        statuses = QGroupBox("Status of each option", self)
        status_layout = QVBoxLayout(statuses)
        self.statuses = QTableWidget(statuses)
        self.statuses.setColumnCount(1)
        self.statuses.setHorizontalHeaderLabels(["Status"])
        self.statuses.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.statuses.setAccessibleName("Review status of each option")
        status_layout.addWidget(self.statuses)
        comments = QGroupBox("Comments", self)
        comment_layout = QVBoxLayout(comments)
        pick = QHBoxLayout()
        self.option = QComboBox(comments)
        self.option.setAccessibleName("Option the comments are about")
        self.target = QComboBox(comments)
        self.target.setAccessibleName("The option itself or one of its levers")
        pick.addWidget(QLabel("On", comments))
        pick.addWidget(self.option, stretch=1)
        pick.addWidget(self.target, stretch=1)
        self.thread = QListWidget(comments)
        self.thread.setAccessibleName("Comment thread")
        self.thread.setWordWrap(True)
        self.text = QPlainTextEdit(comments)
        self.text.setPlaceholderText("Write a comment")
        self.text.setAccessibleName("New comment")
        self.text.setMaximumHeight(100)
        self.add_button = QPushButton("Add comment", comments)
        self.add_button.clicked.connect(self._on_add)
        comment_layout.addLayout(pick)
        comment_layout.addWidget(self.thread, stretch=1)
        comment_layout.addWidget(self.text)
        comment_layout.addWidget(self.add_button)
        layout.addWidget(statuses, stretch=1)
        layout.addWidget(comments, stretch=2)
        # heard through ``activated`` (a user's choice only), so refilling them says nothing
        self.option.activated.connect(lambda n: self._on_option(self.option.itemText(n)))
        self.target.activated.connect(lambda _n: self._show_thread())
        self.follow_plan(lambda changes: changes.review or changes.options or bool(changes.option_structure))

    def refresh(self) -> None:
        plan = self.document.plan
        names = [s.name for s in plan.scenarios]
        self.statuses.setRowCount(len(names))
        self.statuses.setVerticalHeaderLabels(names)
        for row, name in enumerate(names):
            combo = QComboBox(self.statuses)
            combo.addItems(list(STATUSES))
            combo.setCurrentText(plan.review.status(name))
            combo.setAccessibleName(f"Status of {name}")
            combo.currentTextChanged.connect(lambda status, n=name, combo=combo: try_edit(
                self.document, combo, f"Status of {n}", edits.set_status, n, status))
            self.statuses.setCellWidget(row, 0, combo)
        current = self.option.currentText() or self.document.selected_scenario
        self.option.clear()
        self.option.addItems(names)
        self.option.setCurrentText(current if current in names else (names[0] if names else ""))
        self._fill_targets()
        self._show_thread()

    def _on_option(self, _name: str) -> None:
        self._fill_targets()
        self._show_thread()

    def _fill_targets(self) -> None:
        plan, name = self.document.plan, self.option.currentText()
        levers = plan.scenario(name).levers if name else ()
        keep = self.target.currentIndex()
        self.target.clear()
        self.target.addItem("the option as a whole", None)
        for n, lever in enumerate(levers, start=1):
            self.target.addItem(f"lever {n}: {lever.describe()}", n)
        self.target.setCurrentIndex(keep if 0 <= keep < self.target.count() else 0)

    def _show_thread(self) -> None:
        self.thread.clear()
        name = self.option.currentText()
        if not name:
            return
        for comment in self.document.plan.review.thread(name, self.target.currentData()):
            self.thread.addItem(f"{comment.author}, {comment.time.replace('T', ' ')[:16]}\n{comment.text}")

    def _on_add(self) -> None:
        text, name = self.text.toPlainText().strip(), self.option.currentText()
        if not text or not name:
            return
        now = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
        if try_edit(self.document, self.add_button, f"Comment on {name}", edits.add_comment, name, self.author(), text,
                    now, self.target.currentData()):
            self.text.clear()
