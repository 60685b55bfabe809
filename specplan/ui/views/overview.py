"""Overview: headline tiles for the selected option, the live charts of every option, and below
them the selected option's spend rolled up by any footprint of the plan."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from ...engine.scope import headline, totals_in_scope
from ..charts.setting_mix import SettingMixChart
from ..charts.shift import ShiftChart
from ..charts.trajectory import TrajectoryChart
from ..document.document import Document
from ..formatting import money, share
from ..widgets.footprint_spend import FootprintSpendPanel
from ..widgets.live import LiveView
from ..widgets.reflow import ReflowLayout
from ..widgets.tiles import Tile

TILES = {
    "spend": ("Spend in the final year",
              "What the selected option spends in the last year of the plan, and how that compares "
              "with doing nothing. Lower means money released from the budget."),
    "saving": ("Cumulative saving",
               "Money released by moving care and not reinvested, added up over every year of the plan."),
    "community": ("Community share of spend",
                  "Community services' share of all spend in the final year; moving care out of beds raises it."),
    "beds": ("Beds in the final year",
             "Inpatient beds implied by the bed days left in the final year, at each service's occupancy."),
}


class OverviewView(LiveView):
    def __init__(self, document: Document, parent: QWidget | None = None, unit: str = "gbp_m"):
        super().__init__(document, parent)
        self.unit = unit
        layout = QVBoxLayout(self)
        self.heading = QLabel(self)
        self.heading.setWordWrap(True)
        layout.addWidget(self.heading)
        # Four tiles in a row, or two rows of two on a narrow page.
        tiles = ReflowLayout()
        self.tiles = {}
        for keys in (list(TILES)[:2], list(TILES)[2:]):
            pair = QWidget(self)
            row = QHBoxLayout(pair)
            row.setContentsMargins(0, 0, 0, 0)
            for key in keys:
                self.tiles[key] = Tile(*TILES[key], pair)
                row.addWidget(self.tiles[key])
            tiles.addWidget(pair)
        layout.addLayout(tiles)
        self.trajectory = TrajectoryChart(self, unit)
        self.setting_mix = SettingMixChart(self, unit)
        self.shift = ShiftChart(self, unit)
        layout.addWidget(self.trajectory, stretch=1)
        # The two smaller charts side by side, or one below the other when each would be
        # narrower than a readable chart (its title and six years across).
        pair = ReflowLayout()
        for chart in (self.setting_mix, self.shift):
            chart.setMinimumWidth(20 * chart.fontMetrics().height())
            pair.addWidget(chart)
        layout.addLayout(pair, stretch=1)
        # Its own live view: it redraws on its own choices, and not with every tile.
        self.by_footprint = FootprintSpendPanel(document, self, unit)
        layout.addWidget(self.by_footprint, stretch=1)

    def refresh(self) -> None:
        document = self.document
        plan, results, scope = document.plan, document.results, document.scope
        years = list(plan.years)
        options, do_nothing = totals_in_scope(results, scope)
        self.trajectory.update_totals(years, options, do_nothing, show_do_nothing=not plan.has_do_nothing_option)
        selected = next((o for o in options if o.name == document.selected_scenario), do_nothing)
        self.setting_mix.setTitle(f"Spend by setting: {selected.name}")
        self.setting_mix.update_totals(years, list(plan.settings), selected)
        self.shift.setTitle(f"Inpatient against community: {selected.name}")
        self.shift.update_totals(years, list(plan.settings), selected, do_nothing)
        self.heading.setText(f"<b>{selected.name}</b> against do nothing, {scope.describe(plan)}, "
                             f"{years[0]} to {years[-1]}")
        self._show_tiles(selected, do_nothing, years[-1])

    def _show_tiles(self, option, do_nothing, final_year: str) -> None:
        unit, figures = self.unit, headline(option, do_nothing)
        change = figures.change_vs_do_nothing
        self.tiles["spend"].show_figure(
            money(figures.final_spend, unit),
            f"{money(abs(change), unit)} {'less' if change <= 0 else 'more'} than doing nothing in {final_year}")
        self.tiles["saving"].show_figure(
            money(figures.cumulative_saving, unit),
            f"double running {money(figures.cumulative_double_running, unit)} over the plan")
        self.tiles["community"].show_figure(
            share(figures.community_share), f"do nothing: {share(figures.do_nothing_community_share)}")
        self.tiles["beds"].show_figure(f"{figures.beds:,.0f}", f"{figures.beds_change:+,.0f} against do nothing")
