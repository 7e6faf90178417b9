"""A quiz stopped with Esc is resumed from the decks; a quiz left before any answer is no
history. Checked on screen and in the SQLite file afterwards."""

from __future__ import annotations

from quiz.deck.model import Deck
from quiz.store.database import Database
from quiz.store.history import History
from quiz.tui.app import QuizApp
from quiz.tui.screens.home import HomeScreen
from quiz.tui.screens.question import QuestionScreen
from quiz.tui.screens.results import ResultsScreen

from .conftest import SEED, answer_right, asked, settled, shown, start_quiz


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
