"""A deck's study settings, kept in the store between sittings and read back with defaults.

The daily new-card limit and the desired retention belong to a deck (Anki keeps them in
a deck's options): changed in the study options or by `quiz study --new-per-day N
--retention R`, they last until changed again.
"""

from __future__ import annotations

from dataclasses import dataclass

from quiz.store.database import Database
from quiz.store.study_settings import save_settings, settings_row
from quiz.study.settings import DEFAULT_NEW_PER_DAY, DEFAULT_RETENTION


@dataclass(frozen=True, slots=True)
class StudySettings:
    """How one deck is studied: new cards a day, and the recall FSRS aims at."""

    new_per_day: int = DEFAULT_NEW_PER_DAY
    desired_retention: float = DEFAULT_RETENTION


def deck_settings(db: Database, deck_id: str) -> StudySettings:
    """The deck's saved settings, the defaults where none was saved."""
    new_per_day, retention = settings_row(db, deck_id)
    return StudySettings(
        DEFAULT_NEW_PER_DAY if new_per_day is None else int(new_per_day),
        DEFAULT_RETENTION if retention is None else float(retention),
    )


def keep_settings(
    db: Database,
    deck_id: str,
    *,
    new_per_day: int | None = None,
    desired_retention: float | None = None,
) -> None:
    """Save the settings given for the deck (StoreError if the store refuses)."""
    save_settings(db, deck_id, new_per_day, desired_retention)
