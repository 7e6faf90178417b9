"""Issue 17.1: ctrl+z (or the palette) takes back the sitting's last rating, in the store
and on screen, several steps back; after a restart there is nothing to undo."""

from __future__ import annotations

from datetime import timedelta

from quiz.deck import Deck
from quiz.store.database import Database
from quiz.study.cards import load_cards, record_review
from quiz.study.scheduler import CardState, Rating, StudyScheduler

from .conftest import STILL, Clock, settled, shown, study_app, toasts
from .studying import answer_after, on_card, press, sitting, start_studying


def reviews(database: Database) -> list[tuple[str, int]]:
    rows = database.query("SELECT question_id, rating FROM reviews ORDER BY id")
    return [(row[0], row[1]) for row in rows]


async def test_undo_takes_back_ratings_one_by_one_and_shows_the_card_again(
    every_type: Deck, study_store: Database, clock: Clock
) -> None:
    async with sitting(study_app(every_type, study_store, clock)) as pilot:
        app = pilot.app
        assert on_card(app) == "capital"
        await answer_after(pilot, clock, 1.0)
        await press(pilot, "3")
        assert on_card(app) == "colonies"
        await answer_after(pilot, clock, 1.0)
        await press(pilot, "1")
        assert on_card(app) == "sunni"
        assert reviews(study_store) == [("capital", 3), ("colonies", 1)]

        text = await press(pilot, "ctrl+z")
        assert on_card(app) == "colonies"
        assert "0 due · 5 new today · 1 reviewed" in text
        assert 'Rating taken back: "Which two countries are former…"' in toasts(app)
        assert reviews(study_store) == [("capital", 3)]
        assert list(load_cards(study_store, every_type.id)) == ["capital"]

        await press(pilot, "ctrl+p", *"undo", "enter")  # the palette's way, a second step
        assert on_card(app) == "capital"
        assert "0 due · 6 new today · 0 reviewed" in shown(app)
        assert reviews(study_store) == []
        assert load_cards(study_store, every_type.id) == {}

        await press(pilot, "ctrl+z")
        assert "Nothing to undo: no card has been rated or set aside in this sitting." in toasts(
            app
        )
        assert on_card(app) == "capital"

        await answer_after(pilot, clock, 1.0)
        await press(pilot, "2")  # rated afresh: the sitting goes on from here
        assert on_card(app) == "colonies"
        assert reviews(study_store) == [("capital", 2)]


async def test_undo_restores_a_due_cards_schedule(
    every_type: Deck, study_store: Database, clock: Clock
) -> None:
    clock.now = STILL - timedelta(days=8)
    record_review(study_store, StudyScheduler(fuzzing=False), every_type.id, "sunni", Rating.Easy)
    clock.now = STILL
    before: CardState = load_cards(study_store, every_type.id)["sunni"]
    assert before.due == STILL
    app = study_app(every_type, study_store, clock)
    async with sitting(app, "backspace", "backspace", "0") as pilot:  # reviews only
        assert on_card(app) == "sunni"
        await answer_after(pilot, clock, 1.0)
        text = await press(pilot, "3")
        assert "All done" in text
        assert load_cards(study_store, every_type.id)["sunni"].due > STILL + timedelta(days=8)

        text = await press(pilot, "ctrl+z")  # from the end of the sitting
        assert on_card(app) == "sunni"
        assert "1 due · 0 new today · 0 reviewed" in text
        assert load_cards(study_store, every_type.id)["sunni"] == before
        assert reviews(study_store) == [("sunni", 4)]


async def test_after_a_restart_there_is_nothing_to_undo(
    every_type: Deck, study_store: Database, clock: Clock
) -> None:
    async with sitting(study_app(every_type, study_store, clock)) as pilot:
        await answer_after(pilot, clock, 1.0)
        await press(pilot, "3")
    second = study_app(every_type, study_store, clock)
    async with second.run_test(size=(80, 24), notifications=True) as pilot:
        await settled(pilot)
        await press(pilot, "ctrl+z")
        assert "Nothing to undo: undo takes back ratings given in the study sitting" in toasts(
            second
        )
        await start_studying(pilot)
        await press(pilot, "ctrl+z")
        assert "Nothing to undo: no card has been rated or set aside" in toasts(second)
    assert reviews(study_store) == [("capital", 3)]
