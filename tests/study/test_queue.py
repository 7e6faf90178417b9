"""What to study now: due cards first, new ones up to the daily limit, the YAML's ids as keys."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import UTC, datetime, timedelta, timezone, tzinfo
from pathlib import Path

import fsrs

from quiz.deck.loader import load_deck_or_raise
from quiz.deck.model import Deck
from quiz.deck.questions import Questions
from quiz.store.database import Database
from quiz.study.cards import load_card, load_cards, record_review
from quiz.study.queue import (
    DEFAULT_NEW_PER_DAY,
    Remaining,
    StudyItem,
    StudyQueue,
    new_allowance,
)
from quiz.study.scheduler import Rating, StudyScheduler, card_key

SetTime = Callable[[datetime], None]
Replay = Callable[[int, Sequence[tuple[int, datetime]]], list[fsrs.Card]]
IDS = ["capital", "colonies", "sunni", "ban-date", "missions", "events"]


def ids(
    db: Database, deck: Deck, now: datetime, new_per_day: int = 20, tz: tzinfo | None = None
) -> list[str]:
    queue = StudyQueue(db, deck, new_per_day=new_per_day, tz=tz)
    return [question.id for question in queue.upcoming(now)]


def test_a_fresh_deck_offers_new_cards_in_deck_order_up_to_the_limit(
    db: Database, deck: Deck
) -> None:
    assert DEFAULT_NEW_PER_DAY == 20
    assert ids(db, deck, db.now()) == IDS
    assert ids(db, deck, db.now(), new_per_day=4) == IDS[:4]
    head = StudyQueue(db, deck).head(db.now())
    assert head is not None
    assert (head.question.id, head.card.is_new, head.card.due) == ("capital", True, db.now())


def test_due_cards_come_first_most_overdue_first_then_new(
    db: Database, deck: Deck, scheduler: StudyScheduler, set_time: SetTime
) -> None:
    start = db.now()
    record_review(db, scheduler, deck.id, "sunni", Rating.Good)  # due in 10 minutes
    set_time(start + timedelta(minutes=1))
    record_review(db, scheduler, deck.id, "events", Rating.Again)  # due in 1 minute
    record_review(db, scheduler, deck.id, "capital", Rating.Easy)  # due in days
    assert ids(db, deck, db.now()) == ["colonies", "ban-date", "missions"]
    assert ids(db, deck, start + timedelta(minutes=5)) == [
        "events",
        "colonies",
        "ban-date",
        "missions",
    ]
    assert ids(db, deck, start + timedelta(minutes=30)) == [
        "events",
        "sunni",
        "colonies",
        "ban-date",
        "missions",
    ]


def test_cards_due_at_the_same_instant_come_in_deck_order(
    db: Database, deck: Deck, scheduler: StudyScheduler, set_time: SetTime
) -> None:
    start = db.now()
    for question in reversed(IDS[:3]):  # rated last to first, at one instant, the same way
        record_review(db, scheduler, deck.id, question, Rating.Again)
    set_time(start + timedelta(minutes=5))
    queue = StudyQueue(db, deck, new_per_day=0)
    head = queue.head(db.now())
    assert head is not None
    assert (head.question.id, queue.remaining) == (IDS[0], Remaining(due=3, new=0))
    assert ids(db, deck, db.now(), new_per_day=0) == IDS[:3]


def test_new_cards_started_today_use_up_the_limit_until_tomorrow(
    db: Database, deck: Deck, scheduler: StudyScheduler, set_time: SetTime
) -> None:
    start = db.now()  # 09:00 UTC
    for question in IDS[:3]:
        record_review(db, scheduler, deck.id, question, Rating.Easy)
    assert new_allowance(db, deck.id, start, new_per_day=4, tz=UTC) == 1
    assert ids(db, deck, start, new_per_day=4, tz=UTC) == ["ban-date"]
    assert ids(db, deck, start, new_per_day=2, tz=UTC) == []
    tomorrow = start + timedelta(hours=15)
    assert ids(db, deck, tomorrow, new_per_day=2, tz=UTC) == ["ban-date", "missions"]


def test_today_is_the_learners_local_day(
    db: Database, deck: Deck, scheduler: StudyScheduler, set_time: SetTime
) -> None:
    late_evening_utc = db.now().replace(hour=23, minute=30)
    set_time(late_evening_utc)
    record_review(db, scheduler, deck.id, "capital", Rating.Easy)
    an_hour_later = late_evening_utc + timedelta(hours=1)
    in_bamako, in_algiers = UTC, timezone(timedelta(hours=1))
    assert new_allowance(db, deck.id, an_hour_later, new_per_day=3, tz=in_bamako) == 3
    assert new_allowance(db, deck.id, an_hour_later, new_per_day=3, tz=in_algiers) == 2


def test_a_removed_question_is_not_studied_but_keeps_its_schedule(
    db: Database, deck: Deck, scheduler: StudyScheduler, set_time: SetTime
) -> None:
    saved = record_review(db, scheduler, deck.id, "capital", Rating.Good).card
    set_time(saved.due)
    smaller = deck._replace(questions=deck.questions[1:])
    assert "capital" not in ids(db, smaller, db.now())
    assert load_cards(db, deck.id)["capital"] == saved
    back = StudyQueue(db, deck).head(db.now())
    assert back is not None
    assert (back.question.id, back.card) == ("capital", saved)


def test_changing_a_questions_text_keeps_its_schedule(
    tmp_path: Path, db: Database, scheduler: StudyScheduler, set_time: SetTime
) -> None:
    path = tmp_path / "capitals.yaml"
    path.write_text(CAPITALS.format(prompt="Capital of Mali?"), encoding="utf-8")
    saved = record_review(db, scheduler, "capitals", "mali", Rating.Good).card
    path.write_text(CAPITALS.format(prompt="Which city is the capital of Mali?"), encoding="utf-8")
    set_time(saved.due)
    item = StudyQueue(db, load_deck_or_raise(path)).head(db.now())
    assert item is not None
    assert item.question.prompt == "Which city is the capital of Mali?"
    assert item.card == saved


CAPITALS = """\
deck: capitals
title: Capitals
questions:
  - id: mali
    type: text
    prompt: {prompt}
    answer: Bamako
"""


def test_a_study_session_moves_due_dates_as_fsrs_says(
    db: Database,
    deck: Deck,
    scheduler: StudyScheduler,
    set_time: SetTime,
    fsrs_replay: Replay,
) -> None:
    """Study whatever is due, rating each card from a script, over three weeks of days."""
    script = {"capital": [3, 3, 3, 3], "sunni": [1, 3, 3, 2, 3], "events": [4, 1, 3, 3]}
    history: dict[str, list[tuple[int, datetime]]] = {question: [] for question in script}
    small = deck._replace(questions=Questions.of(q for q in deck.questions if q.id in script))
    sitting = StudyQueue(db, small)  # one queue, kept up to date for three weeks
    for step in range(21 * 24 * 6):
        set_time(datetime(2026, 3, 1, 8, tzinfo=UTC) + timedelta(minutes=10 * step))
        upcoming = sitting.upcoming(db.now())
        assert upcoming == StudyQueue(db, small).upcoming(db.now())  # as read afresh
        for question in upcoming:
            ratings = script[question.id]
            if len(history[question.id]) < len(ratings):
                rating = ratings[len(history[question.id])]
                item = StudyItem(question, load_card(db, small.id, question.id))
                saved = record_review(db, scheduler, small.id, question.id, Rating(rating))
                sitting.rated(item, saved.card)
                history[question.id].append((rating, db.now()))
    for question_id, reviews in history.items():
        assert len(reviews) == len(script[question_id])
        expected = fsrs_replay(card_key(small.id, question_id), reviews)[-1]
        assert load_card(db, small.id, question_id).due == expected.due
