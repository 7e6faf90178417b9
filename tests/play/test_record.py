"""Saving a run as it goes, and carrying on without saving when the store fails."""

from __future__ import annotations

import json
from pathlib import Path

from quiz.deck import Deck
from quiz.deck.loader import load_deck_or_raise
from quiz.play.record import RunRecorder, given_json, resumed_session
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


THREE_TEXTS = """
deck: three
title: Three
questions:
  - {id: a, type: text, prompt: One?, answer: one}
  - {id: b, type: text, prompt: Two?, answer: two}
  - {id: c, type: text, prompt: Three?, answer: three}
"""


def test_a_resumed_run_leaves_out_an_answer_its_question_no_longer_takes(
    clock: FakeClock, tmp_path: Path
) -> None:
    """Two answers saved, then the first question made a true/false one: its typed answer
    cannot be checked, so the resumed run (once a TypeError) asks the third alone and
    counts out of the two it asked, in its results and in the history."""
    path = tmp_path / "three.yaml"
    path.write_text(THREE_TEXTS, encoding="utf-8")
    history = History(Database(tmp_path / "quiz.sqlite3"))
    session = QuizSession.start(
        load_deck_or_raise(path), QuizOptions(shuffle=False), seed=1, clock=clock
    )
    recorder = RunRecorder(history, session, print)
    for given in ("one", "two"):
        recorder.answered(session.answer(given))
        session.advance()
    path.write_text(
        THREE_TEXTS.replace(
            "type: text, prompt: One?, answer: one", "type: truefalse, prompt: One?, answer: true"
        ),
        encoding="utf-8",
    )
    assert recorder.session_id is not None
    resumed = resumed_session(history, load_deck_or_raise(path), recorder.session_id, clock)
    assert [question.id for question in resumed.questions] == ["b", "c"]
    assert resumed.current.id == "c"
    recorder = RunRecorder(history, resumed, print, recorder.session_id)
    recorder.answered(resumed.answer("three"))
    resumed.advance()
    recorder.finished()
    [row] = history.sessions()
    assert (resumed.score, resumed.max_score) == (row.score, row.max_score) == (2.0, 2.0)


def test_given_json() -> None:
    assert given_json(frozenset({"b", "a"})) == '["a", "b"]'
    assert given_json(("x", "y")) == '["x", "y"]'
    assert given_json(True) == "true"
    assert given_json("Bamako [A]") == '"Bamako [A]"'
