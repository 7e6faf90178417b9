"""Stores written by other versions of quiz, on real files: upgraded in place, or refused."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from contextlib import closing
from pathlib import Path

import pytest

from quiz.store.database import (
    APPLICATION_ID,
    MIGRATIONS,
    VERSION_1_TABLES,
    Database,
    StoreError,
)
from quiz.store.history import History, RunKind


def header(path: Path) -> tuple[int, int, set[str]]:
    """The file's schema version, application id and tables, read by a plain SQLite client."""
    with closing(sqlite3.connect(path)) as connection:
        version = connection.execute("PRAGMA user_version").fetchone()[0]
        application_id = connection.execute("PRAGMA application_id").fetchone()[0]
        rows = connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        return version, application_id, {name for (name,) in rows}


def no_file(path: Path) -> None:
    """Nothing there yet: the first run."""


def zero_bytes(path: Path) -> None:
    path.write_bytes(b"")


def version_0_database(path: Path) -> None:
    """A valid SQLite file with no tables, as a run killed before its first commit leaves."""
    with closing(sqlite3.connect(path)) as connection:
        connection.execute("PRAGMA journal_mode = WAL")


@pytest.mark.parametrize("make", [no_file, zero_bytes, version_0_database])
def test_a_new_or_empty_file_becomes_a_current_store(
    tmp_path: Path, make: Callable[[Path], None]
) -> None:
    path = tmp_path / "quiz.sqlite3"
    make(path)
    db = Database(path)
    assert db.notice is None
    History(db).start("d", "D", RunKind.FULL, 1)
    db.close()
    version, application_id, tables = header(path)
    assert (version, application_id) == (len(MIGRATIONS), APPLICATION_ID)
    assert tables >= VERSION_1_TABLES


def version_1_store(path: Path) -> None:
    """A store as the first release wrote it: version 1, WAL, no application id, one run."""
    with closing(sqlite3.connect(path, isolation_level=None)) as connection:
        connection.execute("PRAGMA journal_mode = WAL")
        connection.execute("BEGIN IMMEDIATE")
        for statement in filter(str.strip, MIGRATIONS[0].split(";")):
            connection.execute(statement)
        connection.execute("PRAGMA user_version = 1")
        connection.execute(
            "INSERT INTO sessions (id, deck_id, deck_title, started_at, finished_at,"
            " question_count, score, max_score) VALUES (1, 'every-type', 'Every type',"
            " '2025-06-01T10:00:00.000000+00:00', '2025-06-01T10:05:00.000000+00:00', 2, 1.5, 2)"
        )
        connection.executemany(
            "INSERT INTO answers (session_id, deck_id, question_id, given, correct, points,"
            " seconds, answered_at) VALUES (1, 'every-type', ?, ?, ?, ?, 3.0,"
            " '2025-06-01T10:01:00.000000+00:00')",
            [("capital", '"Bamako"', 1, 1.0), ("colonies", '["Algeria"]', 0, 0.5)],
        )
        connection.execute("COMMIT")


def test_a_version_1_store_is_upgraded_and_keeps_its_data(tmp_path: Path) -> None:
    path = tmp_path / "quiz.sqlite3"
    version_1_store(path)
    assert header(path)[:2] == (1, 0)

    db = Database(path)
    assert db.notice is None
    history = History(db)
    [run] = history.sessions()
    assert (run.deck_id, run.deck_title, run.score, run.answered) == (
        "every-type",
        "Every type",
        1.5,
        2,
    )
    assert run.finished_at is not None
    saved = history.answers(run.id)
    assert [(a.question_id, a.given, a.correct, a.points) for a in saved] == [
        ("capital", '"Bamako"', True, 1.0),
        ("colonies", '["Algeria"]', False, 0.5),
    ]
    history.record(history.start("d", "D", RunKind.FULL, 1), "q", "true", 1.0, 1.0)
    db.close()
    assert header(path)[:2] == (len(MIGRATIONS), APPLICATION_ID)


def test_a_store_from_a_newer_quiz_is_refused_and_left_alone(tmp_path: Path) -> None:
    path = tmp_path / "quiz.sqlite3"
    db = Database(path)
    History(db).start("d", "D", RunKind.FULL, 1)
    db.close()
    with closing(sqlite3.connect(path)) as newer:
        newer.execute(f"PRAGMA user_version = {len(MIGRATIONS) + 1}")
    before = path.read_bytes()

    with pytest.raises(StoreError) as caught:
        Database(path)
    assert str(caught.value) == (
        f"the history file {path} was written by a newer version of quiz; update quiz to use it"
    )
    assert path.read_bytes() == before
    locks = [tmp_path / "quiz.sqlite3.lock", tmp_path / "quiz.sqlite3.users"]
    assert sorted(tmp_path.iterdir()) == [path, *locks]  # nothing set aside


def test_version_4_drops_runs_stopped_before_any_answer(tmp_path: Path) -> None:
    """Runs left before their first answer were kept until version 4; they go, the rest stay
    (without a saved question order, so they cannot be resumed)."""
    path = tmp_path / "quiz.sqlite3"
    version_1_store(path)  # run 1: finished, two answers
    with closing(sqlite3.connect(path, isolation_level=None)) as connection:
        connection.executemany(
            "INSERT INTO sessions (id, deck_id, deck_title, started_at, question_count,"
            " max_score) VALUES (?, 'every-type', 'Every type',"
            " '2025-06-02T10:00:00.000000+00:00', 6, 6)",
            [(2,), (3,)],
        )
        connection.execute(
            "INSERT INTO answers (session_id, deck_id, question_id, given, correct, points,"
            " seconds, answered_at) VALUES (3, 'every-type', 'capital', '\"Gao\"', 0, 0, 1.0,"
            " '2025-06-02T10:01:00.000000+00:00')"
        )
    db = Database(path)
    runs = History(db).sessions()
    assert [(run.id, run.answered, run.resumable) for run in runs] == [(3, 1, False), (1, 2, False)]
    assert History(db).plan(3) is None
    db.close()
