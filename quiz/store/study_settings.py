"""A deck's study settings as plain values: the table `study_settings`.

One row per deck the learner set something for; a NULL is "the default", so a default
that changes in a later release reaches every deck that never chose. A deck's own FSRS
parameters (fitted by `quiz study --optimize`) are a JSON list of numbers. The study package
says what the values mean (`quiz.study.deck_settings`); nothing here knows.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass

from quiz.store.database import Database


@dataclass(frozen=True, slots=True)
class SettingsRow:
    """A deck's saved settings; None where never set."""

    new_per_day: int | None = None
    desired_retention: float | None = None
    leech_threshold: int | None = None


def settings_row(db: Database, deck_id: str) -> SettingsRow:
    """The settings saved for the deck; None where never set."""
    rows = db.query(
        "SELECT new_per_day, desired_retention, leech_threshold FROM study_settings"
        " WHERE deck_id = ?",
        (deck_id,),
    )
    return SettingsRow(*rows[0]) if rows else SettingsRow()


def save_settings(db: Database, deck_id: str, values: SettingsRow) -> None:
    """Keep the values given for the deck; a None leaves that setting as it was."""
    with db.transaction() as connection:
        connection.execute(
            "INSERT INTO study_settings (deck_id, new_per_day, desired_retention, leech_threshold)"
            " VALUES (?, ?, ?, ?) ON CONFLICT (deck_id) DO UPDATE SET"
            " new_per_day = COALESCE(excluded.new_per_day, new_per_day),"
            " desired_retention = COALESCE(excluded.desired_retention, desired_retention),"
            " leech_threshold = COALESCE(excluded.leech_threshold, leech_threshold)",
            (deck_id, values.new_per_day, values.desired_retention, values.leech_threshold),
        )


def saved_parameters(db: Database, deck_id: str) -> tuple[float, ...] | None:
    """The FSRS parameters fitted for the deck, None while it has none of its own."""
    rows = db.query("SELECT parameters FROM study_settings WHERE deck_id = ?", (deck_id,))
    if not rows or rows[0]["parameters"] is None:
        return None
    return tuple(float(value) for value in json.loads(rows[0]["parameters"]))


def save_parameters(db: Database, deck_id: str, parameters: Sequence[float]) -> None:
    """Keep FSRS parameters for the deck, in place of any it had."""
    with db.transaction() as connection:
        connection.execute(
            "INSERT INTO study_settings (deck_id, parameters) VALUES (?, ?)"
            " ON CONFLICT (deck_id) DO UPDATE SET parameters = excluded.parameters",
            (deck_id, json.dumps(list(parameters))),
        )
