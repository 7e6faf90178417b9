"""Study card state and the review log: the tables `cards` and `reviews`.

A card row holds fsrs's JSON for the card plus its due time as a column, so "what is
due" is one indexed query. A review is saved together with the card's new state in one
transaction: a study session killed at any moment has kept every review it finished
and never half of one. Rows are never deleted: a question removed from its deck keeps
its schedule, ready for the day it comes back. Nothing here knows about Textual.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import datetime

from quiz.store.database import Database, StoreError
from quiz.study.scheduler import CardState, Rating, StudyScheduler, card_key
from quiz.study.times import timestamp

_SELECT_CARD = "SELECT state FROM cards WHERE deck_id = ? AND question_id = ?"


@dataclass(frozen=True, slots=True)
class SavedReview:
    """One review as saved; `card` is the state it left the card in.

    `correct` is None for a flashcard-style reveal, where only the learner's rating says
    whether they knew it.
    """

    deck_id: str
    question_id: str
    rating: Rating
    correct: bool | None
    seconds: float | None
    reviewed_at: datetime
    card: CardState


def load_card(db: Database, deck_id: str, question_id: str) -> CardState:
    """The question's saved card, or a new card due now if it was never reviewed."""
    rows = db.query(_SELECT_CARD, (deck_id, question_id))
    if not rows:
        return CardState.new(card_key(deck_id, question_id), db.now())
    return _parse(db, deck_id, question_id, rows[0]["state"])


def load_cards(db: Database, deck_id: str) -> dict[str, CardState]:
    """Every saved card of a deck by question id, including questions since removed."""
    rows = db.query("SELECT question_id, state FROM cards WHERE deck_id = ?", (deck_id,))
    return {
        row["question_id"]: _parse(db, deck_id, row["question_id"], row["state"]) for row in rows
    }


def record_review(
    db: Database,
    scheduler: StudyScheduler,
    deck_id: str,
    question_id: str,
    rating: Rating,
    *,
    correct: bool | None = None,
    seconds: float | None = None,
) -> SavedReview:
    """Rate the question's card now and save its new state and the review, all or nothing.

    The card is read inside the write transaction, so two processes studying the same
    deck cannot overwrite each other's reviews.
    """
    with db.transaction() as connection:
        now = db.now()
        card = _card_in(connection, db, deck_id, question_id, now)
        after, log = scheduler.review(card, rating, now, seconds)
        connection.execute(
            "INSERT INTO cards (deck_id, question_id, state, due) VALUES (?, ?, ?, ?)"
            " ON CONFLICT (deck_id, question_id)"
            " DO UPDATE SET state = excluded.state, due = excluded.due",
            (deck_id, question_id, after.to_json(), timestamp(after.due)),
        )
        connection.execute(
            "INSERT INTO reviews (deck_id, question_id, rating, correct, seconds, reviewed_at, log)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)",
            (deck_id, question_id, int(rating), correct, seconds, timestamp(now), log),
        )
    return SavedReview(deck_id, question_id, rating, correct, seconds, now, after)


def new_cards_since(db: Database, deck_id: str, since: datetime) -> int:
    """How many of the deck's questions had their first review at or after `since`.

    This is what the daily new-card limit counts; questions since removed from the deck
    still count, since the learner did meet them that day.
    """
    rows = db.query(
        "SELECT COUNT(*) AS n FROM (SELECT question_id FROM reviews WHERE deck_id = ?"
        " GROUP BY question_id HAVING MIN(reviewed_at) >= ?)",
        (deck_id, timestamp(since)),
    )
    return int(rows[0]["n"])


def _card_in(
    connection: sqlite3.Connection, db: Database, deck_id: str, question_id: str, now: datetime
) -> CardState:
    row = connection.execute(_SELECT_CARD, (deck_id, question_id)).fetchone()
    if row is None:
        return CardState.new(card_key(deck_id, question_id), now)
    return _parse(db, deck_id, question_id, row[0])


def _parse(db: Database, deck_id: str, question_id: str, text: str) -> CardState:
    try:
        return CardState.from_json(text)
    except (ValueError, KeyError, TypeError) as exc:
        raise StoreError(
            f"the study state of question '{question_id}' of deck '{deck_id}' in {db.path}"
            f" is damaged ({exc}); it was left as it is"
        ) from exc
