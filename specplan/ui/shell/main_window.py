"""The main window: a layout of docks, views and menus around one Document. No arithmetic here."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings, Qt, QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QDockWidget,
    QLabel,
    QMainWindow,
    QMenu,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from ... import __version__
from ...domain.reference import load_reference
from ..document.document import Document
from .actions import build_actions
from .dialogs import Dialogs
from .file_actions import FileActions
from .footprint_actions import FootprintActions
from .navigator import Navigator
from .preferences import (
    PreferencesDialog,
    apply_engine_threads,
    apply_theme,
    load_preferences,
    save_preferences,
)
from .screen_fit import resize_to_fit
from .start_page import StartPage
from .tabs import ViewTabs

QUICK_START = """<h3>Quick start</h3>
<ol>
<li><b>Scope</b>: tick regions, ICBs and services in the navigator on the left; every view follows.</li>
<li><b>Options</b>: pick a redesign option in the toolbar; the Overview compares it with doing nothing.</li>
<li><b>Levers</b>: in the Options view, move the sliders: the share of inpatient care moved to the
community, how much of the released money is reinvested, and how much double running the change costs.</li>
<li><b>Footprints</b>: change the level a service is planned at, and see each ICB's distance from its fair share.</li>
<li><b>Save</b> with Ctrl+S; undo any change with Ctrl+Z.</li>
</ol>"""


class MainWindow(FileActions, FootprintActions, QMainWindow):
    """Holds at most one Document; views are rebuilt when another document is set."""

    def __init__(self, dialogs: Dialogs | None = None, settings: QSettings | None = None):
        super().__init__()
        self.dialogs = dialogs or Dialogs(self)
        self.settings = settings or QSettings()
        self.prefs = load_preferences(self.settings)
        apply_theme(self.prefs.theme)
        apply_engine_threads(self.prefs.engine_threads)
        self.recovery_folder = None  # the store's default; tests point it elsewhere
        self.document: Document | None = None
        self.autosave_timer = QTimer(self)
        self.autosave_timer.timeout.connect(self.autosave_now)
        self._start_autosave()
        self.setAcceptDrops(True)
        self.actions = build_actions(self)
        self.recent_menu = QMenu("Open &recent", self)
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)
        self.menus["&File"].insertMenu(self.actions["open_review"], self.recent_menu)
        self._build_toolbar()
        self.navigator = Navigator(self)
        self.navigator_dock = QDockWidget("Navigator", self)
        self.navigator_dock.setObjectName("navigator_dock")
        self.navigator_dock.setWidget(self.navigator)
        self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self.navigator_dock)
        self.menus["&View"].insertAction(self.actions["reset_layout"], self.navigator_dock.toggleViewAction())
        self.navigator.sig_scope_changed.connect(self._on_scope_changed)
        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        self.banner = QLabel(central)
        self.banner.setObjectName("read_only_banner")
        self.banner.setStyleSheet("background: #FFF3CD; color: #5A4500; padding: 6px;")
        self.banner.setWordWrap(True)
        self.banner.hide()
        self.tabs = ViewTabs(central)
        self.tabs.setDocumentMode(True)
        self._building_tab = False
        self.tabs.currentChanged.connect(self._on_tab_changed)
        layout.addWidget(self.banner)
        layout.addWidget(self.tabs)
        self.setCentralWidget(central)
        self.statusBar().setObjectName("status_bar")  # there from the start, not at the first message
        self._default_state = self.saveState()
        self._restore_layout()
        self.set_document(None)

    # -- document ------------------------------------------------------------------------------
    def set_document(self, document: Document | None) -> None:
        if self.document is not None:
            self._release()  # the old document's lock and recovery copy
            self.document.deleteLater()
        self.document = document
        self._update_footprint_actions()
        self.tabs.clear()
        self.option_box.clear()
        if document is None:
            self.banner.hide()
            self.tabs.addTab(self._start_page(), "Start")
            self._update_title()
            return
        document.setParent(self)
        self._add_views(document)
        self.navigator.set_plan(document.plan)
        self._fill_options()
        # Bound methods, not lambdas: Qt drops these connections when the window goes.
        document.sig_dirty_changed.connect(self._on_dirty_changed)
        document.sig_plan_changed.connect(self._on_plan_changed)
        document.sig_scenario_selected.connect(self._on_document_selected)
        document.sig_error.connect(self._on_document_error)
        stack = document.undo_stack
        stack.canUndoChanged.connect(self.actions["undo"].setEnabled)
        stack.canRedoChanged.connect(self.actions["redo"].setEnabled)
        stack.undoTextChanged.connect(self._on_undo_text)
        stack.redoTextChanged.connect(self._on_redo_text)
        self._on_undo_text(stack.undoText())
        self._on_redo_text(stack.redoText())
        self.actions["undo"].setEnabled(stack.canUndo())
        self.actions["redo"].setEnabled(stack.canRedo())
        if document.read_only:
            self.banner.setText(f"Read-only: {document.read_only_reason}")
        elif document.review_mode:
            self.banner.setText("Review mode: scores, statuses and comments can change; levers and the "
                                "baseline are locked.")
        else:
            self.banner.setText("")
        self.banner.setVisible(bool(self.banner.text()))
        self._update_title()

    def _start_page(self) -> StartPage:
        page = StartPage(self.recent_files(), self)
        page.sig_open_sample.connect(self.open_sample)
        page.sig_new_plan.connect(self.new_from_template)
        page.sig_import.connect(self._on_start_import)
        page.sig_open_path.connect(self.open_path)
        page.sig_open_dialog.connect(self._on_open)
        self.start_page = page
        return page

    def _fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        for path in self.recent_files():
            action = self.recent_menu.addAction(Path(path).name)
            action.setToolTip(path)
            action.triggered.connect(lambda _checked=False, p=path: self.open_path(p))
        if self.recent_menu.isEmpty():
            self.recent_menu.addAction("No recent plans").setEnabled(False)

    def open_sample(self, name: str) -> None:
        from ...domain.samples import build_sample

        self.set_document(Document(build_sample(name).replace(occupancy_default=self.prefs.occupancy_default)))

    def new_from_template(self, region: str | None) -> None:
        from ...domain.samples import template_plan

        if self.confirm_discard():
            self.set_document(Document(template_plan(region).replace(occupancy_default=self.prefs.occupancy_default)))

    def _on_start_import(self, region: str | None) -> None:
        self.new_from_template(region)
        if self.document is not None:
            self.open_import_wizard()

    def view_factories(self, document: Document) -> list[tuple[str, Callable[[], QWidget]]]:
        """The main views in tab order, each built the first time its tab is shown (start-up
        then pays for the Overview only, and each view module is imported when first needed)."""
        unit = self.prefs.money_unit

        def make(module: str, name: str, *args) -> Callable[[], QWidget]:
            def build() -> QWidget:
                view_class = getattr(importlib.import_module(f"specplan.ui.views.{module}"), name)
                return view_class(document, *args)
            return build

        return [("Overview", make("overview", "OverviewView", self, unit)),
                ("Baseline", make("baseline", "BaselineView", self)),
                ("Options", make("options", "OptionsView", self)),
                ("Footprints", make("footprints", "FootprintsView", self)),
                ("Compare", make("compare", "CompareView", self, unit)),
                ("Explain", make("explain", "ExplainView", self, unit)),
                ("Sensitivity", make("sensitivity", "SensitivityView", self, unit)),
                ("Appraisal", make("appraisal", "AppraisalView", self.dialogs, self)),
                ("Review", make("review", "ReviewView", self.author, self))]

    def _add_views(self, document: Document, current: int = 0) -> None:
        self._building_tab = True
        self.tabs.clear()
        for title, factory in self.view_factories(document):
            placeholder = QWidget(self.tabs)
            placeholder.build_view = factory
            self.tabs.addTab(placeholder, title)
        self._building_tab = False
        self.tabs.setCurrentIndex(current)
        self._on_tab_changed(current)

    def _on_tab_changed(self, index: int) -> None:
        """Swap a tab's placeholder for its view the first time the tab is shown."""
        widget = self.tabs.widget(index)
        factory = getattr(widget, "build_view", None)
        if self._building_tab or factory is None:
            return
        self._building_tab = True
        title = self.tabs.tabText(index)
        view = factory()
        if hasattr(view, "sig_lever_clicked"):
            view.sig_lever_clicked.connect(self.show_lever)
        self.tabs.removeTab(index)
        self.tabs.insertTab(index, view, title)
        self.tabs.setCurrentIndex(index)
        widget.deleteLater()
        self._building_tab = False

    def show_lever(self, option: str, position: int) -> None:
        """Open the Options view on lever ``position`` of ``option``."""
        titles = [self.tabs.tabText(n) for n in range(self.tabs.count())]
        if "Options" in titles:
            self.tabs.setCurrentIndex(titles.index("Options"))
            self.tabs.currentWidget().show_lever(option, position)

    def _on_dirty_changed(self, _dirty: bool) -> None:
        self._update_title()

    def _on_plan_changed(self, plan, changes, _source) -> None:
        if changes.options or changes.everything:
            self._fill_options()
        if changes.footprints or changes.everything:
            self.navigator.set_footprints(plan)

    def _on_document_error(self, message: str) -> None:
        self.statusBar().showMessage(message, 8000)

    def _on_undo_text(self, text: str) -> None:
        self._name_step(self.actions["undo"], "Undo", text)

    def _on_redo_text(self, text: str) -> None:
        self._name_step(self.actions["redo"], "Redo", text)

    @staticmethod
    def _name_step(action, verb: str, text: str) -> None:
        """The menu says what will be undone; the toolbar button stays short, its tooltip says it."""
        action.setText(f"&{verb} {text}".strip())
        action.setIconText(verb)
        action.setToolTip(f"{verb} {text}".strip())

    def _fill_options(self) -> None:
        document = self.document
        names = [s.name for s in document.plan.scenarios]
        # The same options (a lever or cell edit): nothing to refill, so nothing to repaint. The
        # box is heard through ``activated`` (a user's choice only), so refilling it says nothing.
        if [self.option_box.itemText(n) for n in range(self.option_box.count())] != names:
            self.option_box.clear()
            self.option_box.addItems(names)
        if self.option_box.currentText() != document.selected_scenario:
            self.option_box.setCurrentText(document.selected_scenario)

    def _update_title(self) -> None:
        if self.document is None:
            self.setWindowTitle("specplan")
            self.setWindowModified(False)
            return
        suffix = " (read-only)" if self.document.read_only else " (review)" if self.document.review_mode else ""
        self.setWindowTitle(f"{self.document.plan.name} - {self.document.title}[*]{suffix} - specplan")
        self.setWindowModified(self.document.dirty)

    # -- toolbar -------------------------------------------------------------------------------
    def _build_toolbar(self) -> None:
        bar = QToolBar("Options", self)
        bar.setObjectName("options_toolbar")
        bar.addWidget(QLabel(" Option: ", bar))
        self.option_box = QComboBox(bar)
        self.option_box.setMinimumContentsLength(24)
        self.option_box.setAccessibleName("Selected redesign option")
        self.option_box.setToolTip("The redesign option the tiles and the setting charts describe")
        self.option_box.activated.connect(lambda n: self._on_option_chosen(self.option_box.itemText(n)))
        bar.addWidget(self.option_box)
        bar.addSeparator()
        bar.addAction(self.actions["undo"])
        bar.addAction(self.actions["redo"])
        self.addToolBar(bar)

    def _on_option_chosen(self, name: str) -> None:
        if self.document is not None and name:
            self.document.select_scenario(name)

    def _on_document_selected(self, name: str) -> None:
        if self.option_box.currentText() != name:
            self.option_box.setCurrentText(name)

    def _on_scope_changed(self, scope) -> None:
        if self.document is not None:
            self.document.set_scope(scope)

    # -- edit, view, help ----------------------------------------------------------------------
    def _on_undo(self) -> None:
        if self.document is not None:
            self.document.undo_stack.undo()

    def _on_redo(self) -> None:
        if self.document is not None:
            self.document.undo_stack.redo()

    def _on_preferences(self) -> PreferencesDialog:
        dialog = PreferencesDialog(self.prefs, self)
        dialog.sig_saved.connect(self.apply_preferences)
        self.preferences_dialog = dialog
        dialog.show()
        return dialog

    def apply_preferences(self, prefs) -> None:
        """Store and apply new preferences; views are rebuilt when the money unit changes."""
        unit_changed = prefs.money_unit != self.prefs.money_unit
        self.prefs = prefs
        save_preferences(self.settings, prefs)
        apply_theme(prefs.theme)
        apply_engine_threads(prefs.engine_threads)
        self._start_autosave()
        if unit_changed and self.document is not None:
            self._add_views(self.document, self.tabs.currentIndex())

    def _start_autosave(self) -> None:
        minutes = self.prefs.autosave_minutes
        if minutes > 0:
            self.autosave_timer.start(minutes * 60_000)
        else:
            self.autosave_timer.stop()

    def _on_reset_layout(self) -> None:
        self.restoreState(self._default_state)
        self.navigator_dock.show()

    def _on_quick_start(self) -> None:
        self.dialogs.info("Quick start", QUICK_START)

    def _on_about(self) -> None:
        self.dialogs.info("About specplan", about_text())

    # -- persistence ---------------------------------------------------------------------------
    def _restore_layout(self) -> None:
        geometry = self.settings.value("window/geometry")
        state = self.settings.value("window/state")
        if not (isinstance(geometry, QByteArray) and self.restoreGeometry(geometry)):
            resize_to_fit(self, 1280, 800)
        if isinstance(state, QByteArray):
            self.restoreState(state)

    def save_layout(self) -> None:
        self.settings.setValue("window/geometry", self.saveGeometry())
        self.settings.setValue("window/state", self.saveState())


def about_text() -> str:
    sources = load_reference().sources
    parts = [f"<h3>specplan {__version__}</h3>",
             "<p>Planning specialised commissioning across national, regional and ICS footprints.</p>",
             "<h4>Reference data</h4>"]
    for name, note in sources.items():
        lines = "<br>".join(line for line in note.splitlines() if line)
        parts.append(f"<p><b>{name}</b><br><small>{lines}</small></p>")
    return "".join(parts)
