"""Study schedules and the review log, as plain records: the tables `cards` and `reviews`.

A card row holds the scheduler's state as the scheduler wrote it (JSON text, never read
here) and its due time as a column, so "what is due" is one indexed query on
(deck_id, due). A review is saved together with the card's new state in one transaction:
a study session killed at any moment has kept every review it finished and never half of
one. A review may change the card's marks in the same transaction (a leech is suspended
as it is rated; `quiz.store.card_marks`). Rows are deleted only by an undo
(`undo_review`), which takes back one review and restores the card and marks it changed,
again in one transaction: a question removed from its deck keeps its schedule, ready for
the day it comes back. The scheduler lives above
(`quiz.study.cards` turns these rows into its cards); nothing here knows of it, or of the UI.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass
from datetime import datetime

from quiz.store.card_marks import Change, MarkRow, read_mark, write_mark
from quiz.store.database import Database, StoreError
from quiz.store.instants import from_timestamp, timestamp

_COLUMNS = "question_id, state, due"
_CHUNK = 500
"""Question ids per `IN (...)` query: well below SQLite's limit on parameters."""
_SELECT_CARD = f"SELECT {_COLUMNS} FROM cards WHERE deck_id = ? AND question_id = ?"


@dataclass(frozen=True, slots=True)
class CardRow:
    """One question's saved schedule: the scheduler's state text and when it is due."""

    question_id: str
    state: str
    due: datetime


@dataclass(frozen=True, slots=True)
class CardWrite:
    """What a review writes: the card's new state text, its due time, the scheduler's log,
    and how it changes the card's marks (None: it leaves them), such as a leech's."""

    state: str
    due: datetime
    log: str
    mark: Change | None = None


@dataclass(frozen=True, slots=True)
class ReviewFacts:
    """What the learner did: the rating (1–4), whether the answer was right, how long.

    `correct` is None for a flashcard-style reveal, where only the rating says whether
    the learner knew it.
    """

    rating: int
    correct: bool | None = None
    seconds: float | None = None


@dataclass(frozen=True, slots=True)
class SavedWrite:
    """What `save_review` did: the review's instant and row id, the card row it replaced
    (None for a card never reviewed) and, when it changed the card's marks, the marks
    before and after: all an undo needs."""

    reviewed_at: datetime
    review_id: int
    before: CardRow | None
    marks: tuple[MarkRow | None, MarkRow] | None = None


Review = Callable[[CardRow | None, datetime], CardWrite]
"""Turns the saved card (None if never reviewed) and the review's instant into the write."""


def card_row(db: Database, deck_id: str, question_id: str) -> CardRow | None:
    """The question's saved schedule, None if it was never reviewed."""
    rows = db.query(_SELECT_CARD, (deck_id, question_id))
    return _row(db, deck_id, rows[0]) if rows else None


def card_rows(db: Database, deck_id: str) -> list[CardRow]:
    """Every saved schedule of a deck, including those of questions since removed."""
    rows = db.query(f"SELECT {_COLUMNS} FROM cards WHERE deck_id = ?", (deck_id,))
    return [_row(db, deck_id, row) for row in rows]


def scheduled_ids(db: Database, deck_id: str) -> set[str]:
    """The ids of the deck's questions that have a schedule (were ever reviewed)."""
    rows = db.query("SELECT question_id FROM cards WHERE deck_id = ?", (deck_id,))
    return {row[0] for row in rows}


def due_between(
    db: Database, deck_id: str, after: datetime | None, until: datetime
) -> list[tuple[str, datetime]]:
    """(question id, due time) of the deck's schedules due after `after` (None: ever) and at
    or before `until`, soonest first."""
    rows = db.query(
        "SELECT question_id, due FROM cards WHERE deck_id = ? AND due > ? AND due <= ?"
        " ORDER BY due",
        (deck_id, _after(after), timestamp(until)),
    )
    return [(question_id, _due(db, deck_id, question_id, due)) for question_id, due in rows]


def most_overdue(
    db: Database, deck_id: str, until: datetime, limit: int
) -> list[tuple[str, datetime]]:
    """The first `limit` of `due_between(db, deck_id, None, until)`: read from the due
    index in its order, so it takes as long with a hundred thousand schedules as with ten."""
    rows = db.query(
        "SELECT question_id, due FROM cards WHERE deck_id = ? AND due <= ? ORDER BY due LIMIT ?",
        (deck_id, timestamp(until), limit),
    )
    return [(question_id, _due(db, deck_id, question_id, due)) for question_id, due in rows]


def due_at(db: Database, deck_id: str, due: datetime) -> list[str]:
    """The ids of the deck's questions due at exactly `due`: one equal key of the due index."""
    rows = db.query(
        "SELECT question_id FROM cards WHERE deck_id = ? AND due = ?", (deck_id, timestamp(due))
    )
    return [row[0] for row in rows]


def due_count(db: Database, deck_id: str, after: datetime | None, until: datetime) -> int:
    """How many of the deck's schedules fall due after `after` (None: ever) and at or
    before `until`; counted in the due index alone."""
    rows = db.query(
        "SELECT COUNT(*) FROM cards WHERE deck_id = ? AND due > ? AND due <= ?",
        (deck_id, _after(after), timestamp(until)),
    )
    return int(rows[0][0])


@dataclass(frozen=True, slots=True)
class ScheduleCounts:
    """How many schedules are due at a moment, how many later, and the soonest of those
    later (None when there is none)."""

    due: int
    later: int
    next_due: datetime | None


def schedule_counts(
    db: Database,
    deck_id: str,
    question_ids: Iterable[str],
    now: datetime,
    *,
    leave_out: Collection[str] = (),
) -> ScheduleCounts:
    """The counts of the schedules of these questions of the deck but those `leave_out`
    names (cards set aside), at `now`.

    SQLite counts in the due index. Schedules of other questions (removed from the deck
    since, their state kept) are left out: found by a loop in Python over the deck's
    scheduled ids, usually none. It runs in a worker beside the UI thread, and a loop lets
    the UI thread take its turns: the same work done by C in one call (a JSON array of
    a hundred thousand ids, then a set difference) held Python's lock for 50 ms at a
    time, the longest wait of the deck list's keys on a heavy history.
    """
    current = {question_id for question_id in question_ids}  # noqa: C416 (a loop, as said)
    others = {
        question_id for question_id in scheduled_ids(db, deck_id) if question_id not in current
    }
    others.update(leave_out)
    leave_out = " AND question_id NOT IN (SELECT value FROM json_each(?))" if others else ""
    at = timestamp(now)
    [row] = db.query(
        "SELECT COALESCE(SUM(due <= ?), 0), COALESCE(SUM(due > ?), 0),"
        f" MIN(CASE WHEN due > ? THEN due END) FROM cards WHERE deck_id = ?{leave_out}",
        (at, at, at, deck_id, *([json.dumps(sorted(others))] if others else [])),
    )
    due, later, soonest = row
    return ScheduleCounts(due, later, None if soonest is None else from_timestamp(soonest))


def due_times(db: Database, deck_id: str, question_ids: Iterable[str]) -> list[datetime]:
    """The due times of these questions' schedules (those that have one), in no order."""
    ids = list(question_ids)
    found: list[datetime] = []
    for start in range(0, len(ids), _CHUNK):
        chunk = ids[start : start + _CHUNK]
        rows = db.query(
            "SELECT question_id, due FROM cards WHERE deck_id = ? AND question_id IN"
            f" ({', '.join('?' * len(chunk))})",
            (deck_id, *chunk),
        )
        found += [_due(db, deck_id, question_id, due) for question_id, due in rows]
    return found


def save_review(
    db: Database, deck_id: str, question_id: str, facts: ReviewFacts, review: Review
) -> SavedWrite:
    """Review the question's card now and save its new state and the review, all or nothing.

    The card is read inside the write transaction and handed to `review`, so two
    processes studying the same deck cannot overwrite each other's reviews.
    """
    with db.transaction() as connection:
        now = db.now()
        row = connection.execute(_SELECT_CARD, (deck_id, question_id)).fetchone()
        before = None if row is None else _row(db, deck_id, row)
        write = review(before, now)
        connection.execute(
            "INSERT INTO cards (deck_id, question_id, state, due) VALUES (?, ?, ?, ?)"
            " ON CONFLICT (deck_id, question_id)"
            " DO UPDATE SET state = excluded.state, due = excluded.due",
            (deck_id, question_id, write.state, timestamp(write.due)),
        )
        marks = None
        if write.mark is not None:
            marks_before = read_mark(connection, deck_id, question_id)
            marks = marks_before, write.mark(marks_before, now)
            write_mark(connection, deck_id, marks[1])
        cursor = connection.execute(
            "INSERT INTO reviews (deck_id, question_id, rating, correct, seconds, reviewed_at, log)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)",
            (
                deck_id,
                question_id,
                facts.rating,
                facts.correct,
                facts.seconds,
                timestamp(now),
                write.log,
            ),
        )
    return SavedWrite(now, int(cursor.lastrowid or 0), before, marks)


def undo_review(
    db: Database, deck_id: str, question_id: str, saved: SavedWrite, written: str
) -> None:
    """Take back the review `saved`: delete it and put back the card row it replaced (or
    remove the card, if it was its first review) and the marks it changed, all or nothing.

    `written` is the state that review wrote; if the card holds another now (another
    window rated it since), nothing changes and a StoreError says so.
    """
    with db.transaction() as connection:
        row = connection.execute(_SELECT_CARD, (deck_id, question_id)).fetchone()
        if row is None or row[1] != written:
            raise StoreError(
                f"question '{question_id}' of deck '{deck_id}' was reviewed again elsewhere"
                " since; nothing was undone"
            )
        connection.execute("DELETE FROM reviews WHERE id = ?", (saved.review_id,))
        before = saved.before
        if before is None:
            connection.execute(
                "DELETE FROM cards WHERE deck_id = ? AND question_id = ?", (deck_id, question_id)
            )
        else:
            connection.execute(
                "UPDATE cards SET state = ?, due = ? WHERE deck_id = ? AND question_id = ?",
                (before.state, timestamp(before.due), deck_id, question_id),
            )
        if saved.marks is not None:
            marks_before, _ = saved.marks
            write_mark(connection, deck_id, marks_before or MarkRow(question_id))


def card_ratings(db: Database, deck_id: str, question_id: str) -> list[tuple[int, datetime]]:
    """The question's ratings (1–4) and their instants, oldest first."""
    rows = db.query(
        "SELECT rating, reviewed_at FROM reviews WHERE deck_id = ? AND question_id = ?"
        " ORDER BY reviewed_at, id",
        (deck_id, question_id),
    )
    return [(int(rating), _due(db, deck_id, question_id, moment)) for rating, moment in rows]


def new_cards_since(db: Database, deck_id: str, since: datetime) -> int:
    """How many of the deck's questions had their first review at or after `since`.

    This is what the daily new-card limit counts; questions since removed from the deck
    still count, since the learner did meet them that day. Only the reviews since
    `since` are read, from the index on (deck, time), and each is checked for an earlier
    one in the index on (deck, question, time): a year of reviews costs what a day does.
    """
    rows = db.query(
        "SELECT COUNT(DISTINCT question_id) AS n FROM reviews AS r"
        " WHERE deck_id = ? AND reviewed_at >= ? AND NOT EXISTS (SELECT 1 FROM reviews"
        " WHERE deck_id = r.deck_id AND question_id = r.question_id AND reviewed_at < ?)",
        (deck_id, timestamp(since), timestamp(since)),
    )
    return int(rows[0]["n"])


def damaged(db: Database, deck_id: str, question_id: str, exc: Exception) -> StoreError:
    """The one sentence for a schedule that cannot be read: which, where, and that it was
    left alone (the learner's other cards go on)."""
    return StoreError(
        f"the study state of question '{question_id}' of deck '{deck_id}' in {db.path}"
        f" is damaged ({exc}); it was left as it is"
    )


def _after(moment: datetime | None) -> str:
    """The stored form of a lower bound; "" is before every instant."""
    return "" if moment is None else timestamp(moment)


def _row(db: Database, deck_id: str, row: sqlite3.Row | tuple[str, str, str]) -> CardRow:
    return CardRow(row[0], row[1], _due(db, deck_id, row[0], row[2]))


def _due(db: Database, deck_id: str, question_id: str, text: str) -> datetime:
    try:
        return from_timestamp(text)
    except (ValueError, TypeError) as exc:
        raise damaged(db, deck_id, question_id, exc) from exc
