"""A studied card's schedule and history as plain values, for a client other than ours (Anki).

Why here, below study and the exporter: the study package is the only one that reads the
scheduler's state (it fills these records), and the Anki package the only one that
writes Anki's numbers (it reads them); the two may not import each other, so the record
they share sits in the layer both stand on. Also the one query for a deck's review log
in time order. No scheduler, no genanki, no UI here.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from quiz.store.database import Database
from quiz.store.instants import from_timestamp

ANKI_DAY_BEGINS = timedelta(hours=4)
"""When Anki's day begins after local midnight: its "next day starts at" setting, 4 a.m.
unless the learner changed it. A card due on the learner's day D is due on Anki's day D,
which runs from 4 a.m. on D to 4 a.m. the next morning."""


@dataclass(frozen=True, slots=True)
class PastReview:
    """One review as the store keeps it: when, the rating (1–4) and how long it took."""

    reviewed_at: datetime
    rating: int
    seconds: float | None


@dataclass(frozen=True, slots=True)
class ReviewStep:
    """One review of a card with where it left the card: `phase_before` is the card's phase
    when it was shown ("new", "learning", "review", "relearning") and `due_after` when the
    review made it due next."""

    review: PastReview
    phase_before: str
    due_after: datetime


@dataclass(frozen=True, slots=True)
class StudiedCard:
    """A card the learner has reviewed at least once: its schedule now and its reviews.

    `phase` is "learning", "review" or "relearning"; `due_day` is the learner's calendar
    day on which `due` falls; `review_day` the day of the last review as Anki counts days
    (ANKI_DAY_BEGINS), from which Anki counts a review card's interval; `steps_left`
    counts the (re)learning steps still to go.
    """

    phase: str
    due: datetime
    due_day: date
    stability: float
    difficulty: float
    last_review: datetime
    review_day: date
    steps_left: int
    reviews: tuple[ReviewStep, ...]


@dataclass(frozen=True, slots=True)
class StudyProgress:
    """The learner's progress at one moment, by (deck id, question id).

    `today` is the learner's day at that moment as Anki counts days (ANKI_DAY_BEGINS) and
    `day_start` the instant it began: an export numbers days from there, as Anki numbers
    them from a collection's creation.
    """

    today: date
    day_start: datetime
    cards: dict[tuple[str, str], StudiedCard]


def deck_reviews(db: Database, deck_id: str) -> dict[str, list[PastReview]]:
    """Every review of a deck's questions by question id, oldest first."""
    rows = db.query(
        "SELECT question_id, rating, seconds, reviewed_at FROM reviews WHERE deck_id = ?"
        " ORDER BY reviewed_at, id",
        (deck_id,),
    )
    reviews: dict[str, list[PastReview]] = {}
    for row in rows:
        review = PastReview(from_timestamp(row["reviewed_at"]), row["rating"], row["seconds"])
        reviews.setdefault(row["question_id"], []).append(review)
    return reviews


@dataclass(frozen=True, slots=True)
class IncomingSchedule:
    """A card's schedule as another client (Anki) set it, in our terms.

    `phase` is "learning", "review" or "relearning"; `due` the instant it is due there
    (for a card due on a day, the moment that day begins there); `steps_left` the
    (re)learning steps still to go; `stability` and `difficulty` FSRS's memory of it when
    that client keeps one (Anki does when FSRS is on), else None.
    """

    phase: str
    due: datetime
    steps_left: int
    stability: float | None
    difficulty: float | None


@dataclass(frozen=True, slots=True)
class IncomingCard:
    """One of our questions as another client holds it: every review of it there, oldest
    first (those that went there from here too), and its schedule there now (None for a
    card that is new there again)."""

    deck_id: str
    question_id: str
    reviews: tuple[PastReview, ...]
    schedule: IncomingSchedule | None
