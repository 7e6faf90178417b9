"""Which flags still stand: a flag clears itself once its question's content changes.

Joins the store's flags with the decks as they are now. Knows no UI; `quiz flagged`
and the app's screens both use it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from quiz.deck.fingerprint import content_fingerprint
from quiz.deck.model import AnyQuestion, Deck
from quiz.store.database import Database
from quiz.store.flags import Flag, clear_flags, load_flags, raise_flag


@dataclass(frozen=True, slots=True)
class OpenFlag:
    """A flag on a question whose content is still what the learner flagged."""

    deck: Deck
    question: AnyQuestion
    flag: Flag


def flag_question(database: Database, deck: Deck, question: AnyQuestion, note: str) -> None:
    """Flag `question` as it reads now, with an optional one-line note."""
    one_line = " ".join(note.split())
    raise_flag(database, deck.id, question.id, one_line, content_fingerprint(question))


def open_flags(database: Database, decks: Iterable[Deck]) -> list[OpenFlag]:
    """The flags on these decks' questions that still apply; the others are cleared.

    Flags on decks not given here are left alone: they may belong to decks the
    learner keeps elsewhere.
    """
    at = {deck.id: (deck, deck.questions.positions()) for deck in decks}
    standing: list[OpenFlag] = []
    stale: list[tuple[str, str]] = []
    for flag in load_flags(database):
        if flag.deck_id not in at:
            continue
        deck, positions = at[flag.deck_id]
        position = positions.get(flag.question_id)
        question = None if position is None else deck.questions[position]
        if question is not None and content_fingerprint(question) == flag.fingerprint:
            standing.append(OpenFlag(deck, question, flag))
        else:
            stale.append((flag.deck_id, flag.question_id))
    clear_flags(database, stale)
    return standing
