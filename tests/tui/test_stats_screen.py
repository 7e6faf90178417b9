"""The statistics screen: opened with t or from the palette, drawn from a real store."""

from __future__ import annotations

from quiz.deck import Deck
from quiz.store.cards import record_review
from quiz.store.database import Database
from quiz.store.history import History
from quiz.study.scheduler import Rating, StudyScheduler
from quiz.tui.screens.home import HomeScreen
from quiz.tui.screens.stats import StatsScreen

from .conftest import Clock, screen_text, shown, study_app

IDS = ("capital", "colonies", "sunni", "ban-date", "missions", "events")


def fill(database: Database) -> None:
    """Two quizzes (50%, then 100%) and three reviews, one of them a flip."""
    history = History(database)
    for right in (IDS[3:], IDS):
        run = history.start("every-type", "Every type [bold]test[/bold]", "quiz", len(IDS))
        for question in IDS:
            history.record(run, question, '"x"', float(question in right), 2.0)
        history.finish(run)
    scheduler = StudyScheduler(fuzzing=False)
    record_review(database, scheduler, "every-type", "capital", Rating.Again, correct=False)
    record_review(database, scheduler, "every-type", "sunni", Rating.Good, correct=True)
    record_review(database, scheduler, "every-type", "events", Rating.Good)  # a flip


async def test_statistics_are_drawn_and_deck_text_stays_literal(
    every_type: Deck, study_store: Database, clock: Clock
) -> None:
    fill(study_store)
    app = study_app(every_type, study_store, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        assert "t Statistics" in shown(app)
        await pilot.press("t")
        await pilot.pause()
        assert isinstance(app.screen, StatsScreen)
        lines = screen_text(app).splitlines()
        title = next(i for i, line in enumerate(lines) if "Every type [bold]test[/bold]" in line)
        assert lines[title + 1].split("│")[1].rstrip() == "  █"  # only 100% reaches the top
        assert lines[title + 2].split("│")[1].startswith(" ██  last 100% · best 100% · 2 quizzes")
        text = shown(app)
        assert "Reviews per day, last 30 days" in text
        assert "3 reviews · most in a day: 3" in text
        assert "2 of 3 reviews recalled" in text
        assert "Missed Question 2 of 3 Which city is Mali's capital? [A] <script>" in text
        assert "1 of 2 Which two countries" in text
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        await pilot.press("ctrl+p", *"statis", "enter")
        await pilot.pause()
        assert isinstance(app.screen, StatsScreen)


async def test_without_anything_saved_the_screen_says_so(
    every_type: Deck, study_store: Database, clock: Clock
) -> None:
    app = study_app(every_type, study_store, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("t")
        await pilot.pause()
        text = shown(app)
        assert "No finished quizzes yet." in text
        assert "0 reviews · most in a day: 0" in text
        assert "No reviews yet." in text
        assert "Nothing missed yet." in text
