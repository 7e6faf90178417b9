"""A tab of `quiz serve --learners`: the app asks the name first, then keeps that learner's
history in their own file."""

from __future__ import annotations

from pathlib import Path

from quiz.deck import Deck
from quiz.store.database import Database
from quiz.store.history import History
from quiz.store.learners import learner_store
from quiz.tui.app import QuizApp
from quiz.tui.screens.home import HomeScreen
from quiz.tui.screens.learner import LearnerScreen, LearnerStore

from .conftest import answer_right, settled, shown, start_quiz


def open_learner(name: str) -> LearnerStore:
    return Database(learner_store(name)), ""


async def test_the_name_comes_first_and_chooses_the_history(every_type: Deck) -> None:
    app = QuizApp([every_type], ask_learner=open_learner)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, LearnerScreen)
        assert "Who is learning?" in shown(app)
        await pilot.press("escape", "enter")  # no way round it, and no name is no name
        assert isinstance(app.screen, LearnerScreen)
        assert "type your name, with at least one letter or digit." in shown(app)
        await pilot.press(*"Ada", "enter")
        await settled(pilot)
        assert isinstance(app.screen, HomeScreen)
        assert app.database is not None
        assert app.database.path == learner_store("ada")
        await start_quiz(pilot)
        await answer_right(pilot)
    assert [run.deck_id for run in History(app.database).sessions()] == ["every-type"]
    app.database.close()
    assert not (Path(learner_store("ada")).parents[2] / "quiz.sqlite3").exists()
