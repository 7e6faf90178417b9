"""Issue 17.5: the wait a rating button shows is the wait that rating saves, fuzz and all.

Each card is rated seconds after its back showed, as a learner does, with FSRS's fuzz on
and drawn high, where a fuzzed date lands days away from the unfuzzed one."""

from __future__ import annotations

from datetime import timedelta

from textual.app import App

from quiz.deck import Deck
from quiz.store.database import Database
from quiz.study.cards import load_cards, record_review
from quiz.study.figures import wait
from quiz.study.scheduler import Rating, StudyScheduler
from quiz.tui.app import QuizApp

from .conftest import SEED, STILL, Clock
from .studying import answer_after, on_card, ratings, sitting


def labels(app: App[None]) -> dict[Rating, str]:
    """The wait each rating button shows, under its key and name (`1 Again / 10m`)."""
    return {Rating(int(label[0])): label.rsplit(" / ", 1)[1] for label in ratings(app)}


def mature_cards(deck: Deck, database: Database, clock: Clock) -> None:
    """Four cards rated Easy 8 days ago, so due now: review cards."""
    clock.now = STILL - timedelta(days=8)
    for question in ("capital", "colonies", "sunni", "ban-date"):
        record_review(database, StudyScheduler(fuzzing=False), deck.id, question, Rating.Easy)
    clock.now = STILL


async def test_every_rating_saves_the_wait_its_button_showed(
    every_type: Deck, study_store: Database, clock: Clock
) -> None:
    mature_cards(every_type, study_store, clock)
    app = QuizApp(
        [every_type],
        database=study_store,
        seed=SEED,
        clock=clock.monotonic,
        scheduler=StudyScheduler(draw=lambda: 0.99),
    )
    before = load_cards(study_store, every_type.id)
    fuzz_moved = []
    async with sitting(app, "backspace", "backspace", "0") as pilot:  # reviews only
        for rating in Rating:
            question = on_card(app)
            await answer_after(pilot, clock, 1.0)
            buttons = labels(app)
            clock.now += timedelta(seconds=7)  # the learner reads the back, then rates
            await pilot.press(str(rating.value))
            await pilot.pause()
            due = load_cards(study_store, every_type.id)[question].due
            assert wait(due - clock.now) == buttons[rating], (question, rating)
            unfuzzed = StudyScheduler(fuzzing=False).review(before[question], rating, clock.now)
            fuzz_moved.append(unfuzzed[0].due != due)

    assert fuzz_moved == [False, True, True, True]  # Again relearns in 10m: no fuzz there
    rows = study_store.query("SELECT COUNT(*) FROM reviews")
    assert rows[0][0] == 4 + 4
