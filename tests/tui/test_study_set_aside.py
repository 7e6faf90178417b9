"""Issue 17.2: suspend (`@`) and bury (`-`) the card on show, from either face or the
palette; a suspended card is never shown until `quiz study --unsuspend`, a buried one
not until the learner's next day; their schedules are kept; ctrl+z takes either back."""

from __future__ import annotations

import asyncio
from datetime import timedelta
from pathlib import Path

import pytest

from quiz import cli
from quiz.deck import Deck
from quiz.store.card_marks import MarkRow, mark_rows
from quiz.store.cards import card_row
from quiz.store.database import Database
from quiz.study.cards import record_review
from quiz.study.progress import deck_progress
from quiz.study.scheduler import Rating, StudyScheduler
from quiz.study.set_aside import Aside, next_day, set_aside

from .conftest import (
    EVERY_TYPE,
    STILL,
    Clock,
    answer_right,
    press_at_once,
    shown,
    study_app,
    toasts,
)
from .studying import on_card, press, sitting


def marks(database: Database, deck: Deck) -> dict[str, MarkRow]:
    return {mark.question_id: mark for mark in mark_rows(database, deck.id)}


def due_now(deck: Deck, database: Database, clock: Clock, question_id: str) -> None:
    """The question's card rated Easy 8 days ago: a review card, due now."""
    clock.now = STILL - timedelta(days=8)
    record_review(database, StudyScheduler(fuzzing=False), deck.id, question_id, Rating.Easy)
    clock.now = STILL


async def test_keys_suspend_and_bury_one_card_each_and_keep_its_schedule(
    every_type: Deck, study_store: Database, clock: Clock
) -> None:
    due_now(every_type, study_store, clock, "sunni")
    schedule = card_row(study_store, every_type.id, "sunni")
    async with sitting(study_app(every_type, study_store, clock)) as pilot:
        app = pilot.app
        assert on_card(app) == "sunni"  # due, so first
        await press_at_once(pilot, "at", "at")  # pressed twice: one card suspended
        assert on_card(app) == "capital"
        suspended = '"Algeria and Mali are…": not shown again until quiz study --unsuspend'
        assert suspended in toasts(app)
        assert "0 due · 5 new today · 0 reviewed" in shown(app)

        await answer_right(pilot)  # on the back too
        await press_at_once(pilot, "minus", "minus")
        assert on_card(app) == "colonies"
        assert '"Which city is Mali\'s capital?…": back tomorrow' in toasts(app)

        await press(pilot, "minus")
        assert on_card(app) == "ban-date"
        app.clear_notifications()  # three notices stacked would reach the counts at the top
        text = await press(pilot, "ctrl+z")
        assert on_card(app) == "colonies"
        assert 'Burying taken back: "Which two countries are former…"' in toasts(app)
        assert "0 due · 4 new today · 0 reviewed" in text

        app.clear_notifications()
        await press(pilot, "escape")
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        assert "0 due now · 4 unseen · 0 learned · 1 suspended · 1 buried" in shown(app)

    assert marks(study_store, every_type) == {
        "sunni": MarkRow("sunni", suspended_at=STILL),
        "capital": MarkRow("capital", buried_until=next_day(STILL)),
    }
    assert card_row(study_store, every_type.id, "sunni") == schedule  # the schedule is kept
    assert study_store.query("SELECT COUNT(*) FROM reviews")[0][0] == 1


async def test_the_palette_sets_aside_a_card_whose_answer_is_typed(
    every_type: Deck, study_store: Database, clock: Clock
) -> None:
    due_now(every_type, study_store, clock, "ban-date")
    async with sitting(study_app(every_type, study_store, clock)) as pilot:
        app = pilot.app
        assert on_card(app) == "ban-date"
        assert "@" in await press(pilot, "at")  # typed into the answer, not a suspension
        assert on_card(app) == "ban-date"
        await press(pilot, "ctrl+p", *"suspend", "enter")
        assert on_card(app) == "capital"
        await press(pilot, "ctrl+p", *"bury this", "enter")
        assert on_card(app) == "colonies"
        await press(pilot, "ctrl+z", "ctrl+z")  # both taken back, last first
        assert on_card(app) == "ban-date"
        assert 'Suspension taken back: "On what date did Algeria ban…"' in toasts(app)
    assert marks(study_store, every_type) == {}


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("QUIZ_DATA_DIR", str(tmp_path / "data"))
    return tmp_path / "data"


def test_buried_cards_return_the_next_day_suspended_ones_when_unsuspended(
    every_type: Deck, data_dir: Path, clock: Clock, capsys: pytest.CaptureFixture[str]
) -> None:
    store = Database(data_dir / "quiz.sqlite3", clock=clock.instant)
    try:
        due_now(every_type, store, clock, "sunni")
        set_aside(store, every_type.id, "sunni", Aside.SUSPEND)
        set_aside(store, every_type.id, "capital", Aside.BURY)
        assert on_next_card(every_type, store, clock) == "colonies"

        clock.now = next_day(STILL)  # the learner's next day: the buried card is back
        assert on_next_card(every_type, store, clock) == "capital"
        progress = deck_progress(store, every_type, clock.now)
        assert (progress.new, progress.suspended, progress.buried) == (5, 1, 0)

        assert cli.main(["stats", str(EVERY_TYPE)]) == 0
        out = capsys.readouterr().out
        assert "Suspended cards (quiz study --unsuspend brings them back)" in out
        assert "Every type [bold]test[/bold]  1 card" in out

        assert cli.main(["study", str(EVERY_TYPE), "--unsuspend"]) == 0
        assert "Every type [bold]test[/bold]: 1 card unsuspended" in capsys.readouterr().out
        assert on_next_card(every_type, store, clock) == "sunni"  # due since, so first
        assert marks(store, every_type) == {
            "capital": MarkRow("capital", buried_until=next_day(STILL))
        }
    finally:
        store.close()


def on_next_card(deck: Deck, store: Database, clock: Clock) -> str:
    """The first card of a sitting started now with keys, as a learner starts one."""

    async def look() -> str:
        async with sitting(study_app(deck, store, clock)) as pilot:
            return on_card(pilot.app)

    return asyncio.run(look())
