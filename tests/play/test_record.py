"""Saving a run as it goes, and carrying on without saving when the store fails."""

from __future__ import annotations

import json
from pathlib import Path

from quiz.deck import Deck
from quiz.play.record import RunRecorder, given_json
from quiz.play.selection import QuizOptions
from quiz.play.session import QuizSession
from quiz.store.database import Database
from quiz.store.history import History

from .conftest import FakeClock


def test_each_answer_is_saved_as_given(every_type: Deck, clock: FakeClock, tmp_path: Path) -> None:
    history = History(Database(tmp_path / "quiz.sqlite3"))
    session = QuizSession.start(
        every_type, QuizOptions(count=2, shuffle=False), seed=1, clock=clock
    )
    problems: list[str] = []
    recorder = RunRecorder(history, session, problems.append)
    clock.advance(2)
    recorder.answered(session.answer("Gao"))
    [row] = history.sessions()
    assert (row.deck_id, row.deck_title, row.question_count, row.answered) == (
        "every-type",
        every_type.title,
        2,
        1,
    )
    session.advance()
    recorder.answered(session.answer(frozenset({"Mali", "Algeria"})))
    session.advance()
    recorder.finished()
    [row] = history.sessions()
    assert (row.score, row.finished_at is not None) == (1.0, True)
    saved = history.answers(row.id)
    assert [(a.question_id, json.loads(a.given), a.seconds) for a in saved] == [
        ("capital", "Gao", 2.0),
        ("colonies", ["Algeria", "Mali"], 0.0),
    ]
    assert problems == []


def test_a_store_failure_is_reported_once_and_the_run_goes_on(
    every_type: Deck, clock: FakeClock, tmp_path: Path
) -> None:
    database = Database(tmp_path / "quiz.sqlite3")
    session = QuizSession.start(every_type, QuizOptions(shuffle=False), seed=1, clock=clock)
    problems: list[str] = []
    recorder = RunRecorder(History(database), session, problems.append)
    database.close()  # every write now fails
    recorder.answered(session.answer("Bamako"))
    session.advance()
    recorder.answered(session.answer(frozenset()))
    recorder.finished()
    assert len(problems) == 1
    assert problems[0].startswith("History not saved:")
    assert not recorder.saving


def test_without_a_store_nothing_is_saved_or_reported(every_type: Deck, clock: FakeClock) -> None:
    session = QuizSession.start(every_type, QuizOptions(shuffle=False), seed=1, clock=clock)
    problems: list[str] = []
    recorder = RunRecorder(None, session, problems.append)
    recorder.answered(session.answer("Bamako"))
    recorder.finished()
    assert (problems, recorder.saving) == ([], False)


def test_given_json() -> None:
    assert given_json(frozenset({"b", "a"})) == '["a", "b"]'
    assert given_json(("x", "y")) == '["x", "y"]'
    assert given_json(True) == "true"
    assert given_json("Bamako [A]") == '"Bamako [A]"'
