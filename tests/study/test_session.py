"""A study sitting without a UI: card by card, answered or flipped, each rating saved at once."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime, timedelta

import fsrs
import pytest

from quiz.deck.model import Deck
from quiz.deck.questions import Questions
from quiz.play.scoring import Given
from quiz.play.session import QuizSession
from quiz.store.database import Database
from quiz.study.cards import load_card
from quiz.study.queue import Remaining
from quiz.study.rating import expected_seconds
from quiz.study.scheduler import Rating, StudyScheduler, card_key
from quiz.study.session import StudySession

SetTime = Callable[[datetime], None]
Replay = Callable[[int, Sequence[tuple[int, datetime]]], list[fsrs.Card]]


class Stopwatch:
    """The monotonic clock that times answers, moved by hand."""

    def __init__(self) -> None:
        self.seconds = 100.0

    def __call__(self) -> float:
        return self.seconds


@pytest.fixture
def stopwatch() -> Stopwatch:
    return Stopwatch()


@pytest.fixture
def session(
    db: Database, deck: Deck, scheduler: StudyScheduler, stopwatch: Stopwatch
) -> StudySession:
    return StudySession(db, deck, scheduler, new_per_day=3, seed=5, clock=stopwatch)


def test_cards_come_new_in_deck_order_and_again_comes_back_when_due(
    session: StudySession, db: Database, deck: Deck, set_time: SetTime, fsrs_replay: Replay
) -> None:
    start = db.now()
    item = session.next_card()
    assert item is not None
    assert (item.question.id, item.card.is_new) == ("capital", True)
    assert session.remaining == Remaining(due=0, new=3)
    quiz = QuizSession(deck, Questions.of((item.question,)), seed=5)
    assert session.presented() == quiz.presented(item.question)  # as a quiz with that seed

    session.answer("Gao")
    assert session.suggestion is Rating.Again
    saved = session.rate(Rating.Again)
    assert (saved.rating, saved.correct, saved.reviewed_at) == (Rating.Again, False, start)
    expected = fsrs_replay(card_key(deck.id, "capital"), [(1, start)])[-1]
    assert load_card(db, deck.id, "capital").due == expected.due == start + timedelta(minutes=1)

    assert session.next_card() is not None
    assert (session.question.id, session.remaining) == ("colonies", Remaining(0, 2))
    set_time(start + timedelta(minutes=2))
    assert session.next_card() is not None
    assert (session.question.id, session.remaining) == ("capital", Remaining(1, 2))
    assert session.reviewed == 1


def test_a_flip_is_rated_by_the_learner_alone(
    session: StudySession, stopwatch: Stopwatch, db: Database, deck: Deck
) -> None:
    session.next_card()
    stopwatch.seconds += 7.5
    session.flip()
    assert session.revealed
    assert session.suggestion is None
    saved = session.rate(Rating.Hard)
    assert (saved.correct, saved.seconds) == (None, 7.5)
    assert session.ratings == {Rating.Hard: 1}
    assert session.progress().learned == 1


RIGHT: dict[str, Given] = {
    "capital": "Bamako",
    "colonies": frozenset({"Algeria", "Mali"}),
    "sunni": True,
}
"""Right answers to the first three cards of the every-type deck."""


def test_the_suggestion_follows_the_time_taken(session: StudySession, stopwatch: Stopwatch) -> None:
    """New cards all: a fast first answer is Good, never Easy (issue 17.6)."""
    for share, rating in ((0.2, Rating.Good), (1.0, Rating.Good), (3.0, Rating.Hard)):
        item = session.next_card()
        assert item is not None
        stopwatch.seconds += share * expected_seconds(item.question)
        record = session.answer(RIGHT[item.question.id])
        assert record.verdict.correct
        assert record.seconds == pytest.approx(share * expected_seconds(item.question))
        assert session.suggestion is rating
        session.rate(rating)
    assert session.next_card() is None  # three new cards a day, all met
    assert session.remaining == Remaining(0, 0)


def test_previews_are_where_each_rating_would_send_the_card(
    session: StudySession, db: Database, deck: Deck
) -> None:
    session.next_card()
    now = db.now()
    reference = fsrs.Scheduler(enable_fuzzing=False)
    card = fsrs.Card(card_id=card_key(deck.id, "capital"), due=now)
    assert session.previews() == {
        rating: reference.review_card(card, fsrs.Rating(rating), review_datetime=now)[0].due - now
        for rating in Rating
    }


def test_a_card_is_rated_once_it_is_answered_or_flipped(session: StudySession) -> None:
    with pytest.raises(RuntimeError, match="no card is on show"):
        session.presented()
    session.next_card()
    with pytest.raises(RuntimeError, match="answered or flipped"):
        session.rate(Rating.Good)
    session.flip()
    session.rate(Rating.Good)
    with pytest.raises(RuntimeError, match="no card is on show"):
        session.previews()
