"""The real app killed with SIGKILL in the middle of a quiz and of a study sitting.

Every answer or rating given before the kill must be in the store, the store must pass
SQLite's integrity check, and a fresh `quiz stats` must show the interrupted work.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

from .conftest import Terminal, read_store, wait_until, write_deck

ENTER = "\r"

# What the footer shows on each screen: the screens told apart by their keys.
QUESTION, FEEDBACK = "f False", "Continue"
CARD, CARD_BACK = "Show answer", "Take suggestion"


def stats(deck: Path, data_dir: Path) -> str:
    """What `quiz stats` prints in a new process, as after restarting the machine."""
    env = {**os.environ, "QUIZ_DATA_DIR": str(data_dir)}
    done = subprocess.run(
        [sys.executable, "-m", "quiz", "stats", str(deck)],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


def wait_for_rows(store: Path, table: str, count: int, app: Terminal) -> None:
    wait_until(
        lambda: read_store(store, f"SELECT count(*) FROM {table}") == [(count,)],
        f"{count} rows in {table}",
        lambda: app.text()[-2000:],
    )


def test_a_quiz_killed_midway_keeps_every_answer_given(
    terminal: Callable[..., Terminal], tmp_path: Path
) -> None:
    deck, data = write_deck(tmp_path, 8), tmp_path / "data"
    store = data / "quiz.sqlite3"
    app = terminal("play", str(deck), "--seed", "7")  # one deck named: its quiz starts
    app.wait_for(QUESTION, 0)
    keys = "tftft"
    for number, key in enumerate(keys, start=1):
        pressed = app.press(key)
        wait_for_rows(store, "answers", number, app)
        if number < len(keys):
            app.wait_for(FEEDBACK, pressed)
            app.wait_for(QUESTION, app.press(ENTER))
    app.kill()  # the fifth answer is saved; its feedback may not be drawn yet
    rows = read_store(store, "SELECT question_id, given, correct FROM answers ORDER BY id")
    assert [(given, correct) for _, given, correct in rows] == [
        ("true", 1),
        ("false", 0),
        ("true", 1),
        ("false", 0),
        ("true", 1),
    ]
    assert len({question for question, _, _ in rows}) == 5
    assert read_store(
        store, "SELECT deck_id, question_count, score, finished_at FROM sessions"
    ) == [("faults", 8, 3.0, None)]
    assert read_store(store, "PRAGMA integrity_check") == [("ok",)]
    assert "3 / 8 (stopped after 5)" in stats(deck, data)


def test_a_study_sitting_killed_midway_keeps_every_rating_given(
    terminal: Callable[..., Terminal], tmp_path: Path
) -> None:
    deck, data = write_deck(tmp_path, 8), tmp_path / "data"
    store = data / "quiz.sqlite3"
    app = terminal("study", str(deck), "--seed", "7", "--new-per-day", "8")
    app.wait_for(CARD, 0)
    answers, ratings = "tftf", "3142"  # Good, Again, Easy, Hard
    for number, (answer, rating) in enumerate(zip(answers, ratings, strict=True), start=1):
        app.wait_for(CARD_BACK, app.press(answer))
        rated = app.press(rating)
        wait_for_rows(store, "reviews", number, app)
        if number < len(ratings):
            app.wait_for(CARD, rated)
    app.kill()  # the fourth rating is saved; the next card may not be drawn yet
    rows = read_store(store, "SELECT question_id, rating, correct FROM reviews ORDER BY id")
    assert [(rating, correct) for _, rating, correct in rows] == [(3, 1), (1, 0), (4, 1), (2, 0)]
    reviewed = {question for question, _, _ in rows}
    assert len(reviewed) == 4
    assert {row[0] for row in read_store(store, "SELECT question_id FROM cards")} == reviewed
    assert read_store(store, "PRAGMA integrity_check") == [("ok",)]
    assert "Reviews per day, last 30 days: 4 reviews" in stats(deck, data)
