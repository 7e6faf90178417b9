"""Change times in the real SQLite store: kept while content stays, moved when it changes."""

from __future__ import annotations

from datetime import timedelta

from quiz.store.database import Database
from quiz.store.note_versions import record_versions

from .conftest import Advance

START = 1767258000  # 2026-01-01 09:00 UTC, the test clock's start
A, B, OTHER = ("deck", "a"), ("deck", "b"), ("other", "a")


def test_first_export_times_every_question_now(db: Database) -> None:
    assert record_versions(db, {A: "h1", B: "h2"}) == {A: START, B: START}


def test_unchanged_content_keeps_its_time_and_changed_content_moves(
    db: Database, advance: Advance
) -> None:
    record_versions(db, {A: "h1", B: "h2"})
    advance(timedelta(hours=5))
    assert record_versions(db, {A: "h1", B: "h2-edited"}) == {A: START, B: START + 5 * 3600}


def test_a_change_within_the_same_second_is_still_later(db: Database) -> None:
    record_versions(db, {A: "h1"})
    assert record_versions(db, {A: "h2"})[A] == START + 1
    assert record_versions(db, {A: "h3"})[A] == START + 2


def test_times_survive_reopening_the_store(db: Database, advance: Advance) -> None:
    record_versions(db, {A: "h1"})
    advance(timedelta(days=1))
    reopened = Database(db.path, clock=db.clock)
    try:
        versions = record_versions(reopened, {A: "h1", OTHER: "h9"})
    finally:
        reopened.close()
    assert versions == {A: START, OTHER: START + 86400}


def test_a_question_that_comes_back_unchanged_keeps_its_old_time(
    db: Database, advance: Advance
) -> None:
    record_versions(db, {A: "h1", B: "h2"})
    advance(timedelta(days=1))
    record_versions(db, {A: "h1"})
    advance(timedelta(days=1))
    assert record_versions(db, {A: "h1", B: "h2"})[B] == START
