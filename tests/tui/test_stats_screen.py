"""The statistics screen: opened with t or from the palette, drawn from a real store."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import DataTable

from quiz.cli import main
from quiz.deck import Deck
from quiz.play.record import given_json
from quiz.store.database import Database
from quiz.store.history import History, RunKind
from quiz.tui.app import QuizApp
from quiz.tui.screens.home import HomeScreen
from quiz.tui.screens.question import QuestionScreen
from quiz.tui.screens.stats import StatsScreen
from tests.filled_store import fill

from .conftest import (
    EVERY_TYPE,
    Clock,
    answer_right,
    screen_text,
    scroll_to,
    settled,
    shown,
    start_quiz,
    study_app,
)
from .studying import sitting


async def test_statistics_are_drawn_and_deck_text_stays_literal(
    every_type: Deck, study_store: Database, clock: Clock
) -> None:
    fill(study_store)
    app = study_app(every_type, study_store, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        assert "t Statistics" in shown(app)
        await pilot.press("t")
        await settled(pilot)
        assert isinstance(app.screen, StatsScreen)
        lines = screen_text(app).splitlines()
        title = next(i for i, line in enumerate(lines) if "Every type [bold]test[/bold]" in line)
        assert lines[title + 1].split("│")[1].rstrip() == " best 100% · last 100% · 2 quizzes"
        assert lines[title + 2].split("│")[1].rstrip() == "  █"  # only 100% reaches the top
        assert lines[title + 3].split("│")[1].rstrip() == " ██"
        assert "15 answers on 1 day: 3 in study, 12 in quizzes" in shown(app)  # the calendar
        await scroll_to(pilot, "#study")  # below it
        text = shown(app)
        assert "Reviews per day, last 30 days" in text
        assert "3 reviews · most in a day: 3" in text
        assert "2 of 3 reviews recalled" in text
        await scroll_to(pilot, "#missed")
        text = shown(app)
        assert "Missed Question 2 of 3 Which city is Mali's capital? [A] <script>" in text
        assert "1 of 2 Which two countries" in text
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        await pilot.press("ctrl+p", *"statis", "enter")
        await settled(pilot)
        assert isinstance(app.screen, StatsScreen)


async def test_reviews_merged_from_anki_count_and_are_marked(
    every_type: Deck, study_store: Database, clock: Clock
) -> None:
    fill(study_store)
    with study_store.transaction() as connection:  # as `quiz merge` marks them
        connection.execute(
            "UPDATE reviews SET source = 'anki' WHERE id = (SELECT min(id) FROM reviews)"
        )
    app = study_app(every_type, study_store, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("t")
        await settled(pilot)
        await scroll_to(pilot, "#study")
        text = shown(app)
        assert "3 reviews · most in a day: 3" in text
        assert "1 of them in Anki" in text
        assert "2 of 3 reviews recalled" in text


async def test_without_anything_saved_the_screen_says_so(
    every_type: Deck, study_store: Database, clock: Clock
) -> None:
    app = study_app(every_type, study_store, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("t")
        await settled(pilot)
        text = shown(app)
        assert "No finished quizzes yet." in text
        assert "No reviews or quiz answers in the last year." in text
        assert "0 reviews · most in a day: 0" in text
        assert "No reviews yet." in text
        assert "Nothing missed yet." in text
        assert "No quiz answers yet." in text


async def test_each_question_with_its_wrong_picks(
    every_type: Deck, study_store: Database, clock: Clock
) -> None:
    history = History(study_store)
    for picked, points, seconds in (("Gao", 0.0, 4.0), ("Bamako", 1.0, 2.0), ("Gao", 0.0, 9.0)):
        run = history.start("every-type", every_type.title, RunKind.FULL, 2)
        history.record(run, "capital", given_json(picked), points, seconds)
        history.record(run, "sunni", given_json(True), 1.0, 3.0)
    app = study_app(every_type, study_store, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("t")
        await settled(pilot)
        table = app.screen.query_one("#question-table", DataTable)
        rows = [[str(cell) for cell in table.get_row_at(row)] for row in range(table.row_count)]
        assert rows == [
            ["Which city is Mali's capital? [A] <script>ale…", "3", "33%", "4.0s"],
            ["Algeria and Mali are predominantly Sunni Musl…", "3", "100%", "3.0s"],
        ]
        await pilot.press("tab")  # from the page to the table
        await pilot.pause()
        assert app.focused is table
        text = shown(app)
        assert "Per question, hardest first" in text
        assert (
            "Which city is Mali's capital? [A] <script>alert(1)</script>"
            " Wrong choices picked 2× Gao 0× [A] Kidal 0× Timbuktu"
        ) in text
        await pilot.press("down")
        await pilot.pause()
        text = shown(app)
        assert "Gao" not in text
        assert (
            "Algeria and Mali are predominantly Sunni Muslim countries."
            " Wrong picks are counted for one-answer questions."
        ) in text


async def test_a_wrong_pick_in_a_quiz_is_counted_on_screen_and_in_quiz_stats(
    app: QuizApp,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await start_quiz(pilot, "tab", "space")  # deck order: the choice question first
        screen = app.screen
        assert isinstance(screen, QuestionScreen)
        await pilot.press(str(screen.session.presented(screen.question).index("Gao") + 1))
        await pilot.press("enter", "escape", "enter")  # next question, stop: the answer is kept
        await pilot.pause()
        await pilot.press("t", "tab")
        await pilot.pause()
        assert "Wrong choices picked 1× Gao 0× [A] Kidal 0× Timbuktu" in shown(app)

    monkeypatch.setenv("QUIZ_DATA_DIR", str(tmp_path))  # where the app's store is
    assert main(["stats", "--questions", str(EVERY_TYPE)]) == 0
    assert capsys.readouterr().out.splitlines()[2:6] == [
        "capital                              1     0%    0.0s",
        "      1× Gao",
        "      0× [A] Kidal",
        "      0× Timbuktu",
    ]


async def test_one_review_is_said_in_the_singular(
    every_type: Deck, study_store: Database, clock: Clock
) -> None:
    """Counts read through the package's one plural helper: "1 review", not "1 reviews"."""
    app = study_app(every_type, study_store, clock)
    async with sitting(app) as pilot:
        await answer_right(pilot)
        await pilot.press("3", "escape", "t")
        await settled(pilot)
        await scroll_to(pilot, "#study")
        text = shown(app)
        assert "1 review · most in a day: 1" in text
        assert "1 of 1 review recalled" in text
