"""What to study now: the due cards, most overdue first, then new ones up to a daily limit.

Only the deck's current questions are offered. A card whose question left the YAML
keeps its saved state (and its schedule resumes if the question comes back) but is not
studied. "Today", for the limit, is the learner's local calendar day (`quiz.study.times`).

A sitting reads the schedules once: which questions have one, and which are due. After
that each card reads only what fell due since the last (a range of the due index), and
the card it shows; a rating moves the rated card in the queue kept here. So the next
card costs the same with ten schedules or a hundred thousand. Nothing here knows Textual.
"""

from __future__ import annotations

import heapq
from dataclasses import dataclass
from datetime import date, datetime, tzinfo

from quiz.deck.model import AnyQuestion, Deck
from quiz.store.cards import due_between, new_cards_since, scheduled_ids
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
        self._due: list[tuple[datetime, int]] = []
        """A heap of (due time, deck position): most overdue first, then deck order."""
        self._queued: set[int] = set()
        """The deck positions in `_due`."""
        self._unseen: list[int] | None = None
        """Deck positions of the questions never reviewed, in deck order; read on first use."""
        self._next_unseen = 0
        self._read_until: datetime | None = None
        self._day: date | None = None
        self._allowance = 0

    def head(self, now: datetime) -> StudyItem | None:
        """The card to study at `now`, or None when nothing is due and no new card is left."""
        self._catch_up(now)
        if self._due:
            question = self._deck.questions[self._due[0][1]]
            return StudyItem(question, load_card(self._db, self._deck.id, question.id))
        if self._new_left():
            question = self._deck.questions[self._unseen_positions()[self._next_unseen]]
            return StudyItem(question, new_card(self._deck.id, question.id, now))
        return None

    def upcoming(self, now: datetime) -> list[AnyQuestion]:
        """Every question left to study at `now`, in the order they come."""
        self._catch_up(now)
        new = self._unseen_positions()[self._next_unseen :][: self._new_left()]
        due = [position for _, position in sorted(self._due)]
        return [self._deck.questions[position] for position in due + new]

    @property
    def remaining(self) -> Remaining:
        """Due and new cards left as of the last `head`, the head included."""
        return Remaining(due=len(self._due), new=self._new_left())

    def rated(self, item: StudyItem, after: CardState) -> None:
        """Take the rated head off the queue; it comes back once `after.due` is due."""
        position = self._positions[item.question.id]
        if item.card.is_new:
            self._next_unseen += 1
            self._allowance -= 1
        elif position in self._queued:
            self._queued.discard(position)
            if self._due[0][1] == position:  # the head, as it is unless another process rated
                heapq.heappop(self._due)
            else:
                self._due = [entry for entry in self._due if entry[1] != position]
                heapq.heapify(self._due)
        if self._read_until is not None and after.due <= self._read_until:
            heapq.heappush(self._due, (after.due, position))
            self._queued.add(position)

    def _catch_up(self, now: datetime) -> None:
        """Queue what fell due since the last call, and renew the allowance on a new day."""
        fallen_due = [
            (due, position)
            for question_id, due in due_between(self._db, self._deck.id, self._read_until, now)
            if (position := self._positions.get(question_id, -1)) >= 0
            and position not in self._queued
        ]
        self._queued.update(position for _, position in fallen_due)
        if self._due:  # a few since the last card
            for entry in fallen_due:
                heapq.heappush(self._due, entry)
        else:  # the first read, of every card due: one heapify, not a push each
            self._due = fallen_due
            heapq.heapify(self._due)
        if self._read_until is None or now > self._read_until:
            self._read_until = now
        day = local_day(now, self._tz)
        if day != self._day:
            self._day = day
            self._allowance = new_allowance(
                self._db, self._deck.id, now, new_per_day=self._new_per_day, tz=self._tz
            )

    def _unseen_positions(self) -> list[int]:
        if self._unseen is None:
            scheduled = scheduled_ids(self._db, self._deck.id)
            self._unseen = [
                n for n, question in enumerate(self._deck.questions) if question.id not in scheduled
            ]
        return self._unseen

    def _new_left(self) -> int:
        return max(0, min(self._allowance, len(self._unseen_positions()) - self._next_unseen))


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
