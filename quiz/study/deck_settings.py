"""A deck's study settings, kept in the store between sittings and read back with defaults.

The daily new-card limit, the desired retention, the leech threshold and FSRS's
parameters belong to a deck (Anki keeps them in a deck's options): changed in the study
options or by `quiz study --new-per-day N --retention R --leech-threshold L` (the
parameters by `--optimize`, `quiz.study.own_parameters`), they last until changed again.
"""

from __future__ import annotations

from dataclasses import dataclass

from quiz.store.database import Database
from quiz.store.study_settings import SettingsRow, save_settings, saved_parameters, settings_row
from quiz.study.settings import DEFAULT_LEECH_THRESHOLD, DEFAULT_NEW_PER_DAY, DEFAULT_RETENTION


@dataclass(frozen=True, slots=True)
class StudySettings:
    """How one deck is studied: new cards a day, the recall FSRS aims at, how many times
    a card is forgotten before it is a leech (and suspended), and FSRS's parameters
    fitted to the deck's reviews (None: FSRS's defaults)."""

    new_per_day: int = DEFAULT_NEW_PER_DAY
    desired_retention: float = DEFAULT_RETENTION
    leech_threshold: int = DEFAULT_LEECH_THRESHOLD
    parameters: tuple[float, ...] | None = None


def deck_settings(db: Database, deck_id: str) -> StudySettings:
    """The deck's saved settings, the defaults where none was saved."""
    row = settings_row(db, deck_id)
    return StudySettings(
        DEFAULT_NEW_PER_DAY if row.new_per_day is None else int(row.new_per_day),
        DEFAULT_RETENTION if row.desired_retention is None else float(row.desired_retention),
        DEFAULT_LEECH_THRESHOLD if row.leech_threshold is None else int(row.leech_threshold),
        saved_parameters(db, deck_id),
    )


def keep_settings(
    db: Database,
    deck_id: str,
    *,
    new_per_day: int | None = None,
    desired_retention: float | None = None,
    leech_threshold: int | None = None,
) -> None:
    """Save the settings given for the deck (StoreError if the store refuses)."""
    save_settings(db, deck_id, SettingsRow(new_per_day, desired_retention, leech_threshold))
