"""Appraisal arithmetic: hand-worked and with hypothesis."""

from __future__ import annotations

import numpy as np
import pytest
from factories import make_plan
from hypothesis import given
from hypothesis import strategies as st

from specplan.domain import Appraisal, Criterion, Scenario, Score, ShiftLever, ValidationError, edits
from specplan.engine.appraisal import appraise, ranks, weighted_totals

OPTIONS = ["A", "B", "C"]


def test_hand_worked_totals_ranks_and_robustness():
    appraisal = Appraisal(
        (Criterion("Quality", 60), Criterion("Cost", 40)),
        (Score("A", "Quality", 5), Score("A", "Cost", 1), Score("B", "Quality", 3), Score("B", "Cost", 4),
         Score("C", "Quality", 2)),
    )
    result = appraise(appraisal, OPTIONS)
    # A: (5*60 + 1*40)/100 = 3.4; B: (3*60 + 4*40)/100 = 3.4; C: 1.2 (Cost unscored).
    assert [(r.option, round(r.weighted, 6), r.rank) for r in result.ranked] == [
        ("A", 3.4, 1), ("B", 3.4, 1), ("C", 1.2, 3)]
    assert result.ranked[2].unscored == ("Cost",)
    assert result.top == ("A", "B") and not result.robust
    clear = appraise(Appraisal(appraisal.criteria, appraisal.scores[:2] + (Score("B", "Quality", 2),)), OPTIONS)
    assert clear.top == ("A",)
    # Quality 50 / Cost 50 still leaves A (3.0) above B (1.0): A survives every +/-10 move.
    assert clear.robust and len(clear.checks) == 4


def test_a_close_call_does_not_survive_a_weight_swing():
    appraisal = Appraisal((Criterion("Quality", 50), Criterion("Cost", 50)),
                          (Score("A", "Quality", 5), Score("A", "Cost", 0), Score("B", "Quality", 0), Score("B", "Cost", 4)))
    result = appraise(appraisal, ["A", "B"])
    assert result.top == ("A",)  # 2.5 against 2.0
    # Quality down to 40 points: A 200/90 and B 200/90 tie, so A is no longer clearly first.
    failing = [(c.criterion, c.change, c.top) for c in result.checks if not c.survives]
    assert failing == [("Quality", -10.0, ("A", "B"))]
    assert not result.robust


score_lists = st.lists(st.lists(st.integers(0, 5), min_size=4, max_size=4), min_size=1, max_size=6)
weight_lists = st.lists(st.floats(0, 100), min_size=4, max_size=4)


@given(score_lists, weight_lists)
def test_weighted_totals_lie_between_0_and_5(scores, weights):
    totals = weighted_totals(np.array(scores, float), np.array(weights))
    assert ((totals >= -1e-12) & (totals <= 5 + 1e-12)).all()


@given(score_lists, weight_lists, st.floats(0.1, 10))
def test_scaling_every_weight_keeps_the_ranks(scores, weights, factor):
    scores, weights = np.array(scores, float), np.array(weights)
    assert (ranks(weighted_totals(scores, weights)) == ranks(weighted_totals(scores, weights * factor))).all()


@given(score_lists, weight_lists)
def test_ranks_are_a_competition_ranking(scores, weights):
    totals = weighted_totals(np.array(scores, float), np.array(weights))
    rank = ranks(totals)
    assert rank.min() == 1
    order = np.argsort(-totals, kind="stable")
    assert (np.diff(rank[order]) >= 0).all()


def test_edits_keep_scores_statuses_and_comments_with_their_option():
    lever = ShiftLever(target_share=0.2)
    plan = make_plan([[[1000, 0]]], scenarios=(Scenario("A", (lever, lever)), Scenario("B")))
    plan = edits.set_score(plan, "A", "Workforce", 4, "enough nurses").plan
    plan = edits.set_status(plan, "A", "in review").plan
    plan = edits.add_comment(plan, "A", "Ana", "Check the beds", "2026-11-23T01:00:00Z", lever=2).plan
    renamed = edits.rename_scenario(plan, "A", "Community first").plan
    assert renamed.appraisal.score("Community first", "Workforce").rationale == "enough nurses"
    assert renamed.review.status("Community first") == "in review"
    assert renamed.review.thread("Community first", 2)[0].text == "Check the beds"
    moved = edits.move_lever(renamed, "Community first", 1, 0).plan
    assert moved.review.thread("Community first", 1)[0].text == "Check the beds"
    removed = edits.remove_lever(moved, "Community first", 0).plan
    assert removed.review.thread("Community first")[0].text.startswith("[on removed lever 1]")
    gone = edits.delete_scenario(removed, "Community first").plan
    assert not gone.appraisal.scores and not gone.review.comments and not gone.review.statuses


def test_bad_appraisal_values_are_refused():
    with pytest.raises(ValidationError, match="score of 'A' on 'Workforce': 6"):
        Score("A", "Workforce", 6)
    plan = make_plan([[[1000, 0]]], scenarios=(Scenario("A"),))
    with pytest.raises(ValidationError, match="status"):
        edits.set_status(plan, "A", "approved")
    with pytest.raises(ValidationError, match="score option"):
        plan.replace(appraisal=Appraisal(scores=(Score("Nope", "Workforce", 1),)))
