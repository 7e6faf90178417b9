"""A learner simulated from known FSRS parameters, their reviews written into a store: the
history on which fitting parameters must beat FSRS's defaults.

The learner forgets faster than FSRS's defaults expect (lower first stabilities, a
steeper forgetting curve); whether they recall a card is drawn from the recall those true
parameters predict, while the cards fall due as the app with its default parameters
schedules them, as they would for a learner who never fitted their own.
"""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta

import fsrs
from fsrs.scheduler import DEFAULT_PARAMETERS

from quiz.store.database import Database
from quiz.store.instants import timestamp

TRUE_PARAMETERS = (
    *(0.1, 0.5, 1.5, 6.0),  # the stability after a first Again, Hard, Good, Easy
    *DEFAULT_PARAMETERS[4:8],
    1.2,  # how much a recall strengthens memory (the defaults: 1.87)
    *DEFAULT_PARAMETERS[9:20],
    0.3,  # the forgetting curve's decay (the defaults: 0.15)
)
START = datetime(2026, 1, 1, 9, tzinfo=UTC)


def simulate(cards: int, days: int = 120, seed: int = 7) -> list[tuple[str, datetime, int]]:
    """(question id, time, rating) of each review of `cards` cards, started over the first
    half of `days`, each reviewed when due, once a day at most, at 9:00 UTC."""
    rng = random.Random(seed)
    plain = {"learning_steps": (), "relearning_steps": (), "enable_fuzzing": False}
    truth = fsrs.Scheduler(parameters=TRUE_PARAMETERS, **plain)  # type: ignore[arg-type]
    app = fsrs.Scheduler(**plain)  # type: ignore[arg-type]
    reviews = []
    for number in range(cards):
        at = START + timedelta(days=number * days // (2 * cards))
        known = scheduled = fsrs.Card(card_id=number + 1, due=at)
        while at < START + timedelta(days=days):
            rating = _rating(rng, truth.get_card_retrievability(known, at), known)
            reviews.append((f"q{number}", at, rating))
            known, _ = truth.review_card(known, fsrs.Rating(rating), at)
            scheduled, _ = app.review_card(scheduled, fsrs.Rating(rating), at)
            at = max(scheduled.due, at + timedelta(days=1)).replace(hour=9, minute=0)
    return reviews


def _rating(rng: random.Random, recall: float, card: fsrs.Card) -> int:
    if card.last_review is None:
        return rng.choices([1, 2, 3, 4], [0.3, 0.1, 0.5, 0.1])[0]
    if rng.random() > recall:
        return 1
    return rng.choices([2, 3, 4], [0.1, 0.8, 0.1])[0]


def add_reviews(db: Database, deck_id: str, reviews: list[tuple[str, datetime, int]]) -> None:
    """Write the reviews as the app saves them (their FSRS logs left out: nothing reads them)."""
    with db.transaction() as connection:
        connection.executemany(
            "INSERT INTO reviews (deck_id, question_id, rating, reviewed_at, log)"
            " VALUES (?, ?, ?, ?, '{}')",
            [(deck_id, question, rating, timestamp(at)) for question, at, rating in reviews],
        )
