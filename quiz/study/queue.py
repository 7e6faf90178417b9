"""What to study now: the due cards, most overdue first, then new ones up to a daily limit.

Only the deck's current questions are offered. A card whose question left the YAML
keeps its saved state (and its schedule resumes if the question comes back) but is not
studied. "Today", for the limit, is the learner's local calendar day (`quiz.study.times`).

The due index (deck, due time) is the queue: the most overdue card is its first row, and
a rating moves the card along it. A sitting reads the ids of every schedule once (which
questions are new, which schedules belong to questions since removed) and counts the due
ones; after that each card reads a few rows of the index, counts what fell due since the
last card, and reads the state of the card it shows. So the next card costs the same with
ten schedules or a hundred thousand. Nothing here knows Textual.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from datetime import date, datetime, tzinfo

from quiz.deck.model import AnyQuestion, Deck
from quiz.store.cards import (
    due_at,
    due_between,
    due_count,
    due_times,
    most_overdue,
    new_cards_since,
    scheduled_ids,
)
from quiz.store.database import Database
from quiz.study.cards import load_card, new_card
from quiz.study.scheduler import CardState
from quiz.study.settings import DEFAULT_NEW_PER_DAY
from quiz.study.times import local_day, start_of_day

__all__ = ["DEFAULT_NEW_PER_DAY", "Remaining", "StudyItem", "StudyQueue", "new_allowance"]


@dataclass(frozen=True, slots=True)
class StudyItem:
    """One card to study: the question as the deck has it today, and its schedule."""

    question: AnyQuestion
    card: CardState


@dataclass(frozen=True, slots=True)
class Remaining:
    """What is left to study now, the card at the head included."""

    due: int
    new: int


class StudyQueue:
    """The cards of one sitting over `deck`: `head(now)`, then `rated` once it is rated."""

    def __init__(
        self,
        db: Database,
        deck: Deck,
        *,
        new_per_day: int = DEFAULT_NEW_PER_DAY,
        tz: tzinfo | None = None,
    ) -> None:
        self._db = db
        self._deck = deck
        self._new_per_day = new_per_day
        self._tz = tz
        self._positions = {question.id: n for n, question in enumerate(deck.questions)}
        self._unseen: list[int] = []
        """Deck positions of the questions never reviewed, in deck order."""
        self._next_unseen = 0
        self._removed: list[datetime] = []
        """The due times of schedules whose question left the deck, sorted: never studied."""
        self._due = 0
        """How many of the deck's current questions are due as of `_read_until`."""
        self._read_until: datetime | None = None
        self._day: date | None = None
        self._allowance = 0

    def head(self, now: datetime) -> StudyItem | None:
        """The card to study at `now`, or None when nothing is due and no new card is left."""
        self._catch_up(now)
        position = self._most_overdue(now) if self._due else None
        if position is not None:
            question = self._deck.questions[position]
            return StudyItem(question, load_card(self._db, self._deck.id, question.id))
        if self._new_left():
            question = self._deck.questions[self._unseen[self._next_unseen]]
            return StudyItem(question, new_card(self._deck.id, question.id, now))
        return None

    def upcoming(self, now: datetime) -> list[AnyQuestion]:
        """Every question left to study at `now`, in the order they come."""
        self._catch_up(now)
        due = sorted(
            (due, self._positions[question_id])
            for question_id, due in due_between(self._db, self._deck.id, None, now)
            if question_id in self._positions
        )
        new = self._unseen[self._next_unseen :][: self._new_left()]
        return [self._deck.questions[position] for position in [p for _, p in due] + new]

    @property
    def remaining(self) -> Remaining:
        """Due and new cards left as of the last `head`, the head included."""
        return Remaining(due=self._due, new=self._new_left())

    def rated(self, item: StudyItem, after: CardState) -> None:
        """Count the rated card off the queue; it comes back once `after.due` is due."""
        unseen, position = self._unseen, self._positions[item.question.id]
        if self._next_unseen < len(unseen) and unseen[self._next_unseen] == position:
            self._next_unseen += 1  # a new card: it has a schedule now
            self._allowance -= 1
        else:
            self._due -= 1
        if self._read_until is not None and after.due <= self._read_until:
            self._due += 1

    def unrated(self, item: StudyItem, after: CardState) -> None:
        """Undo `rated(item, after)`, the last rating not yet undone: the counts go back,
        a new card to the new ones with today's allowance. The session shows `item` next."""
        if self._read_until is not None and after.due <= self._read_until:
            self._due -= 1
        if item.card.is_new:
            self._next_unseen -= 1
            self._allowance += 1
        else:
            self._due += 1

    def _catch_up(self, now: datetime) -> None:
        """Count what fell due since the last call, and renew the allowance on a new day."""
        if self._read_until is None:
            self._read_schedules()
        elif now <= self._read_until:
            return
        fallen = due_count(self._db, self._deck.id, self._read_until, now)
        since = self._read_until
        before = 0 if since is None else bisect_right(self._removed, since)
        gone = bisect_right(self._removed, now) - before  # due, but their question left
        self._due += fallen - gone
        self._read_until = now
        day = local_day(now, self._tz)
        if day != self._day:
            self._day = day
            self._allowance = new_allowance(
                self._db, self._deck.id, now, new_per_day=self._new_per_day, tz=self._tz
            )

    def _read_schedules(self) -> None:
        """Which questions were never reviewed, and when those removed from the deck are due:
        the one read of every schedule's id, from the primary key's index."""
        scheduled = scheduled_ids(self._db, self._deck.id)
        self._unseen = [n for n, q in enumerate(self._deck.questions) if q.id not in scheduled]
        removed = scheduled.difference(self._positions)
        self._removed = sorted(due_times(self._db, self._deck.id, removed)) if removed else []

    def _most_overdue(self, now: datetime) -> int | None:
        """The deck position of the most overdue current card (the first in the deck among
        those due at the same instant), read from the due index a few rows at a time."""
        limit = 1 + bisect_right(self._removed, now)  # enough to pass every removed one
        rows = most_overdue(self._db, self._deck.id, now, limit)
        first = next((due for question_id, due in rows if question_id in self._positions), None)
        if first is None:
            return None
        tied = due_at(self._db, self._deck.id, first)  # as a rule, that one card alone
        return min(self._positions[q] for q in tied if q in self._positions)

    def _new_left(self) -> int:
        return max(0, min(self._allowance, len(self._unseen) - self._next_unseen))


def new_allowance(
    db: Database,
    deck_id: str,
    now: datetime,
    *,
    new_per_day: int = DEFAULT_NEW_PER_DAY,
    tz: tzinfo | None = None,
) -> int:
    """How many more new cards of the deck the learner may start today."""
    today = start_of_day(local_day(now, tz), tz)
    return max(0, new_per_day - new_cards_since(db, deck_id, today))
