"""One SQLite file, opened safely for several processes, with a versioned schema.

Why these settings: WAL lets one quiz write while another reads or writes (each write
is a short transaction and `busy_timeout` waits for the other instead of failing with
"database is locked"); every answer or review is committed as it happens, so a killed
process loses nothing it had saved. The clock is passed in so tests control time.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

Clock = Callable[[], datetime]
"""Returns the current time, timezone-aware in UTC."""

BUSY_TIMEOUT_MS = 10_000

MIGRATIONS: tuple[str, ...] = (
    # Version 1: quiz history, export change times, study cards and their reviews.
    """
    CREATE TABLE sessions (
        id INTEGER PRIMARY KEY,
        deck_id TEXT NOT NULL,
        deck_title TEXT NOT NULL,
        mode TEXT NOT NULL DEFAULT 'quiz',
        started_at TEXT NOT NULL,
        finished_at TEXT,
        question_count INTEGER NOT NULL,
        score REAL NOT NULL DEFAULT 0,
        max_score REAL NOT NULL DEFAULT 0
    );
    CREATE INDEX sessions_deck ON sessions (deck_id, started_at);
    CREATE TABLE answers (
        id INTEGER PRIMARY KEY,
        session_id INTEGER NOT NULL REFERENCES sessions (id),
        deck_id TEXT NOT NULL,
        question_id TEXT NOT NULL,
        given TEXT NOT NULL,
        correct INTEGER NOT NULL,
        points REAL NOT NULL,
        seconds REAL NOT NULL,
        answered_at TEXT NOT NULL
    );
    CREATE INDEX answers_session ON answers (session_id);
    CREATE INDEX answers_question ON answers (deck_id, question_id);
    CREATE TABLE note_versions (
        deck_id TEXT NOT NULL,
        question_id TEXT NOT NULL,
        content_hash TEXT NOT NULL,
        changed_at INTEGER NOT NULL,
        PRIMARY KEY (deck_id, question_id)
    );
    CREATE TABLE cards (
        deck_id TEXT NOT NULL,
        question_id TEXT NOT NULL,
        state TEXT NOT NULL,
        due TEXT NOT NULL,
        PRIMARY KEY (deck_id, question_id)
    );
    CREATE INDEX cards_due ON cards (deck_id, due);
    CREATE TABLE reviews (
        id INTEGER PRIMARY KEY,
        deck_id TEXT NOT NULL,
        question_id TEXT NOT NULL,
        rating INTEGER NOT NULL,
        correct INTEGER,
        seconds REAL,
        reviewed_at TEXT NOT NULL,
        log TEXT NOT NULL
    );
    CREATE INDEX reviews_question ON reviews (deck_id, question_id);
    """,
)
"""Each entry upgrades the schema by one version; never edit one that has shipped."""


class StoreError(Exception):
    """The store cannot be opened or written; the message is one plain sentence."""


def utc_now() -> datetime:
    return datetime.now(UTC)


class Database:
    """A connection to the store, usable from the UI thread and from worker threads."""

    def __init__(self, path: Path, clock: Clock = utc_now) -> None:
        self.path = path
        self.clock = clock
        self._lock = threading.RLock()
        self._connection = self._connect(path)

    def _connect(self, path: Path) -> sqlite3.Connection:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            connection = sqlite3.connect(
                path,
                timeout=BUSY_TIMEOUT_MS / 1000,
                isolation_level=None,
                check_same_thread=False,
            )
            connection.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            connection.execute("PRAGMA journal_mode = WAL")
            connection.execute("PRAGMA foreign_keys = ON")
            _migrate(connection)
        except (OSError, sqlite3.Error) as exc:
            raise StoreError(f"cannot open the history file {path}: {exc}") from exc
        return connection

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """A write transaction, committed on success: take the write lock up front."""
        with self._lock:
            try:
                self._connection.execute("BEGIN IMMEDIATE")
                try:
                    yield self._connection
                except BaseException:
                    self._connection.execute("ROLLBACK")
                    raise
                self._connection.execute("COMMIT")
            except sqlite3.Error as exc:
                raise StoreError(f"cannot write the history file {self.path}: {exc}") from exc

    def query(self, sql: str, parameters: tuple[object, ...] = ()) -> list[sqlite3.Row]:
        """Rows of a read-only query, each addressable by column name."""
        with self._lock:
            cursor = self._connection.execute(sql, parameters)
            cursor.row_factory = sqlite3.Row
            return cursor.fetchall()

    def now(self) -> datetime:
        return self.clock()

    def close(self) -> None:
        with self._lock:
            self._connection.close()


def _migrate(connection: sqlite3.Connection) -> None:
    """Bring the schema up to the newest version, one recorded step at a time.

    The version is read inside the write transaction, so two processes opening a new
    store at the same moment apply each step once.
    """
    while True:
        connection.execute("BEGIN IMMEDIATE")
        version = connection.execute("PRAGMA user_version").fetchone()[0]
        if version >= len(MIGRATIONS):
            connection.execute("COMMIT")
            return
        for statement in filter(str.strip, MIGRATIONS[version].split(";")):
            connection.execute(statement)
        connection.execute(f"PRAGMA user_version = {version + 1}")
        connection.execute("COMMIT")
