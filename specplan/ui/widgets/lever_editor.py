"""The editor of one lever: every field as a control whose tooltip says what it does to the money.

Each control turns a gesture into ``document.try_apply(edits.set_lever, ...)``; the steps of one
slider drag share a merge key, so the drag is one undo step while the charts follow every step.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from ...domain import ConvergenceLever, PlanningLevelLever, ShiftLever, edits
from ..document.document import Document
from ..refusal_words import percent
from .figure_box import FigureBox
from .option_list import editable_document
from .phasing_table import PhasingEditor, set_phasing
from .refusal import clear_refusal, try_edit
from .scope_picker import ScopePicker
from .share_control import ShareControl

TIPS = {
    "from_setting": "The setting care moves out of: its activity and spend fall by the target share "
                    "(phased in over the years); that spend is the money released.",
    "to_setting": "The setting care moves into: it gains the moved activity (times the substitution ratio) "
                  "and the reinvested share of the money released.",
    "target_share": "Share of the from setting's activity, and of its money, moved by the final year. "
                    "More moved releases more money to reinvest or save.",
    "reinvest_share": "Share of the money released by moving care that is spent on the new community "
                      "service; the rest is saving.",
    "double_running_share": "Share of each year's newly released money still spent that year while the old "
                            "and new services both run; a cost that delays the saving.",
    "substitution_ratio": "Units of new-setting activity that replace each unit moved (activity only: the "
                          "money the new setting gets is set by the reinvestment share).",
    "share": "Share of the way each ICB's spend moves towards its fair share every year; money moves "
             "between ICBs and each pool's total stays the same.",
    "level": "Footprint these services are planned and pooled at in this option: national, regional or "
             "ICS. It changes the pools fair shares are worked out over, not the total spent.",
    "phasing": "How the target is reached year by year, and so in which years money is released.",
    "services": "Services whose money the lever moves; none ticked means every service in the plan.",
    "icbs": "ICBs whose money the lever moves; none ticked means every ICB in the plan.",
}
LABELS = {
    "from_setting": "Move care from", "to_setting": "to", "target_share": "Target share",
    "reinvest_share": "Reinvestment", "double_running_share": "Double running",
    "substitution_ratio": "Substitution ratio", "share": "Convergence", "level": "Planning level",
    "phasing": "Phasing",
}
ROWS = {
    "shift": {"from_setting", "to_setting", "target_share", "reinvest_share", "double_running_share",
              "substitution_ratio", "phasing"},
    "convergence": {"share"},
    "planning_level": {"level"},
}
KIND_NAMES = {"shift": "shift", "convergence": "convergence", "planning_level": "planning level"}
#: What a refusal calls each field: the words beside its control.
FIELD_NAMES = {"from_setting": "Move care from", "to_setting": "Move care to", "services": "Services", "icbs": "ICBs"}
#: How a refused value is written: as its control shows it.
FIELD_VALUES = {
    **dict.fromkeys(("target_share", "reinvest_share", "double_running_share", "share", "phasing"), percent),
    **dict.fromkeys(("from_setting", "to_setting"), lambda value: setting_words(value)),
}
#: Fields whose controls show exactly the value they send (they need no sync back from an edit).
NUMBERS = frozenset({"target_share", "reinvest_share", "double_running_share", "substitution_ratio", "share"})


class LeverEditor(QGroupBox):
    """Shows lever ``position`` of option ``scenario``; :meth:`show_lever` picks it."""

    def __init__(self, document: Document, parent: QWidget | None = None):
        super().__init__("Lever", parent)
        self.document = document
        self.scenario, self.position = "", -1
        self.heading = QLabel(self)
        self.heading.setWordWrap(True)
        self.controls: dict[str, QWidget] = {}
        for field in ("from_setting", "to_setting", "level"):
            self.controls[field] = QComboBox(self)
            # Never cut a setting's name short: the editor scrolls down rather than squeeze.
            self.controls[field].setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        for field in ("target_share", "reinvest_share", "double_running_share", "share"):
            self.controls[field] = ShareControl(LABELS[field], TIPS[field], self)
            self.controls[field].sig_edited.connect(
                lambda value, drag, field=field: self._set(field, value, drag))
        self.controls["substitution_ratio"] = ratio = QDoubleSpinBox(self)
        ratio.setRange(0.0, 100.0)
        ratio.setDecimals(2)
        ratio.setSingleStep(0.1)
        ratio.setKeyboardTracking(False)
        ratio.valueChanged.connect(lambda value: self._set("substitution_ratio", value))
        self.controls["phasing"] = self.phasing = PhasingEditor(self)
        self.phasing.sig_edited.connect(self._on_phasing)
        for field in ("from_setting", "to_setting", "level"):
            self.controls[field].activated.connect(lambda _n, field=field: self._on_combo(field))
        self.services = ScopePicker("Services", TIPS["services"], self)
        self.icbs = ScopePicker("ICBs", TIPS["icbs"], self)
        self.services.sig_edited.connect(lambda codes: self._set("services", codes))
        self.icbs.sig_edited.connect(lambda codes: self._set("icbs", codes))
        self._build_layout()

    def _build_layout(self) -> None:
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        # Narrower than a label and its control need (a small screen): the label goes above it.
        self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        settings = QHBoxLayout()
        settings.addWidget(self.controls["from_setting"], stretch=1)
        self.to_label = QLabel(LABELS["to_setting"], self)
        settings.addWidget(self.to_label)
        settings.addWidget(self.controls["to_setting"], stretch=1)
        self.form.addRow(LABELS["from_setting"], settings)
        for field in ("target_share", "reinvest_share", "double_running_share", "substitution_ratio",
                      "share", "level", "phasing"):
            label = QLabel(LABELS[field], self)
            label.setToolTip(TIPS[field])
            label.setBuddy(self.controls[field])
            self.form.addRow(label, self.phasing.kind if field == "phasing" else self.controls[field])
        self.form.addRow(self.phasing)  # the per-year table, the editor's full width
        for field in ("from_setting", "to_setting", "level", "substitution_ratio"):
            self.controls[field].setToolTip(TIPS[field])
            self.controls[field].setAccessibleName(LABELS[field])
        self.controls["to_setting"].setAccessibleName("Move care to")
        layout = QVBoxLayout(self)
        layout.addWidget(FigureBox(self.heading, self))  # the lever's words: new with every step
        layout.addLayout(self.form)
        layout.addWidget(self.services, stretch=1)
        layout.addWidget(self.icbs, stretch=1)

    # -- showing -------------------------------------------------------------------------------
    def show_lever(self, scenario: str, position: int) -> None:
        if (scenario, position) != (self.scenario, self.position):
            self.phasing.discard_draft()  # typed for the lever shown before
        self.scenario, self.position = scenario, position
        self.sync()

    def show_description(self) -> None:
        """After an edit made here: the controls already show it, only the words follow."""
        lever = self.lever()
        if lever is not None:
            self.heading.setText(lever.describe())

    def lever(self) -> ShiftLever | ConvergenceLever | PlanningLevelLever | None:
        return self.document.plan.lever_at(self.scenario, self.position)

    def sync(self) -> None:
        """Show the plan's values in every control (never emits an edit)."""
        lever, plan = self.lever(), self.document.plan
        self.setEnabled(lever is not None and editable_document(self.document))
        if lever is None:
            self.setTitle("Lever")
            self.heading.setText("This option has no levers: it spends what doing nothing spends. "
                                 "Add a lever to move money." if self.scenario else "No option selected.")
            for row in range(self.form.rowCount()):
                self.form.setRowVisible(row, False)
            self.services.hide()
            self.icbs.hide()
            return
        self.setTitle(f"Lever {self.position + 1} of {self.scenario!r}: {KIND_NAMES[lever.kind]}")
        self.heading.setText(lever.describe())
        visible = ROWS[lever.kind]
        self.form.setRowVisible(0, "from_setting" in visible)
        for field in ("target_share", "reinvest_share", "double_running_share", "substitution_ratio",
                      "share", "level"):
            self.form.setRowVisible(self.controls[field], field in visible)
        self.form.setRowVisible(self.phasing.kind, "phasing" in visible)
        self.form.setRowVisible(self.phasing, "phasing" in visible)
        self.services.show()
        self.services.set_items([(s.code, s.name) for s in plan.services])
        self.services.set_codes(lever.services)
        self.icbs.setVisible(isinstance(lever, ShiftLever))
        if isinstance(lever, ShiftLever):
            self._sync_shift(lever)
        elif isinstance(lever, ConvergenceLever):
            self.controls["share"].set_share(lever.share)
        else:
            self._show_combo("level", list(plan.footprint_names), str(lever.level))

    def _sync_shift(self, lever: ShiftLever) -> None:
        plan = self.document.plan
        for field in ("from_setting", "to_setting"):
            self._show_combo(field, list(plan.settings), getattr(lever, field))
        for field in ("target_share", "reinvest_share", "double_running_share"):
            self.controls[field].set_share(getattr(lever, field))
        ratio = self.controls["substitution_ratio"]
        if ratio.value() != lever.substitution_ratio:
            ratio.blockSignals(True)
            ratio.setValue(lever.substitution_ratio)
            ratio.blockSignals(False)
        self.icbs.set_items([(i.code, i.name) for i in plan.icbs])
        self.icbs.set_codes(lever.icbs)
        self.phasing.set_phasing(lever.phasing, list(plan.years[1:]), lever.phasing.profile(plan.horizon)[1:])

    def _show_combo(self, field: str, values: list[str], current: str) -> None:
        combo: QComboBox = self.controls[field]
        # heard through ``activated`` (a user's choice only): refilling it here says nothing
        if [combo.itemData(n) for n in range(combo.count())] != values:
            combo.clear()
            for value in values:
                combo.addItem(level_label(value) if field == "level" else value.replace("_", " "), value)
        combo.setCurrentIndex(combo.findData(current))

    def clear_error(self) -> None:
        """An edit was taken or another lever shows: a refusal beside these controls is over."""
        clear_refusal(self)

    # -- gestures ------------------------------------------------------------------------------
    def _set(self, field: str, value: object, drag: object = None) -> None:
        if self.lever() is None:
            return
        key = None if drag is None else (self.scenario, self.position, field, drag)
        # A number's control already shows what it sent, so it is named as the edit's source
        # and not synced back; a setting or a level changes which controls show, so those sync.
        self._apply(field, edits.set_lever, field, value, merge_key=key, source=self if field in NUMBERS else None)

    def _on_combo(self, field: str) -> None:
        value = self.controls[field].currentData()
        if field in ("from_setting", "to_setting"):
            other = "to_setting" if field == "from_setting" else "from_setting"
            words = (f"{FIELD_NAMES.get(field, LABELS[field])} not changed: {setting_words(value)} is where care "
                     f"{'moves to' if field == 'from_setting' else 'moves from'} already; care moves between two "
                     f"settings, so choose another, or change \u201c{LABELS[other]}\u201d first.")
            self._apply(field, edits.set_lever, field, value, explain=lambda _error: words)
            return
        self._set(field, value)

    def _on_phasing(self, kind: str, values: list) -> None:
        if self.lever() is not None:
            self._apply("phasing", set_phasing, kind, values)

    def _apply(self, field: str, make_edit, *args, merge_key: object = None, source: object = None,
               explain=None) -> bool:
        """The edit of ``field``; a refusal is said beside its control, which shows the plan again
        (the phasing table keeps what was typed: it is the user's draft, not the plan)."""
        anchor, shown = self.controls.get(field, self), FIELD_VALUES.get(field)
        if field == "phasing":
            anchor = self.phasing.table
        elif isinstance(anchor, ShareControl):
            anchor = anchor.spin
        made = try_edit(self.document, anchor, FIELD_NAMES.get(field, LABELS.get(field, field)), make_edit,
                        self.scenario, self.position, *args, merge_key=merge_key, source=source, shown=shown,
                        explain=explain)
        if not made:
            self.sync()
        return made


def setting_words(setting: object) -> str:
    """A setting as its combo shows it, quoted: ``\u201cday case\u201d``."""
    return f"\u201c{str(setting).replace('_', ' ')}\u201d"


def level_label(level: str) -> str:
    """A planning level as a person reads it: National, Regional, ICS, or the footprint's name."""
    return {"national": "National", "regional": "Regional", "ics": "ICS"}.get(level, level)
