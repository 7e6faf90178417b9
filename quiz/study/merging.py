"""Another client's reviews of our questions merged into the learner's history (`quiz merge`).

Which reviews are new: a review is known by its question and its time in whole
milliseconds, which is also the id `quiz export` gives it in Anki's review log; so the
reviews that went to Anki and came back are "already there", and merging twice adds
nothing. Which schedule a card keeps: that of the side that reviewed it last. Anki's is
taken as Anki set it (phase, due time, steps, and FSRS's memory when Anki keeps one), so
both clients show the card on the same day; where Anki keeps no memory (FSRS off there),
the memory comes from replaying every review of the card, the terminal's and Anki's in
time order, through the scheduler the terminal studies with, as if it had seen them all.
The replay also gives each merged review the scheduler's log the store keeps with every
review.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from quiz.store.database import Database
from quiz.store.instants import millis
from quiz.store.merge import MergedReview, MergeWrite, merge_writes
from quiz.store.progress import IncomingCard, IncomingSchedule, PastReview, deck_reviews
from quiz.study.cards import load_cards, new_card
from quiz.study.scheduler import CardState, Phase, Rating, StudyScheduler, card_key
from quiz.study.studied import STEPS

PHASES: dict[str, Phase] = {"learning": "learning", "review": "review", "relearning": "relearning"}
"""An incoming schedule's phase as the scheduler's."""


@dataclass(frozen=True, slots=True)
class MergeCounts:
    """What a merge did: questions given new reviews, reviews added, reviews known already."""

    cards: int
    reviews: int
    already: int


def merge_progress(db: Database, incoming: Sequence[IncomingCard]) -> MergeCounts:
    """Merge the reviews and schedules of `incoming` into the store, in one transaction."""
    writes = merge_writes(db, lambda: _plan(db, incoming))
    merged = sum(len(write.reviews) for write in writes)
    total = sum(len(card.reviews) for card in incoming)
    return MergeCounts(cards=len(writes), reviews=merged, already=total - merged)


def _plan(db: Database, incoming: Sequence[IncomingCard]) -> list[MergeWrite]:
    """The writes for the cards that bring reviews the store does not have; a deck's saved
    schedules are read only when one of its cards does."""
    scheduler = StudyScheduler(fuzzing=False)
    reviews: dict[str, dict[str, list[PastReview]]] = {}
    cards: dict[str, dict[str, CardState]] = {}
    writes = []
    for card in incoming:
        if card.deck_id not in reviews:
            reviews[card.deck_id] = deck_reviews(db, card.deck_id)
        known = reviews[card.deck_id].get(card.question_id, [])
        have = {millis(review.reviewed_at) for review in known}
        new = [review for review in card.reviews if millis(review.reviewed_at) not in have]
        if not new:
            continue
        if card.deck_id not in cards:
            cards[card.deck_id] = load_cards(db, card.deck_id)
        saved = cards[card.deck_id].get(card.question_id)
        writes.append(_merged(scheduler, card, known, new, saved))
    return writes


def _merged(
    scheduler: StudyScheduler,
    card: IncomingCard,
    known: list[PastReview],
    new: list[PastReview],
    saved: CardState | None,
) -> MergeWrite:
    """One question's write: its `new` reviews and, if Anki reviewed it last, its schedule."""
    replayed, logs = _replay(scheduler, card, known, new)
    ours = [review.reviewed_at for review in known]
    if saved is not None and saved.last_review is not None:
        ours.append(saved.last_review)
    theirs = max(review.reviewed_at for review in card.reviews)
    state: CardState | None = None
    if not ours or theirs > max(ours):
        state = replayed if card.schedule is None else _as_set(card, card.schedule, replayed)
    merged = tuple(MergedReview(review, logs[id(review)]) for review in new)
    return MergeWrite(
        card.deck_id,
        card.question_id,
        merged,
        None if state is None else state.to_json(),
        None if state is None else state.due,
    )


def _replay(
    scheduler: StudyScheduler,
    card: IncomingCard,
    known: list[PastReview],
    new: list[PastReview],
) -> tuple[CardState, dict[int, str]]:
    """The card after every review in time order, and each review's log by its `id()`."""
    everything = sorted([*known, *new], key=lambda review: review.reviewed_at)
    state = new_card(card.deck_id, card.question_id, everything[0].reviewed_at)
    logs: dict[int, str] = {}
    for review in everything:
        state, logs[id(review)] = scheduler.review(
            state, Rating(review.rating), review.reviewed_at, review.seconds
        )
    return state, logs


def _as_set(card: IncomingCard, schedule: IncomingSchedule, replayed: CardState) -> CardState:
    """The card as the other client scheduled it; the replayed memory where it keeps none."""
    steps = STEPS.get(schedule.phase)
    step = None if steps is None else min(max(0, steps - schedule.steps_left), steps - 1)
    last: datetime = max(review.reviewed_at for review in card.reviews)
    return CardState(
        card_id=card_key(card.deck_id, card.question_id),
        phase=PHASES[schedule.phase],
        due=schedule.due,
        stability=schedule.stability if schedule.stability is not None else replayed.stability,
        difficulty=schedule.difficulty if schedule.difficulty is not None else replayed.difficulty,
        step=step,
        last_review=last,
    )
