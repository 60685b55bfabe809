"""Options appraisal and clinical review: weighted criteria, scores with rationale, statuses, comments."""

from __future__ import annotations

from dataclasses import dataclass

from .errors import check

MAX_SCORE = 5
STATUSES = ("draft", "in review", "endorsed", "not supported")


@dataclass(frozen=True)
class Criterion:
    """An appraisal criterion; ``weight`` is in points (they need not add up to 100)."""

    name: str
    weight: float

    def __post_init__(self) -> None:
        check(bool(self.name.strip()), "criterion name", self.name, "a non-empty name")
        check(isinstance(self.weight, (int, float)) and 0 <= self.weight <= 1000,
              f"weight of {self.name!r}", self.weight, "points from 0 to 1000")


DEFAULT_CRITERIA = (
    Criterion("Quality and outcomes", 30.0),
    Criterion("Access and equity", 20.0),
    Criterion("Workforce", 15.0),
    Criterion("Deliverability", 15.0),
    Criterion("Financial sustainability", 20.0),
)


@dataclass(frozen=True)
class Score:
    """One option's score (0 to 5) on one criterion, with the reasoning behind it."""

    option: str
    criterion: str
    score: int
    rationale: str = ""

    def __post_init__(self) -> None:
        check(isinstance(self.score, int) and not isinstance(self.score, bool) and 0 <= self.score <= MAX_SCORE,
              f"score of {self.option!r} on {self.criterion!r}", self.score, f"a whole number from 0 to {MAX_SCORE}")


@dataclass(frozen=True)
class Appraisal:
    criteria: tuple[Criterion, ...] = DEFAULT_CRITERIA
    scores: tuple[Score, ...] = ()

    def __post_init__(self) -> None:
        object.__setattr__(self, "criteria", tuple(self.criteria))
        object.__setattr__(self, "scores", tuple(self.scores))
        names = [c.name for c in self.criteria]
        check(len(names) == len(set(names)), "criteria", names, "each criterion once")
        seen = set()
        for score in self.scores:
            check(score.criterion in names, "score criterion", score.criterion, "one of the criteria")
            key = (score.option, score.criterion)
            check(key not in seen, "score", key, "one score per option and criterion")
            seen.add(key)

    def score(self, option: str, criterion: str) -> Score | None:
        return next((s for s in self.scores if s.option == option and s.criterion == criterion), None)


@dataclass(frozen=True)
class Comment:
    """A comment on an option, or on one of its levers (``lever`` counts from 1)."""

    option: str
    author: str
    time: str  # ISO 8601, UTC
    text: str
    lever: int | None = None

    def __post_init__(self) -> None:
        check(bool(self.text.strip()), "comment", self.text, "some text")
        check(bool(self.author.strip()), "comment author", self.author, "a name")
        if self.lever is not None:
            check(self.lever >= 1, "comment lever", self.lever, "a lever number from 1")


@dataclass(frozen=True)
class Review:
    """Each option's review status (draft unless set) and the comment threads."""

    statuses: tuple[tuple[str, str], ...] = ()
    comments: tuple[Comment, ...] = ()

    def __post_init__(self) -> None:
        object.__setattr__(self, "statuses", tuple(tuple(pair) for pair in self.statuses))
        object.__setattr__(self, "comments", tuple(self.comments))
        options = [option for option, _ in self.statuses]
        check(len(options) == len(set(options)), "statuses", options, "one status per option")
        for option, status in self.statuses:
            check(status in STATUSES, f"status of {option!r}", status, " or ".join(STATUSES))

    def status(self, option: str) -> str:
        return dict(self.statuses).get(option, "draft")

    def thread(self, option: str, lever: int | None = None) -> tuple[Comment, ...]:
        return tuple(c for c in self.comments if c.option == option and c.lever == lever)
