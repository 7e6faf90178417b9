"""How well the learner recalls, counted by SQLite over the review log and the quiz answers.

Definitions, used the same way everywhere:
- a review was *recalled* when the answer was checked right, or, for a flashcard reveal
  where nothing was checked, when the learner rated it anything but Again; *retention*
  is the share of reviews recalled;
- a question was *missed* by a wrong quiz answer or a review not recalled;
- a review merged from Anki (`quiz merge`) counts like the terminal's own; the chart
  says how many of its reviews came from Anki.
Plain records and counts; the study package puts them in calendar days and decks.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from datetime import datetime
from typing import NamedTuple

from quiz.store.database import Database
from quiz.store.instants import timestamp

SOURCE_ANKI = "anki"
"""`reviews.source` of a review merged from Anki (`quiz.store.merge`); the terminal's own
hold 'terminal'. Here, where reviews are counted by it, so that counting them does not
load the merging."""

RECALLED = "COALESCE(correct, rating > 1)"
"""SQL for "this review was recalled"; `correct` is NULL for a flashcard reveal."""


class Retention(NamedTuple):
    """How many reviews there were and how many of them were recalled."""

    reviews: int
    recalled: int

    @property
    def share(self) -> float | None:
        """Recalled / reviews, None before the first review."""
        return self.recalled / self.reviews if self.reviews else None


class PeriodReviews(NamedTuple):
    """The reviews of a period: how many, how many recalled, how many merged from Anki."""

    reviews: int
    recalled: int
    from_anki: int


class MissedQuestion(NamedTuple):
    """A question the learner got wrong; `attempts` counts quiz answers and reviews."""

    deck_id: str
    question_id: str
    misses: int
    attempts: int


def reviews_between(
    db: Database, bounds: Sequence[datetime], deck_id: str | None = None
) -> list[PeriodReviews]:
    """The reviews in each period from one of `bounds` (in time order) to the next, of one
    deck or all: one pass over the reviews however many there are, each put in its period
    by comparing its time with the bounds."""
    starts = [timestamp(moment) for moment in bounds]
    period_of = " ".join(f"WHEN reviewed_at < ? THEN {n}" for n in range(len(starts) - 1))
    rows = db.query(
        f"SELECT CASE {period_of} END AS period, COUNT(*) AS reviews,"
        f" SUM({RECALLED}) AS recalled, SUM(source = '{SOURCE_ANKI}') AS anki FROM reviews"
        " WHERE reviewed_at >= ? AND reviewed_at < ? AND (? IS NULL OR deck_id = ?)"
        " GROUP BY period",
        (*starts[1:], starts[0], starts[-1], deck_id, deck_id),
    )
    counted = {
        row["period"]: PeriodReviews(row["reviews"], row["recalled"], row["anki"]) for row in rows
    }
    return [counted.get(n, PeriodReviews(0, 0, 0)) for n in range(len(starts) - 1)]


def retention(
    db: Database, *, deck_id: str | None = None, since: datetime | None = None
) -> Retention:
    """Reviews and recalled reviews, of one deck or all, since a moment or ever."""
    start = None if since is None else timestamp(since)
    rows = db.query(
        f"SELECT COUNT(*) AS reviews, COALESCE(SUM({RECALLED}), 0) AS recalled FROM reviews"
        " WHERE (? IS NULL OR deck_id = ?) AND (? IS NULL OR reviewed_at >= ?)",
        (deck_id, deck_id, start, start),
    )
    return Retention(reviews=rows[0]["reviews"], recalled=rows[0]["recalled"])


def most_missed(
    db: Database,
    *,
    deck_id: str | None = None,
    among: Collection[str] | None = None,
    limit: int | None = 10,
) -> list[MissedQuestion]:
    """The questions missed most often in quizzes and reviews together, worst first.

    Ties go to the higher share of misses, then to the ids. Only the deck `deck_id`, or
    the decks `among`, when given. The ids may name questions since removed from their
    deck; the caller shows only those it can still find, so it may ask for them all
    (`limit=None`) and keep the first it finds.
    """
    decks = [] if among is None else list(among)
    rows = db.query(
        "SELECT deck_id, question_id, SUM(missed) AS misses, COUNT(*) AS attempts FROM ("
        "  SELECT deck_id, question_id, correct = 0 AS missed FROM answers"
        f"  UNION ALL SELECT deck_id, question_id, NOT {RECALLED} FROM reviews"
        ") WHERE (? IS NULL OR deck_id = ?)"
        f" AND (? OR deck_id IN ({', '.join('?' * len(decks))}))"
        " GROUP BY deck_id, question_id HAVING misses > 0"
        " ORDER BY misses DESC, CAST(misses AS REAL) / attempts DESC, deck_id, question_id"
        " LIMIT ?",
        # SQLite: LIMIT -1 is no limit
        (deck_id, deck_id, among is None, *decks, -1 if limit is None else limit),
    )
    return [
        MissedQuestion(row["deck_id"], row["question_id"], row["misses"], row["attempts"])
        for row in rows
    ]
