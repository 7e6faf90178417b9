"""The FSRS wrapper: the same dates as fsrs itself, our own types, exact round trips."""

from __future__ import annotations

import random
from collections.abc import Callable, Sequence
from datetime import UTC, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import fsrs
import pytest

from quiz.study.scheduler import CardState, Rating, StudyScheduler, card_key

START = datetime(2026, 1, 1, 9, 0, tzinfo=UTC)
Replay = Callable[[int, Sequence[tuple[int, datetime]]], list[fsrs.Card]]


def review_all(
    scheduler: StudyScheduler, card: CardState, reviews: Sequence[tuple[int, datetime]]
) -> list[CardState]:
    states = []
    for rating, moment in reviews:
        card, _ = scheduler.review(card, Rating(rating), moment)
        states.append(card)
    return states


@pytest.mark.parametrize(
    "ratings_and_days",
    [
        [(3, 0), (3, 0.01), (3, 2), (3, 8), (4, 30)],
        [(1, 0), (1, 0.01), (3, 0.02), (2, 1), (1, 5), (3, 5.01), (4, 9)],
        [(4, 0), (2, 20), (1, 21), (3, 21.01), (3, 40)],
    ],
    ids=["good-run", "struggling", "easy-then-lapse"],
)
def test_dates_match_fsrs_for_the_same_ratings_and_times(
    scheduler: StudyScheduler, fsrs_replay: Replay, ratings_and_days: list[tuple[int, float]]
) -> None:
    reviews = [(rating, START + timedelta(days=days)) for rating, days in ratings_and_days]
    ours = review_all(scheduler, CardState.new(7, START), reviews)
    theirs = fsrs_replay(7, reviews)
    assert [(c.due, c.stability, c.difficulty, c.step) for c in ours] == [
        (c.due, c.stability, c.difficulty, c.step) for c in theirs
    ]
    assert [c.phase for c in ours] == [c.state.name.lower() for c in theirs]


def test_the_documented_example_from_library_facts(scheduler: StudyScheduler) -> None:
    good, again = Rating.Good, Rating.Again
    first, _ = scheduler.review(CardState.new(1, START), good, START)
    second, _ = scheduler.review(first, good, first.due)
    third, _ = scheduler.review(second, again, second.due)
    assert (first.phase, first.due - START) == ("learning", timedelta(minutes=10))
    assert (second.phase, second.due - first.due) == ("review", timedelta(days=2))
    assert (third.phase, third.due - second.due) == ("relearning", timedelta(minutes=10))


def test_a_new_card_has_no_memory_yet_and_gets_one_on_review(scheduler: StudyScheduler) -> None:
    card = CardState.new(1, START)
    assert (card.is_new, card.stability, card.difficulty) == (True, None, None)
    reviewed, log = scheduler.review(card, Rating.Hard, START, seconds=4.25)
    assert (reviewed.phase, reviewed.last_review) == ("learning", START)
    assert reviewed.stability is not None
    assert reviewed.difficulty is not None
    assert fsrs.ReviewLog.from_json(log).to_dict() == {
        "card_id": 1,
        "rating": 2,
        "review_datetime": START.isoformat(),
        "review_duration": 4250,
    }


def test_state_round_trips_through_fsrs_json(scheduler: StudyScheduler) -> None:
    card = CardState.new(card_key("deck", "q"), START)
    for rating, days in [(3, 0), (1, 0.01), (4, 1)]:
        assert CardState.from_json(card.to_json()) == card
        card, _ = scheduler.review(card, Rating(rating), START + timedelta(days=days))
    assert CardState.from_json(card.to_json()) == card
    assert (card.phase, fsrs.Card.from_json(card.to_json()).state) == ("review", fsrs.State.Review)


@pytest.mark.parametrize(
    "moment",
    [START.astimezone(ZoneInfo("Africa/Bamako")), START.astimezone(timezone(timedelta(hours=1)))],
)
def test_other_time_zones_are_converted_before_fsrs_sees_them(
    scheduler: StudyScheduler, moment: datetime
) -> None:
    in_utc, _ = scheduler.review(CardState.new(1, START), Rating.Good, START)
    elsewhere, _ = scheduler.review(CardState.new(1, moment), Rating.Good, moment)
    assert elsewhere == in_utc
    assert elsewhere.due.tzinfo is UTC


def test_a_naive_time_is_refused(scheduler: StudyScheduler) -> None:
    with pytest.raises(ValueError, match="timezone-aware"):
        scheduler.review(CardState.new(1, START), Rating.Good, datetime(2026, 1, 1, 9))


def test_card_ids_come_from_the_question_key_and_never_change() -> None:
    assert card_key("every-type", "capital") == 111001837957511
    assert card_key("every-type", "capital") != card_key("every-type", "colonies")
    assert card_key("every-type", "capital") != card_key("other-deck", "capital")
    assert 0 < card_key("x", "y") < 2**48


def test_fuzzing_is_on_unless_turned_off() -> None:
    card = CardState.new(1, START)
    random.seed(2026)
    exact = {StudyScheduler(fuzzing=False).review(card, Rating.Easy, START)[0].due for _ in "12345"}
    scheduler = StudyScheduler()
    fuzzed = {
        scheduler.review(card, Rating.Easy, START, fuzz=scheduler.fuzz())[0].due for _ in "12345"
    }
    assert StudyScheduler(fuzzing=False).fuzz() is None
    assert exact == {START + timedelta(days=8)}
    assert len(fuzzed) > 1
    assert all(timedelta(days=6) <= due - START <= timedelta(days=10) for due in fuzzed)


def test_the_preview_shows_each_ratings_due_date_without_fuzz() -> None:
    exact = StudyScheduler(fuzzing=False)
    card, _ = exact.review(CardState.new(1, START), Rating.Good, START)
    later = START + timedelta(minutes=10)
    expected = {rating: exact.review(card, rating, later)[0].due for rating in Rating}
    assert expected[Rating.Good] == later + timedelta(days=2)
    random.seed(2026)
    assert [StudyScheduler().preview(card, later) for _ in "123"] == [expected] * 3


@pytest.mark.parametrize("draw", [0.0, 0.37, 0.99])
def test_a_preview_is_the_date_the_same_draw_saves(draw: float) -> None:
    """Issue 17.5: every rating, from a new, a learning, a review and a relearning card."""
    scheduler = StudyScheduler(draw=lambda: draw)
    exact = StudyScheduler(fuzzing=False)
    card = CardState.new(3, START)
    for rating, days in [(3, 0), (3, 0.01), (3, 3), (4, 12), (1, 40), (0, 40.01)]:
        at = START + timedelta(days=days)
        fuzz = scheduler.fuzz()
        previews = scheduler.preview(card, at, fuzz=fuzz)
        for each in Rating:
            assert previews[each] == scheduler.review(card, each, at, fuzz=fuzz)[0].due
            unfuzzed = exact.review(card, each, at)[0]
            moved = abs(previews[each] - unfuzzed.due)
            if unfuzzed.due - at < timedelta(days=2.5):
                assert moved == timedelta(0)
        if rating:
            card, _ = exact.review(card, Rating(rating), at)
    assert card.phase == "relearning"


def test_fuzz_spreads_long_intervals_by_the_draw() -> None:
    card, _ = StudyScheduler(fuzzing=False).review(CardState.new(3, START), Rating.Easy, START)
    at = card.due + timedelta(days=20)
    low, high = (
        StudyScheduler().review(card, Rating.Easy, at, fuzz=draw)[0].due - at
        for draw in (0.0, 0.99)
    )
    assert timedelta(days=2) < high - low < timedelta(days=30)
