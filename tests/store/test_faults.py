"""The store under faults, on real files: killed and concurrent writers, bad files, full disks.

Writers run as real processes (`python -c WRITER`) so locks, WAL and SIGKILL behave as
they do for two quiz windows or a killed terminal.
"""

from __future__ import annotations

import random
import sqlite3
import subprocess
import sys
import textwrap
from collections.abc import Callable
from contextlib import closing
from datetime import UTC, datetime
from pathlib import Path

import pytest

from quiz.store.database import Database, StoreError
from quiz.store.history import History, RunKind

MOMENT = datetime(2026, 1, 5, 9, 0, tzinfo=UTC)
STAMP = "20260105T090000Z"

WRITER = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from quiz.study.cards import record_review
    from quiz.store.database import Database
    from quiz.store.history import History, RunKind
    from quiz.study.scheduler import Rating, StudyScheduler

    path, kind, deck, count = Path(sys.argv[1]), sys.argv[2], sys.argv[3], int(sys.argv[4])
    print("ready", flush=True)
    sys.stdin.readline()
    db = Database(path)
    history, scheduler = History(db), StudyScheduler()
    run = history.start(deck, deck, RunKind.FULL, count) if kind == "quiz" else 0
    for number in range(count):
        if kind == "quiz":
            history.record(run, f"q{number}", "true", 1.0, 0.5)
        else:
            record_review(db, scheduler, deck, f"q{number}", Rating.Good)
        print(number, flush=True)
    """
)


def fixed_clock() -> datetime:
    return MOMENT


def writer(path: Path, kind: str, deck: str, count: int) -> subprocess.Popen[str]:
    """A process saving `count` quiz answers or study reviews, printing each number once saved."""
    return subprocess.Popen(
        [sys.executable, "-c", WRITER, str(path), kind, deck, str(count)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def start(*children: subprocess.Popen[str]) -> None:
    """Let the writers go at the same moment, once each has loaded its code."""
    for child in children:
        assert child.stdout is not None
        assert child.stdout.readline() == "ready\n"
    for child in children:
        assert child.stdin is not None
        child.stdin.write("go\n")
        child.stdin.flush()


def integrity(path: Path) -> list[tuple[str]]:
    with closing(sqlite3.connect(path)) as connection:
        return connection.execute("PRAGMA integrity_check").fetchall()


def saved_questions(path: Path, kind: str, deck: str) -> set[str]:
    table = "answers" if kind == "quiz" else "reviews"
    db = Database(path)
    try:
        assert db.notice is None
        rows = db.query(f"SELECT question_id FROM {table} WHERE deck_id = ?", (deck,))
    finally:
        db.close()
    return {row["question_id"] for row in rows}


@pytest.mark.parametrize("kind", ["quiz", "study"])
def test_a_writer_killed_midway_keeps_everything_it_saved(tmp_path: Path, kind: str) -> None:
    path = tmp_path / "quiz.sqlite3"
    child = writer(path, kind, "killed", 100_000)
    start(child)
    assert child.stdout is not None
    reported = [int(child.stdout.readline()) for _ in range(40)]
    child.kill()  # SIGKILL: no cleanup, no last commit, the WAL left as it is
    reported += [int(line) for line in child.stdout.read().split()]
    child.communicate()
    assert child.returncode != 0
    saved = saved_questions(path, kind, "killed")
    assert {f"q{number}" for number in reported} <= saved
    assert len(saved) <= len(reported) + 1  # at most one saved but not yet printed
    assert integrity(path) == [("ok",)]


def test_two_quizzes_writing_at_once_lose_nothing(tmp_path: Path) -> None:
    path = tmp_path / "new" / "quiz.sqlite3"  # neither finds a store: both create it at once
    children = [writer(path, "quiz", deck, 200) for deck in ("first", "second")]
    start(*children)
    for child in children:
        out, err = child.communicate(timeout=300)
        assert (child.returncode, err) == (0, ""), err
        assert out.split() == [str(number) for number in range(200)]
    for deck in ("first", "second"):
        assert saved_questions(path, "quiz", deck) == {f"q{number}" for number in range(200)}
    with closing(sqlite3.connect(path)) as connection:
        scores = connection.execute("SELECT deck_id, score FROM sessions ORDER BY deck_id")
        assert scores.fetchall() == [("first", 200.0), ("second", 200.0)]
    assert integrity(path) == [("ok",)]


def garble_a_page(path: Path) -> None:
    """Overwrite the root page of the answers table with random bytes."""
    with closing(sqlite3.connect(path)) as connection:
        page_size = connection.execute("PRAGMA page_size").fetchone()[0]
        query = "SELECT rootpage FROM sqlite_master WHERE name = 'answers'"
        root = connection.execute(query).fetchone()[0]
    data = bytearray(path.read_bytes())
    data[(root - 1) * page_size : root * page_size] = random.Random(3).randbytes(page_size)
    path.write_bytes(data)


def cut_in_half(path: Path) -> None:
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])


def filled_store(path: Path) -> bytes:
    """A store of 300 answers, closed cleanly; its bytes."""
    db = Database(path)
    history = History(db)
    run = history.start("d", "D", RunKind.FULL, 300)
    for number in range(300):
        history.record(run, f"q{number}", "an answer long enough to fill pages", 1.0, 1.0)
    db.close()
    return path.read_bytes()


def assert_set_aside_and_new(db: Database, path: Path, damaged: bytes) -> None:
    aside = path.with_name(f"quiz.sqlite3.corrupt-{STAMP}")
    assert db.notice == (
        f"The history file {path} was damaged; it was moved to {aside} and a new one started."
    )
    assert aside.read_bytes() == damaged
    assert History(db).sessions() == []
    History(db).start("d", "D", RunKind.FULL, 1)
    assert len(History(db).sessions()) == 1
    db.close()
    assert integrity(path) == [("ok",)]
    assert not Path(f"{path}.check").exists()


def test_a_store_cut_short_is_moved_aside_on_opening(tmp_path: Path) -> None:
    path = tmp_path / "quiz.sqlite3"
    filled_store(path)
    cut_in_half(path)
    damaged = path.read_bytes()
    assert_set_aside_and_new(Database(path, clock=fixed_clock), path, damaged)


def test_a_damaged_page_met_by_a_read_is_one_sentence_and_set_aside_on_the_next_opening(
    tmp_path: Path,
) -> None:
    """A cleanly closed store is opened without reading it whole (the check takes a quarter
    of a second at 166 MiB); the first read of the damaged page calls for the check."""
    path = tmp_path / "quiz.sqlite3"
    filled_store(path)
    garble_a_page(path)
    damaged = path.read_bytes()
    db = Database(path, clock=fixed_clock)
    assert db.notice is None
    with pytest.raises(StoreError) as caught:
        db.query("SELECT sum(length(given)) FROM answers")
    assert str(caught.value) == f"cannot read the history file {path}: the file is damaged"
    db.close()
    assert Path(f"{path}.check").exists()
    assert_set_aside_and_new(Database(path, clock=fixed_clock), path, damaged)


KILLED = textwrap.dedent(
    """
    import os, sys
    from pathlib import Path
    from quiz.store.database import Database
    from quiz.store.history import History, RunKind

    db = Database(Path(sys.argv[1]))
    if sys.argv[2] == "writer":
        History(db).start("d", "D", RunKind.FULL, 1)
    else:
        History(db).recent(5)
    os._exit(0)  # killed with the store open: its write-ahead log stays behind
    """
)


def killed(path: Path, kind: str) -> None:
    """A quiz killed with the store open, after a write ("writer") or only reads ("reader")."""
    subprocess.run([sys.executable, "-c", KILLED, str(path), kind], check=True, timeout=60)


def test_after_an_unclean_close_a_damaged_page_is_found_on_opening(tmp_path: Path) -> None:
    """A write-ahead log left behind by a killed quiz calls for the whole-file check."""
    path = tmp_path / "quiz.sqlite3"
    filled_store(path)
    garble_a_page(path)
    killed(path, "writer")
    assert Path(f"{path}-wal").stat().st_size > 0
    damaged = path.read_bytes()
    assert_set_aside_and_new(Database(path, clock=fixed_clock), path, damaged)
    assert Path(tmp_path / f"quiz.sqlite3.corrupt-{STAMP}-wal").exists()


def test_an_empty_log_left_by_a_killed_reader_spares_the_whole_file_check(tmp_path: Path) -> None:
    """A process that never wrote leaves an empty log: the main file is as the last clean
    close left it, so opening reads no more than after a clean close (a quarter of a
    second saved at 166 MiB), and damage is left for a read to meet, as then."""
    path = tmp_path / "quiz.sqlite3"
    filled_store(path)
    garble_a_page(path)
    killed(path, "reader")
    assert Path(f"{path}-wal").stat().st_size == 0
    db = Database(path, clock=fixed_clock)
    assert db.notice is None
    with pytest.raises(StoreError, match="the file is damaged"):
        db.query("SELECT sum(length(given)) FROM answers")
    db.close()


def test_a_store_another_process_has_open_is_opened_without_the_whole_file_check(
    tmp_path: Path,
) -> None:
    """Its log is there because it is in use, not because a quiz was killed: a second
    window opens at once, and the damaged page (written here behind the first one's back)
    is left for a read to meet."""
    path = tmp_path / "quiz.sqlite3"
    filled_store(path)
    first = Database(path)
    garble_a_page(path)
    assert Path(f"{path}-wal").exists()
    second = Database(path, clock=fixed_clock)
    assert second.notice is None
    second.close()
    first.close()


def test_random_bytes_are_moved_aside_and_never_overwrite_an_earlier_copy(
    tmp_path: Path,
) -> None:
    path = tmp_path / "quiz.sqlite3"
    first, second = random.Random(1).randbytes(8192), b"not a database\n" * 10
    path.write_bytes(first)
    Database(path, clock=fixed_clock).close()
    path.write_bytes(second)  # damaged again within the same second
    db = Database(path, clock=fixed_clock)
    again = tmp_path / f"quiz.sqlite3.corrupt-{STAMP}-2"
    assert db.notice == (
        f"The history file {path} was damaged; it was moved to {again} and a new one started."
    )
    db.close()
    assert (tmp_path / f"quiz.sqlite3.corrupt-{STAMP}").read_bytes() == first
    assert again.read_bytes() == second
    assert integrity(path) == [("ok",)]


def contacts_app(other: sqlite3.Connection) -> None:
    other.execute("CREATE TABLE contacts (name TEXT, phone TEXT)")
    other.execute("INSERT INTO contacts VALUES ('Amadou', '+223 20 22 00 00')")


def look_alike_app(other: sqlite3.Connection) -> None:
    """Tables named like ours, but the header says the file belongs to another program."""
    for table in ("sessions", "answers", "note_versions", "cards", "reviews"):
        other.execute(f"CREATE TABLE {table} (id INTEGER PRIMARY KEY)")
    other.execute("PRAGMA user_version = 1")
    other.execute("PRAGMA application_id = 1234")


@pytest.mark.parametrize("build", [contacts_app, look_alike_app])
def test_another_programs_database_is_moved_aside_untouched(
    tmp_path: Path, build: Callable[[sqlite3.Connection], None]
) -> None:
    path = tmp_path / "quiz.sqlite3"
    with closing(sqlite3.connect(path)) as other:
        build(other)
        other.commit()
    before = path.read_bytes()

    db = Database(path, clock=fixed_clock)
    aside = tmp_path / f"quiz.sqlite3.foreign-{STAMP}"
    assert db.notice == (
        f"The file {path} was not a quiz history file; it was moved to {aside}"
        " and a new one started."
    )
    History(db).start("d", "D", RunKind.FULL, 1)
    db.close()
    assert aside.read_bytes() == before
    assert integrity(path) == [("ok",)]


def test_a_foreign_database_moves_with_its_write_ahead_log(tmp_path: Path) -> None:
    """The log holds committed rows the main file lacks: it must go along, not be replayed."""
    original = tmp_path / "other" / "app.db"
    original.parent.mkdir()
    with closing(sqlite3.connect(original)) as other:
        other.execute("PRAGMA journal_mode = WAL")
        other.execute("PRAGMA wal_autocheckpoint = 0")
        other.execute("CREATE TABLE notes (text TEXT)")
        other.execute("INSERT INTO notes VALUES ('only in the log')")
        other.commit()
        path = tmp_path / "quiz.sqlite3"
        path.write_bytes(original.read_bytes())  # a copy taken while the other app runs
        Path(f"{path}-wal").write_bytes(Path(f"{original}-wal").read_bytes())
    main, log = path.read_bytes(), Path(f"{path}-wal").read_bytes()

    db = Database(path, clock=fixed_clock)
    assert db.notice is not None
    assert db.query("SELECT name FROM sqlite_master WHERE name = 'notes'") == []
    db.close()
    aside = tmp_path / f"quiz.sqlite3.foreign-{STAMP}"
    assert (aside.read_bytes(), Path(f"{aside}-wal").read_bytes()) == (main, log)
    with closing(sqlite3.connect(aside)) as moved:
        assert moved.execute("SELECT text FROM notes").fetchall() == [("only in the log",)]


def score_then_answer(db: Database, run: int, given: str) -> None:
    """One transaction: a change that fits in place, then an answer that needs new pages."""
    with db.transaction() as connection:
        connection.execute("UPDATE sessions SET score = 99 WHERE id = ?", (run,))
        connection.execute(
            "INSERT INTO answers (session_id, deck_id, question_id, given, correct, points,"
            " seconds, answered_at) VALUES (?, 'd', 'q2', ?, 1, 1, 1, '')",
            (run, given),
        )


def test_a_full_disk_is_one_sentence_and_the_failed_write_is_undone(tmp_path: Path) -> None:
    path = tmp_path / "quiz.sqlite3"
    db = Database(path)
    history = History(db)
    run = history.start("d", "D", RunKind.FULL, 3)
    history.record(run, "q1", "true", 1.0, 1.0)
    pages = db.query("PRAGMA page_count")[0][0]
    db.query(f"PRAGMA max_page_count = {pages}")  # the file can no longer grow, as on a full disk
    with pytest.raises(StoreError) as caught:
        score_then_answer(db, run, "x" * 100_000)
    assert str(caught.value) == f"cannot write the history file {path}: the disk is full"
    with pytest.raises(StoreError, match=r"the disk is full$"):
        history.record(run, "q2", "x" * 100_000, 1.0, 1.0)
    assert [(row.answered, row.score) for row in history.sessions()] == [(1, 1.0)]
    db.query("PRAGMA max_page_count = 1073741823")  # space again: the same store goes on
    history.record(run, "q3", "true", 1.0, 1.0)
    assert [answer.question_id for answer in history.answers(run)] == ["q1", "q3"]
    db.close()
    assert integrity(path) == [("ok",)]


def test_a_read_only_store_is_one_sentence_and_keeps_its_data(tmp_path: Path) -> None:
    path = tmp_path / "quiz.sqlite3"
    db = Database(path)
    history = History(db)
    run = history.start("d", "D", RunKind.FULL, 2)
    history.record(run, "q1", "true", 1.0, 1.0)
    db.query("PRAGMA query_only = ON")  # writes now fail as on a read-only file or folder
    with pytest.raises(StoreError) as caught:
        history.record(run, "q2", "true", 1.0, 1.0)
    assert str(caught.value) == (
        f"cannot write the history file {path}: the file or its folder is read-only"
    )
    assert [answer.question_id for answer in history.answers(run)] == ["q1"]
    db.close()


def test_a_data_folder_that_cannot_be_made_is_one_sentence(tmp_path: Path) -> None:
    blocker = tmp_path / "data"
    blocker.write_text("a file where the data folder should be", encoding="utf-8")
    path = blocker / "quiz" / "quiz.sqlite3"
    with pytest.raises(StoreError) as caught:
        Database(path)
    assert str(caught.value) == (
        f"cannot open the history file {path}: its folder {path.parent} cannot be created"
        " (a file is in the way)"
    )
    assert blocker.read_text(encoding="utf-8") == "a file where the data folder should be"


def test_a_failed_read_is_one_sentence(tmp_path: Path) -> None:
    path = tmp_path / "quiz.sqlite3"
    db = Database(path)
    db.close()
    with pytest.raises(StoreError, match=r"^cannot read the history file .*quiz\.sqlite3: "):
        History(db).sessions()
