"""One SQLite file, opened safely for several processes, with a versioned schema.

Why these settings: WAL lets one quiz write while another reads or writes (each write
is a short transaction and `busy_timeout` waits for the other instead of failing with
"database is locked"); every answer or review is committed as it happens, so a killed
process loses nothing it had saved, and a write that fails is rolled back whole. Opening
looks at the file first, read-only, one process at a time (a lock file beside it): a
damaged file or another program's database is moved aside (never overwritten) and a new
store started; a store from a newer quiz is refused and left alone. The whole-file check
(`PRAGMA quick_check`, about half a second on a 160 MiB store) runs only when something
calls for it: a write-ahead log left behind by a process killed with the store open
(one that no other process is using: each user holds a shared lock on a second file
beside it), or a damaged page met by an earlier read or write. The clock is passed in
so tests control time.
"""

from __future__ import annotations

import os
import sqlite3
import stat
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from datetime import UTC, datetime
from enum import Enum
from pathlib import Path

from quiz.files import os_reason
from quiz.store.file_lock import exclusive, held_by_others, hold_shared

Clock = Callable[[], datetime]
"""Returns the current time, timezone-aware in UTC."""

BUSY_TIMEOUT_MS = 10_000
WAL_RETRY_SECONDS = 0.01

APPLICATION_ID = 0x5155495A
"""`PRAGMA application_id` of every store: the ASCII bytes "QUIZ" in the file's header.

It tells our file from another program's SQLite database at the same path, so never
change it: every store written since would look foreign. Stores written before it was
stamped hold 0 and are known by their version-1 tables (`VERSION_1_TABLES`).
"""

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
    # Version 2: what the last export to each package file held, removed questions included.
    """
    CREATE TABLE exported_notes (
        output TEXT NOT NULL,
        deck_id TEXT NOT NULL,
        question_id TEXT NOT NULL,
        note_type TEXT NOT NULL,
        content TEXT NOT NULL,
        changed_at INTEGER NOT NULL,
        removed INTEGER NOT NULL,
        PRIMARY KEY (output, deck_id, question_id)
    );
    """,
    # Version 3: questions learners flagged as wrong or unclear, until their content changes.
    """
    CREATE TABLE flags (
        deck_id TEXT NOT NULL,
        question_id TEXT NOT NULL,
        note TEXT NOT NULL,
        fingerprint TEXT NOT NULL,
        flagged_at TEXT NOT NULL,
        PRIMARY KEY (deck_id, question_id)
    );
    """,
    # Version 4: a run's question order and seed, so a stopped quiz can be resumed; runs
    # stopped before their first answer are not history (they were 6 of 13 rows).
    """
    ALTER TABLE sessions ADD COLUMN questions TEXT;
    ALTER TABLE sessions ADD COLUMN seed INTEGER;
    DELETE FROM sessions WHERE finished_at IS NULL
        AND NOT EXISTS (SELECT 1 FROM answers WHERE answers.session_id = sessions.id);
    """,
    # Version 5: a deck's study settings, kept between sittings (NULL: the default).
    """
    CREATE TABLE study_settings (
        deck_id TEXT PRIMARY KEY,
        new_per_day INTEGER,
        desired_retention REAL
    );
    """,
    # Version 6: where each review was done: in this app ('terminal') or merged from Anki.
    """
    ALTER TABLE reviews ADD COLUMN source TEXT NOT NULL DEFAULT 'terminal';
    """,
    # Version 7: cards set aside (suspended until the learner unsuspends them, or buried
    # until a moment) and leeches, beside their schedules, which stay as they were; a
    # deck's leech threshold (NULL: the default).
    """
    CREATE TABLE card_marks (
        deck_id TEXT NOT NULL,
        question_id TEXT NOT NULL,
        suspended_at TEXT,
        buried_until TEXT,
        leech_at TEXT,
        leech_fingerprint TEXT,
        PRIMARY KEY (deck_id, question_id)
    );
    ALTER TABLE study_settings ADD COLUMN leech_threshold INTEGER;
    """,
    # Version 8: a deck's own FSRS parameters, fitted to its reviews (JSON; NULL: FSRS's).
    """
    ALTER TABLE study_settings ADD COLUMN parameters TEXT;
    """,
    # Version 9: indexes for what the deck list and a study sitting count on a heavy
    # learner's history: a deck's reviews in time order (today's new cards), whether a
    # question was reviewed before a moment (its times beside it), and the latest runs.
    """
    CREATE INDEX reviews_time ON reviews (deck_id, reviewed_at);
    DROP INDEX reviews_question;
    CREATE INDEX reviews_question ON reviews (deck_id, question_id, reviewed_at);
    CREATE INDEX sessions_started ON sessions (started_at);
    """,
    # Version 10: the options a run was started with (JSON; NULL: the defaults), so a
    # resumed run's "start again" asks what the run asked.
    """
    ALTER TABLE sessions ADD COLUMN options TEXT;
    """,
)
"""Each entry upgrades the schema by one version; never edit one that has shipped."""

VERSION_1_TABLES = frozenset({"sessions", "answers", "note_versions", "cards", "reviews"})
"""The tables of schema version 1: how a store from before `APPLICATION_ID` is recognised."""

SIDE_FILES = ("-wal", "-shm", "-journal")
"""SQLite's companion files of a database; they move with it when it is set aside.

Left behind, a stale write-ahead log or hot journal would be replayed into the new store.
"""

LOCK_SUFFIX = ".lock"
"""The lock file beside the store that one opening process at a time holds (see file_lock)."""

USERS_SUFFIX = ".users"
"""The lock file beside the store that every process using it holds shared (see file_lock)."""

CHECK_SUFFIX = ".check"
"""A mark beside the store, left when SQLite said a page is damaged: the next opening
checks the whole file and sets it aside if the check fails."""

REASONS = {
    sqlite3.SQLITE_FULL: "the disk is full",
    sqlite3.SQLITE_READONLY: "the file or its folder is read-only",
    sqlite3.SQLITE_CANTOPEN: "the file or its folder cannot be opened for writing",
    sqlite3.SQLITE_PERM: "permission was denied",
    sqlite3.SQLITE_IOERR: "the disk reported a read or write error",
    sqlite3.SQLITE_BUSY: "another program kept it locked for too long",
    sqlite3.SQLITE_LOCKED: "another program kept it locked for too long",
    sqlite3.SQLITE_CORRUPT: "the file is damaged",
    sqlite3.SQLITE_NOTADB: "the file is damaged",
}
"""Plain words for SQLite's primary error codes; any other error keeps SQLite's words."""

DAMAGE_CODES = frozenset({sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB})


class StoreError(Exception):
    """The store cannot be opened or written; the message is one plain sentence."""


class Unfit(Enum):
    """Why the file at the store's path cannot be the store; the value tags the moved copy."""

    DAMAGED = "corrupt"
    FOREIGN = "foreign"

    def subject(self, path: Path) -> str:
        if self is Unfit.DAMAGED:
            return f"the history file {path} was damaged"
        return f"the file {path} was not a quiz history file"


def utc_now() -> datetime:
    return datetime.now(UTC)


class Database:
    """A connection to the store, usable from the UI thread and from worker threads.

    `notice` is one sentence for the learner when opening had to move a damaged or
    foreign file aside and start a new store, and None otherwise.
    """

    def __init__(self, path: Path, clock: Clock = utc_now) -> None:
        self.path = path
        self.clock = clock
        self.notice: str | None = None
        self._lock = threading.RLock()
        self._in_use: int | None = None
        self._connection = self._connect(path)

    def _connect(self, path: Path) -> sqlite3.Connection:
        _make_folder(path)
        users = Path(f"{path}{USERS_SUFFIX}")
        try:
            with exclusive(Path(f"{path}{LOCK_SUFFIX}"), BUSY_TIMEOUT_MS / 1000):
                unfit = _inspect(path, others=held_by_others(users))
                if unfit is not None:
                    self.notice = _set_aside(path, unfit, self.clock())
                Path(f"{path}{CHECK_SUFFIX}").unlink(missing_ok=True)  # checked, or new
                self._in_use = hold_shared(users)
                return _open(path)
        except BaseException as exc:
            self._stop_using()  # a newer quiz's store, too, is left as if never opened
            if not isinstance(exc, OSError | sqlite3.Error):
                raise
            _mark_if_damaged(path, exc)
            raise StoreError(f"cannot open the history file {path}: {_reason(exc)}") from exc

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """A write transaction, committed on success and rolled back whole on any failure."""
        with self._lock:
            try:
                with _immediate(self._connection) as connection:
                    yield connection
            except sqlite3.Error as exc:
                _mark_if_damaged(self.path, exc)
                raise StoreError(
                    f"cannot write the history file {self.path}: {_reason(exc)}"
                ) from exc

    def query(self, sql: str, parameters: tuple[object, ...] = ()) -> list[sqlite3.Row]:
        """Rows of a read-only query, each addressable by column name."""
        with self._lock:
            try:
                cursor = self._connection.execute(sql, parameters)
                cursor.row_factory = sqlite3.Row
                return cursor.fetchall()
            except sqlite3.Error as exc:
                _mark_if_damaged(self.path, exc)
                raise StoreError(
                    f"cannot read the history file {self.path}: {_reason(exc)}"
                ) from exc

    def now(self) -> datetime:
        return self.clock()

    def close(self) -> None:
        with self._lock:
            self._connection.close()
            self._stop_using()  # after the connection: its close checkpoints the log

    def _stop_using(self) -> None:
        """Release the shared lock that tells other processes this one uses the store."""
        if self._in_use is not None:
            os.close(self._in_use)
            self._in_use = None


def store_exists(path: Path) -> bool:
    """Whether a store file is at `path`, creating nothing; StoreError when there is none
    and its folder could not hold one.

    For commands that only read the store: no file means nothing saved yet, but a data
    folder that is a file, or that this user may not enter or write, must be said, as
    opening the store says it, and not be taken for an empty history.
    """
    try:
        path.stat()
    except (FileNotFoundError, NotADirectoryError):
        _check_folder(path)
        return False
    except OSError as exc:
        raise StoreError(f"cannot open the history file {path}: {_reason(exc)}") from exc
    return True


def _check_folder(path: Path) -> None:
    """Raise StoreError unless `_make_folder` could make and use the store's folder."""
    for folder in (path.parent, *path.parent.parents):
        try:
            is_folder = stat.S_ISDIR(folder.stat().st_mode)
        except (FileNotFoundError, NotADirectoryError):
            continue
        except OSError as exc:
            raise StoreError(f"cannot open the history file {path}: {_reason(exc)}") from exc
        if not is_folder:
            raise _folder_error(path, "a file is in the way")
        if not os.access(folder, os.W_OK | os.X_OK):
            raise StoreError(f"cannot open the history file {path}: {REASONS[sqlite3.SQLITE_PERM]}")
        return


def _make_folder(path: Path) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        blocked = isinstance(exc, FileExistsError | NotADirectoryError)
        why = "a file is in the way" if blocked else os_reason(exc)
        raise _folder_error(path, why) from exc


def _folder_error(path: Path, why: str) -> StoreError:
    return StoreError(
        f"cannot open the history file {path}: its folder {path.parent} cannot be created ({why})"
    )


def _inspect(path: Path, *, others: bool) -> Unfit | None:
    """Why the file at `path` cannot be the store, if it can't; read without writing a byte.

    The connection is read-only so that closing it never checkpoints a write-ahead log
    or rolls back a journal into a file that is about to be kept aside as it was.
    """
    if not path.exists():
        return None
    check = _check_due(path, others=others)
    uri = f"{path.absolute().as_uri()}?mode=ro"
    connection = sqlite3.connect(uri, uri=True, timeout=BUSY_TIMEOUT_MS / 1000)
    try:
        if check and connection.execute("PRAGMA quick_check").fetchall() != [("ok",)]:
            return Unfit.DAMAGED
        return _identify(connection)
    except sqlite3.DatabaseError as exc:
        if _code(exc) in DAMAGE_CODES:
            return Unfit.DAMAGED
        raise
    finally:
        connection.close()


def _check_due(path: Path, *, others: bool) -> bool:
    """Whether the whole file must be checked before it is used: after an unclean close or
    a damaged page met before.

    SQLite removes the write-ahead log when the last connection closes cleanly, so a log
    found while no one else uses the store (`others`) means a process was killed with it
    open. An empty one was left by a process that never wrote (a deck list or a statistics
    screen closed by a kill): in WAL mode the main file is only ever written from the
    log's frames, so it is as the last clean close left it, and the check is spared.
    Reading the header and the schema (`_identify`) still catches a file that is not a
    database at all, one cut short, or another program's.
    """
    killed = not others and _holds_bytes(Path(f"{path}-wal"))
    return killed or Path(f"{path}{CHECK_SUFFIX}").exists()


def _holds_bytes(path: Path) -> bool:
    try:
        return path.stat().st_size > 0
    except FileNotFoundError:
        return False


def _mark_if_damaged(path: Path, exc: BaseException) -> None:
    """Leave the check mark when SQLite said the file is damaged; the next opening checks it.

    The file is not set aside here: other processes may have it open, and it is set
    aside under the opening lock, where no one can be starting a new store.
    """
    if isinstance(exc, sqlite3.Error) and _code(exc) in DAMAGE_CODES:
        with suppress(OSError):  # the mark is a hint; the error itself is still reported
            Path(f"{path}{CHECK_SUFFIX}").touch()


def _identify(connection: sqlite3.Connection) -> Unfit | None:
    """None for our store or an empty file, FOREIGN for any other SQLite database."""
    application_id = _pragma(connection, "application_id")
    if application_id == APPLICATION_ID:
        return None
    version = _pragma(connection, "user_version")
    tables = {
        name
        for (name,) in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
    }
    empty = application_id == 0 and version == 0 and not tables
    unstamped = application_id == 0 and version > 0 and tables >= VERSION_1_TABLES
    return None if empty or unstamped else Unfit.FOREIGN


def _set_aside(path: Path, unfit: Unfit, now: datetime) -> str:
    """Rename the file and its side files to an unused name beside it; the notice for it.

    The side files go first and keep their suffixes, so the copy still opens with its
    log, and the new store never meets the old log.
    """
    aside = _unused_name(path, f"{unfit.value}-{now.astimezone(UTC):%Y%m%dT%H%M%SZ}")
    subject = unfit.subject(path)
    try:
        for suffix in (*SIDE_FILES, ""):
            source = Path(f"{path}{suffix}")
            if source.exists():
                source.rename(f"{aside}{suffix}")
    except OSError as exc:
        raise StoreError(
            f"{subject} and could not be moved aside ({os_reason(exc)}); it was left as it is"
        ) from exc
    return f"{subject[0].upper()}{subject[1:]}; it was moved to {aside} and a new one started."


def _unused_name(path: Path, tag: str) -> Path:
    """`<name>.<tag>`, or `<name>.<tag>-2` and so on when a copy of that name exists."""
    aside = path.with_name(f"{path.name}.{tag}")
    number = 1
    while any(Path(f"{aside}{suffix}").exists() for suffix in ("", *SIDE_FILES)):
        number += 1
        aside = path.with_name(f"{path.name}.{tag}-{number}")
    return aside


def _open(path: Path) -> sqlite3.Connection:
    connection = sqlite3.connect(
        path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None, check_same_thread=False
    )
    try:
        connection.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        _use_wal(connection)
        connection.execute("PRAGMA foreign_keys = ON")
        _migrate(connection, path)
    except BaseException:
        connection.close()
        raise
    return connection


def _use_wal(connection: sqlite3.Connection) -> None:
    """Switch the file to WAL, waiting for another process that is switching it too.

    Two quizzes opening a new file at once both switch it; SQLite answers "database is
    locked" at once to one of them, without the busy timeout, so the wait is here.
    """
    deadline = time.monotonic() + BUSY_TIMEOUT_MS / 1000
    while True:
        try:
            connection.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError as exc:
            if _code(exc) != sqlite3.SQLITE_BUSY or time.monotonic() > deadline:
                raise
            time.sleep(WAL_RETRY_SECONDS)


@contextmanager
def _immediate(connection: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """BEGIN IMMEDIATE (take the write lock up front) ... COMMIT, or nothing of it at all.

    SQLite rolls back by itself after some failures (a full disk, an I/O error), so the
    rollback is only issued while a transaction is still open; a failed COMMIT is rolled
    back too, so the connection stays usable.
    """
    connection.execute("BEGIN IMMEDIATE")
    try:
        yield connection
        connection.execute("COMMIT")
    except BaseException:
        if connection.in_transaction:
            connection.execute("ROLLBACK")
        raise


def _migrate(connection: sqlite3.Connection, path: Path) -> None:
    """Bring the schema up to the newest version, one recorded step at a time.

    The version is read inside the write transaction, so two processes opening a new
    store at the same moment apply each step once. A store from a newer quiz is refused
    before anything is written to it.
    """
    while True:
        with _immediate(connection):
            version = _pragma(connection, "user_version")
            if version > len(MIGRATIONS):
                raise StoreError(
                    f"the history file {path} was written by a newer version of quiz;"
                    " update quiz to use it"
                )
            if version < len(MIGRATIONS):
                for statement in filter(str.strip, MIGRATIONS[version].split(";")):
                    connection.execute(statement)
                connection.execute(f"PRAGMA user_version = {version + 1}")
            if _pragma(connection, "application_id") != APPLICATION_ID:
                connection.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        if version >= len(MIGRATIONS):
            return


def _pragma(connection: sqlite3.Connection, name: str) -> int:
    return int(connection.execute(f"PRAGMA {name}").fetchone()[0])


def _code(exc: sqlite3.Error) -> int | None:
    """SQLite's primary error code of `exc`, when it came from SQLite."""
    code = getattr(exc, "sqlite_errorcode", None)
    return code & 0xFF if isinstance(code, int) else None


def _reason(exc: OSError | sqlite3.Error) -> str:
    """Why, in plain words."""
    if isinstance(exc, OSError):
        return os_reason(exc)
    return REASONS.get(_code(exc) or 0, str(exc))
