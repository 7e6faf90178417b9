"""Flags learners raise on questions ("the date is wrong"), kept until the question changes."""

from __future__ import annotations

from dataclasses import dataclass

from quiz.store.database import Database


@dataclass(frozen=True, slots=True)
class Flag:
    """One flagged question: its key, the learner's note and the content it was raised on."""

    deck_id: str
    question_id: str
    note: str
    fingerprint: str
    flagged_at: str


def raise_flag(
    database: Database, deck_id: str, question_id: str, note: str, fingerprint: str
) -> None:
    """Flag a question; flagging it again replaces the note."""
    with database.transaction() as connection:
        connection.execute(
            "INSERT INTO flags (deck_id, question_id, note, fingerprint, flagged_at)"
            " VALUES (?, ?, ?, ?, ?) ON CONFLICT (deck_id, question_id) DO UPDATE SET"
            " note = excluded.note, fingerprint = excluded.fingerprint,"
            " flagged_at = excluded.flagged_at",
            (deck_id, question_id, note.strip(), fingerprint, database.now().isoformat()),
        )


def load_flags(database: Database) -> list[Flag]:
    """Every flag, oldest first."""
    rows = database.query(
        "SELECT deck_id, question_id, note, fingerprint, flagged_at FROM flags"
        " ORDER BY flagged_at, deck_id, question_id"
    )
    return [Flag(**dict(row)) for row in rows]


def clear_flags(database: Database, keys: list[tuple[str, str]]) -> None:
    """Remove the flags of these (deck id, question id) pairs."""
    if not keys:
        return
    with database.transaction() as connection:
        connection.executemany("DELETE FROM flags WHERE deck_id = ? AND question_id = ?", keys)
