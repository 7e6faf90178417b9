"""The store's schedules as the scheduler's cards, and a rating saved with the card it leaves.

The store keeps plain rows (`quiz.store.cards`: the state as text, the due time); this
module reads the text as a `CardState` and writes one back, so the store never meets the
scheduler. A schedule that cannot be read is one sentence (StoreError), never a traceback.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from quiz.store.cards import (
    CardRow,
    CardWrite,
    ReviewFacts,
    SavedWrite,
    card_row,
    card_rows,
    damaged,
    save_review,
)
from quiz.store.cards import undo_review as undo_saved_review
from quiz.store.database import Database
from quiz.study.leeches import LeechRule, lapses, leech_mark, threshold_met
from quiz.study.scheduler import CardState, Rating, StudyScheduler, card_key


@dataclass(frozen=True, slots=True)
class SavedReview:
    """One review as saved; `card` is the state it left the card in, `write` what the
    store did (enough to undo it).

    `correct` is None for a flashcard-style reveal, where only the learner's rating says
    whether they knew it.
    """

    deck_id: str
    question_id: str
    rating: Rating
    correct: bool | None
    seconds: float | None
    reviewed_at: datetime
    card: CardState
    write: SavedWrite
    leech: int = 0
    """The lapses that made the card a leech with this review (it was suspended); 0 if not."""


def new_card(deck_id: str, question_id: str, now: datetime) -> CardState:
    """The card of a question never reviewed, due at `now`."""
    return CardState.new(card_key(deck_id, question_id), now)


def card_state(db: Database, deck_id: str, row: CardRow) -> CardState:
    """The scheduler's card that a saved row holds (StoreError if it is damaged)."""
    try:
        return CardState.from_json(row.state)
    except (ValueError, KeyError, TypeError) as exc:
        raise damaged(db, deck_id, row.question_id, exc) from exc


def load_card(db: Database, deck_id: str, question_id: str) -> CardState:
    """The question's saved card, or a new card due now if it was never reviewed."""
    row = card_row(db, deck_id, question_id)
    if row is None:
        return new_card(deck_id, question_id, db.now())
    return card_state(db, deck_id, row)


def load_cards(db: Database, deck_id: str) -> dict[str, CardState]:
    """Every saved card of a deck by question id, including questions since removed."""
    return {row.question_id: card_state(db, deck_id, row) for row in card_rows(db, deck_id)}


def record_review(
    db: Database,
    scheduler: StudyScheduler,
    deck_id: str,
    question_id: str,
    rating: Rating,
    *,
    correct: bool | None = None,
    seconds: float | None = None,
    fuzz: float | None = None,
    leeches: LeechRule | None = None,
) -> SavedReview:
    """Rate the question's card now and save its new state and the review, all or nothing;
    a lapse that makes it a leech (`leeches`) suspends it in the same transaction.

    `fuzz` is the draw the rating buttons were previewed with (`StudyScheduler.fuzz`).

    The card is read inside the store's write transaction, so two processes studying the
    same deck cannot overwrite each other's reviews.
    """
    after: list[CardState] = []
    watch = leeches is not None and leeches.threshold > 0 and rating is Rating.Again
    lapsed = lapses(db, deck_id, question_id) + 1 if watch else 0

    def review(row: CardRow | None, now: datetime) -> CardWrite:
        card = new_card(deck_id, question_id, now) if row is None else card_state(db, deck_id, row)
        reviewed, log = scheduler.review(card, rating, now, seconds, fuzz=fuzz)
        after.append(reviewed)
        mark = None
        if leeches and card.phase == "review" and threshold_met(lapsed, leeches.threshold):
            mark = leech_mark(question_id, leeches.fingerprint)
        return CardWrite(reviewed.to_json(), reviewed.due, log, mark)

    facts = ReviewFacts(int(rating), correct, seconds)
    write = save_review(db, deck_id, question_id, facts, review)
    leech = lapsed if write.marks is not None else 0
    return SavedReview(
        deck_id, question_id, rating, correct, seconds, write.reviewed_at, after[-1], write, leech
    )


def undo_review(db: Database, saved: SavedReview) -> None:
    """Take back `saved`: the review deleted and the card's previous schedule restored in
    one transaction (StoreError, and nothing changed, if the card was rated since)."""
    undo_saved_review(db, saved.deck_id, saved.question_id, saved.write, saved.card.to_json())
