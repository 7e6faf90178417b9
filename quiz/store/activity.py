"""How many answers the learner gave in each of a row of periods: study reviews and quiz
answers, for the calendar of reviews.

The caller says where the periods begin (the learner's days, as the study package counts
them); nothing here knows about days or zones. SQLite counts the answers of each minute
in one pass over each table, and the minutes are put into their periods here: every
zone's day begins on a whole minute, so a minute never straddles two days, and a year
holds at most some thousands of minutes with answers however many answers there are.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from datetime import datetime
from typing import NamedTuple

from quiz.store.database import Database
from quiz.store.instants import timestamp

MINUTE = 16
"""`2026-01-05T09:30`: the length of an instant's stored text up to its minute."""


class Activity(NamedTuple):
    """The study reviews (ratings) and quiz answers of one period."""

    reviews: int = 0
    answers: int = 0

    @property
    def total(self) -> int:
        return self.reviews + self.answers


def activity(
    db: Database, bounds: Sequence[datetime], *, deck_id: str | None = None
) -> list[Activity]:
    """The activity between each two consecutive `bounds` (in time order), of one deck or all:
    one entry fewer than there are bounds; each period includes its start, not its end."""
    starts = [timestamp(bound)[:MINUTE] for bound in bounds]
    rows = db.query(
        f"SELECT substr(at, 1, {MINUTE}) AS minute, SUM(review) AS reviews,"
        " SUM(1 - review) AS answers FROM ("
        "  SELECT reviewed_at AS at, 1 AS review FROM reviews"
        "  WHERE reviewed_at >= ? AND reviewed_at < ? AND (? IS NULL OR deck_id = ?)"
        "  UNION ALL SELECT answered_at, 0 FROM answers"
        "  WHERE answered_at >= ? AND answered_at < ? AND (? IS NULL OR deck_id = ?)"
        ") GROUP BY minute",
        (starts[0], starts[-1], deck_id, deck_id) * 2,
    )
    counted = [[0, 0] for _ in starts[1:]]
    for row in rows:
        period = counted[bisect_right(starts, row["minute"]) - 1]
        period[0] += row["reviews"]
        period[1] += row["answers"]
    return [Activity(reviews, answers) for reviews, answers in counted]


def nothing_saved(db: Database) -> bool:
    """Whether the history holds nothing a learner did: no quiz (answers belong to one), no
    review and no card set aside. What `quiz stats` would draw of it is empty."""
    [row] = db.query(
        "SELECT EXISTS (SELECT 1 FROM sessions) OR EXISTS (SELECT 1 FROM reviews)"
        " OR EXISTS (SELECT 1 FROM card_marks)"
    )
    return not row[0]


SAVED_DECKS = (
    "SELECT deck_id, deck_title AS title FROM sessions"
    " UNION ALL SELECT deck_id, '' FROM reviews UNION ALL SELECT deck_id, '' FROM card_marks"
)
"""Every deck the history holds something of, as `nothing_saved` counts it: with the title of
each of its quizzes, none ('') for its reviews and cards set aside."""


def deck_saved(db: Database, deck_id: str) -> bool:
    """Whether the history holds anything of the deck `deck_id`: read from the tables'
    indexes on the deck, so `quiz stats --deck ID` knows a deck it has figures of at once."""
    [row] = db.query(f"SELECT EXISTS (SELECT 1 FROM ({SAVED_DECKS}) WHERE deck_id = ?)", (deck_id,))
    return bool(row[0])


def saved_decks(db: Database) -> set[tuple[str, str]]:
    """The id of every deck the history holds something of, with each title it was quizzed
    under ('' for a deck only studied): what `quiz stats` can name when `--deck` is unknown."""
    return {
        (row[0], row[1]) for row in db.query(f"SELECT DISTINCT deck_id, title FROM ({SAVED_DECKS})")
    }
