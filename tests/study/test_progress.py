"""The numbers behind the home screen and the statistics screen, counted by the store."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta, timezone

from quiz.deck.model import Deck
from quiz.store.database import Database
from quiz.store.recall import MissedQuestion, most_missed, retention
from quiz.study.cards import record_review
from quiz.study.progress import DayReviews, DeckProgress, deck_progress, reviews_per_day
from quiz.study.scheduler import Rating, StudyScheduler

SetTime = Callable[[datetime], None]


def test_deck_progress_splits_the_deck_into_due_new_and_learned(
    db: Database, deck: Deck, scheduler: StudyScheduler, set_time: SetTime
) -> None:
    start = db.now()
    assert deck_progress(db, deck, start) == DeckProgress(
        due_now=0, new=6, learned=0, next_due=None
    )
    record_review(db, scheduler, deck.id, "capital", Rating.Again)  # due in 1 minute
    record_review(db, scheduler, deck.id, "sunni", Rating.Good)  # due in 10 minutes
    easy = record_review(db, scheduler, deck.id, "events", Rating.Easy).card  # due in days
    assert deck_progress(db, deck, start) == DeckProgress(0, 3, 3, start + timedelta(minutes=1))
    later = start + timedelta(minutes=10)
    assert deck_progress(db, deck, later) == DeckProgress(2, 3, 1, easy.due)
    assert deck_progress(db, deck, easy.due) == DeckProgress(3, 3, 0, None)


def test_deck_progress_counts_only_the_questions_still_in_the_deck(
    db: Database, deck: Deck, scheduler: StudyScheduler
) -> None:
    record_review(db, scheduler, deck.id, "capital", Rating.Good)
    record_review(db, scheduler, deck.id, "sunni", Rating.Good)
    smaller = deck._replace(questions=deck.questions[1:])
    assert deck_progress(db, smaller, db.now()) == DeckProgress(
        0, 4, 1, db.now() + timedelta(minutes=10)
    )


def test_reviews_per_day_covers_each_day_with_zeros_in_the_learners_zone(
    db: Database, scheduler: StudyScheduler, set_time: SetTime
) -> None:
    moments_and_ratings = [
        (datetime(2026, 1, 1, 9, tzinfo=UTC), Rating.Good),
        (datetime(2026, 1, 1, 23, 30, tzinfo=UTC), Rating.Again),
        (datetime(2026, 1, 3, 12, tzinfo=UTC), Rating.Hard),
        (datetime(2026, 1, 3, 12, 5, tzinfo=UTC), Rating.Good),
    ]
    for moment, rating in moments_and_ratings:
        set_time(moment)
        record_review(db, scheduler, "d", f"q{moment.hour}", rating)
    record_review(db, scheduler, "other", "q", Rating.Again)
    now = datetime(2026, 1, 3, 20, tzinfo=UTC)
    assert reviews_per_day(db, now, days=4, deck_id="d", tz=UTC) == [
        DayReviews(date(2025, 12, 31), 0, 0),
        DayReviews(date(2026, 1, 1), 2, 1),
        DayReviews(date(2026, 1, 2), 0, 0),
        DayReviews(date(2026, 1, 3), 2, 2),
    ]
    algiers = timezone(timedelta(hours=1))
    assert [day.reviews for day in reviews_per_day(db, now, days=3, tz=algiers)] == [1, 1, 3]


def test_retention_is_the_share_recalled_and_reveals_count_by_rating(
    db: Database, scheduler: StudyScheduler, set_time: SetTime
) -> None:
    assert retention(db).share is None
    record_review(db, scheduler, "d", "a", Rating.Again, correct=True)  # answered right: recalled
    record_review(db, scheduler, "d", "b", Rating.Good, correct=False)  # answered wrong: missed
    record_review(db, scheduler, "d", "c", Rating.Hard)  # a reveal rated Hard: recalled
    set_time(db.now() + timedelta(days=1))
    record_review(db, scheduler, "d", "d", Rating.Again)  # a reveal rated Again: missed
    record_review(db, scheduler, "e", "a", Rating.Easy, correct=True)
    assert retention(db, deck_id="d") == retention(db, deck_id="d", since=None)
    assert retention(db, deck_id="d").share == 0.5
    assert retention(db).share == 0.6
    assert retention(db, since=db.now()).share == 0.5


def test_most_missed_adds_quiz_answers_and_reviews(db: Database, scheduler: StudyScheduler) -> None:
    answers = [("capital", 0), ("capital", 0), ("capital", 1), ("sunni", 0), ("events", 1)]
    with db.transaction() as connection:
        session = connection.execute(
            "INSERT INTO sessions (deck_id, deck_title, started_at, question_count)"
            " VALUES ('every-type', 'Every type', '2026-01-01T09:00:00+00:00', 5)"
        ).lastrowid
        connection.executemany(
            "INSERT INTO answers (session_id, deck_id, question_id, given, correct, points,"
            " seconds, answered_at) VALUES (?, 'every-type', ?, '', ?, 0, 1, '')",
            [(session, question, correct) for question, correct in answers],
        )
    record_review(db, scheduler, "every-type", "sunni", Rating.Again)
    record_review(db, scheduler, "every-type", "missions", Rating.Good, correct=False)
    record_review(db, scheduler, "every-type", "events", Rating.Good, correct=True)
    record_review(db, scheduler, "other", "q", Rating.Again)
    assert most_missed(db, deck_id="every-type") == [
        MissedQuestion("every-type", "sunni", misses=2, attempts=2),
        MissedQuestion("every-type", "capital", misses=2, attempts=3),
        MissedQuestion("every-type", "missions", misses=1, attempts=1),
    ]
    assert [m.question_id for m in most_missed(db, limit=4)] == [
        "sunni",
        "capital",
        "missions",
        "q",
    ]
    assert most_missed(db, limit=1) == most_missed(db)[:1]
    assert most_missed(db, limit=None) == most_missed(db, limit=4)  # all four, no limit
    assert most_missed(db, among={"other"}) == [MissedQuestion("other", "q", 1, 1)]
    assert most_missed(db, among=set()) == []  # no deck at hand: nothing to show
