"""FSRS behind our own small types; the only module in the project that imports `fsrs`.

Why a wrapper: the store, the study queue and the screens speak `Rating` and
`CardState`, so a new fsrs version touches this file alone. A card's state is saved as
fsrs's own JSON, which round-trips exactly (LIBRARY-FACTS.md, "fsrs 6").
Nothing here knows about the store or Textual.
"""

from __future__ import annotations

import hashlib
import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import IntEnum
from typing import Literal

import fsrs
from fsrs.scheduler import (
    DEFAULT_PARAMETERS,
    FUZZ_RANGES,
    LOWER_BOUNDS_PARAMETERS,
    UPPER_BOUNDS_PARAMETERS,
)

from quiz.store.instants import as_utc

Phase = Literal["new", "learning", "review", "relearning"]
"""Where a card is in its life: FSRS's three states, plus "new" for never reviewed."""

_PHASE_OF_STATE: dict[fsrs.State, Phase] = {
    fsrs.State.Learning: "learning",
    fsrs.State.Review: "review",
    fsrs.State.Relearning: "relearning",
}
_STATE_OF_PHASE: dict[Phase, fsrs.State] = {
    "new": fsrs.State.Learning,
    **{phase: state for state, phase in _PHASE_OF_STATE.items()},
}


class Rating(IntEnum):
    """How well the learner recalled a card: FSRS's values, which are also the keys 1–4."""

    Again = 1
    Hard = 2
    Good = 3
    Easy = 4


def card_key(deck_id: str, question_id: str) -> int:
    """FSRS's card id for a question, derived from the question's stable key.

    It must never change for a question (review logs name it), so it is a hash of
    (deck id, question id) rather than a creation time; 48 bits keep it exact as a
    JSON number in any reader.
    """
    digest = hashlib.sha256(f"{deck_id}\0{question_id}".encode()).digest()
    return int.from_bytes(digest[:6], "big")


@dataclass(frozen=True, slots=True)
class CardState:
    """A card's schedule: when it is due next and FSRS's memory model of it.

    `stability` (days until recall falls to 90%) and `difficulty` (1–10) are None until
    the first review; `step` is FSRS's position in the (re)learning steps.
    """

    card_id: int
    phase: Phase
    due: datetime
    stability: float | None = None
    difficulty: float | None = None
    step: int | None = 0
    last_review: datetime | None = None

    @classmethod
    def new(cls, card_id: int, due: datetime) -> CardState:
        """A card never reviewed, due at `due` (the moment it is first offered)."""
        return cls(card_id=card_id, phase="new", due=as_utc(due))

    @property
    def is_new(self) -> bool:
        return self.phase == "new"

    def to_json(self) -> str:
        """The stored form: fsrs's own JSON for the card."""
        return _to_fsrs(self).to_json()

    @classmethod
    def from_json(cls, text: str) -> CardState:
        """A card read back from the stored form; ValueError or KeyError if it is damaged."""
        return _from_fsrs(fsrs.Card.from_json(text))


def _to_fsrs(card: CardState) -> fsrs.Card:
    return fsrs.Card(
        card_id=card.card_id,
        state=_STATE_OF_PHASE[card.phase],
        step=card.step,
        stability=card.stability,
        difficulty=card.difficulty,
        due=as_utc(card.due),
        last_review=None if card.last_review is None else as_utc(card.last_review),
    )


def _from_fsrs(card: fsrs.Card) -> CardState:
    return CardState(
        card_id=card.card_id,
        phase="new" if card.last_review is None else _PHASE_OF_STATE[card.state],
        due=as_utc(card.due),
        stability=card.stability,
        difficulty=card.difficulty,
        step=card.step,
        last_review=None if card.last_review is None else as_utc(card.last_review),
    )


class StudyScheduler:
    """FSRS with the app's settings, and fuzz the app draws itself.

    Fuzz spreads review intervals of 2.5 days or more by a few days either way, so cards
    learned together do not stay bunched up (fsrs's own rule and ranges). fsrs draws it
    inside each review, after any preview; here a draw (`fuzz`, in [0, 1)) is taken once
    per showing of a card and handed to both `preview` and `review`, so the interval a
    button shows is the interval saved. `fuzzing=False` (tests) makes every draw None:
    no fuzz, exact dates.
    """

    def __init__(
        self,
        *,
        fuzzing: bool = True,
        desired_retention: float = 0.9,
        parameters: Sequence[float] | None = None,
        draw: Callable[[], float] = random.random,
    ) -> None:
        self._fsrs = fsrs.Scheduler(
            parameters=DEFAULT_PARAMETERS if parameters is None else within_bounds(parameters),
            desired_retention=desired_retention,
            enable_fuzzing=False,
        )
        self._fuzzing = fuzzing
        self._draw = draw

    @property
    def desired_retention(self) -> float:
        return float(self._fsrs.desired_retention)

    @property
    def parameters(self) -> tuple[float, ...]:
        return tuple(self._fsrs.parameters)

    def for_deck(
        self, desired_retention: float, parameters: Sequence[float] | None
    ) -> StudyScheduler:
        """This scheduler with a deck's own desired retention and FSRS parameters (None:
        FSRS's defaults)."""
        return StudyScheduler(
            fuzzing=self._fuzzing,
            desired_retention=desired_retention,
            parameters=parameters,
            draw=self._draw,
        )

    def fuzz(self) -> float | None:
        """A fresh draw for one showing of a card; None when fuzzing is off."""
        return self._draw() if self._fuzzing else None

    def review(
        self,
        card: CardState,
        rating: Rating,
        at: datetime,
        seconds: float | None = None,
        *,
        fuzz: float | None = None,
    ) -> tuple[CardState, str]:
        """The card after `rating` at `at`, and fsrs's review log as JSON.

        Pure: nothing is saved (`quiz.study.cards.record_review` does that). `fuzz` is
        the showing's draw (None: no fuzz); the same draw gives the same date.
        """
        after, log = self._fsrs.review_card(
            _to_fsrs(card),
            fsrs.Rating(int(rating)),
            review_datetime=as_utc(at),
            review_duration=None if seconds is None else round(seconds * 1000),
        )
        if fuzz is not None and after.state == fsrs.State.Review:
            days = fuzzed_days((after.due - as_utc(at)).days, fuzz, self._fsrs.maximum_interval)
            after.due = as_utc(at) + timedelta(days=days)
        return _from_fsrs(after), log.to_json()

    def preview(
        self, card: CardState, at: datetime, *, fuzz: float | None = None
    ) -> dict[Rating, datetime]:
        """When the card would be due after each rating at `at`, for the rating buttons:
        `review` with the same draw, so each is the date that rating saves."""
        return {rating: self.review(card, rating, at, fuzz=fuzz)[0].due for rating in Rating}


def within_bounds(parameters: Sequence[float]) -> tuple[float, ...]:
    """`parameters` moved into fsrs's bounds, which it checks strictly.

    The optimizer (fsrs-rs) computes in 32-bit floats and clamps to the same bounds, so a
    parameter at a bound comes back a hair beyond it (0.8 as 0.800000011920929), and
    fsrs would refuse the whole set.
    """
    return tuple(
        min(max(value, low), high)
        for value, low, high in zip(
            parameters, LOWER_BOUNDS_PARAMETERS, UPPER_BOUNDS_PARAMETERS, strict=True
        )
    )


def fuzzed_days(days: int, draw: float, maximum: int) -> int:
    """A review interval of `days` moved by `draw` (0 ≤ draw < 1) within fsrs's fuzz range.

    fsrs's `_get_fuzzed_interval` with the random number passed in: under 2.5 days
    nothing moves; above, the range widens by 15% of the days from 2.5 to 7, 10% from 7
    to 20 and 5% beyond (Anki's ranges), and never passes `maximum`.
    """
    if days < 2.5:
        return days
    delta = 1.0 + sum(
        part["factor"] * max(min(float(days), part["end"]) - part["start"], 0.0)
        for part in FUZZ_RANGES
    )
    high = min(round(days + delta), maximum)
    low = min(max(2, round(days - delta)), high)
    return min(round(draw * (high - low + 1) + low), maximum)
