"""A sitting that passes midnight (the learner's zone, here UTC): the queue is read afresh,
so a card buried earlier comes back, a suspended one does not, and undo still finds its
place."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

from quiz.deck.model import Deck
from quiz.store.database import Database
from quiz.study.queue import Remaining
from quiz.study.scheduler import Rating, StudyScheduler
from quiz.study.session import StudySession
from quiz.study.set_aside import Aside

SetTime = Callable[[datetime], None]
BEFORE_MIDNIGHT = datetime(2026, 1, 1, 23, 50, tzinfo=UTC)
AFTER_MIDNIGHT = datetime(2026, 1, 2, 0, 10, tzinfo=UTC)


def shown(session: StudySession) -> str:
    item = session.next_card()
    assert item is not None
    return item.question.id


def test_a_card_buried_yesterday_comes_back_in_the_same_sitting(
    db: Database, deck: Deck, scheduler: StudyScheduler, set_time: SetTime
) -> None:
    set_time(BEFORE_MIDNIGHT)
    session = StudySession(db, deck, scheduler, new_per_day=3, tz=UTC)
    assert shown(session) == "capital"
    session.set_aside(Aside.BURY)
    assert shown(session) == "colonies"
    session.set_aside(Aside.SUSPEND)
    assert shown(session) == "sunni"
    assert session.remaining == Remaining(due=0, new=3)

    set_time(AFTER_MIDNIGHT)
    assert shown(session) == "capital"  # back; colonies stays suspended
    assert session.remaining == Remaining(due=0, new=3)


def test_undo_of_a_new_cards_rating_from_before_midnight(
    db: Database, deck: Deck, scheduler: StudyScheduler, set_time: SetTime
) -> None:
    set_time(BEFORE_MIDNIGHT)
    session = StudySession(db, deck, scheduler, new_per_day=3, tz=UTC)
    assert shown(session) == "capital"
    session.flip()
    session.rate(Rating.Easy)
    set_time(AFTER_MIDNIGHT)
    assert shown(session) == "colonies"
    undone = session.undo()
    assert undone is not None
    assert undone.item.question.id == "capital"
    assert session.remaining == Remaining(due=0, new=3)  # a new day's allowance: 3, capital's
    session.flip()
    session.rate(Rating.Easy)
    assert shown(session) == "colonies"
    assert session.remaining == Remaining(due=0, new=2)
