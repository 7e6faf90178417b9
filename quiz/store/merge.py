"""Reviews done in another client (Anki) written into the history, with the schedules they leave.

One transaction for a whole merge: the plan is made inside it, from what the store holds
at that moment (a sitting in another window cannot slip between the reading and the
writing), and a failure anywhere leaves the store as it was. Merged reviews are marked
with their source, so the history can tell them from the terminal's own; everything else
counts them alike. Which reviews and schedules to write is decided above (the study
package, which knows the scheduler); nothing here knows of it, or of Anki.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime

from quiz.store.database import Database
from quiz.store.instants import timestamp
from quiz.store.note_versions import QuestionKey
from quiz.store.progress import PastReview
from quiz.store.recall import SOURCE_ANKI


@dataclass(frozen=True, slots=True)
class MergedReview:
    """A review from elsewhere, with the scheduler's log the store keeps with every review."""

    review: PastReview
    log: str


@dataclass(frozen=True, slots=True)
class MergeWrite:
    """What a merge writes for one question: its new reviews, and its schedule when that
    changes (`state`, the scheduler's text, and `due`; None keeps the saved one)."""

    deck_id: str
    question_id: str
    reviews: tuple[MergedReview, ...]
    state: str | None
    due: datetime | None


def merge_writes(db: Database, plan: Callable[[], Sequence[MergeWrite]]) -> list[MergeWrite]:
    """Make the plan and write it, all in one transaction; the writes made.

    `plan` reads the store through `db` inside the transaction (the same connection).
    """
    with db.transaction() as connection:
        writes = list(plan())
        for write in writes:
            key = (write.deck_id, write.question_id)
            connection.executemany(
                "INSERT INTO reviews (deck_id, question_id, rating, correct, seconds,"
                " reviewed_at, log, source) VALUES (?, ?, ?, NULL, ?, ?, ?, ?)",
                [_review_row(key, merged) for merged in write.reviews],
            )
            if write.state is not None and write.due is not None:
                connection.execute(
                    "INSERT INTO cards (deck_id, question_id, state, due) VALUES (?, ?, ?, ?)"
                    " ON CONFLICT (deck_id, question_id)"
                    " DO UPDATE SET state = excluded.state, due = excluded.due",
                    (*key, write.state, timestamp(write.due)),
                )
    return writes


def _review_row(key: QuestionKey, merged: MergedReview) -> tuple[object, ...]:
    review = merged.review
    when = timestamp(review.reviewed_at)
    return (*key, review.rating, review.seconds, when, merged.log, SOURCE_ANKI)


def known_questions(db: Database) -> set[QuestionKey]:
    """Every (deck, question) the store has met: exported, studied or reviewed."""
    rows = db.query(
        "SELECT deck_id, question_id FROM exported_notes UNION SELECT deck_id, question_id"
        " FROM cards UNION SELECT deck_id, question_id FROM reviews"
    )
    return {(row[0], row[1]) for row in rows}
