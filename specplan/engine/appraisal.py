"""Weighted appraisal of options: totals, ranks, and whether the winner survives weight changes."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ..domain.appraisal import Appraisal

SWING_POINTS = 10.0


@dataclass(frozen=True)
class Ranked:
    option: str
    weighted: float  # 0..5, the weighted mean score
    rank: int  # 1 = best; equal totals share a rank; options with no scores at all come after
    unscored: tuple[str, ...]  # criteria with no score yet (counted as 0)
    scored: bool = True  # False: no criterion scored yet, so "not scored" rather than last at 0.00


@dataclass(frozen=True)
class WeightCheck:
    criterion: str
    change: float  # points added to its weight
    top: tuple[str, ...]  # the top option(s) with that weight
    survives: bool  # the same single option is still first


@dataclass(frozen=True)
class AppraisalResult:
    ranked: tuple[Ranked, ...]  # best first
    checks: tuple[WeightCheck, ...]

    @property
    def top(self) -> tuple[str, ...]:
        return tuple(r.option for r in self.ranked if r.rank == 1)

    @property
    def robust(self) -> bool:
        return len(self.top) == 1 and all(check.survives for check in self.checks)


def score_matrix(appraisal: Appraisal, options: list[str]) -> np.ndarray:
    """``[option, criterion]`` scores, 0 where not scored."""
    index = {c.name: n for n, c in enumerate(appraisal.criteria)}
    matrix = np.zeros((len(options), len(appraisal.criteria)))
    for score in appraisal.scores:
        if score.option in options:
            matrix[options.index(score.option), index[score.criterion]] = score.score
    return matrix


def weighted_totals(scores: np.ndarray, weights: np.ndarray) -> np.ndarray:
    """Weighted mean score per option (0 when every weight is 0)."""
    total = weights.sum()
    return scores @ weights / total if total > 0 else np.zeros(scores.shape[0])


def ranks(totals: np.ndarray) -> np.ndarray:
    """Competition ranking: 1 for the best; equal totals (to 1e-9) share a rank."""
    rounded = np.round(totals, 9)
    return np.array([1 + int((rounded > value).sum()) for value in rounded], dtype=int)


def appraise(appraisal: Appraisal, options: list[str], swing: float = SWING_POINTS) -> AppraisalResult:
    scores = score_matrix(appraisal, options)
    weights = np.array([c.weight for c in appraisal.criteria], dtype=float)
    totals = weighted_totals(scores, weights)
    scored = {(s.option, s.criterion) for s in appraisal.scores}
    has_scores = np.array([any((o, c.name) in scored for c in appraisal.criteria) for o in options], dtype=bool)

    def ranked_only_if_scored(values: np.ndarray) -> np.ndarray:
        return ranks(np.where(has_scores, values, -np.inf)) if len(values) else ranks(values)

    rank = ranked_only_if_scored(totals)
    ranked = sorted(
        (Ranked(option, float(totals[n]), int(rank[n]),
                tuple(c.name for c in appraisal.criteria if (option, c.name) not in scored), bool(has_scores[n]))
         for n, option in enumerate(options)),
        key=lambda r: (r.rank, options.index(r.option)),
    )
    top = tuple(r.option for r in ranked if r.rank == 1)
    checks = []
    for n, criterion in enumerate(appraisal.criteria):
        for change in (-swing, swing):
            moved = weights.copy()
            moved[n] = max(0.0, moved[n] + change)
            new_rank = ranked_only_if_scored(weighted_totals(scores, moved))
            new_top = tuple(o for o, r in zip(options, new_rank) if r == 1)
            checks.append(WeightCheck(criterion.name, change, new_top, len(top) == 1 and new_top == top))
    return AppraisalResult(tuple(ranked), tuple(checks))
