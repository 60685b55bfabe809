"""The finance-spreadsheet import wizard: file, sheet, column roles, validation report, import.

Reading the sheet and checking the import run off the GUI thread; nothing changes until Finish,
and then as one undoable step. Cancelling at any point changes nothing.
"""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWizard,
    QWizardPage,
)

from ...domain.errors import UserError
from ...domain.words import plural
from ..document.document import Document
from ..document.workers import Task
from .dialogs import WORKBOOK_FILTER
from .screen_fit import resize_to_fit

PREVIEW_ROWS = 30
IGNORE = "(ignore)"
UNIT_CHOICES = {"as the sheet says": None, "£": "gbp", "£ thousands": "gbp_k", "£ millions": "gbp_m"}
_CELL = re.compile(r"!?\$?([A-Z]+)\$?(\d+)$")
REPLACE = "Replace the whole baseline (set them to zero)"
UPDATE = "Update only the cells the sheet gives (keep them)"


class ImportWizard(QWizard):
    """``wizard.show()`` (not exec) keeps the main window responsive; the result is applied to
    ``document`` on Finish."""

    def __init__(self, document: Document, dialogs, parent=None):
        super().__init__(parent)
        self.setWindowTitle("Import finance spreadsheet")
        self.document, self.dialogs = document, dialogs
        self.book = None
        self.sheet = None
        self.layout_found = None
        self.result = None  # (plan, report) once the check passed
        self.checked_against = document.plan  # the plan the check imported into
        self.task: Task | None = None
        self.file_page, self.sheet_page = FilePage(self), SheetPage(self)
        self.roles_page, self.check_page = RolesPage(self), CheckPage(self)
        for page in (self.file_page, self.sheet_page, self.roles_page, self.check_page):
            self.addPage(page)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, False)
        resize_to_fit(self, 900, 600)

    def role_choices(self) -> list[str]:
        settings = self.document.plan.settings
        return [IGNORE, "service", "icb", "setting", "spend", "activity", "detail",
                *[f"spend: {s}" for s in settings], *[f"activity: {s}" for s in settings]]

    def mapping(self):
        """The user's column roles as an explicit mapping for the importer."""
        from ...excel.mapping import Mapping

        header = self.sheet.rows[self.layout_found.header_row]
        mapping = Mapping(sheet=self.sheet.name, header_row=self.layout_found.header_row,
                          units=UNIT_CHOICES[self.roles_page.units.currentText()], source="import wizard")
        for col, role in enumerate(self.roles_page.roles()):
            text = str(header[col]) if col < len(header) else ""
            if role == IGNORE or not text.strip():
                continue
            if role.startswith("spend: "):
                mapping.setting_columns[text] = role.removeprefix("spend: ")
            elif role.startswith("activity: "):
                mapping.activity_columns[text] = role.removeprefix("activity: ")
            else:
                mapping.columns[role] = text
        return mapping

    def accept(self) -> None:
        if self.result is not None:
            plan, report = self.result
            if report.unmentioned.cells:
                from ...excel.partial import choose

                answer = self.dialogs.choose(
                    "Cells the sheet leaves out", f"{_sentence(report.unmentioned.describe())}.", [REPLACE, UPDATE])
                if answer is None:
                    return  # stay on the page: nothing changes until the user chooses
                if answer == UPDATE:
                    plan = choose(self.checked_against, plan, report.mentioned, "update")
            self.document.replace_plan(plan, f"Import base year from {Path(report.file).name}")
        super().accept()

    def reject(self) -> None:
        if self.task is not None:
            self.task.cancel()
        super().reject()


class FilePage(QWizardPage):
    def __init__(self, wizard: ImportWizard):
        super().__init__()
        self.setTitle("Choose the spreadsheet")
        self.setSubTitle("xlsx, xlsm, xls, ods or csv. Nothing in the plan changes until you press Finish.")
        self.path = QLineEdit(self)
        self.path.setAccessibleName("Spreadsheet file")
        browse = QPushButton("Browse...", self)
        browse.clicked.connect(lambda: self._browse(wizard))
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(self.path)
        row.addWidget(browse)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.message)
        self.path.textChanged.connect(self.completeChanged)

    def _browse(self, wizard: ImportWizard) -> None:
        chosen = wizard.dialogs.open_path("Finance spreadsheet", WORKBOOK_FILTER)
        if chosen:
            self.path.setText(chosen)

    def isComplete(self) -> bool:  # noqa: N802 - Qt's name
        return bool(self.path.text().strip())

    def validatePage(self) -> bool:  # noqa: N802 - Qt's name
        from ...excel.reader import open_workbook

        wizard: ImportWizard = self.wizard()
        try:
            if wizard.book is not None:
                wizard.book.close()
            wizard.book = open_workbook(self.path.text().strip())
        except UserError as error:
            self.message.setText(str(error))
            return False
        return True


class SheetPage(QWizardPage):
    def __init__(self, wizard: ImportWizard):
        super().__init__()
        self.setTitle("Choose the sheet")
        self.sheets = QListWidget(self)
        self.sheets.setAccessibleName("Sheets")
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 0)
        self.progress.hide()
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        layout = QVBoxLayout(self)
        for widget in (self.sheets, self.progress, self.message):
            layout.addWidget(widget)
        self._read = False
        self.sheets.currentRowChanged.connect(lambda _row: self._forget())

    def initializePage(self) -> None:  # noqa: N802 - Qt's name
        book = self.wizard().book
        self.sheets.clear()
        for name in book.names:
            item = QListWidgetItem(f"{name} (hidden)" if name in book.hidden_names else name)
            item.setData(Qt.ItemDataRole.UserRole, name)
            self.sheets.addItem(item)
        visible = [n for n in book.names if n not in book.hidden_names]
        preferred = next((n for n in visible if n.strip().lower() == "baseline"), visible[0] if visible else None)
        if preferred is not None:
            self.sheets.setCurrentRow(book.names.index(preferred))
        self._forget()

    def _forget(self) -> None:
        self._read = False

    def validatePage(self) -> bool:  # noqa: N802 - Qt's name
        """Read the sheet in the background; the page moves on when it is read."""
        if self._read:
            return True
        item = self.sheets.currentItem()
        if item is None:
            return False
        wizard: ImportWizard = self.wizard()
        name = item.data(Qt.ItemDataRole.UserRole)
        self.progress.show()
        self.message.setText(f"Reading {name}...")
        wizard.task = Task(_read_sheet, wizard.book, name, wizard.document.plan, parent=self)
        wizard.task.sig_done.connect(self._on_read)
        wizard.task.sig_failed.connect(self._on_failed)
        wizard.task.start()
        return False

    def _on_read(self, found) -> None:
        wizard: ImportWizard = self.wizard()
        wizard.sheet, wizard.layout_found = found
        self.progress.hide()
        self.message.setText("")
        self._read = True
        wizard.next()

    def _on_failed(self, message: str) -> None:
        self.progress.hide()
        self.message.setText(message)


class RolesPage(QWizardPage):
    def __init__(self, wizard: ImportWizard):
        super().__init__()
        self.setTitle("Check what each column holds")
        self.setSubTitle("specplan guessed the roles from the headers; change any that are wrong.")
        self.units = QComboBox(self)
        self.units.addItems(list(UNIT_CHOICES))
        self.units.setToolTip("The unit of the money columns, if the sheet does not say it in a header or title")
        self.table = QTableWidget(self)
        self.table.setAccessibleName("Preview of the sheet")
        self.combos: list[QComboBox] = []
        row = QHBoxLayout()
        row.addWidget(QLabel("Amounts in:", self))
        row.addWidget(self.units)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.table)

    def initializePage(self) -> None:  # noqa: N802 - Qt's name
        wizard: ImportWizard = self.wizard()
        sheet, found = wizard.sheet, wizard.layout_found
        rows = sheet.rows[found.header_row: found.header_row + 1 + PREVIEW_ROWS]
        width = max((len(r) for r in rows), default=0)
        self.table.clear()
        self.table.setRowCount(len(rows) + 1)
        self.table.setColumnCount(width)
        self.table.setVerticalHeaderLabels(["role"] + [str(found.header_row + 1 + n) for n in range(len(rows))])
        guessed = _guessed_roles(found, width)
        self.combos = []
        for col in range(width):
            combo = QComboBox(self.table)
            combo.addItems(wizard.role_choices())
            combo.setCurrentText(guessed.get(col, IGNORE))
            combo.setAccessibleName(f"Role of column {col + 1}")
            self.table.setCellWidget(0, col, combo)
            self.combos.append(combo)
            for r, values in enumerate(rows, start=1):
                value = values[col] if col < len(values) else ""
                item = QTableWidgetItem("" if value is None else str(value))
                item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
                self.table.setItem(r, col, item)
        self.table.resizeColumnsToContents()

    def roles(self) -> list[str]:
        return [combo.currentText() for combo in self.combos]


class CheckPage(QWizardPage):
    def __init__(self, wizard: ImportWizard):
        super().__init__()
        self.setTitle("Check and import")
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 0)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.problems = QListWidget(self)
        self.problems.setAccessibleName("Problems found")
        self.problems.itemActivated.connect(self._show_problem)
        self.problems.itemClicked.connect(self._show_problem)
        self.preview = QTableWidget(self)
        self.preview.setAccessibleName("Row with the problem")
        self.preview.setMaximumHeight(90)
        layout = QVBoxLayout(self)
        for widget in (self.progress, self.summary, self.problems, self.preview):
            layout.addWidget(widget)

    def initializePage(self) -> None:  # noqa: N802 - Qt's name
        wizard: ImportWizard = self.wizard()
        wizard.result = None
        wizard.checked_against = wizard.document.plan
        self.problems.clear()
        self.preview.clear()
        self.summary.setText("Checking every row...")
        self.progress.show()
        wizard.task = Task(_check_import, wizard.book.path, wizard.document.plan, wizard.mapping(), parent=self)
        wizard.task.sig_done.connect(self._on_checked)
        wizard.task.sig_failed.connect(self._on_failed)
        wizard.task.start()
        self.completeChanged.emit()

    def isComplete(self) -> bool:  # noqa: N802 - Qt's name
        return self.wizard() is not None and self.wizard().result is not None

    def _on_checked(self, outcome) -> None:
        wizard: ImportWizard = self.wizard()
        self.progress.hide()
        if isinstance(outcome, list):
            self.summary.setText(f"{plural(len(outcome), 'problem')}; nothing will be imported. "
                                 "Click one to see its row.")
            for problem in outcome:
                item = QListWidgetItem(str(problem))
                item.setData(Qt.ItemDataRole.UserRole, problem)
                self.problems.addItem(item)
        else:
            wizard.result = outcome
            report = outcome[1]
            left_out = (f"\n{_sentence(report.unmentioned.describe())}; on Finish you choose whether they "
                        "become zero or stay as they are." if report.unmentioned.cells else "")
            self.summary.setText("\n".join(report.lines(unmentioned=False)) + left_out
                                 + "\n\nPress Finish to import (you can undo it).")
        self.completeChanged.emit()

    def _on_failed(self, message: str) -> None:
        self.progress.hide()
        self.summary.setText(message)

    def _show_problem(self, item: QListWidgetItem) -> None:
        """Show the sheet row a problem points at."""
        problem = item.data(Qt.ItemDataRole.UserRole)
        match = _CELL.search(problem.cell or "")
        sheet = self.wizard().sheet
        if not match or sheet is None:
            return
        row = int(match.group(2)) - 1
        values = sheet.rows[row] if row < len(sheet.rows) else []
        self.preview.setRowCount(1)
        self.preview.setColumnCount(len(values))
        self.preview.setVerticalHeaderLabels([str(row + 1)])
        for col, value in enumerate(values):
            self.preview.setItem(0, col, QTableWidgetItem("" if value is None else str(value)))
        column = _column_index(match.group(1))
        if column < len(values):
            self.preview.setCurrentCell(0, column)
        self.shown_row = row


def _read_sheet(book, name, plan, progress, cancelled):
    """The sheet and its detected header (off the GUI thread)."""
    from ...excel.headers import Layout, find_header
    from ...excel.names import Vocabulary

    sheet = book.sheet(name)
    progress(60, "finding the header")
    vocab = Vocabulary(plan)
    found = find_header(sheet.rows, lambda words: vocab.resolve("setting", words)[0])
    return sheet, found or Layout(0)


def _check_import(path, plan, mapping, progress, cancelled):
    """(plan, report) when the import would succeed, else the list of problems."""
    from ...excel import import_baseline
    from ...excel.errors import ImportFileError

    try:
        return import_baseline(path, plan, mapping=mapping)
    except ImportFileError as error:
        return error.problems


def _guessed_roles(found, width: int) -> dict[int, str]:
    roles = {col: field for field, col in found.columns.items()}
    roles.update({col: f"spend: {s}" for col, s in found.spend_by_setting.items()})
    roles.update({col: f"activity: {s}" for col, s in found.activity_by_setting.items()})
    return {col: role for col, role in roles.items() if col < width}


def _sentence(text: str) -> str:
    return text[:1].upper() + text[1:]


def _column_index(letters: str) -> int:
    index = 0
    for letter in letters:
        index = index * 26 + ord(letter) - 64
    return index - 1
