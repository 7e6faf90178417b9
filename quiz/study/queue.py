"""What to study now: the due cards, most overdue first, then new ones up to a daily limit.

Only the deck's current questions are offered, and not those set aside (suspended, or
buried until a later day: `quiz.study.set_aside`). A card whose question left the YAML
keeps its saved state (and its schedule resumes if the question comes back) but is not
studied. "Today", for the limit, is the learner's local calendar day (`quiz.study.times`);
when a sitting passes into the next day, the queue is read afresh (buried cards return).

The due index (deck, due time) is the queue: the most overdue card is its first row, and
a rating moves the card along it. A sitting reads the ids of every schedule once (which
questions are new, which schedules belong to questions since removed) and counts the due
ones; after that each card reads a few rows of the index, counts what fell due since the
last card, and reads the state of the card it shows. So the next card costs the same with
ten schedules or a hundred thousand. Nothing here knows Textual.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right, insort
from dataclasses import dataclass
from datetime import date, datetime, tzinfo
from functools import cached_property

from quiz.deck.model import AnyQuestion, Deck
from quiz.store.card_marks import aside_ids
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
        self._unseen: list[int] = []
        """Deck positions of the questions never reviewed, in deck order."""
        self._next_unseen = 0
        self._aside: set[str] = set()
        """The ids of the deck's questions set aside (suspended or buried): not studied."""
        self._removed: list[datetime] = []
        """The due times of schedules whose question left the deck or is set aside, sorted:
        not studied."""
        self._due = 0
        """How many of the deck's current questions are due as of `_read_until`."""
        self._read_until: datetime | None = None
        self._day: date | None = None
        self._allowance = 0

    @cached_property
    def _positions(self) -> dict[str, int]:
        """Each question's place in the deck, by id: built at the first card, which a
        sitting reads in a worker, rather than with the sitting, on the UI thread."""
        return self._deck.questions.positions()

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
            if self._studied(question_id)
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
        a new card to the new ones, with today's allowance if it was rated today (a rating
        from before the queue was read afresh on a new day took none of it). The session
        shows `item` next."""
        if self._read_until is not None and after.due <= self._read_until:
            self._due -= 1
        if not item.card.is_new:
            self._due += 1
            return
        position = self._positions[item.question.id]
        if self._next_unseen and self._unseen[self._next_unseen - 1] == position:
            self._next_unseen -= 1
            self._allowance += 1
        else:
            self._unseen.insert(self._next_unseen, position)

    def set_aside(self, question_id: str, due: datetime | None) -> None:
        """Study the question no more in this sitting (suspended, buried): the card on show,
        `due` None while it is new, or the card just rated, due at `due`."""
        self._aside.add(question_id)
        if due is None:
            del self._unseen[self._next_unseen]
            return
        insort(self._removed, due)
        if self._read_until is not None and due <= self._read_until:
            self._due -= 1

    def put_back(self, question_id: str, due: datetime | None) -> None:
        """Undo `set_aside(question_id, due)`, the last change not yet undone: the card is
        studied again, next if it is new. A card back already (buried until a day since
        begun) is left as it is."""
        if question_id not in self._aside:
            return
        self._aside.remove(question_id)
        if due is None:
            self._unseen.insert(self._next_unseen, self._positions[question_id])
            return
        del self._removed[bisect_left(self._removed, due)]
        if self._read_until is not None and due <= self._read_until:
            self._due += 1

    def _catch_up(self, now: datetime) -> None:
        """Count what fell due since the last call; on a new day, read the queue afresh
        (cards buried yesterday are back) and renew the allowance."""
        day = local_day(now, self._tz)
        if self._read_until is None or day != self._day:
            self._read_schedules(now)
        elif now <= self._read_until:
            return
        fallen = due_count(self._db, self._deck.id, self._read_until, now)
        since = self._read_until
        before = 0 if since is None else bisect_right(self._removed, since)
        gone = bisect_right(self._removed, now) - before  # due, but not studied
        self._due += fallen - gone
        self._read_until = now
        if day != self._day:
            self._day = day
            self._allowance = new_allowance(
                self._db, self._deck.id, now, new_per_day=self._new_per_day, tz=self._tz
            )

    def _read_schedules(self, now: datetime) -> None:
        """Which questions were never reviewed, which are set aside, and when those not
        studied are due: the one read of every schedule's id, from the primary key's index."""
        scheduled = scheduled_ids(self._db, self._deck.id)
        self._aside = aside_ids(self._db, self._deck.id, now)
        self._unseen = [
            n
            for n, question_id in enumerate(self._deck.questions.ids())
            if question_id not in scheduled and question_id not in self._aside
        ]
        self._next_unseen, self._due, self._read_until = 0, 0, None
        removed = {q for q in scheduled if not self._studied(q)}
        self._removed = sorted(due_times(self._db, self._deck.id, removed)) if removed else []

    def _studied(self, question_id: str) -> bool:
        """The question is in the deck and not set aside."""
        return question_id in self._positions and question_id not in self._aside

    def _most_overdue(self, now: datetime) -> int | None:
        """The deck position of the most overdue current card (the first in the deck among
        those due at the same instant), read from the due index a few rows at a time."""
        limit = 1 + bisect_right(self._removed, now)  # enough to pass every removed one
        rows = most_overdue(self._db, self._deck.id, now, limit)
        first = next((due for question_id, due in rows if self._studied(question_id)), None)
        if first is None:
            return None
        tied = due_at(self._db, self._deck.id, first)  # as a rule, that one card alone
        return min(self._positions[q] for q in tied if self._studied(q))

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
