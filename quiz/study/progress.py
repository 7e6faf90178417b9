"""Numbers for the home screen and the statistics screen, read from the store.

Definitions, used the same way everywhere:
- a deck's questions are *suspended* (never shown until unsuspended), *buried* (not
  shown until a later day), or else *new* (never reviewed), *due now* (reviewed, due at
  or before now) or *learned* (reviewed, not due yet); the five add up to the deck's
  size, and questions removed from the YAML are not counted even though their state is
  kept;
- a review was *recalled* when the answer was checked right, or, for a flashcard
  reveal where nothing was checked, when the learner rated it anything but Again;
  *retention* is the share of reviews recalled;
- a question was *missed* by a wrong quiz answer or a review not recalled;
- a review merged from Anki (`quiz merge`) counts like the terminal's own; the chart
  says how many of its reviews came from Anki.
Reads only; nothing here knows about Textual.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import date, datetime, timedelta, tzinfo

from quiz.deck.model import Deck
from quiz.store.card_marks import mark_rows
from quiz.store.database import Database
from quiz.store.instants import from_timestamp, timestamp
from quiz.store.merge import SOURCE_ANKI
from quiz.study.times import days_back, start_of_day

RECALLED = "COALESCE(correct, rating > 1)"
"""SQL for "this review was recalled"; `correct` is NULL for a flashcard reveal."""


@dataclass(frozen=True, slots=True)
class DeckProgress:
    """Where a deck stands at a moment; `next_due` is None when nothing is scheduled later
    (cards set aside not counted)."""

    due_now: int
    new: int
    learned: int
    next_due: datetime | None
    suspended: int = 0
    buried: int = 0


@dataclass(frozen=True, slots=True)
class DayReviews:
    """The reviews of one calendar day, for a chart; `from_anki` of them merged from Anki."""

    day: date
    reviews: int
    recalled: int
    from_anki: int = 0


@dataclass(frozen=True, slots=True)
class Retention:
    """How many reviews there were and how many of them were recalled."""

    reviews: int
    recalled: int

    @property
    def share(self) -> float | None:
        """Recalled / reviews, None before the first review."""
        return self.recalled / self.reviews if self.reviews else None


@dataclass(frozen=True, slots=True)
class MissedQuestion:
    """A question the learner got wrong; `attempts` counts quiz answers and reviews."""

    deck_id: str
    question_id: str
    misses: int
    attempts: int


def deck_progress(db: Database, deck: Deck, now: datetime) -> DeckProgress:
    """Due now, new, learned, suspended and buried counts of the deck's current questions,
    and the next due time of a card not set aside.

    `next_due` is the earliest due time after `now` (what is due before is in `due_now`).
    """
    suspended, buried = _set_aside(db, deck, now)
    rows = db.query("SELECT question_id, due FROM cards WHERE deck_id = ?", (deck.id,))
    aside = len(suspended) + len(buried)
    if not rows:  # never studied: no need to look through a big deck's questions
        return DeckProgress(0, len(deck.questions) - aside, 0, None, len(suspended), len(buried))
    saved = {row["question_id"]: from_timestamp(row["due"]) for row in rows}
    set_aside = suspended | buried
    dues = [saved[q.id] for q in deck.questions if q.id in saved and q.id not in set_aside]
    later = [due for due in dues if due > now]
    return DeckProgress(
        due_now=len(dues) - len(later),
        new=len(deck.questions) - len(dues) - aside,
        learned=len(later),
        next_due=min(later, default=None),
        suspended=len(suspended),
        buried=len(buried),
    )


def _set_aside(db: Database, deck: Deck, now: datetime) -> tuple[set[str], set[str]]:
    """The ids of the deck's current questions suspended, and of those buried (not
    suspended) past `now`."""
    marks = mark_rows(db, deck.id)
    if not marks:
        return set(), set()
    current = {question.id for question in deck.questions}
    suspended = {m.question_id for m in marks if m.suspended_at is not None}
    buried = {m.question_id for m in marks if m.buried_until is not None and m.buried_until > now}
    return suspended & current, (buried - suspended) & current


def reviews_per_day(
    db: Database,
    now: datetime,
    *,
    days: int = 30,
    deck_id: str | None = None,
    tz: tzinfo | None = None,
) -> list[DayReviews]:
    """The last `days` calendar days up to today, oldest first, days without reviews as 0.

    SQLite counts them: each review is put in its day by comparing its time with the
    instants the days begin (any zone, summer time included), one pass over the reviews
    however many there are.
    """
    calendar = days_back(now, days, tz)
    starts = [
        timestamp(start_of_day(day, tz)) for day in [*calendar, calendar[-1] + timedelta(days=1)]
    ]
    day_of = " ".join(f"WHEN reviewed_at < ? THEN {n}" for n in range(len(calendar)))
    rows = db.query(
        f"SELECT CASE {day_of} END AS day, COUNT(*) AS reviews, SUM({RECALLED}) AS recalled,"
        f" SUM(source = '{SOURCE_ANKI}') AS anki FROM reviews"
        " WHERE reviewed_at >= ? AND reviewed_at < ? AND (? IS NULL OR deck_id = ?)"
        " GROUP BY day",
        (*starts[1:], starts[0], starts[-1], deck_id, deck_id),
    )
    counted = {row["day"]: (row["reviews"], row["recalled"], row["anki"]) for row in rows}
    return [DayReviews(day, *counted.get(n, (0, 0, 0))) for n, day in enumerate(calendar)]


def retention(
    db: Database, *, deck_id: str | None = None, since: datetime | None = None
) -> Retention:
    """Reviews and recalled reviews, of one deck or all, since a moment or ever."""
    start = None if since is None else timestamp(since)
    rows = db.query(
        f"SELECT COUNT(*) AS reviews, COALESCE(SUM({RECALLED}), 0) AS recalled FROM reviews"
        " WHERE (? IS NULL OR deck_id = ?) AND (? IS NULL OR reviewed_at >= ?)",
        (deck_id, deck_id, start, start),
    )
    return Retention(reviews=rows[0]["reviews"], recalled=rows[0]["recalled"])


def most_missed(
    db: Database,
    *,
    deck_id: str | None = None,
    among: Collection[str] | None = None,
    limit: int | None = 10,
) -> list[MissedQuestion]:
    """The questions missed most often in quizzes and reviews together, worst first.

    Ties go to the higher share of misses, then to the ids. Only the deck `deck_id`, or
    the decks `among`, when given. The ids may name questions since removed from their
    deck; the caller shows only those it can still find, so it may ask for them all
    (`limit=None`) and keep the first it finds.
    """
    decks = [] if among is None else list(among)
    rows = db.query(
        "SELECT deck_id, question_id, SUM(missed) AS misses, COUNT(*) AS attempts FROM ("
        "  SELECT deck_id, question_id, correct = 0 AS missed FROM answers"
        f"  UNION ALL SELECT deck_id, question_id, NOT {RECALLED} FROM reviews"
        ") WHERE (? IS NULL OR deck_id = ?)"
        f" AND (? OR deck_id IN ({', '.join('?' * len(decks))}))"
        " GROUP BY deck_id, question_id HAVING misses > 0"
        " ORDER BY misses DESC, CAST(misses AS REAL) / attempts DESC, deck_id, question_id"
        " LIMIT ?",
        # SQLite: LIMIT -1 is no limit
        (deck_id, deck_id, among is None, *decks, -1 if limit is None else limit),
    )
    return [
        MissedQuestion(row["deck_id"], row["question_id"], row["misses"], row["attempts"])
        for row in rows
    ]
