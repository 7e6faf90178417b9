"""A quiz stopped with Esc is resumed from the decks; a quiz left before any answer is no
history. Checked on screen and in the SQLite file afterwards."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from quiz.cli import main
from quiz.deck.loader import load_deck_or_raise
from quiz.deck.model import Deck
from quiz.store.database import Database
from quiz.store.history import History
from quiz.tui.app import QuizApp
from quiz.tui.screens.home import HomeScreen
from quiz.tui.screens.question import QuestionScreen
from quiz.tui.screens.results import ResultsScreen

from .conftest import EVERY_TYPE, SEED, answer_right, asked, settled, shown, start_quiz


async def test_a_quiz_left_before_any_answer_is_not_kept(app: QuizApp, database: Database) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await start_quiz(pilot)
        await pilot.press("escape")
        await settled(pilot)
        assert isinstance(app.screen, HomeScreen)
        assert "No quizzes yet." in shown(app)
        assert "resume" not in shown(app)
    assert History(database).sessions() == []


async def test_a_stopped_quiz_resumes_with_its_unanswered_questions(
    app: QuizApp, database: Database
) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await settled(pilot)
        assert "Resume" not in shown(app)  # nothing to resume: not in the footer
        await start_quiz(pilot)
        screen = app.screen
        assert isinstance(screen, QuestionScreen)
        order = [question.id for question in screen.session.questions]
        await answer_right(pilot)
        await pilot.press("enter")
        await answer_right(pilot)
        await pilot.press("enter", "escape", "enter")
        await settled(pilot)
        assert isinstance(app.screen, HomeScreen)
        assert "r: resume (2 of 6 answered)" in shown(app)
        await pilot.press("r")
        await pilot.pause()
        assert "3 / 6" in shown(app)
        assert "Score 2" in shown(app)
        asked_after = []
        for _ in range(4):
            asked_after.append(asked(app).id)
            await answer_right(pilot)
            await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ResultsScreen)
        assert "Score 6 / 6 (100%)" in shown(app)
        assert asked_after == order[2:]
        await pilot.press("escape")
        await settled(pilot)
        assert "resume" not in shown(app)
    [run] = History(database).sessions()
    assert (run.answered, run.score, run.finished_at is not None) == (6, 6.0, True)
    assert [a.question_id for a in History(database).answers(run.id)] == order


async def test_start_again_after_resuming_keeps_the_runs_options(
    every_type: Deck, database: Database
) -> None:
    """A run of 3 questions in deck order, stopped, then resumed in a later app: "start
    again" on its results asks 3 questions in deck order again, not every question shuffled."""
    first = QuizApp([every_type], database=database, seed=SEED, clock=lambda: 42.0)
    async with first.run_test(size=(80, 24)) as pilot:
        await start_quiz(pilot, "backspace", "3", "tab", "space")
        await answer_right(pilot)
        await pilot.press("enter", "escape", "enter")
        await settled(pilot)
    later = QuizApp([every_type], database=database, seed=SEED + 1, clock=lambda: 42.0)
    async with later.run_test(size=(80, 24)) as pilot:
        await settled(pilot)
        await pilot.press("r")
        await pilot.pause()
        assert "2 / 3" in shown(later)
        for _ in range(2):
            await answer_right(pilot)
            await pilot.press("enter")
        await pilot.pause()
        assert isinstance(later.screen, ResultsScreen)
        await pilot.press("a")
        await pilot.pause()
        assert "1 / 3" in shown(later)
        assert asked(later).id == every_type.questions[0].id


REMOVED = """
  - id: colonies
    type: multi
    section: History
    prompt: Which two countries are former French colonies?
    choices: [Algeria, Mali, Nigeria, Ghana]
    answers: [Algeria, Mali]
    explain: Both were French colonies.
    tags: [history]
    silence: [answer-elsewhere]  # the deck is about Algeria and Mali: every prompt names them
"""
TEXT_QUESTION = """    type: text
    section: History
    prompt: On what date did Algeria ban flights to and from Mali?
    answer: 7 April 2025
    accept: ["April 7, 2025"]  # quoted: bare, YAML reads two entries, "April 7" and 2025
    silence: [redundant-accept]  # the quiz reads this date anyway; it is here for the export
"""
MADE_CHOICE = """    type: choice
    section: History
    prompt: On what date did Algeria ban flights to and from Mali?
    choices: [7 April 2025, 1 May 2024]
    answer: 7 April 2025
"""


def edit(path: Path) -> Deck:
    """The deck at `path` with its second question removed and its fourth, a text question
    not yet asked, made a choice, as an author might edit it while a quiz is stopped."""
    text = path.read_text(encoding="utf-8")
    assert REMOVED in text
    assert TEXT_QUESTION in text
    path.write_text(text.replace(REMOVED, "").replace(TEXT_QUESTION, MADE_CHOICE), "utf-8")
    return load_deck_or_raise(path)


async def test_a_run_resumed_on_an_edited_deck_has_one_score_everywhere(
    tmp_path: Path,
    database: Database,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """A 6-question run in deck order, stopped after one answer; the deck then loses a
    question and another changes type. The resumed run asks the 5 left: its results, the
    deck list, the statistics and `quiz stats` all say 4 / 5, never 4 / 6."""
    path = tmp_path / "edit.yaml"
    shutil.copy(EVERY_TYPE, path)
    first = QuizApp([load_deck_or_raise(path)], database=database, seed=SEED, clock=lambda: 42.0)
    async with first.run_test(size=(80, 24)) as pilot:
        await start_quiz(pilot, "tab", "space")
        await answer_right(pilot)
        await pilot.press("enter", "escape", "enter")
        await settled(pilot)
    later = QuizApp([edit(path)], database=database, seed=SEED, clock=lambda: 42.0)
    async with later.run_test(size=(80, 24)) as pilot:
        await settled(pilot)
        await pilot.press("r")
        await pilot.pause()
        assert "2 / 5" in shown(later)
        asked_after = []
        for _ in range(4):
            screen = later.screen
            assert isinstance(screen, QuestionScreen)
            asked_after.append(screen.question.id)
            if screen.question.id == "ban-date":  # the choice it now is, answered wrong
                wrong = screen.session.presented(screen.question).index("1 May 2024")
                await pilot.press(str(wrong + 1))
            else:
                await answer_right(pilot)
            await pilot.press("enter")
        assert asked_after == ["sunni", "ban-date", "missions", "events"]
        assert isinstance(later.screen, ResultsScreen)
        assert "Score 4 / 5 (80%)" in shown(later)
        await pilot.press("escape")
        await settled(pilot)
        assert "best 80% · last 80% · 1 quiz" in shown(later)
        assert "4 / 5 80%" in shown(later)  # the recent quizzes
        await pilot.press("t")
        await settled(pilot)
        assert "best 80% · last 80% · 1 quiz" in shown(later)
    monkeypatch.setenv("QUIZ_DATA_DIR", str(tmp_path))
    capsys.readouterr()
    assert main(["stats"]) == 0
    [row] = [line for line in capsys.readouterr().out.splitlines() if "Every type" in line]
    assert row.split()[-4:] == ["4", "/", "5", "80%"]
