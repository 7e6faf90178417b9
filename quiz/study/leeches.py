"""Leeches: cards the learner keeps forgetting, suspended and listed for the deck's author.

A card is *forgotten* (a lapse, as Anki counts them) when it is rated Again in review,
after it was learned; an Again while first learning or relearning it is no lapse. When a
lapse brings the card's count to the deck's leech threshold (8 by default, as in Anki),
and again every half threshold after that (12, 16, …: Anki's rule), the card is marked a
leech and suspended, in the transaction that saves the review. A question learners keep
failing is often a bad question: `quiz flagged` lists leeches with `path:line` beside
flags, until the question's content changes, as a flag clears then.

The store keeps no phase per review, so lapses are counted by replaying the card's ratings
through the scheduler: phases follow the ratings alone, whatever the times and fuzz.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from quiz.deck.fingerprint import content_fingerprint
from quiz.deck.model import AnyQuestion, Deck
from quiz.store.card_marks import Change, MarkRow, clear_leeches, leech_rows
from quiz.store.cards import card_ratings
from quiz.store.database import Database
from quiz.study.scheduler import CardState, Rating, StudyScheduler, card_key


@dataclass(frozen=True, slots=True)
class LeechRule:
    """How a sitting watches for leeches: the deck's threshold (0: it does not), and the
    fingerprint of the question on show, kept with the mark."""

    threshold: int
    fingerprint: str


@dataclass(frozen=True, slots=True)
class OpenLeech:
    """A leech whose question still reads as it did when the card became one."""

    deck: Deck
    question: AnyQuestion
    lapses: int


def lapses(db: Database, deck_id: str, question_id: str) -> int:
    """How many times the learner forgot the question's card: Agains given in review."""
    replay = StudyScheduler(fuzzing=False)
    card: CardState | None = None
    count = 0
    for rating, moment in card_ratings(db, deck_id, question_id):
        card = card or CardState.new(card_key(deck_id, question_id), moment)
        count += rating == Rating.Again and card.phase == "review"
        card, _ = replay.review(card, Rating(rating), moment)
    return count


def threshold_met(lapses: int, threshold: int) -> bool:
    """Whether the lapse that brought the count to `lapses` makes the card a leech: at the
    threshold, then every half threshold (rounded up) after it, as Anki does."""
    if threshold <= 0:
        return False
    half = max(1, -(-threshold // 2))
    return lapses >= threshold and (lapses - threshold) % half == 0


def leech_mark(question_id: str, fingerprint: str) -> Change:
    """The change a leech's review makes to the card's marks: suspended (and no longer
    buried), marked a leech since its first time, with the question's content now."""

    def mark(before: MarkRow | None, now: datetime) -> MarkRow:
        marks = before or MarkRow(question_id)
        return marks._replace(
            suspended_at=marks.suspended_at or now,
            buried_until=None,
            leech_at=marks.leech_at or now,
            leech_fingerprint=fingerprint,
        )

    return mark


def open_leeches(db: Database, decks: Iterable[Deck]) -> list[OpenLeech]:
    """The leeches of these decks' questions that still read as they did; the marks of
    those since changed are cleared (their cards stay suspended until the learner says).

    Leeches of decks not given are left alone, as flags are (`quiz.flagging`).
    """
    questions = {(d.id, q.id): (d, q) for d in decks for q in d.questions}
    deck_ids = {deck_id for deck_id, _ in questions}
    standing: list[OpenLeech] = []
    stale: list[tuple[str, str]] = []
    for deck_id, mark in leech_rows(db):
        found = questions.get((deck_id, mark.question_id))
        if found and content_fingerprint(found[1]) == mark.leech_fingerprint:
            standing.append(OpenLeech(*found, lapses(db, deck_id, mark.question_id)))
        elif deck_id in deck_ids:
            stale.append((deck_id, mark.question_id))
    clear_leeches(db, stale)
    return standing
