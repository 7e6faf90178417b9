"""A deck's study settings as plain values: the table `study_settings`.

One row per deck the learner set something for; a NULL is "the default", so a default
that changes in a later release reaches every deck that never chose. The study package
says what the values mean (`quiz.study.deck_settings`); nothing here knows.
"""

from __future__ import annotations

from quiz.store.database import Database


def settings_row(db: Database, deck_id: str) -> tuple[int | None, float | None]:
    """(new cards per day, desired retention) saved for the deck; None where never set."""
    rows = db.query(
        "SELECT new_per_day, desired_retention FROM study_settings WHERE deck_id = ?", (deck_id,)
    )
    if not rows:
        return None, None
    return rows[0]["new_per_day"], rows[0]["desired_retention"]


def save_settings(
    db: Database, deck_id: str, new_per_day: int | None, desired_retention: float | None
) -> None:
    """Keep the values given for the deck; a None leaves that setting as it was."""
    with db.transaction() as connection:
        connection.execute(
            "INSERT INTO study_settings (deck_id, new_per_day, desired_retention)"
            " VALUES (?, ?, ?) ON CONFLICT (deck_id) DO UPDATE SET"
            " new_per_day = COALESCE(excluded.new_per_day, new_per_day),"
            " desired_retention = COALESCE(excluded.desired_retention, desired_retention)",
            (deck_id, new_per_day, desired_retention),
        )
