"""A studied card's schedule and reviews in Anki's numbers: the columns of `cards` and `revlog`.

Pure mapping from plain records (`quiz.store.progress`, filled by the study package); no
scheduler, no genanki, no I/O. Anki's rules it follows, checked with anki 26.9.3:
- A review card's `due` is a day number counted from the collection's creation (`crt`).
  The importer (with scheduling) shifts it by how many days the package's collection is
  ahead of the learner's, reckoning the package's days as whole days since its `crt`. The
  package's `crt` is the start of the learner's day at export (`StudyProgress.day_start`),
  so a card due on the learner's day D has `due` = D − today and lands on day D in Anki.
- A review card's `ivl` is its due day less the day of its last review, as Anki counts
  days (from 4 a.m.): what Anki itself would hold after that review, to the day.
- A (re)learning card's `due` is a Unix time in seconds; `left` its steps to go.
- FSRS's memory state lives in the card's `data` JSON: `s` stability, `d` difficulty,
  `lrt` the last review's Unix time (Anki keeps 32-bit floats, rounding stability to four
  decimals and difficulty to three).
- A `revlog` row's id is the review's time in ms; `ivl` is days when positive and seconds
  when negative; `type` 0 learning, 1 review, 2 relearning; `time` at most 60 000 ms.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from quiz.store.instants import millis
from quiz.store.progress import ReviewStep, StudiedCard

FACTOR = 2500
"""Ease in permille: Anki's starting ease, given to every studied card (FSRS ignores it)."""

MAX_TAKEN_MS = 60_000
"""Anki's default cap on a review's recorded time."""

CARD_TYPE = {"learning": 1, "review": 2, "relearning": 3}
QUEUE = {"learning": 1, "review": 2, "relearning": 1}
REVLOG_TYPE = {"new": 0, "learning": 0, "review": 1, "relearning": 2}

Row = tuple[object, ...]


@dataclass(frozen=True, slots=True)
class AnkiSchedule:
    """A card's scheduling columns, `type` to `flags` and `data`, in `cards` order."""

    type: int
    queue: int
    due: int
    ivl: int
    factor: int
    reps: int
    lapses: int
    left: int
    data: str

    def columns(self) -> Row:
        """`type` … `data` of a `cards` row (`odue`, `odid` and `flags` are 0)."""
        head = (self.type, self.queue, self.due, self.ivl, self.factor)
        return (*head, self.reps, self.lapses, self.left, 0, 0, 0, self.data)


NEW = AnkiSchedule(0, 0, 0, 0, 0, 0, 0, 0, "")
"""A card never studied, as genanki writes one (due 0: Anki numbers new cards on import)."""


def anki_schedule(card: StudiedCard, today: date) -> AnkiSchedule:
    """The card's columns in a package whose day 0 is `today`."""
    review = card.phase == "review"
    return AnkiSchedule(
        type=CARD_TYPE[card.phase],
        queue=QUEUE[card.phase],
        due=(card.due_day - today).days if review else int(card.due.timestamp()),
        ivl=max(1, (card.due_day - card.review_day).days) if review else 0,
        factor=FACTOR,
        reps=len(card.reviews),
        lapses=sum(1 for step in card.reviews if _is_lapse(step)),
        left=0 if review else card.steps_left,
        data=_memory(card),
    )


def revlog_rows(card_id: int, steps: Iterable[ReviewStep], taken: set[int]) -> list[Row]:
    """One `revlog` row per review of the card; `taken` holds the ids used so far, so two
    reviews in the same millisecond get consecutive ids rather than one row."""
    rows: list[Row] = []
    last_ivl = 0
    for step in steps:
        review = step.review
        row_id = millis(review.reviewed_at)
        while row_id in taken:
            row_id += 1
        taken.add(row_id)
        ivl = _revlog_interval(review.reviewed_at, step.due_after)
        taken_ms = min(MAX_TAKEN_MS, round((review.seconds or 0) * 1000))
        kind = REVLOG_TYPE[step.phase_before]
        rows.append((row_id, card_id, -1, review.rating, ivl, last_ivl, FACTOR, taken_ms, kind))
        last_ivl = ivl
    return rows


def _is_lapse(step: ReviewStep) -> bool:
    """Forgetting a card in review: what Anki counts as a lapse."""
    return step.phase_before == "review" and step.review.rating == 1


def _days_between(start: datetime, end: datetime) -> int:
    """Whole days from `start` to `end`, at least one: a review card's interval."""
    return max(1, round((end - start) / timedelta(days=1)))


def _revlog_interval(at: datetime, due: datetime) -> int:
    """The interval a review gave, as the review log keeps it: days, or under a day −seconds."""
    if due - at >= timedelta(days=1):
        return _days_between(at, due)
    return -max(1, round((due - at).total_seconds()))


def _memory(card: StudiedCard) -> str:
    """The card's `data`: FSRS's memory state and last review time, as Anki writes them."""
    memory = {"s": card.stability, "d": card.difficulty, "lrt": int(card.last_review.timestamp())}
    return json.dumps(memory, separators=(",", ":"))
