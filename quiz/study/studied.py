"""The learner's progress as plain records (`quiz.store.progress`), for the Anki export.

The store keeps each card's state now and each review's rating and time, not the state a
review found the card in nor the interval it gave. Anki's review log wants both, so the
reviews are replayed here through the scheduler without fuzz from a new card: the phases
come out exactly as they were (they follow the ratings and steps alone), the intervals
as the scheduler gave them before fuzz (within a few percent of the real ones). The
card's state now, stability and difficulty included, is the saved one, exact.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import tzinfo

from quiz.store.database import Database
from quiz.store.progress import (
    ANKI_DAY_BEGINS,
    PastReview,
    ReviewStep,
    StudiedCard,
    StudyProgress,
    deck_reviews,
)
from quiz.study.cards import load_cards, new_card
from quiz.study.scheduler import CardState, Rating, StudyScheduler
from quiz.study.times import local_day, start_of_day

STEPS: dict[str, int] = {"learning": 2, "relearning": 1}
"""How many steps each phase has: fsrs 6's defaults (1 and 10 minutes; 10 minutes), which
`StudyScheduler` keeps."""


def study_progress(
    db: Database, deck_ids: Iterable[str], tz: tzinfo | None = None
) -> StudyProgress:
    """Every studied card of the decks, with days counted in the learner's zone `tz`
    (None: the computer's). `today` is the day as Anki counts it, which begins at
    ANKI_DAY_BEGINS: between midnight and then it is still yesterday."""
    now = db.now()
    today = local_day(now - ANKI_DAY_BEGINS, tz)
    replay = StudyScheduler(fuzzing=False)
    cards: dict[tuple[str, str], StudiedCard] = {}
    for deck_id in deck_ids:
        reviews = deck_reviews(db, deck_id)
        for question_id, card in load_cards(db, deck_id).items():
            past = reviews.get(question_id, [])
            if card.is_new or not past:
                continue
            steps = _replayed(replay, new_card(deck_id, question_id, past[0].reviewed_at), past)
            cards[deck_id, question_id] = _studied(card, steps, tz)
    return StudyProgress(today, start_of_day(today, tz) + ANKI_DAY_BEGINS, cards)


def _replayed(
    scheduler: StudyScheduler, card: CardState, reviews: list[PastReview]
) -> tuple[ReviewStep, ...]:
    """Each review with the phase it found the card in and the due time it gave."""
    steps: list[ReviewStep] = []
    for review in reviews:
        after, _ = scheduler.review(card, Rating(review.rating), review.reviewed_at)
        steps.append(ReviewStep(review, card.phase, after.due))
        card = after
    return tuple(steps)


def _studied(card: CardState, steps: tuple[ReviewStep, ...], tz: tzinfo | None) -> StudiedCard:
    """The plain record of a saved card; the last review's due time is the saved one."""
    last = steps[-1]
    steps = (*steps[:-1], ReviewStep(last.review, last.phase_before, card.due))
    last_review = card.last_review or last.review.reviewed_at
    return StudiedCard(
        phase=card.phase,
        due=card.due,
        due_day=local_day(card.due, tz),
        stability=card.stability or 0.0,
        difficulty=card.difficulty or 0.0,
        last_review=last_review,
        review_day=local_day(last_review - ANKI_DAY_BEGINS, tz),
        steps_left=max(1, STEPS[card.phase] - (card.step or 0)) if card.phase in STEPS else 0,
        reviews=steps,
    )
