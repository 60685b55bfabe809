"""The Overview's "Spend by footprint" panel: chosen as a person would, its groups and its total
row are the engine's, to the penny."""

from __future__ import annotations

import numpy as np
import pytest
from choosing import choose
from PySide6.QtCore import Qt

from specplan.domain import Footprint, FootprintGroup, edits, footprint_edits
from specplan.domain.samples import build_sample
from specplan.ui.document.document import Document
from specplan.ui.models.footprint_spend_model import PENCE_ROLE


def panel(window):
    window.tabs.setCurrentIndex(0)
    return window.tabs.widget(0).by_footprint


def rows(model, role=Qt.ItemDataRole.DisplayRole):
    return [[model.data(model.index(r, c), role) for c in range(model.columnCount())]
            for r in range(model.rowCount())]


def test_choosing_ics_shows_each_icb_and_a_total_equal_to_the_option(qtbot, window):
    doc = window.document
    view = panel(window)
    choose(qtbot, window.option_box, "Community first")
    qtbot.keyClicks(view.footprint_box, "ICS")  # typing in a closed combo box picks the item
    assert view.footprint == "ics"
    table = rows(view.model)
    assert [r[0] for r in table] == [g.name for g in doc.plan.footprint("ics").groups] + ["Total"]
    assert len(table) == len(doc.plan.icbs) + 1
    pence = rows(view.model, PENCE_ROLE)
    option = doc.results.scenario("Community first").total_spend
    assert pence[-1][1:] == option.tolist()  # every year, to the penny
    assert np.sum([r[1:] for r in pence[:-1]], axis=0).tolist() == option.tolist()
    assert table[-1][-1] == f"£{option[-1] / 1e8:,.2f}m"
    nothing, drawn = view.chart.heights()
    assert np.allclose(drawn, [r[-1] / 1e8 for r in pence[:-1]])
    assert "Community first" in view.heading.text()


def test_doing_nothing_and_the_difference_are_the_engines(qtbot, window):
    doc = window.document
    view = panel(window)
    choose(qtbot, window.option_box, "Community first")
    choose(qtbot, view.show_box, "The option less doing nothing")
    option, nothing = doc.results.scenario("Community first"), doc.results.do_nothing
    total = rows(view.model, PENCE_ROLE)[-1][1:]
    assert total == (option.total_spend - nothing.total_spend).tolist()
    assert total[-1] < 0 and rows(view.model)[-1][-1].startswith("-£")
    choose(qtbot, view.show_box, "Doing nothing")
    assert rows(view.model, PENCE_ROLE)[-1][1:] == nothing.total_spend.tolist()


def test_an_edit_to_the_option_redraws_the_total(qtbot, window):
    doc = window.document
    view = panel(window)
    choose(qtbot, window.option_box, "Community first")
    before = rows(view.model, PENCE_ROLE)[-1][-1]
    with qtbot.waitSignal(doc.sig_results_changed, timeout=2000):
        doc.try_apply(edits.set_lever, "Community first", 0, "target_share", 0.6)
    after = rows(view.model, PENCE_ROLE)[-1][-1]
    assert after != before and after == int(doc.results.scenario("Community first").total_spend[-1])


def test_a_hidden_panel_waits_until_it_is_shown(qtbot, window):
    doc = window.document
    view = panel(window)
    window.tabs.setCurrentIndex(1)  # the Overview, and so the panel, hidden
    assert not view.isVisible()
    shown = rows(view.model, PENCE_ROLE)
    with qtbot.waitSignal(doc.sig_results_changed, timeout=2000):
        doc.try_apply(edits.set_lever, doc.selected_scenario, 0, "target_share", 0.6)
    assert rows(view.model, PENCE_ROLE) == shown  # not redrawn while nobody looks
    window.tabs.setCurrentIndex(0)
    assert rows(view.model, PENCE_ROLE)[-1][1:] == doc.results.scenario(doc.selected_scenario).total_spend.tolist()


@pytest.fixture
def own_footprint_plan():
    plan = build_sample("mh-collaborative")
    codes = [i.code for i in plan.icbs]
    own = Footprint("Trent and Lincs", (FootprintGroup("Trent", tuple(codes[:2])),
                                        FootprintGroup("Lincolnshire and Northants", tuple(codes[2:]))))
    return plan.replace(footprints=(own,))


def test_the_plans_own_footprint_is_offered_first_with_its_groups(qtbot, window, own_footprint_plan):
    window.set_document(Document(own_footprint_plan))
    doc = window.document
    view = panel(window)
    texts = [view.footprint_box.itemText(n) for n in range(view.footprint_box.count())]
    assert texts == ["Regional: by NHS region", "ICS: by ICB", "Trent and Lincs: 2 groups"]
    assert view.footprint == "Trent and Lincs"  # the plan's own, where it has one
    assert [r[0] for r in rows(view.model)] == ["Trent", "Lincolnshire and Northants", "Total"]
    pence = rows(view.model, PENCE_ROLE)
    option = doc.results.scenario(doc.selected_scenario).total_spend
    assert pence[-1][1:] == option.tolist()
    assert [a + b for a, b in zip(pence[0][1:], pence[1][1:])] == option.tolist()
    choose(qtbot, view.footprint_box, "Regional: by NHS region")
    assert [r[0] for r in rows(view.model)] == ["Midlands", "Total"]


def test_a_footprint_made_in_the_plan_joins_the_chooser(qtbot, window):
    doc = window.document
    view = panel(window)
    with qtbot.waitSignal(doc.sig_results_changed, timeout=2000):
        doc.try_apply(footprint_edits.create_footprint, "Board areas")
    assert view.footprint_box.findData("Board areas") >= 0
    qtbot.keyClicks(view.footprint_box, "Board")
    assert [r[0] for r in rows(view.model)] == ["All ICBs", "Total"]
