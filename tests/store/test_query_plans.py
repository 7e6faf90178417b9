"""The store's counts for the deck list and a study sitting read indexes, never a whole table.

A heavy learner's history holds a million answers and as many reviews: a query that
scans one of those tables takes seconds whatever it finds. Timings belong in the
benchmark; what a test can hold still is SQLite's plan for each query the store runs
(without `ANALYZE`, SQLite plans from the schema alone, so an empty store plans as a
big one does).
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Callable
from contextlib import closing
from datetime import UTC, datetime
from pathlib import Path

import pytest

from quiz.store.cards import new_cards_since, schedule_counts
from quiz.store.database import Database
from quiz.store.history import History

NOW = datetime(2026, 3, 1, 9, 0, tzinfo=UTC)
WHOLE_TABLE = re.compile(r"\bSCAN (sessions|answers|cards|reviews|a|r)\b(?! USING)")
"""A plan step that reads a whole table, by its name or the store's aliases for it (a
walk along an index in its order, stopped by a LIMIT, is named "SCAN ... USING INDEX")."""


@pytest.fixture
def db(tmp_path: Path) -> Database:
    return Database(tmp_path / "quiz.sqlite3", clock=lambda: NOW)


def plans(db: Database, monkeypatch: pytest.MonkeyPatch, action: Callable[[], object]) -> str:
    """SQLite's plans of every query `action` runs on `db`, one step a line."""
    seen: list[tuple[str, tuple[object, ...]]] = []
    query = db.query

    def recording(sql: str, parameters: tuple[object, ...] = ()) -> list[sqlite3.Row]:
        seen.append((sql, parameters))
        return query(sql, parameters)

    monkeypatch.setattr(db, "query", recording)
    action()
    with closing(sqlite3.connect(db.path)) as connection:
        return "\n".join(
            step[3]
            for sql, parameters in seen
            for step in connection.execute(f"EXPLAIN QUERY PLAN {sql}", parameters)
        )


def test_new_cards_today_reads_only_todays_reviews(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    plan = plans(db, monkeypatch, lambda: new_cards_since(db, "d", NOW))
    assert "USING INDEX reviews_time (deck_id=? AND reviewed_at>?)" in plan
    assert (
        "USING COVERING INDEX reviews_question (deck_id=? AND question_id=? AND reviewed_at<?)"
        in plan
    )
    assert not WHOLE_TABLE.search(plan), plan


def test_the_deck_lists_figures_read_indexes(db: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    history = History(db)

    def deck_list() -> None:
        history.deck_scores({"d": 10})
        history.recent(5)
        history.latest_run("d")
        schedule_counts(db, "d", ["a", "b"], NOW)

    plan = plans(db, monkeypatch, deck_list)
    assert "SCAN sessions USING INDEX sessions_started" in plan  # the newest first, LIMIT 5
    assert "COVERING INDEX cards_due (deck_id=?)" in plan
    assert not WHOLE_TABLE.search(plan), plan
