"""Where a deck's study stands and the reviews day by day, from the store's counts.

Definitions, used the same way everywhere:
- a deck's questions are *suspended* (never shown until unsuspended), *buried* (not
  shown until a later day), or else *new* (never reviewed), *due now* (reviewed, due at
  or before now) or *learned* (reviewed, not due yet); the five add up to the deck's
  size, and questions removed from the YAML are not counted even though their state is
  kept;
- *recalled*, *retention*, *missed* and how merged reviews count: see
  `quiz.store.recall`, which counts them.
The store counts; this module knows the deck's questions and the learner's calendar.
Reads only; nothing here knows about Textual.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta, tzinfo
from typing import TYPE_CHECKING, NamedTuple

from quiz.store.card_marks import mark_rows
from quiz.store.database import Database
from quiz.store.recall import reviews_between
from quiz.study.times import days_back, start_of_day

if TYPE_CHECKING:
    from quiz.deck.deck import Deck


class DeckProgress(NamedTuple):
    """Where a deck stands at a moment; `next_due` is None when nothing is scheduled later
    (cards set aside not counted)."""

    due_now: int
    new: int
    learned: int
    next_due: datetime | None
    suspended: int = 0
    buried: int = 0


class DayReviews(NamedTuple):
    """The reviews of one calendar day, for a chart; `from_anki` of them merged from Anki."""

    day: date
    reviews: int
    recalled: int
    from_anki: int = 0


def deck_progress(db: Database, deck: Deck, now: datetime) -> DeckProgress:
    """Due now, new, learned, suspended and buried counts of the deck's current questions,
    and the next due time of a card not set aside.

    `next_due` is the earliest due time after `now` (what is due before is in `due_now`).
    """
    # Imported here: the reviews per day (`quiz stats`) need none of the cards' records.
    from quiz.store.cards import schedule_counts

    suspended, buried = _set_aside(db, deck, now)
    aside = suspended | buried
    counts = schedule_counts(db, deck.id, deck.questions.ids(), now, leave_out=aside)
    return DeckProgress(
        due_now=counts.due,
        new=len(deck.questions) - counts.due - counts.later - len(aside),
        learned=counts.later,
        next_due=counts.next_due,
        suspended=len(suspended),
        buried=len(buried),
    )


def _set_aside(db: Database, deck: Deck, now: datetime) -> tuple[set[str], set[str]]:
    """The ids of the deck's current questions suspended, and of those buried (not
    suspended) past `now`."""
    marks = mark_rows(db, deck.id)
    if not marks:
        return set(), set()
    current = set(deck.questions.ids())
    suspended = {m.question_id for m in marks if m.suspended_at is not None}
    buried = {m.question_id for m in marks if m.buried_until is not None and m.buried_until > now}
    return suspended & current, (buried - suspended) & current


def reviews_per_day(
    db: Database,
    now: datetime,
    *,
    days: int = 30,
    deck_id: str | None = None,
    tz: tzinfo | None = None,
) -> list[DayReviews]:
    """The last `days` calendar days up to today, oldest first, days without reviews as 0.

    A day runs from the instant it begins in the learner's zone (`tz`; summer time
    included) to the next day's.
    """
    calendar = days_back(now, days, tz)
    starts = [start_of_day(day, tz) for day in [*calendar, calendar[-1] + timedelta(days=1)]]
    counted = reviews_between(db, starts, deck_id)
    return [
        DayReviews(day, n.reviews, n.recalled, n.from_anki)
        for day, n in zip(calendar, counted, strict=True)
    ]
