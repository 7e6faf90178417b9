"""Leeches (issue 17.3): a card is forgotten when rated Again in review; the lapse that
reaches the deck's threshold, and every half threshold after it, makes it a leech."""

from __future__ import annotations

from datetime import timedelta

import pytest

from quiz.store.card_marks import mark_row
from quiz.store.database import Database
from quiz.study.cards import record_review, undo_review
from quiz.study.leeches import LeechRule, lapses, threshold_met
from quiz.study.scheduler import Rating, StudyScheduler

from .conftest import ManualClock


@pytest.mark.parametrize(
    ("threshold", "leech_at"),
    [(8, [8, 12, 16]), (3, list(range(3, 17, 2))), (1, list(range(1, 17))), (0, [])],
)
def test_a_leech_at_the_threshold_then_every_half_threshold(
    threshold: int, leech_at: list[int]
) -> None:
    assert [n for n in range(1, 17) if threshold_met(n, threshold)] == leech_at


def rate(db: Database, clock: ManualClock, rating: Rating, rule: LeechRule | None = None) -> int:
    """Rate `sunni` a day after the last rating; the lapses that made it a leech, or 0."""
    clock.now += timedelta(days=1)
    scheduler = StudyScheduler(fuzzing=False)
    return record_review(db, scheduler, "every-type", "sunni", rating, leeches=rule).leech


def test_only_an_again_in_review_is_a_lapse(db: Database, clock: ManualClock) -> None:
    for rating in (Rating.Again, Rating.Again, Rating.Good, Rating.Good):  # learning
        rate(db, clock, rating)
    assert lapses(db, "every-type", "sunni") == 0
    rate(db, clock, Rating.Again)  # in review: forgotten
    rate(db, clock, Rating.Again)  # relearning
    assert lapses(db, "every-type", "sunni") == 1


def test_the_lapse_at_the_threshold_suspends_the_card_and_undo_lifts_it(
    db: Database, clock: ManualClock
) -> None:
    rule = LeechRule(2, "content")
    assert rate(db, clock, Rating.Easy, rule) == 0
    assert rate(db, clock, Rating.Again, rule) == 0
    assert rate(db, clock, Rating.Good, rule) == 0
    scheduler = StudyScheduler(fuzzing=False)
    clock.now += timedelta(days=30)
    saved = record_review(db, scheduler, "every-type", "sunni", Rating.Again, leeches=rule)
    assert saved.leech == 2
    mark = mark_row(db, "every-type", "sunni")
    assert mark is not None
    assert (mark.suspended_at, mark.leech_at, mark.leech_fingerprint) == (
        clock.now,
        clock.now,
        "content",
    )
    undo_review(db, saved)
    assert mark_row(db, "every-type", "sunni") is None
    assert lapses(db, "every-type", "sunni") == 1
