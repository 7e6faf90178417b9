"""Quiz history in a real SQLite file: written as a quiz goes, read back for stats."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from quiz.store.database import Database
from quiz.store.history import History, RunKind, RunPlan


class Clock:
    """UTC time that moves a minute per reading, so rows get distinct times."""

    def __init__(self) -> None:
        self.now = datetime(2026, 1, 5, 9, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        self.now += timedelta(minutes=1)
        return self.now


@pytest.fixture
def path(tmp_path: Path) -> Path:
    return tmp_path / "quiz.sqlite3"


@pytest.fixture
def history(path: Path) -> History:
    return History(Database(path, clock=Clock()))


def test_a_run_is_saved_answer_by_answer(history: History, path: Path) -> None:
    run = history.start("every-type", "Every type", RunKind.FULL, 3)
    history.record(run, "capital", '"Bamako"', 1.0, 2.5)
    history.record(run, "colonies", '["Algeria"]', 0.5, 4.0)
    with sqlite3.connect(path) as other:  # what another process sees, before the end
        rows = other.execute(
            "SELECT question_id, given, correct, points, seconds, deck_id FROM answers ORDER BY id"
        ).fetchall()
        assert rows == [
            ("capital", '"Bamako"', 1, 1.0, 2.5, "every-type"),
            ("colonies", '["Algeria"]', 0, 0.5, 4.0, "every-type"),
        ]
        score, finished = other.execute("SELECT score, finished_at FROM sessions").fetchone()
        assert (score, finished) == (1.5, None)
    [row] = history.sessions()
    assert (row.answered, row.score, row.max_score, row.finished_at) == (2, 1.5, 3, None)
    history.finish(run)
    [row] = history.sessions()
    assert row.finished_at is not None
    assert row.finished_at > row.started_at
    assert row.percent == pytest.approx(50)


def test_answers_read_back_in_order(history: History) -> None:
    run = history.start("d", "D", RunKind.FULL, 2)
    history.record(run, "b", "true", 1.0, 1.0)
    history.record(run, "a", "false", 0.0, 2.0)
    saved = history.answers(run)
    assert [(a.question_id, a.correct, a.seconds) for a in saved] == [
        ("b", True, 1.0),
        ("a", False, 2.0),
    ]
    assert saved[0].answered_at < saved[1].answered_at
    assert saved[0].answered_at.tzinfo is not None


def test_best_is_a_full_run_and_retries_count_apart(history: History) -> None:
    def run(deck: str, mode: RunKind, points: list[float], *, finish: bool = True) -> None:
        run_id = history.start(deck, deck.title(), mode, len(points))
        for number, value in enumerate(points):
            history.record(run_id, f"q{number}", "true", value, 1.0)
        if finish:
            history.finish(run_id)

    run("alpha", RunKind.FULL, [1, 1, 1, 0])  # 75%
    run("alpha", RunKind.FULL, [1, 0, 0, 0])  # 25%
    run("alpha", RunKind.RETRY, [1, 1, 1])  # a retry: not a score for the deck
    run("alpha", RunKind.FULL, [1])  # --count 1: not the best, though 100%
    run("alpha", RunKind.FULL, [1, 1, 0, 0], finish=False)  # stopped halfway: the last
    run("beta", RunKind.FULL, [0, 1])
    scores = history.deck_scores({"alpha": 4, "beta": 2})
    alpha, beta = scores["alpha"], scores["beta"]
    assert (alpha.best, alpha.runs, alpha.retries) == (75, 4, 1)
    assert (alpha.last.answered, alpha.last.question_count, alpha.last.finished_at) == (4, 4, None)
    assert (beta.best, beta.last.percent, beta.runs, beta.retries) == (50, 50, 1, 0)
    assert [r.deck_id for r in history.sessions("alpha")] == ["alpha"] * 5
    assert [r.mode for r in history.sessions()][:2] == ["quiz", "quiz"]  # newest first
    assert len(history.sessions()) == 6


def test_two_stores_on_one_file_write_in_turn(path: Path) -> None:
    first = History(Database(path, clock=Clock()))
    second = History(Database(path, clock=Clock()))
    a = first.start("d", "D", RunKind.FULL, 2)
    b = second.start("d", "D", RunKind.FULL, 2)
    first.record(a, "q1", "true", 1.0, 1.0)
    second.record(b, "q1", "false", 0.0, 1.0)
    first.record(a, "q2", "true", 1.0, 1.0)
    assert {(r.id, r.answered, r.score) for r in first.sessions()} == {(a, 2, 2.0), (b, 1, 0.0)}


def test_study_sessions_are_not_quiz_history(history: History) -> None:
    """Older versions saved study sittings as runs of mode 'study'; they are no quizzes."""
    with history.database.transaction() as connection:
        connection.execute(
            "INSERT INTO sessions (deck_id, deck_title, mode, started_at, question_count,"
            " max_score) VALUES ('d', 'D', 'study', '2026-01-01T09:00:00.000000+00:00', 5, 5)"
        )
    assert history.sessions() == []
    assert history.deck_scores({"d": 5}) == {}


def test_a_stopped_run_keeps_its_plan_to_be_resumed(history: History) -> None:
    run = history.start("d", "D", RunKind.FULL, 3, plan=(["b", "a", "c"], 7))
    history.record(run, "b", "true", 1.0, 1.0)
    [row] = history.sessions()
    assert row.resumable
    assert history.plan(run) == RunPlan(("b", "a", "c"), 7, RunKind.FULL)
    for question in ("a", "c"):
        history.record(run, question, "true", 1.0, 1.0)
    [row] = history.sessions()
    assert not row.resumable  # nothing left to answer


def test_the_recent_runs_and_each_decks_latest(history: History) -> None:
    first = history.start("alpha", "Alpha", RunKind.FULL, 2)
    history.start("beta", "Beta", RunKind.FULL, 2)
    retry = history.start("alpha", "Alpha", RunKind.RETRY, 1)
    history.start("gamma", "Gamma", RunKind.FULL, 2)
    assert [row.deck_id for row in history.recent(3)] == ["gamma", "alpha", "beta"]
    assert history.recent(10) == history.sessions()
    latest = history.latest_run("alpha")
    assert latest is not None
    assert latest.id == retry
    latest_quiz = history.latest_run("alpha", (RunKind.FULL,))
    assert latest_quiz is not None
    assert latest_quiz.id == first
    assert history.latest_run("delta") is None
