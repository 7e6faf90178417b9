"""Study sittings driven by key presses, on a clock the test sets, checked on screen, in the
store and against fsrs's own scheduler."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta

import fsrs
from textual.widgets import Input

from quiz.deck import Deck
from quiz.store.database import Database
from quiz.study.cards import load_cards
from quiz.study.deck_settings import StudySettings, deck_settings
from quiz.study.scheduler import card_key
from quiz.tui.screens.home import HomeScreen
from quiz.tui.screens.study_answer import StudyAnswerScreen
from quiz.tui.screens.study_done import StudyDoneScreen
from quiz.tui.screens.study_setup import StudySetupScreen

from .conftest import STILL, Clock, settled, shown, study_app, toasts
from .studying import answer_after, on_card, press, ratings, sitting, start_studying

Review = tuple[int, datetime]


def fsrs_due(deck_id: str, question_id: str, reviews: Sequence[Review]) -> datetime:
    """Where fsrs itself, without fuzz, puts a new card after these ratings at these times."""
    scheduler = fsrs.Scheduler(enable_fuzzing=False)
    card = fsrs.Card(card_id=card_key(deck_id, question_id), due=reviews[0][1])
    for rating, moment in reviews:
        card, _ = scheduler.review_card(card, fsrs.Rating(rating), review_datetime=moment)
    return card.due


async def test_a_sitting_over_every_type_saves_the_dates_fsrs_gives(
    every_type: Deck, study_store: Database, clock: Clock
) -> None:
    app = study_app(every_type, study_store, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await settled(pilot)
        assert "0 due now · 6 unseen · 0 learned" in shown(app)
        await start_studying(pilot)
        assert on_card(app) == "capital"
        assert "0 due · 6 new today · 0 reviewed" in shown(app)
        text = await answer_after(pilot, clock, 0.1)
        assert "✔ Right" in text
        # a first answer, however fast, is suggested Good, never Easy (issue 17.6)
        assert ratings(app) == ["1 Again / 1m", "2 Hard / 5.5m", "3 Good ⏎ / 10m", "4 Easy / 8d"]
        await press(pilot, "3")

        assert on_card(app) == "colonies"
        assert "0 due · 5 new today · 1 reviewed" in shown(app)
        await answer_after(pilot, clock, 1.0)
        assert "3 Good ⏎ / 10m" in ratings(app)
        await press(pilot, "enter")

        assert on_card(app) == "sunni"
        text = await press(pilot, "f")
        assert "✘ Wrong" in text
        assert "Your answer False Answer True" in text
        assert "1 Again ⏎ / 1m" in ratings(app)
        await press(pilot, "enter")

        assert on_card(app) == "ban-date"
        assert "^r Show answer" in shown(app)  # space types into the answer here
        await answer_after(pilot, clock, 3.0)
        assert "2 Hard ⏎ / 5.5m" in ratings(app)
        await press(pilot, "enter")

        assert on_card(app) == "missions"
        await answer_after(pilot, clock, 0.1)
        assert ratings(app)[2:] == ["3 Good ⏎ / 10m", "4 Easy / 8d"]
        await press(pilot, "4")

        assert on_card(app) == "events"
        await answer_after(pilot, clock, 1.0)
        text = await press(pilot, "enter")
        assert isinstance(app.screen, StudyDoneScreen)
        assert "All done — next card due in 1m" in text
        assert "Reviewed 6 cards: 1 Again · 1 Hard · 3 Good · 1 Easy" in text
        assert "0 due now · 0 unseen · 6 learned" in text

        given = {"capital": 3, "colonies": 3, "sunni": 1, "ban-date": 2, "missions": 4}
        cards = load_cards(study_store, every_type.id)
        for question, rating in {**given, "events": 3}.items():
            assert cards[question].due == fsrs_due(every_type.id, question, [(rating, STILL)])

        clock.now = STILL + timedelta(minutes=2)
        await press(pilot, "escape")
        await settled(pilot)
        assert isinstance(app.screen, HomeScreen)
        assert "1 due now · 0 unseen · 5 learned · next due in 4m" in shown(app)
        await start_studying(pilot)
        assert on_card(app) == "sunni"
        assert "1 due · 0 new today · 0 reviewed" in shown(app)
        text = await press(pilot, "space")  # a flip: no answer checked, no suggestion
        assert "↻ The answer: how well did you know it?" in text
        assert "Answer True" in text
        assert "⏎" not in text
        await press(pilot, "enter")  # nothing to take without a suggestion
        assert isinstance(app.screen, StudyAnswerScreen)
        assert "All done — next card due in 4m" in await press(pilot, "3")

    sunni = [(1, STILL), (3, STILL + timedelta(minutes=2))]
    assert load_cards(study_store, every_type.id)["sunni"].due == fsrs_due(
        every_type.id, "sunni", sunni
    )
    rows = study_store.query("SELECT question_id, rating, correct FROM reviews ORDER BY id")
    assert [tuple(row) for row in rows] == [
        ("capital", 3, 1),
        ("colonies", 3, 1),
        ("sunni", 1, 0),
        ("ban-date", 2, 1),
        ("missions", 4, 1),
        ("events", 3, 1),
        ("sunni", 3, None),
    ]


async def test_a_sitting_stopped_halfway_resumes_after_a_restart(
    every_type: Deck, study_store: Database, clock: Clock
) -> None:
    async with sitting(study_app(every_type, study_store, clock)) as pilot:
        await answer_after(pilot, clock, 1.0)
        await press(pilot, "enter")  # capital: Good, due in 10 minutes
        await answer_after(pilot, clock, 1.0)
        await press(pilot, "q")  # colonies answered, never rated: the app quits
    assert not pilot.app.is_running
    assert list(load_cards(study_store, every_type.id)) == ["capital"]
    study_store.close()

    clock.now = STILL + timedelta(minutes=10)
    reopened = Database(study_store.path, clock=clock.instant)
    second = study_app(every_type, reopened, clock)
    try:
        async with second.run_test(size=(80, 24)) as pilot:
            await settled(pilot)
            assert "1 due now · 5 unseen · 0 learned" in shown(second)
            await press(pilot, "ctrl+p", *"study", "enter")  # the palette's way to press s
            assert isinstance(second.screen, StudySetupScreen)
            await press(pilot, "backspace", "backspace", "1", "enter")  # one new card a day
            assert on_card(second) == "capital"
            assert "1 due · 0 new today · 0 reviewed" in shown(second)  # today's new card was met
            await answer_after(pilot, clock, 1.0)
            assert "3 Good ⏎ / 2d" in ratings(second)
            text = await press(pilot, "enter")
            assert "All done — next card due in 2d" in text
            assert "0 due now · 5 unseen · 1 learned" in text
            assert "New cards are limited to 1 a day; the rest wait." in text
        capital = [(3, STILL), (3, clock.now)]
        saved = load_cards(reopened, every_type.id)["capital"]
        assert saved.due == fsrs_due(every_type.id, "capital", capital)
    finally:
        reopened.close()


async def test_a_store_that_fails_ends_the_sitting_with_a_sentence(
    every_type: Deck, study_store: Database, clock: Clock
) -> None:
    async with sitting(study_app(every_type, study_store, clock)) as pilot:
        await press(pilot, "space")
        study_store.close()
        await press(pilot, "3")
        assert isinstance(pilot.app.screen, HomeScreen)
        assert "Review not saved: cannot write the history file" in toasts(pilot.app)


async def test_the_study_options_are_kept_for_the_deck(
    every_type: Deck, study_store: Database, clock: Clock
) -> None:
    """Issue 17.4: the new cards a day and the desired retention set in the options last
    past a restart, per deck; a wrong value is said and nothing starts."""
    first = study_app(every_type, study_store, clock)
    async with first.run_test(size=(80, 24), notifications=True) as pilot:
        await settled(pilot)
        await start_studying(pilot, "backspace", "backspace", "1", "tab", *["backspace"] * 3, "2")
        assert isinstance(first.screen, StudySetupScreen)
        assert "Desired retention: a share from 0.7 to 0.99" in toasts(first)
        await press(pilot, "backspace", *"0.85", "enter")
        assert on_card(first) == "capital"
        assert "0 due · 1 new today · 0 reviewed" in shown(first)
    assert deck_settings(study_store, every_type.id) == StudySettings(1, 0.85)

    second = study_app(every_type, study_store, clock)
    async with second.run_test(size=(80, 24)) as pilot:
        await settled(pilot)
        await pilot.press("s")
        await settled(pilot)
        screen = second.screen
        assert isinstance(screen, StudySetupScreen)
        assert screen.query_one("#new-per-day", Input).value == "1"
        assert screen.query_one("#retention", Input).value == "0.85"
        await press(pilot, "enter")
        assert on_card(second) == "capital"
        session = second._study.session if second._study else None
        assert session is not None
        assert session.scheduler.desired_retention == 0.85
