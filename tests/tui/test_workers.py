"""No screen waits on the disk: the store is read in thread workers while the screen shows.

Each test holds a read back (the worker waits on an event, as a big history would keep
it busy) and checks that the screen is already there and answers keys, then lets the
read finish and checks that the figures fill in.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from textual.widgets import DataTable

from quiz.deck import Deck
from quiz.store.database import Database, StoreError
from quiz.study.progress import deck_progress
from quiz.study.session import StudySession
from quiz.study.statistics import gather_statistics
from quiz.tui.app import QuizApp
from quiz.tui.home_figures import read_home_figures
from quiz.tui.screens import home, stats
from quiz.tui.screens.home import HomeScreen
from quiz.tui.screens.setup import SetupScreen
from quiz.tui.screens.stats import StatsScreen
from quiz.tui.screens.study_question import StudyQuestionScreen
from quiz.tui.widgets import question_figures
from tests.filled_store import fill

from .conftest import Clock, scroll_to, settled, shown, study_app, toasts

HOLD_SECONDS = 10


@pytest.fixture
def held() -> Iterator[threading.Event]:
    """Set it to let the held reads go on; set at the end in any case, so no thread hangs."""
    release = threading.Event()
    yield release
    release.set()


def holding(release: threading.Event, read: Callable[..., Any]) -> Callable[..., Any]:
    """`read`, made to wait in its worker thread until `release` is set."""

    def held_read(*args: Any, **kwargs: Any) -> Any:
        assert threading.current_thread() is not threading.main_thread()
        release.wait(HOLD_SECONDS)
        return read(*args, **kwargs)

    return held_read


async def test_the_decks_show_and_answer_keys_while_the_history_is_read(
    app: QuizApp, held: threading.Event, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(home, "read_home_figures", holding(held, read_home_figures))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert "Every type [bold]test[/bold]" in shown(app)
        assert "not played yet" not in shown(app)  # still being read
        await pilot.press("enter")
        assert isinstance(app.screen, SetupScreen)
        await pilot.press("escape")
        held.set()
        await settled(pilot)
        assert "not played yet" in shown(app)
        assert "No quizzes yet." in shown(app)


async def test_statistics_show_at_once_and_fill_in(
    every_type: Deck,
    study_store: Database,
    clock: Clock,
    held: threading.Event,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(stats, "gather_statistics", holding(held, gather_statistics))
    app = study_app(every_type, study_store, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await settled(pilot)
        await pilot.press("t")
        assert isinstance(app.screen, StatsScreen)
        assert "Reading the history…" in shown(app)
        held.set()
        await settled(pilot)
        assert "Reading the history…" not in shown(app)
        assert "No finished quizzes yet." in shown(app)
        await pilot.press("escape")
        assert isinstance(app.screen, HomeScreen)


async def test_a_store_that_fails_in_a_worker_is_said_and_the_app_goes_on(
    every_type: Deck, study_store: Database, clock: Clock, monkeypatch: pytest.MonkeyPatch
) -> None:
    def failing(*_args: object, **_kwargs: object) -> None:
        raise StoreError("cannot read the history file: the disk reported a read or write error")

    monkeypatch.setattr(stats, "gather_statistics", failing)
    app = study_app(every_type, study_store, clock)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await settled(pilot)
        await pilot.press("t")
        await settled(pilot)
        assert "The history could not be read." in shown(app)
        assert "the disk reported a read or write error" in toasts(app)
        await pilot.press("escape")
        assert isinstance(app.screen, HomeScreen)


async def test_studying_reads_the_deck_s_counts_in_a_worker(
    every_type: Deck,
    study_store: Database,
    clock: Clock,
    held: threading.Event,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(home, "deck_progress", holding(held, deck_progress))
    app = study_app(every_type, study_store, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("s", "s")  # twice before the counts are read: one dialog
        assert isinstance(app.screen, HomeScreen)
        held.set()
        await settled(pilot)
        assert "0 due now · 6 unseen · 0 learned" in shown(app)
        await pilot.press("escape")
        await settled(pilot)
        assert isinstance(app.screen, HomeScreen)


async def test_a_sitting_s_first_card_is_read_in_a_worker(
    every_type: Deck,
    study_store: Database,
    clock: Clock,
    held: threading.Event,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    first_read = holding(held, StudySession.next_card)
    monkeypatch.setattr(StudySession, "next_card", first_read)
    app = study_app(every_type, study_store, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await settled(pilot)
        await pilot.press("s")
        await settled(pilot)
        await pilot.press("ctrl+s")
        assert isinstance(app.screen, HomeScreen)  # the queue is still being read
        monkeypatch.undo()  # the next cards are read on the UI thread, quickly
        held.set()
        await settled(pilot)
        assert isinstance(app.screen, StudyQuestionScreen)


async def test_the_per_question_table_shows_the_hardest_and_says_how_many_more(
    every_type: Deck, study_store: Database, clock: Clock, monkeypatch: pytest.MonkeyPatch
) -> None:
    fill(study_store)
    monkeypatch.setattr(question_figures, "MAX_ROWS", 2)
    app = study_app(every_type, study_store, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("t")
        await settled(pilot)
        assert app.screen.query_one("#question-table", DataTable).row_count == 2
        await scroll_to(pilot, "#questions")  # the last box
        assert "and 4 easier ones: 'quiz stats --questions' lists them all" in shown(app)
