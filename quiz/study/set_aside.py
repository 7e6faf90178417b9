"""Setting a card aside: suspended until the learner brings it back, or buried until tomorrow.

Anki's two ways of not seeing a card for a while. A suspended card is never shown until it
is unsuspended (`quiz study --unsuspend`); a buried one comes back when the learner's next
day begins (their local midnight, as the daily new-card limit counts days). Neither
touches the card's schedule: a card due while it was set aside is due when it comes back,
and a card never studied is still new. The marks are kept in the store
(`quiz.store.card_marks`); this module says what they mean.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta, tzinfo
from enum import Enum

from quiz.store.card_marks import MarkRow, change_mark, restore_mark, unsuspend_all
from quiz.store.database import Database
from quiz.study.times import local_day, start_of_day


class Aside(Enum):
    """How a card is set aside."""

    SUSPEND = "suspend"
    BURY = "bury"


@dataclass(frozen=True, slots=True)
class SetAside:
    """A card set aside: how, and its marks before and after, which is all an undo needs."""

    deck_id: str
    question_id: str
    how: Aside
    before: MarkRow | None
    after: MarkRow


def next_day(now: datetime, tz: tzinfo | None = None) -> datetime:
    """The instant the learner's next calendar day begins: when a card buried now returns."""
    return start_of_day(local_day(now, tz) + timedelta(days=1), tz)


def set_aside(
    db: Database, deck_id: str, question_id: str, how: Aside, tz: tzinfo | None = None
) -> SetAside:
    """Suspend or bury the question's card now (StoreError, and nothing changed, if not)."""

    def change(before: MarkRow | None, now: datetime) -> MarkRow:
        marks = before or MarkRow(question_id)
        if how is Aside.SUSPEND:
            return marks._replace(suspended_at=marks.suspended_at or now)
        return marks._replace(buried_until=next_day(now, tz))

    before, after = change_mark(db, deck_id, question_id, change)
    return SetAside(deck_id, question_id, how, before, after)


def bring_back(db: Database, aside: SetAside) -> None:
    """Undo `aside`: the card's marks as they were (StoreError, and nothing changed, if
    another window changed them since)."""
    restore_mark(db, aside.deck_id, aside.question_id, aside.before, aside.after)


def unsuspend(db: Database, deck_id: str) -> int:
    """Bring back every suspended card of the deck, leeches included; how many came back.
    Their schedules resume where they were; leeches stay listed for the author."""
    return unsuspend_all(db, deck_id)
