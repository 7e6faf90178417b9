"""Cards set aside and leeches, as plain records: the table `card_marks`.

A mark sits beside a card's schedule (the table `cards`) and never touches it: a card
suspended or buried keeps its due time and its memory model, so it resumes where it was.
A row says since when the card is suspended (NULL: it is not), until when it is buried
(NULL: it is not), and since when it is a leech, with the fingerprint of the question's
content then (NULL: it is not one). A card never studied can be marked too: it has no
schedule yet. The study package says what the marks mean (`quiz.study.set_aside`,
`quiz.study.leeches`); nothing here knows.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable
from datetime import datetime
from typing import NamedTuple

from quiz.store.database import Database, StoreError
from quiz.store.instants import from_timestamp, timestamp

_COLUMNS = "question_id, suspended_at, buried_until, leech_at, leech_fingerprint"
_SELECT_MARK = f"SELECT {_COLUMNS} FROM card_marks WHERE deck_id = ? AND question_id = ?"


class MarkRow(NamedTuple):
    """One card's marks; None where it has none of that kind."""

    question_id: str
    suspended_at: datetime | None = None
    buried_until: datetime | None = None
    leech_at: datetime | None = None
    leech_fingerprint: str | None = None

    @property
    def blank(self) -> bool:
        """Nothing is marked: the row can go."""
        return self.suspended_at is None and self.buried_until is None and self.leech_at is None


Change = Callable[[MarkRow | None, datetime], MarkRow]
"""Turns a card's marks (None if it has none) and the moment of the change into its new marks."""


def mark_row(db: Database, deck_id: str, question_id: str) -> MarkRow | None:
    """The question's marks, None if it has none."""
    rows = db.query(_SELECT_MARK, (deck_id, question_id))
    return _row(rows[0]) if rows else None


def mark_rows(db: Database, deck_id: str) -> list[MarkRow]:
    """Every marked card of a deck, including those of questions since removed."""
    rows = db.query(f"SELECT {_COLUMNS} FROM card_marks WHERE deck_id = ?", (deck_id,))
    return [_row(row) for row in rows]


def leech_rows(db: Database) -> list[tuple[str, MarkRow]]:
    """(deck id, marks) of every leech, of every deck."""
    rows = db.query(f"SELECT deck_id, {_COLUMNS} FROM card_marks WHERE leech_at IS NOT NULL")
    return [(row[0], _row(tuple(row)[1:])) for row in rows]


def aside_ids(db: Database, deck_id: str, now: datetime) -> set[str]:
    """The ids of the deck's questions suspended, or buried past `now`."""
    rows = db.query(
        "SELECT question_id FROM card_marks WHERE deck_id = ?"
        " AND (suspended_at IS NOT NULL OR buried_until > ?)",
        (deck_id, timestamp(now)),
    )
    return {row[0] for row in rows}


def change_mark(
    db: Database, deck_id: str, question_id: str, change: Change
) -> tuple[MarkRow | None, MarkRow]:
    """Read the question's marks, write `change(marks, now)` in their place, all or nothing;
    (the marks before, the marks written)."""
    with db.transaction() as connection:
        before = read_mark(connection, deck_id, question_id)
        after = change(before, db.now())
        write_mark(connection, deck_id, after)
    return before, after


def restore_mark(
    db: Database, deck_id: str, question_id: str, before: MarkRow | None, written: MarkRow
) -> None:
    """Put back the marks `before` a change that wrote `written` (an undo), all or nothing;
    StoreError, and nothing changed, if the marks are no longer `written`."""
    with db.transaction() as connection:
        if read_mark(connection, deck_id, question_id) != written:
            raise StoreError(
                f"question '{question_id}' of deck '{deck_id}' was set aside or brought back"
                " elsewhere since; nothing was undone"
            )
        write_mark(connection, deck_id, before or MarkRow(question_id))


def unsuspend_all(db: Database, deck_id: str) -> int:
    """Lift every suspension of the deck (leech marks stay); how many cards came back."""
    with db.transaction() as connection:
        cursor = connection.execute(
            "UPDATE card_marks SET suspended_at = NULL"
            " WHERE deck_id = ? AND suspended_at IS NOT NULL",
            (deck_id,),
        )
        connection.execute(
            "DELETE FROM card_marks WHERE deck_id = ? AND suspended_at IS NULL"
            " AND buried_until IS NULL AND leech_at IS NULL",
            (deck_id,),
        )
    return cursor.rowcount


def clear_leeches(db: Database, keys: Iterable[tuple[str, str]]) -> None:
    """Take the leech mark off these (deck id, question id) pairs; set-asides stay."""
    pairs = list(keys)
    if not pairs:
        return
    with db.transaction() as connection:
        connection.executemany(
            "UPDATE card_marks SET leech_at = NULL, leech_fingerprint = NULL"
            " WHERE deck_id = ? AND question_id = ?",
            pairs,
        )


def read_mark(connection: sqlite3.Connection, deck_id: str, question_id: str) -> MarkRow | None:
    """The question's marks, read inside a transaction of the caller's."""
    row = connection.execute(_SELECT_MARK, (deck_id, question_id)).fetchone()
    return None if row is None else _row(row)


def write_mark(connection: sqlite3.Connection, deck_id: str, mark: MarkRow) -> None:
    """Replace the question's marks inside a transaction of the caller's; a blank one goes."""
    if mark.blank:
        connection.execute(
            "DELETE FROM card_marks WHERE deck_id = ? AND question_id = ?",
            (deck_id, mark.question_id),
        )
        return
    connection.execute(
        f"INSERT OR REPLACE INTO card_marks (deck_id, {_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?)",
        (
            deck_id,
            mark.question_id,
            _stored(mark.suspended_at),
            _stored(mark.buried_until),
            _stored(mark.leech_at),
            mark.leech_fingerprint,
        ),
    )


def _stored(moment: datetime | None) -> str | None:
    return None if moment is None else timestamp(moment)


def _read(text: str | None) -> datetime | None:
    return None if text is None else from_timestamp(text)


def _row(row: sqlite3.Row | tuple[str, ...]) -> MarkRow:
    question_id, suspended_at, buried_until, leech_at, fingerprint = tuple(row)
    try:
        times = _read(suspended_at), _read(buried_until), _read(leech_at)
    except (ValueError, TypeError) as exc:
        raise StoreError(f"the marks of question '{question_id}' are damaged ({exc})") from exc
    return MarkRow(question_id, *times, fingerprint)
