"""What to study now: the due cards, most overdue first, then new ones up to a daily limit.

Only the deck's current questions are offered. A card whose question left the YAML
keeps its saved state (and its schedule resumes if the question comes back) but is not
studied. "Today", for the limit, is the learner's local calendar day (`quiz.study.times`).
Reads only; nothing here knows about Textual.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, tzinfo

from quiz.deck.model import AnyQuestion, Deck
from quiz.store.cards import new_cards_since
from quiz.store.database import Database
from quiz.study.cards import load_cards, new_card
from quiz.study.scheduler import CardState
from quiz.study.settings import DEFAULT_NEW_PER_DAY
from quiz.study.times import local_day, start_of_day

__all__ = ["DEFAULT_NEW_PER_DAY", "StudyItem", "new_allowance", "study_queue"]


@dataclass(frozen=True, slots=True)
class StudyItem:
    """One card to study: the question as the deck has it today, and its schedule."""

    question: AnyQuestion
    card: CardState


def study_queue(
    db: Database,
    deck: Deck,
    now: datetime,
    *,
    new_per_day: int = DEFAULT_NEW_PER_DAY,
    tz: tzinfo | None = None,
) -> list[StudyItem]:
    """The cards to study at `now`: due ones (most overdue first, then deck order), then new.

    Call it again after each review: a card rated Again comes back once its short
    relearning step is due, and new cards reviewed today count against the limit.
    """
    cards = load_cards(db, deck.id)
    due = sorted(
        (StudyItem(q, cards[q.id]) for q in deck.questions if q.id in cards),
        key=lambda item: item.card.due,
    )
    unseen = [q for q in deck.questions if q.id not in cards]
    allowance = new_allowance(db, deck.id, now, new_per_day=new_per_day, tz=tz)
    new = [StudyItem(q, new_card(deck.id, q.id, now)) for q in unseen[:allowance]]
    return [item for item in due if item.card.due <= now] + new


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
